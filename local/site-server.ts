/**
 * A tiny static web server for fictional news sites kept on disk
 * (`local/demo-site/`, `test/fixtures/sites/*`). The local runtime and the
 * end-to-end tests crawl it instead of the internet, so it only ever listens
 * on 127.0.0.1.
 *
 * What it does beyond "serve a file":
 * - `<file>.headers.json` next to a file replaces or adds response headers
 *   (`{"content-type": "text/html; charset=windows-1252"}`), so a fixture can
 *   declare its charset only over HTTP, as many real sites do;
 * - `{{BASE}}` in a text file becomes the server's origin at serve time, so a
 *   feed can carry absolute links whatever port the server got;
 * - every response has a strong ETag and `If-None-Match` gets a 304;
 * - every request is recorded (path as sent, user-agent) so a test can assert
 *   that a disallowed page was never fetched.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, basename, isAbsolute, join, relative, resolve } from 'node:path';

export interface SiteServerOptions {
  /** TCP port; 0 (the default) asks the OS for a free one. */
  port?: number;
  /** The only accepted value: the server never listens beyond loopback. */
  host?: '127.0.0.1';
}

export interface SiteRequest {
  /** The request target as sent, query string included (`/feed.xml?utm_source=rss`). */
  path: string;
  userAgent: string | undefined;
}

export interface SiteServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:49152`; the value `{{BASE}}` becomes. */
  url: string;
  port: number;
  /** Every request received, in order. */
  requests: SiteRequest[];
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const SIDECAR_SUFFIX = '.headers.json';
const BASE_PLACEHOLDER = Buffer.from('{{BASE}}', 'ascii');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** Files whose bytes get `{{BASE}}` replaced (the placeholder is ASCII, so any ASCII-compatible charset is safe). */
const TEXT_EXTENSIONS = new Set(['.html', '.htm', '.xml', '.json', '.txt', '.css', '.js']);

/**
 * Serves the files under `root` over HTTP on 127.0.0.1.
 *
 * @example
 * const site = await startSiteServer('local/demo-site');
 * const feed = await fetch(`${site.url}/feed.xml`); // links inside point at site.url
 * await site.close();
 */
export async function startSiteServer(root: string, options: SiteServerOptions = {}): Promise<SiteServer> {
  if (options.host !== undefined && options.host !== LOOPBACK) {
    throw new Error(`site server listens on ${LOOPBACK} only, not ${String(options.host)}`);
  }
  const rootDir = await realpath(resolve(root));
  if (!(await stat(rootDir)).isDirectory()) throw new Error(`site root is not a directory: ${rootDir}`);

  const requests: SiteRequest[] = [];
  let base = '';

  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy(error as Error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    const file = await resolveFile(rootDir, req.url ?? '/');
    if (file === 'forbidden') return send(res, 403, 'forbidden\n');
    if (file === null) return send(res, 404, 'not found\n');

    const ext = extname(file).toLowerCase();
    let body: Buffer = await readFile(file);
    if (TEXT_EXTENSIONS.has(ext)) body = replaceAll(body, BASE_PLACEHOLDER, Buffer.from(base, 'ascii'));

    const headers: OutgoingHttpHeaders = {
      'content-type': basename(file) === 'robots.txt' ? 'text/plain; charset=utf-8' : (CONTENT_TYPES[ext] ?? 'application/octet-stream'),
      ...(await readSidecar(file)),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    if (matchesEtag(req.headers['if-none-match'], String(headers.etag))) {
      res.writeHead(304, { etag: headers.etag }).end();
      return;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${LOOPBACK}:${port}`;

  return {
    url: base,
    port,
    requests,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((error) => (error ? fail(error) : ok()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Maps a request target to a file under `root`: the query string is ignored,
 * a directory means its `index.html`, sidecar files are not served.
 * Returns 'forbidden' for anything that would leave `root` (`..`, encoded
 * slashes, NUL, a symlink pointing outside).
 */
async function resolveFile(root: string, target: string): Promise<string | null | 'forbidden'> {
  const rawPath = target.split(/[?#]/, 1)[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return 'forbidden';
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\') || /%2f|%5c/i.test(rawPath)) return 'forbidden';
  if (path.split('/').some((segment) => segment === '..')) return 'forbidden';
  if (path.endsWith(SIDECAR_SUFFIX)) return null;

  let candidate = join(root, path);
  if (!inside(root, candidate)) return 'forbidden';
  try {
    if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (!inside(root, real)) return 'forbidden';
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Headers from `<file>.headers.json`, names lower-cased; none when there is no sidecar. */
async function readSidecar(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file + SIDECAR_SUFFIX, 'utf8');
  } catch {
    return {};
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}${SIDECAR_SUFFIX} must be a JSON object of header names to strings`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

/** RFC 9110 weak comparison, as If-None-Match requires: `W/"x"` matches `"x"`; `*` matches anything. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(etag));
}

function replaceAll(body: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  let at = body.indexOf(needle);
  if (at < 0) return body;
  const parts: Buffer[] = [];
  let from = 0;
  for (; at >= 0; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at), replacement);
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

function send(res: ServerResponse, status: number, text: string, extra: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}
