import { describe, expect, it } from 'vitest';
import { FetchFailedError, FetchRefusedError } from '../../shared/errors.ts';
import { createPoliteFetcher, HostThrottle, HttpStatusRefusedError, RobotsCache, type Fetcher, type FetchOptions, type FetchResult } from '../../shared/fetch/index.ts';

/** A fetcher serving robots.txt files from a table and 200 for every other URL; it records what was asked. */
function fakeSite(robotsTxt: Record<string, string | Error>) {
  const requested: string[] = [];
  const fetcher: Fetcher = {
    userAgent: 'claimwire/0.1 (+https://github.com/claimwire/claimwire)',
    async fetch(url: string, _options?: FetchOptions): Promise<FetchResult> {
      requested.push(url);
      let body = 'page';
      if (new URL(url).pathname === '/robots.txt') {
        const answer = robotsTxt[new URL(url).host] ?? new HttpStatusRefusedError('HTTP 404', 404);
        if (answer instanceof Error) throw answer;
        body = answer;
      }
      return { url, finalUrl: url, status: 200, headers: {}, body: new TextEncoder().encode(body), notModified: false, redirects: [] };
    },
  };
  return { fetcher, requested };
}

function politeWith(robotsTxt: Record<string, string | Error>, minIntervalMs = 1000) {
  const { fetcher, requested } = fakeSite(robotsTxt);
  let now = 0;
  const sleeps: number[] = [];
  const throttle = new HostThrottle({ now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) });
  const polite = createPoliteFetcher({ fetcher, robots: new RobotsCache({ fetcher }), throttle, minIntervalMs });
  return { polite, requested, sleeps };
}

describe('createPoliteFetcher', () => {
  it('refuses a URL robots.txt disallows, without requesting it', async () => {
    const { polite, requested } = politeWith({ 'example.com': 'User-agent: *\nDisallow: /private' });
    const error = await polite.fetch('https://example.com/private/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toMatchObject({ rule: 'robots' });
    expect((error as Error).message).toMatch(/robots\.txt of https:\/\/example\.com disallows/);
    expect(requested).toEqual(['https://example.com/robots.txt']);
  });

  it('fetches an allowed URL after robots.txt', async () => {
    const { polite, requested } = politeWith({ 'example.com': 'User-agent: *\nDisallow: /private' });
    const result = await polite.fetch('https://example.com/news/1', { kind: 'page' });
    expect(result.status).toBe(200);
    expect(requested).toEqual(['https://example.com/robots.txt', 'https://example.com/news/1']);
  });

  it('fails transiently (retry later) while robots.txt is unreachable, without requesting the page', async () => {
    const { polite, requested } = politeWith({ 'example.com': new FetchFailedError('HTTP 503', 503) });
    const error = await polite.fetch('https://example.com/news/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailedError);
    expect((error as Error).message).toMatch(/robots\.txt of https:\/\/example\.com is unreachable: HTTP 503/);
    expect(requested).toEqual(['https://example.com/robots.txt']);
  });

  it('spaces requests to a host by the minimum interval, raised to Crawl-delay', async () => {
    const { polite, sleeps } = politeWith({ 'slow.example': 'User-agent: *\nCrawl-delay: 4', 'fast.example': 'User-agent: *\nCrawl-delay: 0.1' }, 1000);
    await polite.fetch('https://slow.example/1');
    await polite.fetch('https://slow.example/2');
    await polite.fetch('https://fast.example/1');
    await polite.fetch('https://fast.example/2');
    expect(sleeps).toEqual([4000, 1000]);
  });

  it('fails transiently rather than wait longer than maxWaitMs for a host (huge Crawl-delay)', async () => {
    const { fetcher, requested } = fakeSite({ 'slow.example': 'User-agent: *\nCrawl-delay: 86400' });
    let now = 0;
    const sleeps: number[] = [];
    const throttle = new HostThrottle({ now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) });
    const polite = createPoliteFetcher({ fetcher, robots: new RobotsCache({ fetcher }), throttle, maxWaitMs: 60_000, now: () => now });
    await polite.fetch('https://slow.example/1');
    await expect(polite.fetch('https://slow.example/2')).rejects.toBeInstanceOf(FetchFailedError);
    expect(sleeps).toEqual([]);
    expect(requested).toEqual(['https://slow.example/robots.txt', 'https://slow.example/1']);
  });

  it('passes robots.txt fetches straight through', async () => {
    const { polite, requested, sleeps } = politeWith({ 'example.com': 'User-agent: *\nDisallow: /' });
    await polite.fetch('https://example.com/robots.txt', { kind: 'robots' });
    await polite.fetch('https://example.com/robots.txt', { kind: 'robots' });
    expect(requested).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('refuses other schemes before anything is fetched', async () => {
    const { polite, requested } = politeWith({});
    await expect(polite.fetch('file:///etc/passwd')).rejects.toMatchObject({ rule: 'scheme' });
    await expect(polite.fetch('not a url')).rejects.toMatchObject({ rule: 'invalid-url' });
    expect(requested).toEqual([]);
  });

  it('exposes the underlying User-Agent', () => {
    expect(politeWith({}).polite.userAgent).toBe('claimwire/0.1 (+https://github.com/claimwire/claimwire)');
  });
});
