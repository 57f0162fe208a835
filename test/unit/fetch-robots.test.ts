import { describe, expect, it } from 'vitest';
import { FetchFailedError, FetchRefusedError } from '../../shared/errors.ts';
import { BlockedAddressError, HttpStatusRefusedError, RobotsCache, type Fetcher, type FetchOptions, type FetchResult } from '../../shared/fetch/index.ts';

const HOUR = 60 * 60 * 1000;

/** A fetcher that answers robots.txt from a table: a string is a 200 body, an Error is thrown. */
function fakeFetcher(answers: Record<string, string | Error | (() => string | Error)>, userAgent?: string) {
  const calls: { url: string; options: FetchOptions | undefined }[] = [];
  const fetcher: Fetcher = {
    ...(userAgent ? { userAgent } : {}),
    async fetch(url: string, options?: FetchOptions): Promise<FetchResult> {
      calls.push({ url, options });
      const entry = answers[url];
      const answer = typeof entry === 'function' ? entry() : entry;
      if (answer === undefined) throw new HttpStatusRefusedError(`HTTP 404 from ${url}`, 404);
      if (answer instanceof Error) throw answer;
      return { url, finalUrl: url, status: 200, headers: {}, body: new TextEncoder().encode(answer), notModified: false, redirects: [] };
    },
  };
  return { fetcher, calls };
}

