import { FetchRefusedError } from '../errors.ts';

/**
 * A server answered with a 4xx status that means "this will not get better by
 * retrying" (404, 410, 403...). Permanent; `status` lets robots.txt handling tell
 * "no robots.txt" (allow all) from other refusals. 408 and 429 are not this
 * error: they are {@link FetchFailedError}s and are retried.
 */
export class HttpStatusRefusedError extends FetchRefusedError {
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, 'http-4xx', options);
  }
}

/**
 * The address policy (SSRF guard) refused a target. `rule` names the range
 * (`loopback`, `private`, `link-local`, `metadata`, ...); `address` is the
 * address that was refused, after normalisation.
 */
export class BlockedAddressError extends FetchRefusedError {
  constructor(message: string, rule: string, readonly address: string) {
    super(message, rule);
  }
}
