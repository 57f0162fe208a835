import { FetchFailedError } from '../errors.ts';

export interface HostThrottleOptions {
  /** Interval used when `wait` is given none. Default 1000 ms. */
  defaultIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Hosts remembered; idle ones are forgotten beyond this. Default 10 000. */
  maxHosts?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps requests to one host at least `minIntervalMs` apart (start to start).
 *
 * Why: a crawler that fetches a feed's 50 new articles at once looks like an
 * attack. Each call reserves the next free slot for its host before sleeping,
 * so concurrent callers queue up instead of all waking together. A slot past
 * the caller's deadline is not reserved: the call throws a transient
 * {@link FetchFailedError} so the message is retried later rather than the
 * Lambda timing out asleep.
 *
 * @example
 * const throttle = new HostThrottle();
 * await throttle.wait('example.com', Math.max(1000, crawlDelayMs ?? 0));
 */
export class HostThrottle {
  private readonly defaultIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxHosts: number;
  /** host → start time of the latest reserved slot. */
  private readonly lastStart = new Map<string, number>();

  constructor(options: HostThrottleOptions = {}) {
    this.defaultIntervalMs = options.defaultIntervalMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.maxHosts = options.maxHosts ?? 10_000;
  }

  async wait(host: string, minIntervalMs: number = this.defaultIntervalMs, options: { deadline?: number } = {}): Promise<void> {
    const key = host.toLowerCase();
    const now = this.now();
    const previous = this.lastStart.get(key);
    const start = previous === undefined ? now : Math.max(now, previous + minIntervalMs);
    if (options.deadline !== undefined && start > options.deadline) {
      throw new FetchFailedError(`${host} may not be fetched again for ${start - now} ms (minimum interval ${minIntervalMs} ms); past the deadline`);
    }
    this.lastStart.delete(key);
    this.lastStart.set(key, start);
    this.forgetIdle(now);
    if (start > now) await this.sleep(start - now);
  }

  private forgetIdle(now: number): void {
    for (const [host, start] of this.lastStart) {
      if (this.lastStart.size <= this.maxHosts) return;
      if (start <= now) this.lastStart.delete(host);
      else return;
    }
  }
}
