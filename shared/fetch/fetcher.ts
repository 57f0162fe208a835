import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';
import { FetchFailedError, FetchRefusedError } from '../errors.ts';
import { checkAddress, normalizeAddress, type AddressPolicy } from './address-policy.ts';
import { BlockedAddressError, HttpStatusRefusedError } from './errors.ts';

export type FetchKind = 'page' | 'feed' | 'robots';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into every address it has (A and AAAA). Injectable so tests never touch DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetcherOptions {
  /** Opens loopback and RFC 1918 / ULA (local runs, tests). Never opens link-local or metadata. */
  allowPrivateNetwork?: boolean;
  /** Names the product and a contact URL, as polite crawlers do. */
  userAgent?: string;
  /** Cap on decoded body bytes (and on raw bytes on the wire). Default 10 MB. */
  maxBytes?: number;
  /** DNS lookup plus TCP (and TLS) handshake, per hop. Default 5 s. */
  connectTimeoutMs?: number;
  /** From connected to response headers, per hop. Default 10 s. */
  headersTimeoutMs?: number;
  /** The whole fetch: every hop and the body. Default 30 s. */
  totalTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Extra CA certificates to trust (PEM), for a local TLS site or a test; default: Node's bundled roots only. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Default: `dns.promises.lookup(hostname, { all: true })`. */
  lookup?: Resolver;
}

export interface FetchOptions {
  /** Decides the acceptable content types and the Accept header. Default 'page'. */
  kind?: FetchKind;
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  /** Absolute deadline (epoch ms), e.g. now + Lambda remaining time minus a margin. */
  deadline?: number;
  /**
   * Called with each redirect target before it is requested (after the scheme
   * check, before DNS). Throw to stop following; the polite fetcher checks
   * robots.txt and the host interval of the new host here.
   */
  beforeRedirect?: (url: string) => Promise<void>;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded (Content-Encoding removed) body; empty when notModified. */
  body: Uint8Array;
  notModified: boolean;
  /** Each redirect target, in order. */
  redirects: string[];
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** The User-Agent sent; robots.txt rules are matched against its product token. */
  readonly userAgent?: string;
}

export const DEFAULT_USER_AGENT = 'claimwire/0.1 (+https://github.com/claimwire/claimwire)';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Stacked encodings beyond this are refused: no honest server compresses three times. */
const MAX_ENCODING_LAYERS = 2;

const ACCEPT: Record<FetchKind, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1',
  robots: 'text/plain,*/*;q=0.1',
};

