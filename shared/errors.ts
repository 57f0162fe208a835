/**
 * The error tree. Two kinds matter to the pipeline:
 * - {@link PermanentError}: bad input. Record a failure, acknowledge the message, never retry.
 * - {@link TransientError}: the world is busy (throttling, 5xx, timeouts). Rethrow so the
 *   queue retries and, after maxReceiveCount, the dead-letter queue keeps the message.
 * Anything that is neither is treated as transient (safer: a retry loses nothing).
 */
export class ClaimwireError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class PermanentError extends ClaimwireError {}
export class TransientError extends ClaimwireError {}

/** Configuration or CLI input is invalid; the message names the field. */
export class ConfigError extends PermanentError {}

/** A page cannot be parsed or is over a limit (bytes, elements, depth). */
export class ParseError extends PermanentError {}
export class PageTooLargeError extends ParseError {}

/** A fetch was refused by policy (SSRF guard, scheme, robots.txt, content type). */
export class FetchRefusedError extends PermanentError {
  constructor(message: string, readonly rule: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A fetch failed in a way worth retrying later (5xx, reset, timeout). */
export class FetchFailedError extends TransientError {
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isPermanent(error: unknown): error is PermanentError {
  return error instanceof PermanentError;
}
