/**
 * The safe fetcher against real HTTP servers on 127.0.0.1. Every other name or
 * address goes through the injected resolver, and the guard refuses it before
 * a socket is opened: no test sends a packet anywhere but loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FetchFailedError, FetchRefusedError, PermanentError, TransientError } from '../../shared/errors.ts';
import { createFetcher, HttpStatusRefusedError, type FetcherOptions, type Resolver } from '../../shared/fetch/index.ts';
import { useRoutedServer, type Handler } from '../helpers/routed-server.ts';

const loopback = useRoutedServer();
const { routes } = loopback;
const seen = loopback.headers;

/** Maps every test name to loopback, except those given (which the guard must refuse). */
function resolverFor(names: Record<string, string[]> = {}): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    const addresses = names[hostname] ?? ['127.0.0.1'];
    return addresses.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolver, { calls });
}

function fetcherWith(options: FetcherOptions = {}) {
  return createFetcher({ allowPrivateNetwork: true, lookup: resolverFor(), ...options });
}

const site = () => `http://site.test:${loopback.port}`;
const html = (body: string): Handler => (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const redirect = (to: string, status = 302): Handler => (_req, res) => res.writeHead(status, { location: to }).end();
const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

async function failure(promise: Promise<unknown>): Promise<FetchFailedError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchFailedError);
  return error as FetchFailedError;
}

describe('fetching a page', () => {
  it('connects to the address it resolved and keeps the name in Host, with the product User-Agent', async () => {
    routes.set('/a', html('<p>hello</p>'));
    const result = await fetcherWith().fetch(`${site()}/a`);
    expect(result).toMatchObject({ url: `${site()}/a`, finalUrl: `${site()}/a`, status: 200, notModified: false, redirects: [] });
    expect(text(result.body)).toBe('<p>hello</p>');
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(seen[0]).toMatchObject({ host: `site.test:${loopback.port}`, 'user-agent': 'claimwire/0.1 (+https://github.com/claimwire/claimwire)' });
    expect(seen[0]!['accept-encoding']).toMatch(/gzip/);
  });

  it('sends a configured User-Agent', async () => {
    routes.set('/a', html('x'));
    await fetcherWith({ userAgent: 'claimwire-test/9 (+mailto:ops@example.org)' }).fetch(`${site()}/a`);
    expect(seen[0]!['user-agent']).toBe('claimwire-test/9 (+mailto:ops@example.org)');
  });

  it('follows a redirect chain by hand and reports every hop', async () => {
    routes.set('/1', redirect('/2', 301));
    routes.set('/2', redirect(`http://other.test:${loopback.port}/3`, 307));
    routes.set('/3', redirect('/4?x=1#frag', 308));
    routes.set('/4', html('end'));
    const lookup = resolverFor();
    const result = await fetcherWith({ lookup }).fetch(`${site()}/1`);
    expect(result.finalUrl).toBe(`http://other.test:${loopback.port}/4?x=1`);
    expect(result.redirects).toEqual([`${site()}/2`, `http://other.test:${loopback.port}/3`, `http://other.test:${loopback.port}/4?x=1`]);
    expect(text(result.body)).toBe('end');
    expect(lookup.calls).toEqual(['site.test', 'site.test', 'other.test', 'other.test']);
    expect(seen.map((h) => h.host)).toEqual([`site.test:${loopback.port}`, `site.test:${loopback.port}`, `other.test:${loopback.port}`, `other.test:${loopback.port}`]);
  });

  it('stops after maxRedirects hops', async () => {
    for (let i = 0; i < 10; i++) routes.set(`/${i}`, redirect(`/${i + 1}`));
    const error = await refusal(fetcherWith().fetch(`${site()}/0`));
    expect(error.rule).toBe('redirect-limit');
    expect(seen).toHaveLength(6); // the first request and 5 redirects followed
    const shorter = await refusal(fetcherWith({ maxRedirects: 2 }).fetch(`${site()}/0`));
    expect(shorter.rule).toBe('redirect-limit');
  });

  it('refuses a redirect loop', async () => {
    routes.set('/loop', redirect('/loop'));
    expect((await refusal(fetcherWith().fetch(`${site()}/loop`))).rule).toBe('redirect-limit');
  });
});

