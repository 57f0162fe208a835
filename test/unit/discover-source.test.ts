import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchFailedError } from '../../shared/errors.ts';
import {
  discoverSource,
  FeedParseError,
  FeedUnavailableError,
  MAX_CHILD_SITEMAPS,
  MemoryDiscoveryStateStore,
  type DiscoveryFetch,
  type DiscoveryResponse,
  type SourceConfig,
} from '../../shared/discover/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

type Route = Partial<Omit<DiscoveryResponse, 'body'>> & { body?: Uint8Array | string };

/** A fetch over a table of URL -> response, recording every call. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: Array<{ url: string; etag?: string; lastModified?: string }> = [];
  const fetch: DiscoveryFetch = async (url, opts) => {
    calls.push({ url, ...(opts.etag ? { etag: opts.etag } : {}), ...(opts.lastModified ? { lastModified: opts.lastModified } : {}) });
    const route = routes[url];
    if (!route) return { status: 404, finalUrl: url, headers: {}, body: new Uint8Array(), notModified: false };
    const etag = Object.entries(route.headers ?? {}).find(([k]) => k.toLowerCase() === 'etag')?.[1];
    if (route.status === 304 || (etag !== undefined && opts.etag === etag)) {
      return { status: 304, finalUrl: url, headers: {}, body: new Uint8Array(), notModified: true };
    }
    const body = typeof route.body === 'string' ? new TextEncoder().encode(route.body) : (route.body ?? new Uint8Array());
    return { status: 200, finalUrl: url, headers: {}, notModified: false, ...route, body };
  };
  return { fetch, calls };
}

const source = (over: Partial<SourceConfig>): SourceConfig => ({ id: 's1', type: 'feed', url: 'https://news.example.com/feed.xml', enabled: true, maxItems: 50, ...over });

const sitemap = (urls: Array<[string, string]>) =>
  `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map(([loc, lastmod]) => `<url><loc>${loc}</loc><lastmod>${lastmod}</lastmod></url>`).join('')}</urlset>`;
const sitemapIndex = (locs: Array<[string, string]>) =>
  `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map(([loc, lastmod]) => `<sitemap><loc>${loc}</loc><lastmod>${lastmod}</lastmod></sitemap>`).join('')}</sitemapindex>`;

describe('discoverSource', () => {
  it('returns the one URL of a url source without fetching', async () => {
    const { fetch, calls } = fakeFetch({});
    const result = await discoverSource(source({ type: 'url', url: 'https://a.example/story' }), { fetch, state: new MemoryDiscoveryStateStore() });
    expect(result).toEqual({ items: [{ url: 'https://a.example/story' }], notModified: false });
    expect(calls).toEqual([]);
  });

  it('reads nothing from a disabled source', async () => {
    const { fetch, calls } = fakeFetch({});
    expect(await discoverSource(source({ enabled: false }), { fetch, state: new MemoryDiscoveryStateStore() })).toEqual({ items: [], notModified: false });
    expect(calls).toEqual([]);
  });

  it('lists a URL once, at its newest date, and keeps undated items after dated ones in feed order', async () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><link>https://a.example/undated-1</link></item>
      <item><link>https://a.example/old</link><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><link>https://a.example/undated-2</link></item>
      <item><link>https://a.example/old</link><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><link>https://a.example/mid</link><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
    </channel></rss>`;
    const { fetch } = fakeFetch({ 'https://news.example.com/feed.xml': { body: rss } });
    const result = await discoverSource(source({}), { fetch, state: new MemoryDiscoveryStateStore() });
    expect(result.items).toEqual([
      { url: 'https://a.example/old', publishedAt: '2026-11-25T10:00:00.000Z' },
      { url: 'https://a.example/mid', publishedAt: '2026-11-24T10:00:00.000Z' },
      { url: 'https://a.example/undated-1' },
      { url: 'https://a.example/undated-2' },
    ]);
  });

  it('sorts newest first, caps at maxItems and resolves against the final (redirected) URL', async () => {
    // Prepare
    const { fetch } = fakeFetch({
      'https://news.example.com/feed.xml': { body: fixture('rss2.xml'), finalUrl: 'https://www.news.example.com/rss/feed.xml' },
    });
    // Act
    const result = await discoverSource(source({ maxItems: 2 }), { fetch, state: new MemoryDiscoveryStateStore() });
    // Assess
    expect(result.items.map((i) => i.url)).toEqual([
      'https://www.news.example.com/2026/11/ferry-strike?utm_campaign=morning&fbclid=abc123', // 25 Nov; relative link
      'https://news.example.com/2026/11/sea-wall?utm_source=rss&utm_medium=feed&id=7', // 24 Nov 08:30Z; 03:00Z one is cut
    ]);
  });

  it('keeps ETag and Last-Modified and sends them back next time', async () => {
    const state = new MemoryDiscoveryStateStore();
    const { fetch, calls } = fakeFetch({
      'https://news.example.com/feed.xml': { body: fixture('rss2.xml'), headers: { ETag: '"v1"', 'Last-Modified': 'Wed, 25 Nov 2026 07:00:00 GMT' } },
    });
    const now = () => new Date('2026-11-25T12:00:00Z');

    const first = await discoverSource(source({}), { fetch, state, now });
    const second = await discoverSource(source({}), { fetch, state, now });

    expect(first.items).toHaveLength(3);
    expect(second).toEqual({ items: [], notModified: true });
    expect(calls[1]).toEqual({ url: 'https://news.example.com/feed.xml', etag: '"v1"', lastModified: 'Wed, 25 Nov 2026 07:00:00 GMT' });
    expect(await state.getValidators('s1')).toEqual({ etag: '"v1"', lastModified: 'Wed, 25 Nov 2026 07:00:00 GMT', checkedAt: '2026-11-25T12:00:00.000Z' });
  });

  it('skips a source checked less than minIntervalMs ago, without fetching', async () => {
    const state = new MemoryDiscoveryStateStore();
    const { fetch, calls } = fakeFetch({ 'https://news.example.com/feed.xml': { body: fixture('rss2.xml') } });
    let clock = new Date('2026-11-25T12:00:00Z');
    const deps = { fetch, state, now: () => clock };
    const config = source({ minIntervalMs: 10 * 60_000 });

    await discoverSource(config, deps);
    clock = new Date('2026-11-25T12:05:00Z');
    const early = await discoverSource(config, deps);
    clock = new Date('2026-11-25T12:10:00Z');
    const due = await discoverSource(config, deps);

    expect(early).toEqual({ items: [], notModified: true, skipped: true });
    expect(due.items).toHaveLength(3);
    expect(calls).toHaveLength(2);
  });

  it('follows a sitemap index newest child first, with per-child validators', async () => {
    const state = new MemoryDiscoveryStateStore();
    const { fetch, calls } = fakeFetch({
      'https://site.example.com/sitemap_index.xml': { body: fixture('sitemap-index.xml'), headers: { etag: '"idx"' } },
      'https://site.example.com/sitemaps/news.xml': { body: fixture('news-sitemap.xml'), headers: { etag: '"news"' } },
      'https://site.example.com/sitemaps/2026-11.xml': { body: fixture('sitemap.xml'), headers: { etag: '"nov"' } },
    });
    const config = source({ id: 'site', type: 'sitemap', url: 'https://site.example.com/sitemap_index.xml' });

    const first = await discoverSource(config, { fetch, state });
    const second = await discoverSource(config, { fetch, state });

    expect(first.notModified).toBe(false);
    expect(first.items.map((i) => i.url)).toEqual([
      'https://site.example.com/world/summit-ends',
      'https://site.example.com/politics/vote-delayed',
      'https://site.example.com/world/talks-stall',
      'https://site.example.com/business/q3-results?a=1&b=2',
      'https://site.example.com/about',
    ]);
    expect(calls.slice(0, 3).map((c) => c.url)).toEqual([
      'https://site.example.com/sitemap_index.xml',
      'https://site.example.com/sitemaps/news.xml',
      'https://site.example.com/sitemaps/2026-11.xml',
    ]);
    // The index is always read in full (sites often never touch it); the children answer 304.
    expect(calls.slice(3)).toEqual([
      { url: 'https://site.example.com/sitemap_index.xml' },
      { url: 'https://site.example.com/sitemaps/news.xml', etag: '"news"' },
      { url: 'https://site.example.com/sitemaps/2026-11.xml', etag: '"nov"' },
    ]);
    expect(second).toEqual({ items: [], notModified: true });
  });

  it(`reads at most ${MAX_CHILD_SITEMAPS} child sitemaps and stops nesting at depth 2`, async () => {
    const base = 'https://big.example.com';
    const routes: Record<string, Route> = {
      [`${base}/index.xml`]: { body: sitemapIndex([[`${base}/nested-1.xml`, '2026-11-25'], [`${base}/index.xml`, '2026-11-25']]) },
      [`${base}/nested-1.xml`]: { body: sitemapIndex([[`${base}/nested-2.xml`, '2026-11-25'], ...Array.from({ length: 30 }, (_, d): [string, string] => [`${base}/day-${d}.xml`, `2026-10-${String(d + 1).padStart(2, '0')}`])]) },
      [`${base}/nested-2.xml`]: { body: sitemapIndex([[`${base}/too-deep.xml`, '2026-11-25']]) },
    };
    for (let d = 0; d < 30; d++) routes[`${base}/day-${d}.xml`] = { body: sitemap([[`${base}/story-${d}`, `2026-10-${String(d + 1).padStart(2, '0')}`]]) };
    const { fetch, calls } = fakeFetch(routes);

    const result = await discoverSource(source({ id: 'big', type: 'sitemap', url: `${base}/index.xml` }), { fetch, state: new MemoryDiscoveryStateStore() });

    const fetched = calls.map((c) => c.url);
    expect(fetched).not.toContain(`${base}/too-deep.xml`);
    expect(fetched.length).toBe(1 + MAX_CHILD_SITEMAPS); // the index plus 20 children, no repeat of the self-listed index
    // The newest days were chosen: nested-1, nested-2, then day-29 down to day-12.
    expect(result.items[0]!.url).toBe(`${base}/story-29`);
    expect(result.items).toHaveLength(MAX_CHILD_SITEMAPS - 2);
  });

  it('leaves out a dead child sitemap but reports it', async () => {
    const { fetch } = fakeFetch({
      'https://site.example.com/sitemap_index.xml': { body: fixture('sitemap-index.xml') },
      'https://site.example.com/sitemaps/news.xml': { body: fixture('news-sitemap.xml') },
    });
    const result = await discoverSource(source({ type: 'sitemap', url: 'https://site.example.com/sitemap_index.xml' }), { fetch, state: new MemoryDiscoveryStateStore() });
    expect(result.items).toHaveLength(2);
    expect(result.failures).toEqual([{ url: 'https://site.example.com/sitemaps/2026-11.xml', message: 'https://site.example.com/sitemaps/2026-11.xml: HTTP 404' }]);
  });

  it('fails the source when every child sitemap of its index fails', async () => {
    const { fetch } = fakeFetch({ 'https://site.example.com/sitemap_index.xml': { body: fixture('sitemap-index.xml') } });
    await expect(
      discoverSource(source({ type: 'sitemap', url: 'https://site.example.com/sitemap_index.xml' }), { fetch, state: new MemoryDiscoveryStateStore() }),
    ).rejects.toThrow(
      new FeedUnavailableError('https://site.example.com/sitemap_index.xml: all 2 child sitemaps failed, first: https://site.example.com/sitemaps/news.xml: HTTP 404', 0),
    );
  });

  it.each([
    [503, FetchFailedError],
    [429, FetchFailedError],
    [404, FeedUnavailableError],
    [410, FeedUnavailableError],
  ])('turns HTTP %i into %O', async (status, kind) => {
    const { fetch } = fakeFetch({ 'https://news.example.com/feed.xml': { status } });
    await expect(discoverSource(source({}), { fetch, state: new MemoryDiscoveryStateStore() })).rejects.toThrow(kind);
  });

  it('does not keep validators of a body it could not parse', async () => {
    const state = new MemoryDiscoveryStateStore();
    const { fetch } = fakeFetch({ 'https://news.example.com/feed.xml': { body: fixture('broken.xml'), headers: { etag: '"bad"' } } });
    await expect(discoverSource(source({}), { fetch, state })).rejects.toThrow(FeedParseError);
    expect(await state.getValidators('s1')).toBeNull();
  });
});
