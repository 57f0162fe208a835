import { createHash } from 'node:crypto';

/**
 * Deterministic article id from a canonical URL: the same article found through
 * two feeds (or with tracking parameters) gets one id, so writes are idempotent.
 * @example articleIdFor('https://example.com/a') // → 'a1b2…' (24 hex chars)
 */
export function articleIdFor(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 24);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Compares two S3 event sequencers. They are hex strings of possibly different
 * lengths; AWS documents that the shorter is right-padded with zeros before a
 * lexicographic comparison.
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const pa = a.toUpperCase().padEnd(width, '0');
  const pb = b.toUpperCase().padEnd(width, '0');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
