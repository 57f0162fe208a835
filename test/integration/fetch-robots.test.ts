/**
 * robots.txt, Crawl-delay and the polite fetcher end to end: the real safe
 * fetcher against an HTTP server on 127.0.0.1. Other names go through the
 * injected resolver; blocked ones are refused before any socket opens.
 */
import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { FetchFailedError, FetchRefusedError } from '../../shared/errors.ts';
import { BlockedAddressError, createFetcher, createPoliteFetcher, HostThrottle, RobotsCache, type Resolver } from '../../shared/fetch/index.ts';
import { useRoutedServer, type Handler } from '../helpers/routed-server.ts';

const loopback = useRoutedServer();
const { routes } = loopback;
const requested = loopback.urls;

const lookup: Resolver = async (hostname) => [{ address: hostname === 'evil.test' ? '169.254.169.254' : '127.0.0.1', family: 4 }];
const site = () => `http://site.test:${loopback.port}`;
const page: Handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>article</p>');
const robotsTxt = (body: string): Handler => (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
const status = (code: number): Handler => (_req, res) => res.writeHead(code, { 'content-type': 'text/plain' }).end('status');

/** The polite stack as the pipeline builds it, with a throttle whose sleeps are recorded (and skipped). */
function politeStack(options: { minIntervalMs?: number; totalTimeoutMs?: number } = {}) {
  const fetcher = createFetcher({ allowPrivateNetwork: true, lookup, totalTimeoutMs: options.totalTimeoutMs ?? 5_000 });
  const robots = new RobotsCache({ fetcher });
  const sleeps: number[] = [];
  const throttle = new HostThrottle({ sleep: async (ms) => void sleeps.push(ms) });
  const polite = createPoliteFetcher({ fetcher, robots, throttle, minIntervalMs: options.minIntervalMs ?? 1000 });
  return { polite, robots, sleeps };
}

describe('robots.txt over HTTP', () => {
  it('fetches a page robots.txt allows, asking robots.txt once', async () => {
    routes.set('/robots.txt', robotsTxt('User-agent: *\nDisallow: /private/\n'));
    routes.set('/news/1', page);
    routes.set('/news/2', page);
    const { polite } = politeStack();
    expect((await polite.fetch(`${site()}/news/1`)).status).toBe(200);
    expect((await polite.fetch(`${site()}/news/2`)).status).toBe(200);
    expect(requested).toEqual(['/robots.txt', '/news/1', '/news/2']);
  });

  it('refuses a disallowed page and never requests it', async () => {
    routes.set('/robots.txt', robotsTxt('User-agent: claimwire\nDisallow: /private/\n'));
    routes.set('/private/1', page);
    const error = await politeStack().polite.fetch(`${site()}/private/1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toMatchObject({ rule: 'robots' });
    expect(requested).toEqual(['/robots.txt']);
  });

  it.each([404, 410, 403, 401])('a %i robots.txt allows everything', async (code) => {
    routes.set('/robots.txt', status(code));
    routes.set('/news/1', page);
    const { polite, robots } = politeStack();
    expect(await robots.isAllowed(`${site()}/news/1`)).toMatchObject({ allowed: true, source: 'no-robots' });
    expect((await polite.fetch(`${site()}/news/1`)).status).toBe(200);
  });

  it.each([500, 502, 503, 429])('a %i robots.txt disallows everything, and the page is not requested', async (code) => {
    routes.set('/robots.txt', status(code));
    routes.set('/news/1', page);
    const { polite, robots } = politeStack();
    expect(await robots.isAllowed(`${site()}/news/1`)).toMatchObject({ allowed: false, source: 'unreachable' });
    const error = await polite.fetch(`${site()}/news/1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailedError); // transient: retried later, not lost
    expect(requested.filter((p) => p === '/news/1')).toEqual([]);
  });

  it('an unreachable robots.txt (server closes the connection) disallows everything', async () => {
    routes.set('/robots.txt', (req) => req.socket.destroy());
    expect(await politeStack().robots.isAllowed(`${site()}/news/1`)).toMatchObject({ allowed: false, source: 'unreachable' });
  });

  it('a robots.txt that never finishes disallows everything (total deadline)', async () => {
    routes.set('/robots.txt', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('#'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const verdict = await politeStack({ totalTimeoutMs: 300 }).robots.isAllowed(`${site()}/news/1`);
    expect(verdict).toMatchObject({ allowed: false, source: 'unreachable' });
    expect(verdict.detail).toMatch(/deadline/);
  });

  it('follows a redirected robots.txt and applies its rules to the original site', async () => {
    routes.set('/robots.txt', (_req, res) => res.writeHead(301, { location: `http://cdn.test:${loopback.port}/static/robots.txt` }).end());
    routes.set('/static/robots.txt', robotsTxt('User-agent: *\nDisallow: /private/\n'));
    const { robots } = politeStack();
    expect((await robots.isAllowed(`${site()}/private/x`)).allowed).toBe(false);
    expect((await robots.isAllowed(`${site()}/public/x`)).allowed).toBe(true);
  });

  it('honours Crawl-delay between requests to the same host', async () => {
    routes.set('/robots.txt', robotsTxt('User-agent: *\nCrawl-delay: 3\n'));
    routes.set('/news/1', page);
    routes.set('/news/2', page);
    const { polite, sleeps } = politeStack({ minIntervalMs: 1000 });
    await polite.fetch(`${site()}/news/1`);
    await polite.fetch(`${site()}/news/2`);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(2_500);
    expect(sleeps[0]).toBeLessThanOrEqual(3_000);
  });

  it('uses the minimum interval when there is no Crawl-delay', async () => {
    routes.set('/robots.txt', robotsTxt('User-agent: *\nAllow: /\n'));
    routes.set('/news/1', page);
    const { polite, sleeps } = politeStack({ minIntervalMs: 1000 });
    await polite.fetch(`${site()}/news/1`);
    await polite.fetch(`${site()}/news/1`);
    expect(sleeps[0]).toBeGreaterThan(500);
    expect(sleeps[0]).toBeLessThanOrEqual(1000);
  });

  it('checks robots.txt again for a redirect target', async () => {
    routes.set('/robots.txt', robotsTxt('User-agent: *\nDisallow: /private/\n'));
    routes.set('/news/1', (_req, res) => res.writeHead(302, { location: '/private/1' }).end());
    routes.set('/private/1', page);
    const error = await politeStack().polite.fetch(`${site()}/news/1`).catch((e: unknown) => e);
    expect(error).toMatchObject({ rule: 'robots' });
    expect(requested).toEqual(['/robots.txt', '/news/1']);
  });

  it('refuses a site whose name resolves to the metadata endpoint, naming that rule, before any connection', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const error = await politeStack().polite.fetch('http://evil.test/latest/meta-data/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ rule: 'metadata' });
    expect(connect).not.toHaveBeenCalled();
  });
});