/** Content types that can be a page; everything else (images, PDF, octet-stream...) is refused. */
function isAcceptableType(kind: FetchKind, mediaType: string | null): boolean {
  // A missing Content-Type is common on small sites; the parser sniffs and has its own caps.
  if (mediaType === null) return true;
  switch (kind) {
    case 'robots':
      return true;
    case 'page':
      return mediaType === 'text/html' || mediaType === 'application/xhtml+xml' || mediaType === 'text/plain';
    case 'feed':
      return (
        /^(application|text)\/([\w.+-]+\+)?(xml|json)$/.test(mediaType) ||
        mediaType === 'text/plain' ||
        mediaType === 'application/x-rss+xml' ||
        // Gzipped sitemaps (sitemap.xml.gz) are commonly served with these; discovery gunzips and sniffs them.
        mediaType === 'application/gzip' ||
        mediaType === 'application/x-gzip' ||
        mediaType === 'application/octet-stream'
      );
  }
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/**
 * A fetcher that cannot be pointed at the inside of the network it runs in.
 *
 * Why: the service fetches URLs that come from feeds, i.e. from strangers,
 * from inside AWS. It resolves each host itself, checks every address against
 * {@link checkAddress}, then connects to the checked address (the HTTP client
 * gets a lookup that can only return it, so DNS cannot change its answer in
 * between), keeping Host and SNI as the name. Redirects are followed by hand
 * and each hop goes through the same checks. Connect, header and total
 * deadlines bound slow servers; the decoded size is capped whatever the
 * Content-Encoding says.
 *
 * Errors: {@link FetchRefusedError} (permanent: policy, 4xx, content type,
 * size) or {@link FetchFailedError} (transient: 5xx, 408, 429, timeouts, resets).
 *
 * @example
 * const fetcher = createFetcher({ totalTimeoutMs: 20_000 });
 * const { body, finalUrl } = await fetcher.fetch('https://example.com/news/1', { kind: 'page' });
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const policy: AddressPolicy = { allowPrivateNetwork: options.allowPrivateNetwork ?? false };
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const headersTimeoutMs = options.headersTimeoutMs ?? 10_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const resolve: Resolver = options.lookup ?? defaultResolver;

  async function fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
    const kind = fetchOptions.kind ?? 'page';
    const callerDeadline = fetchOptions.deadline;
    if (callerDeadline !== undefined && !Number.isFinite(callerDeadline)) {
      throw new TypeError(`deadline must be a finite epoch-ms number, got ${callerDeadline}`);
    }
    const deadlineAt = Math.min(Date.now() + totalTimeoutMs, callerDeadline ?? Number.POSITIVE_INFINITY);
    const remaining = () => deadlineAt - Date.now();
    if (remaining() <= 0) throw new FetchFailedError(`No time left to fetch ${url} (deadline passed)`);

    const abort = new AbortController();
    const totalTimer = setTimeout(
      () => abort.abort(new FetchFailedError(`Fetch of ${url} exceeded its total deadline`)),
      remaining(),
    );
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: ACCEPT[kind],
      'accept-encoding': 'gzip, deflate, br',
      connection: 'close',
    };
    if (fetchOptions.etag) headers['if-none-match'] = fetchOptions.etag;
    if (fetchOptions.lastModified) headers['if-modified-since'] = fetchOptions.lastModified;

    try {
      const redirects: string[] = [];
      let current = parseTarget(url);
      for (;;) {
        const addresses = await resolveTarget(current, abort.signal, Math.min(connectTimeoutMs, remaining()));
        const response = await connectToFirst(addresses, (address) =>
          sendRequest(current, address, headers, abort.signal, {
            connectTimeoutMs: Math.min(connectTimeoutMs, remaining()),
            headersTimeoutMs,
            remaining,
            ...(options.ca !== undefined ? { ca: options.ca } : {}),
          }),
        );
        const status = response.statusCode ?? 0;
        const location = response.headers.location;

        if (REDIRECT_STATUSES.has(status) && location) {
          response.destroy();
          if (redirects.length >= maxRedirects) {
            throw new FetchRefusedError(`Too many redirects (more than ${maxRedirects}) fetching ${url}`, 'redirect-limit');
          }
          current = parseTarget(location, current);
          redirects.push(current.href);
          await fetchOptions.beforeRedirect?.(current.href);
          continue;
        }

        const base = { url, finalUrl: current.href, status, headers: flattenHeaders(response.headers), redirects };
        if (status === 304) {
          response.destroy();
          return { ...base, body: new Uint8Array(0), notModified: true };
        }
        if (status < 200 || status >= 300) {
          response.destroy();
          throw statusError(status, current.href);
        }
        const mediaType = mediaTypeOf(response.headers['content-type']);
        if (!isAcceptableType(kind, mediaType)) {
          response.destroy();
          throw new FetchRefusedError(`Refused ${current.href}: content type ${mediaType} is not a ${kind}`, 'content-type');
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          throw tooLarge(current.href, maxBytes, `Content-Length ${declared}`);
        }
        const raw = await readBody(response, maxBytes, abort.signal, current.href);
        const body = await decodeBody(raw, response.headers['content-encoding'], maxBytes, current.href);
        return { ...base, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), notModified: false };
      }
    } catch (error) {
      if (abort.signal.aborted && !(error instanceof FetchRefusedError)) throw abort.signal.reason;
      throw error;
    } finally {
      clearTimeout(totalTimer);
      abort.abort();
    }
  }

  /** Resolve the host (or take the literal address), check every address, return them in the resolver's order. */
  async function resolveTarget(target: URL, signal: AbortSignal, timeoutMs: number): Promise<ResolvedAddress[]> {
    const literal = normalizeAddress(target.hostname);
    if (literal !== null && isLiteralHost(target.hostname)) {
      checkAddress(literal, policy);
      return [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }];
    }
    const hostname = target.hostname;
    let addresses: ResolvedAddress[];
    try {
      addresses = await raceWithTimeout(resolve(hostname), signal, timeoutMs, `DNS lookup of ${hostname} timed out after ${timeoutMs} ms`);
    } catch (error) {
      if (error instanceof FetchFailedError || error instanceof FetchRefusedError) throw error;
      const code = (error as { code?: string } | null)?.code;
      // NXDOMAIN / no address records: the name does not exist, retrying will not help.
      // Anything else (EAI_AGAIN, SERVFAIL, timeouts) may pass.
      if (code === 'ENOTFOUND' || code === 'ENODATA') {
        throw new FetchRefusedError(`${hostname} does not resolve: ${messageOf(error)}`, 'dns-not-found', { cause: error });
      }
      throw new FetchFailedError(`DNS lookup of ${hostname} failed: ${messageOf(error)}`, undefined, { cause: error });
    }
    if (addresses.length === 0) throw new FetchFailedError(`DNS lookup of ${hostname} returned no address`);
    // Every address is checked, not only the one used: a name that mixes public and
    // internal answers is refused outright (a classic DNS-rebinding set-up).
    for (const { address } of addresses) {
      try {
        checkAddress(address, policy);
      } catch (error) {
        if (error instanceof BlockedAddressError) {
          throw new BlockedAddressError(`${hostname} resolves to a blocked address. ${error.message}`, error.rule, error.address);
        }
        throw error;
      }
    }
    return addresses.map(({ address, family }) => ({ address: normalizeAddress(address) ?? address, family }));
  }

  function parseTarget(input: string, base?: URL): URL {
    let target: URL;
    try {
      target = new URL(input, base);
    } catch (error) {
      throw new FetchRefusedError(`Not a valid URL: ${JSON.stringify(input)}`, 'invalid-url', { cause: error });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new FetchRefusedError(`Only http and https are fetched, not ${target.protocol} (${target.href})`, 'scheme');
    }
    target.hash = '';
    return target;
  }

  return { fetch, userAgent };
}

