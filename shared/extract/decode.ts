import { ParseError } from '../errors.ts';
import type { ExtractedArticle } from '../types.ts';

export type Encoding = ExtractedArticle['encoding'];

/** How many bytes the `<meta charset>` prescan looks at, as in the HTML standard. */
const PRESCAN_BYTES = 1024;

/**
 * Maps a charset label to the encoding name TextDecoder uses, or null when the label
 * is unknown. Follows the WHATWG Encoding standard (Node's TextDecoder with full ICU):
 * `latin1`, `iso-8859-1` and `ascii` all mean windows-1252, `sjis` means Shift_JIS.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!cleaned) return null;
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]+)/i.exec(contentType);
  return match ? normalizeCharset(match[1]) : null;
}

/**
 * The charset declared by `<meta charset>` or `<meta http-equiv="Content-Type">` in the
 * first 1024 bytes. UTF-16 labels in a meta tag mean UTF-8 (the bytes were readable as
 * ASCII, so they are not UTF-16), as browsers do.
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<meta\b[^>]*>/gi;
  for (let m = tag.exec(head); m; m = tag.exec(head)) {
    const attrs = m[0];
    const withoutContent = attrs.replace(/\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ' ');
    let label = /\scharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(withoutContent)?.[1];
    // `content="text/html; charset=x"` counts only together with http-equiv (the standard's rule).
    if (!label && /\bhttp-equiv\s*=/i.test(attrs)) label = /\bcontent\s*=[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(attrs)?.[1];
    const name = normalizeCharset(label);
    if (!name) continue;
    return name.startsWith('utf-16') ? 'utf-8' : name === 'x-user-defined' ? 'windows-1252' : name;
  }
  return null;
}

// Code points of windows-1252 bytes 0x80-0x9F (0 = undefined, kept as the C1 control).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Decodes bytes with a WHATWG encoding name. Node 20's TextDecoder takes a latin1 fast
 * path for windows-1252 and returns C1 controls for bytes 0x80–0x9F (so ’ “ ” € vanish):
 * those bytes are mapped here.
 */
export function decodeBytes(bytes: Uint8Array, name: string): string {
  if (name !== 'windows-1252') return new TextDecoder(name).decode(bytes);
  const text = latin1(bytes);
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0)))
    : text;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function bomEncoding(bytes: Uint8Array): { name: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  return null;
}

/** True when the bytes hold at least one non-ASCII sequence and all of them are valid UTF-8. */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  let nonAscii = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      nonAscii = true;
      break;
    }
  }
  if (!nonAscii) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'gzip-compressed data (decompress it first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed data (decompress it first)'],
];

/**
 * Throws {@link ParseError} when the bytes are clearly not text: a known binary
 * signature, or NUL/control bytes in more than 1% of the first 8 KB (UTF-16 is
 * exempt; it is detected by its BOM before this check).
 */
export function assertTextual(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ParseError('Empty page: no bytes to parse');
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new ParseError(`Not HTML: the bytes are ${what}`);
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) control++;
  }
  if (control > sample.length * 0.01) {
    throw new ParseError(`Not HTML: ${control} of the first ${sample.length} bytes are binary control bytes`);
  }
}

/**
 * Decodes raw page bytes the way a browser does: byte-order mark first, then the
 * HTTP `Content-Type` charset, then a `<meta>` declaration in the first 1024 bytes,
 * then a default. The default is windows-1252 (the standard's choice for an
 * undeclared page), except that bytes which are valid UTF-8 and not plain ASCII are
 * read as UTF-8 — a modern page that forgot to declare is far likelier than a
 * legacy page that happens to be valid UTF-8.
 *
 * @example
 * decodeHtml(bytes, 'text/html; charset=Shift_JIS') // { html: '…', encoding: { name: 'shift_jis', from: 'header' } }
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): { html: string; encoding: Encoding } {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { html: new TextDecoder(bom.name).decode(bytes.subarray(bom.length)), encoding: { name: bom.name, from: 'bom' } };
  }
  assertTextual(bytes);
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return { html: decodeBytes(bytes, fromHeader), encoding: { name: fromHeader, from: 'header' } };
  const fromMeta = charsetFromMeta(bytes);
  if (fromMeta) return { html: decodeBytes(bytes, fromMeta), encoding: { name: fromMeta, from: 'meta' } };
  const name = looksLikeUtf8(bytes) ? 'utf-8' : 'windows-1252';
  return { html: decodeBytes(bytes, name), encoding: { name, from: 'default' } };
}
