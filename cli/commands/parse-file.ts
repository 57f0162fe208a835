import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Claim } from '../../shared/types.ts';

/** One line of `claimwire parse` output. */
export interface ParsedFile {
  file: string;
  title?: string | null;
  authors?: string[];
  publishedAt?: string | null;
  siteName?: string | null;
  language?: string | null;
  text?: string;
  claims?: Claim[];
  error?: { name: string; message: string };
}

/**
 * Parses one local file with no store: `.txt` is taken as the article text as is;
 * anything else as HTML bytes (decoded like a browser would).
 */
export async function parseFile(file: string): Promise<ParsedFile> {
  // Imported on demand: plain-text runs never pay for loading jsdom.
  const { extractClaims } = await import('../../shared/claims/index.ts');
  try {
    const bytes = await readFile(file);
    if (extname(file).toLowerCase() === '.txt') {
      const text = new TextDecoder('utf-8').decode(bytes);
      return { file, title: null, authors: [], publishedAt: null, siteName: null, language: null, text, claims: extractClaims(text) };
    }
    const { extractArticle } = await import('../../shared/extract/index.ts');
    const article = await extractArticle({ bytes, url: null });
    const claims = extractClaims(article.text, { paragraphs: article.paragraphs });
    return {
      file,
      title: article.title,
      authors: article.authors,
      publishedAt: article.publishedAt,
      siteName: article.siteName,
      language: article.language,
      text: article.text,
      claims,
    };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { file, error: { name: e.name, message: e.message } };
  }
}