async function defaultResolver(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/** True when the URL's host is an IP literal (the URL parser has already normalised IPv4 spellings). */
function isLiteralHost(hostname: string): boolean {
  return hostname.startsWith('[') || ipaddr.IPv4.isValidFourPartDecimal(hostname);
}

interface HopTimeouts {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  remaining: () => number;
  ca?: string | Buffer | Array<string | Buffer>;
}

/** No connection was made to this address (refused, unreachable, connect timeout): another address may work. */
class ConnectFailedError extends FetchFailedError {}

/** Addresses tried per hop when connecting fails (e.g. an AAAA answer on a host without IPv6). */
const MAX_ADDRESSES_TRIED = 3;

/** Try the vetted addresses in order until one connects; any error after connecting is final. */
async function connectToFirst<T>(addresses: ResolvedAddress[], attempt: (address: ResolvedAddress) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const address of addresses.slice(0, MAX_ADDRESSES_TRIED)) {
    try {
      return await attempt(address);
    } catch (error) {
      if (!(error instanceof ConnectFailedError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** One request to one vetted address. Resolves with the response once headers are in. */
function sendRequest(
  target: URL,
  address: ResolvedAddress,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeouts: HopTimeouts,
): Promise<http.IncomingMessage> {
  const secure = target.protocol === 'https:';
  const hostname = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  // The HTTP client may only ever connect to the address that was checked.
  const pinnedLookup: LookupFunction = (_name, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (err: null, addresses: ResolvedAddress[]) => void)(null, [address]);
    } else {
      callback(null, address.address, address.family);
    }
  };

  return new Promise((resolvePromise, reject) => {
    let settled = false;
    let headersTimer: NodeJS.Timeout | undefined;
    const finish = (error: Error | null, response?: http.IncomingMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(headersTimer);
      signal.removeEventListener('abort', onAbort);
      if (error) {
        request.destroy();
        reject(error);
      } else {
        resolvePromise(response!);
      }
    };
    const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : new FetchFailedError('Fetch aborted'));

    const request = (secure ? https : http).request({
      protocol: target.protocol,
      host: hostname,
      port: target.port || (secure ? 443 : 80),
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers,
      agent: false,
      lookup: pinnedLookup,
      ...(timeouts.ca !== undefined ? { ca: timeouts.ca } : {}),
      ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
    });
    const connectTimer = setTimeout(
      () => finish(new ConnectFailedError(`Connecting to ${target.host} (${address.address}) timed out after ${timeouts.connectTimeoutMs} ms`)),
      timeouts.connectTimeoutMs,
    );
    // `connected`: a TCP connection exists, so a failure from here on is not "try the next address".
    let connected = false;
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        connected = true;
        if (!sameAddress(socket.remoteAddress, address.address)) {
          finish(new BlockedAddressError(`Connected to ${socket.remoteAddress}, not the checked ${address.address}`, 'address-mismatch', socket.remoteAddress ?? ''));
        }
      });
      // The connect deadline covers the TLS handshake; the headers deadline starts once the channel is ready.
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        const headersMs = Math.min(timeouts.headersTimeoutMs, timeouts.remaining());
        headersTimer = setTimeout(
          () => finish(new FetchFailedError(`${target.host} sent no response headers within ${headersMs} ms`)),
          headersMs,
        );
      });
    });
    request.on('response', (response) => finish(null, response));
    request.on('error', (error) => {
      const message = `Request to ${target.host} (${address.address}) failed: ${messageOf(error)}`;
      finish(connected ? new FetchFailedError(message, undefined, { cause: error }) : new ConnectFailedError(message, undefined, { cause: error }));
    });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}

