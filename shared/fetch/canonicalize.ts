import { FetchRefusedError } from '../errors.ts';

/**
 * Query parameters that identify a campaign, a click or a mail recipient, never
 * the page. Lower-case; `utm_*` is matched by prefix.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'ref_src', 'ref_url', 'igshid', 'igsh', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', '_ga', '_gl', 'wt.mc_id', 'wt_mc_id', 'cmpid',
  'ncid', 'sr_share', 'at_medium', 'at_campaign', 's_cid', 'spm', 'rb_clickid', 'ocid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

function isTrackingParam(rawKey: string): boolean {
  const key = safeDecode(rawKey.replace(/\+/g, ' ')).toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Decode percent-escapes of unreserved characters (RFC 3986 §6.2.2.2) and
 * upper-case the hex of the others, so `%7e`, `%7E` and `~` compare equal but
 * `%2F` stays distinct from `/`.
 */
function normalizePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * The form of a URL used for identity and dedup: the same article reached
 * through a newsletter, a social share or a feed gets the same canonical URL,
 * and so the same article id.
 *
 * Lower-cases scheme and host (IDN hosts become punycode), drops default
 * ports, credentials, the fragment, the host's trailing dot and tracking
 * parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, ...), sorts the remaining
 * query parameters by name (stable: repeated names keep their order) and
 * normalises percent-encoding. Throws {@link FetchRefusedError} (rule
 * `invalid-url`) when the input is not an absolute URL, rule `scheme` when it
 * is not http(s).
 *
 * @example canonicalizeUrl('HTTPS://www.Example.com:443/a?utm_source=x&b=2&a=1#top') // 'https://www.example.com/a?a=1&b=2'
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    throw new FetchRefusedError(`Not an absolute URL: ${JSON.stringify(url)}`, 'invalid-url', { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchRefusedError(`Only http and https URLs are fetched, not ${parsed.protocol} (${url})`, 'scheme');
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');

  const path = normalizePercentEncoding(parsed.pathname);
  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      return { key: normalizePercentEncoding(key), pair: normalizePercentEncoding(pair) };
    })
    .filter(({ key }) => !isTrackingParam(key));
  pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const query = pairs.map(({ pair }) => pair).join('&');

  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * The site a URL belongs to, for grouping and per-site listings: the host name
 * without `www.` and without a trailing dot.
 *
 * @example siteOf('https://WWW.example.co.uk./news/1') // 'example.co.uk'
 */
export function siteOf(url: string): string {
  let hostname: string;
  try {
    hostname = new URL(url.trim()).hostname;
  } catch (error) {
    throw new FetchRefusedError(`Not an absolute URL: ${JSON.stringify(url)}`, 'invalid-url', { cause: error });
  }
  return hostname.replace(/\.+$/, '').replace(/^www\./, '');
}
