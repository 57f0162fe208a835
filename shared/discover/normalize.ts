/** Small value normalisers shared by the feed and sitemap readers. */

/**
 * Resolves `raw` against `base` and returns it only when it is an absolute
 * http(s) URL; `javascript:`, `mailto:` and unparseable values give undefined.
 */
export function resolveHttpUrl(raw: string | undefined, base: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Any date a feed writes (RFC 822 `Tue, 24 Nov 2026 08:30:00 GMT`, with zone
 * names like EST; ISO 8601 / W3C-DTF, date-only) as an ISO 8601 UTC string;
 * undefined when it cannot be read.
 */
export function toIsoDate(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  // A date-time without a zone is read as UTC, not as the host's local time.
  const zoned = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  // Two-digit and far-future years are feed bugs, not dates worth sorting on.
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2200 ? date.toISOString() : undefined;
}

/** Plain single-line text: markup removed, whitespace collapsed; undefined when empty. */
export function cleanText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(/<\/?[A-Za-z][^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Distinct, non-empty, trimmed names in first-seen order. */
export function uniqueNames(names: Array<string | undefined>): string[] | undefined {
  const out: string[] = [];
  for (const name of names) {
    const clean = cleanText(name);
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out.length > 0 ? out : undefined;
}
