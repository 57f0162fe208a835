import { gunzipSync } from 'node:zlib';
import { PermanentError } from '../errors.ts';

/** A feed or sitemap body that cannot be read as any supported format. */
export class FeedParseError extends PermanentError {}

/** The sitemap protocol caps a file at 50 MB uncompressed; nothing legitimate is larger. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

/**
 * Turns fetched bytes into text. Gzip is undone (sitemaps are often served as
 * `.xml.gz` without Content-Encoding). Charset precedence follows RFC 7303:
 * byte-order mark, then the Content-Type charset, then the XML declaration,
 * then UTF-8.
 */
export function decodeBody(body: Uint8Array | string, url: string, contentType?: string | null): string {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '');
  let bytes = body;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_FEED_BYTES });
    } catch (error) {
      throw new FeedParseError(`${url}: gzip body cannot be decompressed (corrupt or over ${MAX_FEED_BYTES} bytes)`, { cause: error });
    }
  }
  if (bytes.length > MAX_FEED_BYTES) throw new FeedParseError(`${url}: body is ${bytes.length} bytes, over the ${MAX_FEED_BYTES}-byte limit`);

  const charset = sniffCharset(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // unknown label: UTF-8 is the XML default
  }
  return decoder.decode(bytes); // TextDecoder drops a matching BOM itself
}

function sniffCharset(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const header = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  if (header) return header[1]!;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declared ? declared[1]! : 'utf-8';
}
