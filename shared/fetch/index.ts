/**
 * The safe, polite fetcher shared by `discover` and `fetch`: URL canonicalization,
 * the address policy (SSRF guard), the fetcher itself, robots.txt, per-host throttling.
 */
export { canonicalizeUrl, siteOf } from './canonicalize.ts';
export { checkAddress, normalizeAddress, type AddressPolicy } from './address-policy.ts';
export { BlockedAddressError, HttpStatusRefusedError } from './errors.ts';
export {
  createFetcher,
  DEFAULT_MAX_BYTES,
  DEFAULT_USER_AGENT,
  type FetchKind,
  type FetchOptions,
  type FetchResult,
  type Fetcher,
  type FetcherOptions,
  type ResolvedAddress,
  type Resolver,
} from './fetcher.ts';
export { RobotsCache, type RobotsCacheOptions, type RobotsVerdict } from './robots.ts';
export { HostThrottle, type HostThrottleOptions } from './throttle.ts';
export { createPoliteFetcher, type PoliteFetcherOptions } from './polite.ts';
