import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSource, MemoryDiscoveryStateStore, type DiscoveryFetch, type SourceConfig } from '../../shared/discover/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

/**
 * A loopback-only fetch over Node's global fetch: refuses any other host, so
 * this test can never send a packet off the machine.
 */
const loopbackFetch: DiscoveryFetch = async (url, opts) => {
  const headers: Record<string, string> = {};
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  let target = new URL(url);
  // Redirects are followed by hand so every hop is checked before it is requested.
  for (let hop = 0; hop <= 5; hop++) {
    if (target.hostname !== '127.0.0.1') throw new Error(`test fetch refuses non-loopback URL ${target.href}`);
    const response = await fetch(target, { headers, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.arrayBuffer();
      target = new URL(location, target);
      continue;
    }
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return {
      status: response.status,
      finalUrl: target.href,
      headers: responseHeaders,
      body: new Uint8Array(await response.arrayBuffer()),
      notModified: response.status === 304,
    };
  }
  throw new Error(`too many redirects from ${url}`);
};

describe('discoverSource over HTTP (loopback)', () => {
  let server: Server;
  let origin: string;
  const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  let feedVersion = 'v1';

  beforeAll(async () => {
    const atom = fixture('atom.xml').replace('xml:base="https://blog.example.net/news/"', ''); // links resolve against our origin
    server = createServer((req, res) => {
      requests.push({ path: req.url ?? '', headers: req.headers });
      if (req.url === '/feed.xml') {
        const etag = `"${feedVersion}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(fixture('rss2.xml'));
      } else if (req.url === '/old-feed') {
        res.writeHead(301, { location: '/news/atom.xml' }).end();
      } else if (req.url === '/news/atom.xml') {
        const lastModified = 'Wed, 25 Nov 2026 10:00:00 GMT';
        if (req.headers['if-modified-since'] === lastModified) {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lastModified }).end(atom);
      } else if (req.url === '/sitemap_index.xml') {
        const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>/sitemaps/news.xml</loc><lastmod>2026-11-25T09:00:00Z</lastmod></sitemap>
          <sitemap><loc>${origin}/sitemaps/2026-11.xml.gz</loc><lastmod>2026-11-20T00:00:00Z</lastmod></sitemap>
        </sitemapindex>`;
        res.writeHead(200, { 'content-type': 'application/xml', etag: '"index"' }).end(index);
      } else if (req.url === '/sitemaps/news.xml' || req.url === '/sitemaps/2026-11.xml.gz') {
        const etag = req.url.endsWith('.gz') ? '"nov"' : '"news"';
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        const body = req.url.endsWith('.gz') ? gzipSync(fixture('sitemap.xml')) : fixture('news-sitemap.xml');
        res.writeHead(200, { 'content-type': req.url.endsWith('.gz') ? 'application/x-gzip' : 'application/xml', etag }).end(body);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const feedSource = (): SourceConfig => ({ id: 'loopback-rss', type: 'feed', url: `${origin}/feed.xml`, enabled: true, maxItems: 50 });

  it('reads a feed, then gets 304 with the stored ETag, then sees a new version', async () => {
    // Prepare
    const state = new MemoryDiscoveryStateStore();
    const deps = { fetch: loopbackFetch, state };
    requests.length = 0;

    // Act
    const first = await discoverSource(feedSource(), deps);
    const second = await discoverSource(feedSource(), deps);
    feedVersion = 'v2';
    const third = await discoverSource(feedSource(), deps);

    // Assess
    expect(first.notModified).toBe(false);
    expect(first.items.map((i) => i.url)).toEqual([
      `${origin}/2026/11/ferry-strike?utm_campaign=morning&fbclid=abc123`, // relative link resolved against the loopback feed
      'https://news.example.com/2026/11/sea-wall?utm_source=rss&utm_medium=feed&id=7',
      'https://news.example.com/2026/11/guid-only',
    ]);
    expect(second).toEqual({ items: [], notModified: true });
    expect(requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(third.notModified).toBe(false);
    expect(third.items).toHaveLength(3);
    expect((await state.getValidators('loopback-rss'))?.etag).toBe('"v2"');
  });

  it('follows a redirect, resolves against the final URL and revalidates with Last-Modified', async () => {
    const state = new MemoryDiscoveryStateStore();
    const source: SourceConfig = { id: 'loopback-atom', type: 'feed', url: `${origin}/old-feed`, enabled: true, maxItems: 2 };

    const first = await discoverSource(source, { fetch: loopbackFetch, state });
    const second = await discoverSource(source, { fetch: loopbackFetch, state });

    expect(first.items.map((i) => i.url)).toEqual([`${origin}/news/2026/storm-warning`, 'https://archive.example.net/2026/rail-fares.html']);
    expect(second).toEqual({ items: [], notModified: true });
  });

  it('follows a sitemap index to a news sitemap and a gzipped sitemap, then sees only 304s from the children', async () => {
    // Prepare
    const state = new MemoryDiscoveryStateStore();
    const source: SourceConfig = { id: 'loopback-sitemaps', type: 'sitemap', url: `${origin}/sitemap_index.xml`, enabled: true, maxItems: 4 };
    requests.length = 0;

    // Act
    const first = await discoverSource(source, { fetch: loopbackFetch, state });
    const second = await discoverSource(source, { fetch: loopbackFetch, state });

    // Assess
    expect(first.items.map((i) => i.url)).toEqual([
      'https://site.example.com/world/summit-ends',
      'https://site.example.com/politics/vote-delayed',
      'https://site.example.com/world/talks-stall',
      'https://site.example.com/business/q3-results?a=1&b=2',
    ]);
    expect(second).toEqual({ items: [], notModified: true });
    expect(requests.map((r) => [r.path, r.headers['if-none-match'] ?? null])).toEqual([
      ['/sitemap_index.xml', null],
      ['/sitemaps/news.xml', null],
      ['/sitemaps/2026-11.xml.gz', null],
      ['/sitemap_index.xml', null],
      ['/sitemaps/news.xml', '"news"'],
      ['/sitemaps/2026-11.xml.gz', '"nov"'],
    ]);
  });

  it('reports a missing feed as a permanent error naming the URL', async () => {
    const source: SourceConfig = { id: 'gone', type: 'feed', url: `${origin}/gone.xml`, enabled: true, maxItems: 50 };
    await expect(discoverSource(source, { fetch: loopbackFetch, state: new MemoryDiscoveryStateStore() })).rejects.toThrow(
      `${origin}/gone.xml: HTTP 404`,
    );
  });
});
