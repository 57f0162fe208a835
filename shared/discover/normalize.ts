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

// V8 knows only the US zone names (EST, PDT...), GMT, UT and Z; these are the
// others seen in news feeds. IST is left out: India and Ireland both use it.
const ZONE_OFFSETS: Record<string, string> = {
  WET: '+0000', WEST: '+0100', BST: '+0100', CET: '+0100', CEST: '+0200', MET: '+0100', MEST: '+0200',
  EET: '+0200', EEST: '+0300', MSK: '+0300', GST: '+0400', PKT: '+0500', HKT: '+0800', SGT: '+0800',
  AWST: '+0800', JST: '+0900', KST: '+0900', ACST: '+0930', AEST: '+1000', AEDT: '+1100', NZST: '+1200', NZDT: '+1300',
};

/**
 * Any date a feed writes (RFC 822 `Tue, 24 Nov 2026 08:30:00 GMT`, with zone
 * names like EST or CET; ISO 8601 / W3C-DTF, date only) as an ISO 8601 UTC
 * string; undefined when it cannot be read.
 */
export function toIsoDate(raw: string | undefined): string | undefined {
  let value = raw?.trim();
  if (!value || /^\d{1,3}$/.test(value)) return undefined; // "1" would parse as the year 2001
  // A date-time without a zone is read as UTC, not as the host's local time.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value)) value = `${value.replace(' ', 'T')}Z`;
  value = value.replace(/\s([A-Z]{3,4})$/, (whole, zone: string) => (ZONE_OFFSETS[zone] ? ` ${ZONE_OFFSETS[zone]}` : whole));
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  // Two-digit and far-future years are feed bugs, not dates worth sorting on.
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2200 ? date.toISOString() : undefined;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
};

/**
 * Plain single-line text: markup removed, whitespace collapsed; undefined when
 * empty. Titles are often HTML (Atom `type="html"`, escaped markup in RSS), so
 * after the XML layer one more round of common entities is decoded.
 */
export function cleanText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(?:#(\d{1,7})|#x([\dA-Fa-f]{1,6})|([A-Za-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return NAMED_ENTITIES[name!] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
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