function sameAddress(actual: string | undefined, expected: string): boolean {
  if (!actual) return false;
  try {
    const a = ipaddr.process(actual);
    const b = ipaddr.process(expected);
    return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
  } catch {
    return false;
  }
}

/** Read the raw body, stopping as soon as it passes `limit` bytes or the fetch is aborted (total deadline). */
function readBody(response: http.IncomingMessage, limit: number, signal: AbortSignal, url: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) {
        response.destroy();
        reject(error);
      } else {
        resolvePromise(Buffer.concat(chunks, size));
      }
    };
    const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : new FetchFailedError('Fetch aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(url, limit, 'body'));
      chunks.push(chunk);
    });
    response.on('end', () => finish(null));
    response.on('error', (error) => finish(new FetchFailedError(`Connection lost while reading ${url}: ${messageOf(error)}`, undefined, { cause: error })));
    response.on('close', () => {
      if (!response.complete) finish(new FetchFailedError(`Connection closed before the end of the body of ${url}`));
    });
  });
}

/** Undo Content-Encoding, last applied first, capping every layer's output at `maxBytes`. */
async function decodeBody(raw: Buffer, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_ENCODING_LAYERS) {
    throw new FetchRefusedError(`Refused ${url}: ${codings.length} stacked content encodings (${contentEncoding})`, 'content-encoding');
  }
  const limits = { maxOutputLength: maxBytes };
  let data = raw;
  for (const coding of codings.reverse()) {
    try {
      switch (coding) {
        case 'gzip':
        case 'x-gzip':
          data = await gunzip(data, limits);
          break;
        case 'deflate':
          // "deflate" should be zlib-wrapped; some servers send raw deflate. Try both.
          data = await inflate(data, limits).catch((error: unknown) => {
            if (isTooLarge(error)) throw error;
            return inflateRaw(data, limits);
          });
          break;
        case 'br':
          data = await brotliDecompress(data, limits);
          break;
        default:
          throw new FetchRefusedError(`Refused ${url}: unsupported content encoding ${coding}`, 'content-encoding');
      }
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      if (isTooLarge(error)) throw tooLarge(url, maxBytes, `decoded ${coding} body`);
      throw new FetchFailedError(`Could not decode ${coding} body of ${url}: ${messageOf(error)}`, undefined, { cause: error });
    }
  }
  return data;
}

function isTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

function tooLarge(url: string, limit: number, what: string): FetchRefusedError {
  return new FetchRefusedError(`Refused ${url}: ${what} is over the ${limit}-byte limit`, 'max-bytes');
}

function statusError(status: number, url: string): Error {
  if (status === 408 || status === 429 || status >= 500) {
    return new FetchFailedError(`HTTP ${status} from ${url}`, status);
  }
  if (status >= 400) return new HttpStatusRefusedError(`HTTP ${status} from ${url}`, status);
  return new FetchFailedError(`Unexpected HTTP status ${status} from ${url}`, status);
}

function mediaTypeOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === '' ? null : mediaType;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function raceWithTimeout<T>(promise: Promise<T>, signal: AbortSignal, timeoutMs: number, message: string): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => done(() => reject(signal.reason instanceof Error ? signal.reason : new FetchFailedError('Fetch aborted')));
    const timer = setTimeout(() => done(() => reject(new FetchFailedError(message))), timeoutMs);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => done(() => resolvePromise(value)),
      (error: unknown) => done(() => reject(error)),
    );
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