describe('the address guard', () => {
  it.each([
    ['a name resolving to the metadata endpoint', 'http://evil.test/latest/meta-data/', 'metadata'],
    ['a name resolving to link-local', 'http://linklocal.test/', 'link-local'],
    ['a name resolving to the IPv6 metadata endpoint', 'http://evil6.test/', 'metadata'],
    ['a literal metadata address', 'http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['a decimal metadata address', 'http://2852039166/', 'metadata'],
    ['a hex metadata address', 'http://0xa9.0xfe.0xa9.0xfe/', 'metadata'],
    ['an IPv4-mapped metadata address', 'http://[::ffff:169.254.169.254]/', 'metadata'],
    ['an IPv6 metadata literal', 'http://[fd00:ec2::254]/', 'metadata'],
    ['a CGNAT literal', 'http://100.64.0.1/', 'cgnat'],
  ])('refuses a redirect to %s before connecting, even with allowPrivateNetwork', async (_what, target, rule) => {
    // Prepare
    routes.set('/start', redirect(target));
    const lookup = resolverFor({
      'evil.test': ['169.254.169.254'],
      'linklocal.test': ['169.254.1.1'],
      'evil6.test': ['fd00:ec2::254'],
    });
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    // Act
    const error = await refusal(fetcherWith({ lookup }).fetch(`${site()}/start`));
    // Assess
    expect(error.rule).toBe(rule);
    expect(error.message).toContain(`rule "${rule}"`);
    expect(connect).toHaveBeenCalledTimes(1); // the loopback site only
    expect(loopback.connections).toBe(1);
  });

  it('refuses a private address without allowPrivateNetwork, before connecting', async () => {
    const lookup = resolverFor({ 'intranet.test': ['10.0.0.1'] });
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const error = await refusal(createFetcher({ lookup }).fetch('http://intranet.test/admin'));
    expect(error.rule).toBe('private');
    expect(error.message).toMatch(/intranet\.test.*10\.0\.0\.1/);
    expect(lookup.calls).toEqual(['intranet.test']);
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a name when any of its addresses is blocked (no DNS-rebinding gap)', async () => {
    routes.set('/a', html('x'));
    const lookup = resolverFor({ 'mixed.test': ['127.0.0.1', '169.254.169.254'] });
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    expect((await refusal(fetcherWith({ lookup }).fetch(`http://mixed.test:${loopback.port}/a`))).rule).toBe('metadata');
    expect(connect).not.toHaveBeenCalled();
    expect(loopback.connections).toBe(0);
  });

  it('resolves once per hop and connects only to the checked address', async () => {
    routes.set('/a', html('x'));
    // A resolver that would answer differently the second time (rebinding): only one answer is used.
    let answers = 0;
    const lookup: Resolver = async () => [{ address: answers++ === 0 ? '127.0.0.1' : '169.254.169.254', family: 4 }];
    const result = await fetcherWith({ lookup }).fetch(`http://rebind.test:${loopback.port}/a`);
    expect(result.status).toBe(200);
    expect(answers).toBe(1);
  });

  it.each(['127.0.0.1', '2130706433', '0x7f.1', '017700000001', '127.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::1]', 'localhost.test'])(
    'refuses loopback spelled %s without allowPrivateNetwork, before connecting',
    async (host) => {
      routes.set('/a', html('x'));
      const lookup = resolverFor();
      const connect = vi.spyOn(net.Socket.prototype, 'connect');
      const error = await refusal(createFetcher({ lookup }).fetch(`http://${host}:${loopback.port}/a`));
      expect(error.rule).toBe('loopback');
      expect(connect).not.toHaveBeenCalled();
      expect(loopback.connections).toBe(0);
      if (host !== 'localhost.test') expect(lookup.calls).toEqual([]); // literal: no DNS at all
    },
  );

  it('reaches a loopback server through an odd literal spelling when allowPrivateNetwork is set', async () => {
    routes.set('/a', html('odd'));
    const result = await fetcherWith().fetch(`http://0x7f.1:${loopback.port}/a`);
    expect(text(result.body)).toBe('odd');
    expect(seen[0]!.host).toBe(`127.0.0.1:${loopback.port}`);
  });

  it.each(['file:///etc/passwd', 'ftp://site.test/a', 'gopher://site.test/', 'data:text/html,hi'])('refuses the scheme of %s', async (url) => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    expect((await refusal(fetcherWith().fetch(url))).rule).toBe('scheme');
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a redirect to another scheme', async () => {
    routes.set('/a', redirect('file:///etc/passwd'));
    expect((await refusal(fetcherWith().fetch(`${site()}/a`))).rule).toBe('scheme');
  });
});

