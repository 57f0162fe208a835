import { FetchFailedError, FetchRefusedError } from '../errors.ts';
import type { Fetcher, FetchOptions, FetchResult } from './fetcher.ts';
import type { RobotsCache } from './robots.ts';
import type { HostThrottle } from './throttle.ts';

export interface PoliteFetcherOptions {
  fetcher: Fetcher;
  robots: RobotsCache;
  throttle: HostThrottle;
  /** Minimum interval between two requests to one host; a larger Crawl-delay wins. Default 1000 ms. */
  minIntervalMs?: number;
  /**
   * Longest wait for a host's turn (a site may ask for a Crawl-delay of hours).
   * Beyond it the fetch fails transiently, to be retried later. Default 120 s.
   */
  maxWaitMs?: number;
  now?: () => number;
}

/**
 * The fetcher the pipeline uses: robots.txt first, then the host's turn, then
 * the safe fetch. Redirect targets go through the same two checks.
 *
 * A URL robots.txt disallows is refused ({@link FetchRefusedError}, rule
 * `robots`: permanent). A robots.txt that cannot be read (5xx, timeout) means
 * "disallow all" for now (RFC 9309), reported as a transient
 * {@link FetchFailedError} so the message is retried later instead of the
 * article being lost.
 *
 * @example
 * const polite = createPoliteFetcher({ fetcher, robots: new RobotsCache({ fetcher }), throttle: new HostThrottle() });
 * await polite.fetch('https://example.com/news/1', { kind: 'page', deadline });
 */
export function createPoliteFetcher(options: PoliteFetcherOptions): Fetcher {
  const { fetcher, robots, throttle } = options;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const now = options.now ?? Date.now;

  async function admit(url: string, deadline: number | undefined): Promise<void> {
    let target: URL;
    try {
      target = new URL(url);
    } catch (error) {
      throw new FetchRefusedError(`Not a valid URL: ${JSON.stringify(url)}`, 'invalid-url', { cause: error });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new FetchRefusedError(`Only http and https are fetched, not ${target.protocol} (${url})`, 'scheme');
    }
    const verdict = await robots.isAllowed(target.href, deadline !== undefined ? { deadline } : {});
    if (!verdict.allowed) {
      if (verdict.source === 'unreachable') {
        throw new FetchFailedError(`${verdict.detail ?? `robots.txt of ${target.host} is unreachable`}; not fetching ${url} until it can be read`);
      }
      throw new FetchRefusedError(`robots.txt of ${target.protocol}//${target.host} disallows ${url}`, 'robots');
    }
    const interval = Math.max(minIntervalMs, verdict.crawlDelayMs ?? 0);
    await throttle.wait(target.host, interval, { deadline: Math.min(deadline ?? Number.POSITIVE_INFINITY, now() + maxWaitMs) });
  }

  async function fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
    if (fetchOptions.kind === 'robots') return fetcher.fetch(url, fetchOptions);
    await admit(url, fetchOptions.deadline);
    const callerHook = fetchOptions.beforeRedirect;
    return fetcher.fetch(url, {
      ...fetchOptions,
      beforeRedirect: async (next) => {
        await callerHook?.(next);
        await admit(next, fetchOptions.deadline);
      },
    });
  }

  return { fetch, ...(fetcher.userAgent !== undefined ? { userAgent: fetcher.userAgent } : {}) };
}
