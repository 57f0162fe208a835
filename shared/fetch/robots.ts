import robotsParserModule from 'robots-parser';
import { FetchRefusedError } from '../errors.ts';
import { BlockedAddressError, HttpStatusRefusedError } from './errors.ts';
import { DEFAULT_USER_AGENT, type Fetcher } from './fetcher.ts';

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export:
// under NodeNext the default import is the function at run time, typed as the module.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our product token (or `*`), in ms; null when the file sets none. */
  crawlDelayMs: number | null;
  /**
   * Why: `rules` (robots.txt was read), `no-robots` (4xx: allow all) or
   * `unreachable` (5xx, 429, timeout, reset: disallow all until it can be read).
   */
  source: 'rules' | 'no-robots' | 'unreachable';
  /** For `unreachable`: what went wrong. */
  detail?: string;
}

export interface RobotsCacheOptions {
  /** Fetches robots.txt; pass the safe fetcher so the address policy applies to it too. */
  fetcher: Fetcher;
  /** Rules are matched on its product token (`claimwire/0.1 (...)` → `claimwire`). Default: the fetcher's. */
  userAgent?: string;
  /** How long a fetched robots.txt (or a 4xx) is trusted. RFC 9309 §2.4: at most 24 h. */
  ttlMs?: number;
  /** How long "unreachable, disallow all" is remembered before trying again. Default 5 min. */
  unreachableTtlMs?: number;
  /** Entries kept (one per origin); the oldest go first. Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  verdictFor: (url: string) => RobotsVerdict;
  expiresAt: number;
}

/**
 * robots.txt per RFC 9309, one file per origin (scheme, host, port), cached.
 *
 * Why: the pipeline crawls sites it does not own; honouring robots.txt and
 * Crawl-delay is what makes it welcome. Semantics: 2xx → the rules
 * (`robots-parser`: longest match wins, Allow wins a tie, `*` and `$`);
 * 4xx or more than 5 redirects → no restrictions; 5xx, 429 or unreachable → disallow everything
 * (remembered briefly, then asked again). `/robots.txt` itself is always
 * allowed. A blocked address or a name that does not exist is not
 * "unreachable": that refusal is rethrown so the caller sees the real reason.
 *
 * @example
 * const robots = new RobotsCache({ fetcher });
 * const { allowed, crawlDelayMs } = await robots.isAllowed('https://example.com/news/1');
 */
export class RobotsCache {
  private readonly fetcher: Fetcher;
  private readonly token: string;
  private readonly ttlMs: number;
  private readonly unreachableTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();

  constructor(options: RobotsCacheOptions) {
    this.fetcher = options.fetcher;
    this.token = productToken(options.userAgent ?? options.fetcher.userAgent ?? DEFAULT_USER_AGENT);
    this.ttlMs = Math.min(options.ttlMs ?? DAY_MS, DAY_MS);
    this.unreachableTtlMs = options.unreachableTtlMs ?? 5 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** May our product fetch `url`? Fetches (or reuses) the origin's robots.txt. */
  async isAllowed(url: string, options: { deadline?: number } = {}): Promise<RobotsVerdict> {
    const target = new URL(url);
    if (target.pathname === '/robots.txt') return { allowed: true, crawlDelayMs: null, source: 'rules' };
    const origin = `${target.protocol}//${target.host}`;
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached.verdictFor(target.href);

    let pending = this.loading.get(origin);
    if (!pending) {
      pending = this.load(origin, options.deadline).finally(() => this.loading.delete(origin));
      this.loading.set(origin, pending);
    }
    const entry = await pending;
    return entry.verdictFor(target.href);
  }

  private async load(origin: string, deadline: number | undefined): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let entry: Entry;
    try {
      const result = await this.fetcher.fetch(robotsUrl, { kind: 'robots', ...(deadline !== undefined ? { deadline } : {}) });
      // Rules of the file we were redirected to apply to the origin we asked about (RFC 9309 §2.3.1.2).
      const robot = robotsParser(robotsUrl, new TextDecoder('utf-8').decode(result.body));
      entry = { verdictFor: (url) => this.verdictOf(robot, url), expiresAt: this.now() + this.ttlMs };
    } catch (error) {
      // The page would be refused for the same reason: say so rather than "robots.txt unreachable".
      if (error instanceof BlockedAddressError) throw error;
      if (error instanceof FetchRefusedError && error.rule === 'dns-not-found') throw error;
      // RFC 9309 §2.3.1.2/.3: a 4xx, or more than five redirects, means "unavailable": no restrictions.
      if (error instanceof HttpStatusRefusedError || (error instanceof FetchRefusedError && error.rule === 'redirect-limit')) {
        const verdict: RobotsVerdict = { allowed: true, crawlDelayMs: null, source: 'no-robots' };
        entry = { verdictFor: () => verdict, expiresAt: this.now() + this.ttlMs };
      } else {
        const detail = `robots.txt of ${origin} is unreachable: ${error instanceof Error ? error.message : String(error)}`;
        const verdict: RobotsVerdict = { allowed: false, crawlDelayMs: null, source: 'unreachable', detail };
        entry = { verdictFor: () => verdict, expiresAt: this.now() + this.unreachableTtlMs };
      }
    }
    this.remember(origin, entry);
    return entry;
  }

  private remember(origin: string, entry: Entry): void {
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private verdictOf(robot: Robot, url: string): RobotsVerdict {
    const delay = robot.getCrawlDelay(this.token);
    return {
      allowed: robot.isAllowed(url, this.token) !== false,
      crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.round(delay * 1000) : null,
      source: 'rules',
    };
  }
}

/** RFC 9309 §2.2.1: the product token is the leading run of letters, `_` and `-`. */
function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0]?.toLowerCase() ?? '*';
}
