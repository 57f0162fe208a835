import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/extract/index.ts';

/**
 * One case per folder in test/fixtures/pages/<slug>/:
 * - `source.html` (UTF-8) or `source.bin` (raw bytes in the page's own encoding);
 * - `headers.json`: `{ url, headers: { 'content-type'? } }`, as the fetch stage stores them;
 * - `expected.json`: `article` (a partial ExtractedArticle, matched with toMatchObject),
 *   optional `paragraphs` (exact list), `paragraphCount`, `textIncludes`, `textExcludes`,
 *   or `error` (the error class name extraction must throw).
 * New cases: `node --import tsx scripts/new-page-case.ts <slug> <saved page>`.
 */
interface PageCase {
  article?: Record<string, unknown>;
  paragraphs?: string[];
  paragraphCount?: number;
  textIncludes?: string[];
  textExcludes?: string[];
  error?: string;
}

const ROOT = join(import.meta.dirname, '../fixtures/pages');
/** Fixed clock: "future" dates are judged against this, so the cases never expire. */
const NOW = new Date('2026-11-25T00:00:00Z');

const slugs = readdirSync(ROOT).filter((s) => existsSync(join(ROOT, s, 'expected.json'))).sort();

describe('extractArticle on fixture pages', () => {
  it('has cases', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(15);
  });

  for (const slug of slugs) {
    it(slug, async () => {
      // Prepare
      const dir = join(ROOT, slug);
      const sourceFile = existsSync(join(dir, 'source.bin')) ? 'source.bin' : 'source.html';
      const bytes = new Uint8Array(readFileSync(join(dir, sourceFile)));
      const { url, headers } = JSON.parse(readFileSync(join(dir, 'headers.json'), 'utf8')) as { url: string | null; headers: Record<string, string> };
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as PageCase;
      const input = { bytes, url, contentType: headers['content-type'] ?? null, now: NOW };

      // Act + Assess
      if (expected.error) {
        await expect(extractArticle(input)).rejects.toMatchObject({ name: expected.error });
        return;
      }
      const article = await extractArticle(input);
      if (expected.article) expect(article).toMatchObject(expected.article);
      if (expected.paragraphs) expect(article.paragraphs).toEqual(expected.paragraphs);
      if (expected.paragraphCount !== undefined) expect(article.paragraphs).toHaveLength(expected.paragraphCount);
      for (const s of expected.textIncludes ?? []) expect(article.text).toContain(s);
      for (const s of expected.textExcludes ?? []) expect(article.text).not.toContain(s);
      expect(article.text).toBe(article.paragraphs.join('\n\n'));
    });
  }
});