function clock(start = Date.UTC(2026, 10, 25)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const R = 'https://example.com/robots.txt';

describe('RobotsCache: rules (RFC 9309)', () => {
  it.each([
    // [robots.txt, path, allowed]
    ['User-agent: *\nDisallow: /private', '/private/page', false],
    ['User-agent: *\nDisallow: /private', '/public/page', true],
    ['User-agent: *\nDisallow: /', '/anything', false],
    ['User-agent: *\nDisallow:', '/anything', true],
    ['', '/anything', true],
    // our own group wins over *
    ['User-agent: claimwire\nDisallow: /\n\nUser-agent: *\nAllow: /', '/news', false],
    ['User-agent: claimwire\nAllow: /\n\nUser-agent: *\nDisallow: /', '/news', true],
    // matching is case-insensitive on the product token
    ['User-agent: ClaimWire\nDisallow: /news', '/news/1', false],
    // someone else's group does not bind us
    ['User-agent: otherbot\nDisallow: /', '/news', true],
    // longest match wins; on a tie, Allow wins
    ['User-agent: *\nDisallow: /a\nAllow: /a/b', '/a/b/c', true],
    ['User-agent: *\nDisallow: /a\nAllow: /a/b', '/a/x', false],
    ['User-agent: *\nAllow: /p\nDisallow: /p', '/p', true],
    // wildcards and end anchors
    ['User-agent: *\nDisallow: /*.pdf$', '/files/report.pdf', false],
    ['User-agent: *\nDisallow: /*.pdf$', '/files/report.pdfx', true],
    ['User-agent: *\nDisallow: /*?print=', '/story?print=1', false],
    // comments and blank lines
    ['# hi\nUser-agent: * # everyone\n\nDisallow: /x # no', '/x/1', false],
  ])('%j: %s allowed=%s', async (robotsTxt, path, allowed) => {
    const { fetcher } = fakeFetcher({ [R]: robotsTxt });
    const verdict = await new RobotsCache({ fetcher }).isAllowed(`https://example.com${path}`);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.source).toBe('rules');
  });

  it('matches groups on the product token of a configured User-Agent', async () => {
    const { fetcher } = fakeFetcher({ [R]: 'User-agent: newsbot\nDisallow: /\n' }, 'newsbot/2.1 (+mailto:ops@example.org)');
    expect((await new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).allowed).toBe(false);
    const { fetcher: other } = fakeFetcher({ [R]: 'User-agent: newsbot\nDisallow: /\n' });
    expect((await new RobotsCache({ fetcher: other }).isAllowed('https://example.com/a')).allowed).toBe(true);
  });

  it('always allows /robots.txt itself, without fetching', async () => {
    const { fetcher, calls } = fakeFetcher({ [R]: 'User-agent: *\nDisallow: /' });
    expect((await new RobotsCache({ fetcher }).isAllowed(R)).allowed).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('reads Crawl-delay for our group, in ms', async () => {
    const cases: [string, number | null][] = [
      ['User-agent: *\nCrawl-delay: 5', 5000],
      ['User-agent: *\nCrawl-delay: 0.5', 500],
      ['User-agent: claimwire\nCrawl-delay: 7\n\nUser-agent: *\nCrawl-delay: 1', 7000],
      ['User-agent: otherbot\nCrawl-delay: 30', null],
      ['User-agent: *\nDisallow: /x', null],
    ];
    for (const [robotsTxt, expected] of cases) {
      const { fetcher } = fakeFetcher({ [R]: robotsTxt });
      expect((await new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).crawlDelayMs, robotsTxt).toBe(expected);
    }
  });

  it('fetches robots.txt with kind "robots"', async () => {
    const { fetcher, calls } = fakeFetcher({ [R]: '' });
    await new RobotsCache({ fetcher }).isAllowed('https://example.com/a', { deadline: 123 });
    expect(calls).toEqual([{ url: R, options: { kind: 'robots', deadline: 123 } }]);
  });
});

describe('RobotsCache: when robots.txt cannot be had', () => {
  it.each([404, 401, 403, 410])('treats a %i as "no restrictions"', async (status) => {
    const { fetcher } = fakeFetcher({ [R]: new HttpStatusRefusedError(`HTTP ${status}`, status) });
    expect(await new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).toEqual({ allowed: true, crawlDelayMs: null, source: 'no-robots' });
  });

  it('treats more than five redirects as "no restrictions"', async () => {
    const { fetcher } = fakeFetcher({ [R]: new FetchRefusedError('Too many redirects', 'redirect-limit') });
    expect(await new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).toMatchObject({ allowed: true, source: 'no-robots' });
  });

  it.each([
    ['a 503', new FetchFailedError('HTTP 503', 503)],
    ['a 500', new FetchFailedError('HTTP 500', 500)],
    ['a 429', new FetchFailedError('HTTP 429', 429)],
    ['a timeout', new FetchFailedError('exceeded its total deadline')],
    ['a reset', new FetchFailedError('Request failed: socket hang up (ECONNRESET)')],
    ['an unexpected error', new Error('boom')],
    ['an oversize file', new FetchRefusedError('body is over the limit', 'max-bytes')],
  ])('treats %s as "disallow everything"', async (_what, error) => {
    const { fetcher } = fakeFetcher({ [R]: error });
    const verdict = await new RobotsCache({ fetcher }).isAllowed('https://example.com/a');
    expect(verdict).toMatchObject({ allowed: false, source: 'unreachable' });
    expect(verdict.detail).toContain(error.message);
  });

  it('rethrows a name that does not exist instead of calling it unreachable', async () => {
    const nxdomain = new FetchRefusedError('example.com does not resolve', 'dns-not-found');
    const { fetcher } = fakeFetcher({ [R]: nxdomain });
    await expect(new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).rejects.toBe(nxdomain);
  });

  it('rethrows a blocked address instead of calling it unreachable', async () => {
    const blocked = new BlockedAddressError('Refused address 169.254.169.254', 'metadata', '169.254.169.254');
    const { fetcher } = fakeFetcher({ [R]: blocked });
    await expect(new RobotsCache({ fetcher }).isAllowed('https://example.com/a')).rejects.toBe(blocked);
  });
});

describe('RobotsCache: caching', () => {
  it('fetches once per origin, and separately per scheme and port', async () => {
    const { fetcher, calls } = fakeFetcher({});
    const robots = new RobotsCache({ fetcher });
    for (const path of ['/a', '/b', '/c?x=1']) await robots.isAllowed(`https://example.com${path}`);
    await robots.isAllowed('http://example.com/a');
    await robots.isAllowed('https://example.com:8443/a');
    await robots.isAllowed('https://news.example.com/a');
    expect(calls.map((c) => c.url)).toEqual([
      'https://example.com/robots.txt',
      'http://example.com/robots.txt',
      'https://example.com:8443/robots.txt',
      'https://news.example.com/robots.txt',
    ]);
  });

  it('shares one fetch between concurrent callers', async () => {
    const { fetcher, calls } = fakeFetcher({ [R]: 'User-agent: *\nDisallow: /x' });
    const robots = new RobotsCache({ fetcher });
    const verdicts = await Promise.all(['/a', '/x', '/b', '/x/y'].map((p) => robots.isAllowed(`https://example.com${p}`)));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, false, true, false]);
    expect(calls).toHaveLength(1);
  });

  it('keeps a robots.txt no longer than 24 hours, even when asked to', async () => {
    let body = 'User-agent: *\nDisallow: /';
    const { fetcher, calls } = fakeFetcher({ [R]: () => body });
    const time = clock();
    const robots = new RobotsCache({ fetcher, now: time.now, ttlMs: 7 * 24 * HOUR });
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(false);
    body = 'User-agent: *\nAllow: /';
    time.advance(23 * HOUR);
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(false);
    expect(calls).toHaveLength(1);
    time.advance(1 * HOUR + 1);
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('caches a 4xx for the same time as a file', async () => {
    const { fetcher, calls } = fakeFetcher({});
    const time = clock();
    const robots = new RobotsCache({ fetcher, now: time.now });
    await robots.isAllowed('https://example.com/a');
    time.advance(12 * HOUR);
    await robots.isAllowed('https://example.com/b');
    expect(calls).toHaveLength(1);
  });

  it('asks again soon after robots.txt was unreachable, and recovers', async () => {
    let answer: string | Error = new FetchFailedError('HTTP 503', 503);
    const { fetcher, calls } = fakeFetcher({ [R]: () => answer });
    const time = clock();
    const robots = new RobotsCache({ fetcher, now: time.now, unreachableTtlMs: 60_000 });
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(false);
    answer = 'User-agent: *\nAllow: /';
    time.advance(30_000);
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(false); // still remembered
    time.advance(30_001);
    expect((await robots.isAllowed('https://example.com/a')).allowed).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('forgets the oldest origins beyond maxEntries', async () => {
    const { fetcher, calls } = fakeFetcher({});
    const robots = new RobotsCache({ fetcher, maxEntries: 2 });
    await robots.isAllowed('https://a.example/x');
    await robots.isAllowed('https://b.example/x');
    await robots.isAllowed('https://c.example/x');
    await robots.isAllowed('https://c.example/y');
    await robots.isAllowed('https://a.example/x');
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['a.example', 'b.example', 'c.example', 'a.example']);
  });
});
