import {
  createFetcher,
  createPoliteFetcher,
  HostThrottle,
  RobotsCache,
  type FetchOptions,
  type FetchResult,
  type Resolver,
} from '../../shared/fetch/index.ts';

export interface FetchingOptions {
  allowPrivateNetwork: boolean;
  userAgent: string | null;
  minHostIntervalMs: number;
  /** Injected resolver (tests map names to loopback without DNS). */
  lookup?: Resolver;
}

/**
 * One safe fetcher, one robots.txt cache and one per-host throttle shared by the
 * feed and page fetches of a process, so politeness holds across both.
 */
export function createPoliteFetching(options: FetchingOptions) {
  const fetcher = createFetcher({
    allowPrivateNetwork: options.allowPrivateNetwork,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });
  const robots = new RobotsCache({ fetcher });
  const throttle = new HostThrottle();
  const polite = createPoliteFetcher({ fetcher, robots, throttle, minIntervalMs: options.minHostIntervalMs });
  return {
    fetcher,
    polite,
    fetchPage: (url: string, o: { kind: 'page'; deadline?: number }): Promise<FetchResult> => polite.fetch(url, o),
    fetchFeed: (url: string, o: FetchOptions): Promise<FetchResult> => polite.fetch(url, { ...o, kind: 'feed' }),
  };
}