describe('deadlines', () => {
  it('stops a trickling body at the total deadline', async () => {
    routes.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('a'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await failure(fetcherWith({ totalTimeoutMs: 400 }).fetch(`${site()}/trickle`));
    expect(error.message).toMatch(/deadline/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('honours a caller deadline shorter than the total timeout (Lambda remaining time)', async () => {
    routes.set('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setTimeout(() => res.end('late'), 5_000);
      res.on('close', () => clearTimeout(timer));
    });
    const started = Date.now();
    await failure(fetcherWith({ totalTimeoutMs: 30_000 }).fetch(`${site()}/slow`, { deadline: Date.now() + 300 }));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses to start when the deadline has passed', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    await failure(fetcherWith().fetch(`${site()}/a`, { deadline: Date.now() - 1 }));
    expect(connect).not.toHaveBeenCalled();
  });

  it('gives up when response headers do not come', async () => {
    routes.set('/silent', () => {
      /* never answers */
    });
    const started = Date.now();
    const error = await failure(fetcherWith({ headersTimeoutMs: 200 }).fetch(`${site()}/silent`));
    expect(error.message).toMatch(/no response headers within 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a name that does not exist, and fails transiently when DNS is only struggling', async () => {
    const dnsError = (code: string) => Object.assign(new Error(`getaddrinfo ${code} nowhere.test`), { code });
    const nxdomain = await refusal(createFetcher({ lookup: () => Promise.reject(dnsError('ENOTFOUND')) }).fetch('http://nowhere.test/'));
    expect(nxdomain.rule).toBe('dns-not-found');
    await failure(createFetcher({ lookup: () => Promise.reject(dnsError('EAI_AGAIN')) }).fetch('http://nowhere.test/'));
  });

  it('gives up on response headers that trickle in a byte at a time', async () => {
    const raw = net.createServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => socket.write('X'), 50);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const rawPort = (raw.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const error = await failure(fetcherWith({ headersTimeoutMs: 300 }).fetch(`http://site.test:${rawPort}/`));
      expect(error.message).toMatch(/no response headers within 300 ms/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('gives up on a DNS lookup that hangs', async () => {
    const lookup: Resolver = () => new Promise(() => {});
    const error = await failure(createFetcher({ lookup, connectTimeoutMs: 200 }).fetch('http://hang.test/'));
    expect(error.message).toMatch(/DNS lookup of hang\.test timed out/);
  });
});

describe('body limits and content encodings', () => {
  const gzipped = (payload: Buffer | string, encoding = 'gzip'): Handler => (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(payload);

  it('decodes gzip, deflate (zlib and raw) and br', async () => {
    routes.set('/gzip', gzipped(zlib.gzipSync('gz body')));
    routes.set('/deflate', gzipped(zlib.deflateSync('zlib body'), 'deflate'));
    routes.set('/raw', gzipped(zlib.deflateRawSync('raw body'), 'deflate'));
    routes.set('/br', gzipped(zlib.brotliCompressSync('br body'), 'br'));
    const fetcher = fetcherWith();
    expect(text((await fetcher.fetch(`${site()}/gzip`)).body)).toBe('gz body');
    expect(text((await fetcher.fetch(`${site()}/deflate`)).body)).toBe('zlib body');
    expect(text((await fetcher.fetch(`${site()}/raw`)).body)).toBe('raw body');
    expect(text((await fetcher.fetch(`${site()}/br`)).body)).toBe('br body');
  });

  it('refuses a gzip bomb by its decoded size', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)); // ~64 KB on the wire
    routes.set('/bomb', gzipped(bomb));
    const error = await refusal(fetcherWith({ maxBytes: 1024 * 1024 }).fetch(`${site()}/bomb`));
    expect(error.rule).toBe('max-bytes');
    expect(error.message).toMatch(/decoded gzip body/);
  });

  it('refuses a brotli bomb', async () => {
    const fast = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } };
    routes.set('/bomb', gzipped(zlib.brotliCompressSync(Buffer.alloc(16 * 1024 * 1024), fast), 'br'));
    expect((await refusal(fetcherWith({ maxBytes: 1024 * 1024 }).fetch(`${site()}/bomb`))).rule).toBe('max-bytes');
  });

  it('decodes stacked encodings in reverse order', async () => {
    routes.set('/stacked', gzipped(zlib.brotliCompressSync(zlib.gzipSync('twice')), 'gzip, br'));
    expect(text((await fetcherWith().fetch(`${site()}/stacked`)).body)).toBe('twice');
  });

  it('refuses a bomb hidden under a second gzip layer', async () => {
    const inner = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024)); // ~16 KB: the outer layer passes, the inner one must not
    routes.set('/bomb2', gzipped(zlib.gzipSync(inner), 'gzip, gzip'));
    const error = await refusal(fetcherWith({ maxBytes: 1024 * 1024 }).fetch(`${site()}/bomb2`));
    expect(error.rule).toBe('max-bytes');
  });

  it('refuses three stacked encodings and unknown ones', async () => {
    routes.set('/three', gzipped(zlib.gzipSync(zlib.gzipSync(zlib.gzipSync('x'))), 'gzip, gzip, gzip'));
    routes.set('/zstd', gzipped('whatever', 'zstd'));
    expect((await refusal(fetcherWith().fetch(`${site()}/three`))).rule).toBe('content-encoding');
    expect((await refusal(fetcherWith().fetch(`${site()}/zstd`))).rule).toBe('content-encoding');
  });

  it('fails (transient) on a corrupt gzip body', async () => {
    routes.set('/corrupt', gzipped(Buffer.from('this is not gzip at all')));
    await failure(fetcherWith().fetch(`${site()}/corrupt`));
  });

  it('stops an oversize body without Content-Length as soon as it passes the cap', async () => {
    let written = 0;
    routes.set('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }); // chunked, no length
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    const error = await refusal(fetcherWith({ maxBytes: 512 * 1024 }).fetch(`${site()}/endless`));
    expect(error.rule).toBe('max-bytes');
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    routes.set('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    });
    const error = await refusal(fetcherWith({ maxBytes: 1024 * 1024, totalTimeoutMs: 5_000 }).fetch(`${site()}/big`));
    expect(error.rule).toBe('max-bytes');
    expect(error.message).toMatch(/Content-Length/);
  });

  it('fails (transient) when the connection drops mid-body', async () => {
    routes.set('/cut', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('only a little', () => res.socket?.destroy());
    });
    await failure(fetcherWith().fetch(`${site()}/cut`));
  });

  it('fails (transient) when nothing listens', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await failure(fetcherWith().fetch(`http://site.test:${closedPort}/`));
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('content types', () => {
  const typed = (type: string): Handler => (_req, res) => res.writeHead(200, { 'content-type': type }).end('body');

  it.each(['image/png', 'application/pdf', 'application/octet-stream', 'video/mp4', 'application/zip', 'application/rss+xml'])(
    'refuses %s for a page',
    async (type) => {
      routes.set('/x', typed(type));
      const error = await refusal(fetcherWith().fetch(`${site()}/x`, { kind: 'page' }));
      expect(error.rule).toBe('content-type');
      expect(error.message).toContain(type);
    },
  );

  it.each(['text/html; charset=iso-8859-1', 'application/xhtml+xml', 'text/plain', 'TEXT/HTML'])('accepts %s for a page', async (type) => {
    routes.set('/x', typed(type));
    expect((await fetcherWith().fetch(`${site()}/x`, { kind: 'page' })).status).toBe(200);
  });

  it.each(['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml; charset=utf-8', 'application/feed+json', 'application/json', 'application/x-gzip', 'application/gzip', 'application/octet-stream'])(
    'accepts %s for a feed',
    async (type) => {
      routes.set('/feed', typed(type));
      expect((await fetcherWith().fetch(`${site()}/feed`, { kind: 'feed' })).status).toBe(200);
    },
  );

  it.each(['text/html', 'image/gif', 'application/pdf'])('refuses %s for a feed', async (type) => {
    routes.set('/feed', typed(type));
    expect((await refusal(fetcherWith().fetch(`${site()}/feed`, { kind: 'feed' }))).rule).toBe('content-type');
  });

  it('asks for feed types when fetching a feed', async () => {
    routes.set('/feed', typed('application/rss+xml'));
    await fetcherWith().fetch(`${site()}/feed`, { kind: 'feed' });
    expect(seen[0]!.accept).toMatch(/application\/rss\+xml/);
  });
});

describe('status codes', () => {
  const status = (code: number): Handler => (_req, res) => res.writeHead(code, { 'content-type': 'text/html' }).end('status');

  it.each([500, 502, 503, 504])('%i is a transient failure carrying the status', async (code) => {
    routes.set('/s', status(code));
    const error = await failure(fetcherWith().fetch(`${site()}/s`));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.status).toBe(code);
  });

  it.each([408, 429])('%i is a transient failure', async (code) => {
    routes.set('/s', status(code));
    expect((await failure(fetcherWith().fetch(`${site()}/s`))).status).toBe(code);
  });

  it.each([400, 401, 403, 404, 410, 451])('%i is a permanent refusal (rule http-4xx)', async (code) => {
    routes.set('/s', status(code));
    const error = await refusal(fetcherWith().fetch(`${site()}/s`));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toBeInstanceOf(HttpStatusRefusedError);
    expect(error.rule).toBe('http-4xx');
    expect((error as HttpStatusRefusedError).status).toBe(code);
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match and If-Modified-Since and reports 304 as not modified', async () => {
    routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Wed, 25 Nov 2026 10:00:00 GMT') {
        res.writeHead(304, { etag: '"v1"' }).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT' }).end('<rss/>');
      }
    });
    const fetcher = fetcherWith();
    const first = await fetcher.fetch(`${site()}/feed`, { kind: 'feed' });
    expect(first).toMatchObject({ status: 200, notModified: false });
    expect(text(first.body)).toBe('<rss/>');

    const byEtag = await fetcher.fetch(`${site()}/feed`, { kind: 'feed', etag: first.headers.etag! });
    expect(byEtag).toMatchObject({ status: 304, notModified: true });
    expect(byEtag.body).toHaveLength(0);

    const byDate = await fetcher.fetch(`${site()}/feed`, { kind: 'feed', lastModified: first.headers['last-modified']! });
    expect(byDate.notModified).toBe(true);
    expect(seen[1]!['if-none-match']).toBe('"v1"');
    expect(seen[2]!['if-modified-since']).toBe('Wed, 25 Nov 2026 10:00:00 GMT');
  });

  it('sends no conditional headers unless asked', async () => {
    routes.set('/feed', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>'));
    await fetcherWith().fetch(`${site()}/feed`, { kind: 'feed' });
    expect(seen[0]!['if-none-match']).toBeUndefined();
    expect(seen[0]!['if-modified-since']).toBeUndefined();
  });
});

describe('several addresses', () => {
  it('tries the next checked address when one refuses the connection', async () => {
    routes.set('/a', html('second address'));
    // ::1 is loopback too: nothing listens on this loopback.port there (or IPv6 is off), so the connect fails locally.
    const lookup = resolverFor({ 'dual.test': ['::1', '127.0.0.1'] });
    const result = await fetcherWith({ lookup }).fetch(`http://dual.test:${loopback.port}/a`);
    expect(text(result.body)).toBe('second address');
  });

  it('fails (transient) when no address connects', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const lookup = resolverFor({ 'down.test': ['127.0.0.1', '127.0.0.1'] });
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    await failure(fetcherWith({ lookup }).fetch(`http://down.test:${closedPort}/`));
    expect(connect).toHaveBeenCalledTimes(2);
  });
});

describe('https', () => {
  let tlsServer: https.Server;
  let tlsPort: number;
  let ca: string;
  let dir: string;
  const servernames: (string | false)[] = [];

  beforeAll(async () => {
    // A throw-away self-signed certificate for site.test only.
    dir = mkdtempSync(join(tmpdir(), 'claimwire-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=site.test', '-addext', 'subjectAltName=DNS:site.test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
    tlsServer = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: ca }, (req, res) => {
      servernames.push((req.socket as unknown as { servername: string | false }).servername);
      res.writeHead(200, { 'content-type': 'text/html' }).end(`tls ${req.headers.host}`);
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    tlsPort = (tlsServer.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise((resolve) => tlsServer.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects to the checked address but verifies the certificate and sends SNI for the name', async () => {
    const result = await fetcherWith({ ca }).fetch(`https://site.test:${tlsPort}/`);
    expect(text(result.body)).toBe(`tls site.test:${tlsPort}`);
    expect(servernames.at(-1)).toBe('site.test');
  });

  it('refuses a certificate it cannot verify', async () => {
    const error = await failure(fetcherWith().fetch(`https://site.test:${tlsPort}/`));
    expect(error.message).toMatch(/self-signed|certificate/i);
  });

  it('refuses a certificate for another name, though the address is the same', async () => {
    const error = await failure(fetcherWith({ ca }).fetch(`https://other.test:${tlsPort}/`));
    expect(error.message).toMatch(/altnames|does not match|ERR_TLS_CERT_ALTNAME_INVALID/i);
  });
});
