import { FetchFailedError, PermanentError } from '../errors.ts';
import { DEFAULT_MAX_ITEMS, type SourceConfig } from './config.ts';
import { parseFeed } from './parse-feed.ts';
import type { DiscoveredDocument, DiscoveredItem } from './types.ts';

/** HTTP validators of the last good response, and when the source was last checked. */
export interface DiscoveryValidators {
  etag?: string;
  lastModified?: string;
  /** ISO 8601; written by discoverSource so `minIntervalMs` can be honoured. Stores should keep it. */
  checkedAt?: string;
}

/** Where discovery keeps conditional-GET validators between runs (DynamoDB on AWS, memory in tests). */
export interface DiscoveryStateStore {
  getValidators(sourceId: string): Promise<DiscoveryValidators | null>;
  putValidators(sourceId: string, v: DiscoveryValidators): Promise<void>;
}

/** A state store that lives as long as the process: tests and one-off runs. */
export class MemoryDiscoveryStateStore implements DiscoveryStateStore {
  readonly entries = new Map<string, DiscoveryValidators>();

  async getValidators(sourceId: string): Promise<DiscoveryValidators | null> {
    const found = this.entries.get(sourceId);
    return found ? { ...found } : null;
  }

  async putValidators(sourceId: string, v: DiscoveryValidators): Promise<void> {
    this.entries.set(sourceId, { ...v });
  }
}

export interface DiscoveryResponse {
  status: number;
  finalUrl: string;
  headers: Record<string, string>;
  body: Uint8Array;
  notModified: boolean;
}

/** The fetcher discovery needs: the shared fetcher (SSRF guard, robots, user agent) with `kind: 'feed'`. */
export type DiscoveryFetch = (
  url: string,
  opts: { kind: 'feed'; etag?: string; lastModified?: string },
) => Promise<DiscoveryResponse>;

export interface DiscoverDeps {
  fetch: DiscoveryFetch;
  state: DiscoveryStateStore;
  now?: () => Date;
}

export interface DiscoveryResult {
  /** Newest first, at most `maxItems`, no URL twice. */
  items: DiscoveredItem[];
  /** True when nothing changed since the last run (304, or skipped for `minIntervalMs`). */
  notModified: boolean;
  /** True when the run was skipped because the source was checked less than `minIntervalMs` ago. */
  skipped?: boolean;
  /** Child sitemaps of an index that failed permanently (4xx, unparseable) and were left out. */
  failures?: Array<{ url: string; message: string }>;
}

