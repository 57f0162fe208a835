/**
 * Benchmark driver for `bench/extract/score.mjs`: prints one `{"file","text"}` JSON
 * line per HTML file given, using extractArticle only (no claims).
 *
 *   node --import tsx bench/extract-driver.ts a.html b.html ...
 */
import { readFile } from 'node:fs/promises';
import { extractArticle } from '../shared/extract/index.ts';

for (const file of process.argv.slice(2)) {
  try {
    const article = await extractArticle({ bytes: await readFile(file) });
    process.stdout.write(`${JSON.stringify({ file, text: article.text, title: article.title, authors: article.authors, publishedAt: article.publishedAt })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file, text: '', error: String(error) })}\n`);
  }
}
