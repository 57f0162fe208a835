/**
 * Turns a saved page into a fixture case for test/unit/extract-fixtures.test.ts:
 *
 *   node --import tsx scripts/new-page-case.ts <slug> <saved-page> [--url URL] [--content-type VALUE]
 *
 * Writes test/fixtures/pages/<slug>/ with the bytes as they are (`source.html` when they
 * are UTF-8, `source.bin` otherwise), `headers.json`, and an `expected.json` drafted from
 * what the extractor says today. Read the draft and correct it by hand: a case that
 * records a wrong answer protects nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '../shared/extract/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, 'content-type': { type: 'string' } },
});
const [slug, source] = positionals;
if (!slug || !source || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
  console.error('usage: new-page-case.ts <slug (kebab-case)> <saved-page> [--url URL] [--content-type VALUE]');
  process.exit(2);
}
const dir = join(import.meta.dirname, '../test/fixtures/pages', slug);
if (existsSync(dir)) {
  console.error(`${dir} exists already; pick another slug`);
  process.exit(2);
}
const bytes = new Uint8Array(await readFile(source));
let isUtf8 = true;
try {
  new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  isUtf8 = false;
}
const url = values.url ?? null;
const contentType = values['content-type'] ?? null;
const headers = { url, headers: contentType ? { 'content-type': contentType } : {} };

let expected: Record<string, unknown>;
try {
  const a = await extractArticle({ bytes, url, contentType });
  expected = {
    article: {
      title: a.title, authors: a.authors, publishedAt: a.publishedAt, modifiedAt: a.modifiedAt, language: a.language,
      siteName: a.siteName, canonicalUrl: a.canonicalUrl, encoding: a.encoding, flags: a.flags, origins: a.origins,
    },
    textIncludes: [a.paragraphs[0], a.paragraphs[a.paragraphs.length - 1]].filter((p): p is string => Boolean(p)).map((p) => p.slice(0, 120)),
    paragraphCount: a.paragraphs.length,
  };
} catch (error) {
  expected = { error: (error as Error).name };
}

await mkdir(dir, { recursive: true });
await writeFile(join(dir, isUtf8 ? 'source.html' : 'source.bin'), bytes);
await writeFile(join(dir, 'headers.json'), `${JSON.stringify(headers, null, 2)}\n`);
await writeFile(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${dir}: check expected.json by hand before committing`);