/** The source answered with a status that retrying will not fix (404, 410, 403...); `status` is 0 when every child sitemap of an index failed. */
export class FeedUnavailableError extends PermanentError {
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

// Bounds on following sitemap indexes: a news site's index lists one sitemap
// per day or month going back years; the newest few hold everything new.
export const MAX_CHILD_SITEMAPS = 20;
export const MAX_SITEMAP_DEPTH = 2;

/**
 * Finds the newest article URLs of one source. Feeds and sitemaps are fetched
 * with a conditional GET (validators kept in `deps.state`), so an unchanged
 * source costs one 304. Sitemap indexes are followed newest child first, at
 * most {@link MAX_CHILD_SITEMAPS} children and {@link MAX_SITEMAP_DEPTH}
 * levels; each child has its own validators (key `"<sourceId> <childUrl>"`)
 * and the index itself is always read in full, because many sites never
 * change their index while its children change hourly.
 *
 * Already-seen URLs are not filtered here: the pipeline owns that.
 *
 * @throws FetchFailedError (transient) on 408/429/5xx; FeedUnavailableError or
 *   FeedParseError (permanent) when the source itself is gone or unreadable.
 * @example
 * const { items, notModified } = await discoverSource(source, { fetch, state: new MemoryDiscoveryStateStore() });
 */
export async function discoverSource(source: SourceConfig, deps: DiscoverDeps): Promise<DiscoveryResult> {
  if (source.enabled === false) return { items: [], notModified: false };
  if (source.type === 'url') return { items: [{ url: source.url }], notModified: false };

  const now = deps.now ?? (() => new Date());
  const saved = await deps.state.getValidators(source.id);
  if (source.minIntervalMs !== undefined && saved?.checkedAt !== undefined) {
    const elapsed = now().getTime() - Date.parse(saved.checkedAt);
    if (elapsed >= 0 && elapsed < source.minIntervalMs) return { items: [], notModified: true, skipped: true };
  }

  const top = await fetchDocument(source.url, saved, deps.fetch);
  const checkedAt = now().toISOString();
  if (top.document === null) {
    await deps.state.putValidators(source.id, { ...saved, checkedAt });
    return { items: [], notModified: true };
  }

  let items: DiscoveredItem[];
  let notModified = false;
  const failures: Array<{ url: string; message: string }> = [];
  if (top.document.kind === 'sitemap-index') {
    const walked = await walkSitemapIndex(source.id, top.url, top.document, deps, failures);
    if (walked.fetched > 0 && failures.length === walked.fetched) {
      // Every child is gone or unreadable: the source is broken, say so rather than report "nothing new".
      throw new FeedUnavailableError(
        `${top.url}: all ${walked.fetched} child sitemaps failed, first: ${failures[0]!.message}`,
        0,
      );
    }
    items = walked.items;
    notModified = walked.fetched > 0 && walked.changed === 0;
    await deps.state.putValidators(source.id, { checkedAt });
  } else {
    items = top.document.items;
    await deps.state.putValidators(source.id, { ...top.validators, checkedAt });
  }

  const result: DiscoveryResult = { items: newestFirst(items).slice(0, source.maxItems ?? DEFAULT_MAX_ITEMS), notModified };
  if (failures.length > 0) result.failures = failures;
  return result;
}

interface FetchedDocument {
  url: string;
  /** null when the server answered 304 Not Modified. */
  document: DiscoveredDocument | null;
  validators: DiscoveryValidators;
}

async function fetchDocument(url: string, saved: DiscoveryValidators | null, fetch: DiscoveryFetch): Promise<FetchedDocument> {
  const opts: { kind: 'feed'; etag?: string; lastModified?: string } = { kind: 'feed' };
  if (saved?.etag) opts.etag = saved.etag;
  if (saved?.lastModified) opts.lastModified = saved.lastModified;
  const response = await fetch(url, opts);

  if (response.notModified || response.status === 304) return { url, document: null, validators: {} };
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    throw new FetchFailedError(`${url}: HTTP ${response.status}, will retry`, response.status);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new FeedUnavailableError(`${url}: HTTP ${response.status}`, response.status);
  }
  const finalUrl = response.finalUrl || url;
  const document = parseFeed(response.body, { url: finalUrl, contentType: header(response.headers, 'content-type') });
  const validators: DiscoveryValidators = {};
  const etag = header(response.headers, 'etag');
  const lastModified = header(response.headers, 'last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return { url: finalUrl, document, validators };
}

async function walkSitemapIndex(
  sourceId: string,
  indexUrl: string,
  index: DiscoveredDocument,
  deps: DiscoverDeps,
  failures: Array<{ url: string; message: string }>,
): Promise<{ items: DiscoveredItem[]; fetched: number; changed: number }> {
  const items: DiscoveredItem[] = [];
  const visited = new Set<string>([indexUrl]);
  const queue: Array<{ url: string; depth: number }> = newestFirst(index.items).map((i) => ({ url: i.url, depth: 1 }));
  let fetched = 0;
  let changed = 0;

  while (queue.length > 0 && fetched < MAX_CHILD_SITEMAPS) {
    const { url, depth } = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    fetched += 1;

    const key = `${sourceId} ${url}`;
    let child: FetchedDocument;
    try {
      child = await fetchDocument(url, await deps.state.getValidators(key), deps.fetch);
    } catch (error) {
      // One dead monthly sitemap must not hide the rest; anything retryable is retried as a whole.
      if (!(error instanceof PermanentError)) throw error;
      failures.push({ url, message: error.message });
      continue;
    }
    if (child.document === null) continue;
    changed += 1;
    if (child.document.kind === 'sitemap-index') {
      if (depth < MAX_SITEMAP_DEPTH) {
        queue.push(...newestFirst(child.document.items).map((i) => ({ url: i.url, depth: depth + 1 })));
      }
      continue;
    }
    items.push(...child.document.items);
    await deps.state.putValidators(key, child.validators);
  }
  return { items, fetched, changed };
}

/** Sorted by publication (else modification) time, newest first; undated items keep document order after dated ones; first of each URL kept. */
function newestFirst(items: DiscoveredItem[]): DiscoveredItem[] {
  const stamp = (item: DiscoveredItem): number => {
    const iso = item.publishedAt ?? item.modifiedAt;
    return iso === undefined ? Number.NEGATIVE_INFINITY : Date.parse(iso);
  };
  const sorted = items
    .map((item, order) => ({ item, order, time: stamp(item) }))
    .sort((a, b) => (b.time === a.time ? a.order - b.order : b.time > a.time ? 1 : -1));
  const seen = new Set<string>();
  const out: DiscoveredItem[] = [];
  for (const { item } of sorted) {
    if (seen.has(item.url)) continue;
    seen.add(item.url);
    out.push(item);
  }
  return out;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
