import { discoverSource, type DiscoveryStateStore, type SourceConfig } from '../discover/index.ts';
import { canonicalizeUrl } from '../fetch/index.ts';
import type { BlobStore, FetchMessage, FetchQueue } from '../ports.ts';
import type { FailureRecord } from '../types.ts';
import { KEYS } from '../tables.ts';
import { failureKey } from './keys.ts';
import { locateArticle } from './fetch-article.ts';

export type FeedFetch = Parameters<typeof discoverSource>[1]['fetch'];

export interface DiscoveryDeps {
  fetchFeed: FeedFetch;
  blobs: BlobStore;
  queue: FetchQueue;
  state?: DiscoveryStateStore;
  now?: () => Date;
}

export interface SourceSummary {
  sourceId: string;
  found: number;
  queued: number;
  seen: number;
  notModified: boolean;
  error?: string;
}

/** Feed validators (ETag / Last-Modified) kept in the bucket under `state/validators/`. */
export class BlobDiscoveryState implements DiscoveryStateStore {
  constructor(private readonly blobs: BlobStore) {}

  private key(sourceId: string): string {
    return `${KEYS.statePrefix}validators/${encodeURIComponent(sourceId)}.json`;
  }

  async getValidators(sourceId: string): Promise<{ etag?: string; lastModified?: string } | null> {
    const object = await this.blobs.get(this.key(sourceId));
    return object ? JSON.parse(new TextDecoder().decode(object.body)) : null;
  }

  async putValidators(sourceId: string, validators: { etag?: string; lastModified?: string }): Promise<void> {
    await this.blobs.put(this.key(sourceId), JSON.stringify(validators), { contentType: 'application/json' });
  }
}

/**
 * Reads every enabled source, drops URLs already fetched (their metadata sidecar
 * exists) or repeated across sources, and queues the rest for the fetch stage.
 * A source that fails is recorded under `failures/discover/` and the run goes on.
 */
export async function discoverSources(
  deps: DiscoveryDeps,
  sources: SourceConfig[],
  onSource?: (summary: SourceSummary) => void,
): Promise<SourceSummary[]> {
  const state = deps.state ?? new BlobDiscoveryState(deps.blobs);
  const now = deps.now ?? (() => new Date());
  const queuedNow = new Set<string>();
  const summaries: SourceSummary[] = [];
  for (const source of sources) {
    if (source.enabled === false) continue;
    const summary: SourceSummary = { sourceId: source.id, found: 0, queued: 0, seen: 0, notModified: false };
    try {
      const result = await discoverSource(source, { fetch: deps.fetchFeed, state, now });
      summary.notModified = result.notModified;
      summary.found = result.items.length;
      const batch: FetchMessage[] = [];
      for (const item of result.items) {
        let canonical: string;
        try {
          canonical = canonicalizeUrl(item.url);
        } catch {
          continue;
        }
        if (queuedNow.has(canonical) || (await deps.blobs.exists(locateArticle(canonical).meta))) {
          summary.seen++;
          continue;
        }
        queuedNow.add(canonical);
        batch.push({
          url: item.url,
          sourceId: source.id,
          feedEntry: { title: item.title, publishedAt: item.publishedAt, authors: item.authors },
        });
      }
      if (batch.length > 0) await deps.queue.send(batch);
      summary.queued = batch.length;
      // A source that works again should no longer be listed by `claimwire failures`.
      await deps.blobs.delete(failureKey('discover', encodeURIComponent(source.id)));
    } catch (error) {
      summary.error = (error as Error).message;
      const failure: FailureRecord = {
        rawKey: '',
        url: source.url,
        stage: 'discover',
        reason: summary.error,
        errorName: (error as Error).name,
        failedAt: now().toISOString(),
      };
      await deps.blobs.put(failureKey('discover', encodeURIComponent(source.id)), JSON.stringify(failure, null, 2), {
        contentType: 'application/json',
      });
    }
    summaries.push(summary);
    onSource?.(summary);
  }
  return summaries;
}
