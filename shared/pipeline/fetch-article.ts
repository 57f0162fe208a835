import { isPermanent } from '../errors.ts';
import { canonicalizeUrl, siteOf, type FetchResult } from '../fetch/index.ts';
import { articleIdFor } from '../ids.ts';
import type { BlobStore, FetchMessage } from '../ports.ts';
import type { FailureRecord, RawPageMeta } from '../types.ts';
import { failureKey, keysFor } from './keys.ts';
import { clearFailure } from './failures.ts';

/** Fetches one page (already vetted by robots.txt, throttle and the address guard). */
export type PageFetch = (url: string, options: { kind: 'page'; deadline?: number }) => Promise<FetchResult>;

export interface FetchArticleDeps {
  fetchPage: PageFetch;
  blobs: BlobStore;
  now?: () => Date;
}

export type FetchOutcome =
  | { status: 'stored'; articleId: string; rawKey: string }
  | { status: 'seen'; articleId: string }
  | { status: 'failed'; articleId: string; reason: string };

/** Where a URL's article lives in the bucket; the id is derived from the canonical URL. */
export function locateArticle(url: string): { canonicalUrl: string; articleId: string; site: string; raw: string; meta: string } {
  // Local files (`claimwire ingest page.html`) keep their file: URL and group under one pseudo-site.
  const isFile = url.startsWith('file:');
  const canonicalUrl = isFile ? new URL(url).href : canonicalizeUrl(url);
  const articleId = articleIdFor(canonicalUrl);
  const site = isFile ? 'local-files' : siteOf(canonicalUrl);
  return { canonicalUrl, articleId, site, ...keysFor(site, articleId) };
}

/**
 * Writes a fetched page into the bucket: the metadata sidecar first, then the raw
 * bytes (whose ObjectCreated event starts processing, so the sidecar is already there).
 */
export async function storeRawPage(
  blobs: BlobStore,
  page: { url: string; finalUrl: string; status: number; headers: Record<string, string>; body: Uint8Array; fetchedAt: string; sourceId: string | null; feedEntry?: RawPageMeta['feedEntry'] },
): Promise<{ articleId: string; rawKey: string }> {
  const where = locateArticle(page.url);
  const meta: RawPageMeta = {
    url: where.canonicalUrl,
    finalUrl: page.finalUrl,
    status: page.status,
    headers: page.headers,
    fetchedAt: page.fetchedAt,
    sourceId: page.sourceId,
    ...(page.feedEntry ? { feedEntry: page.feedEntry } : {}),
  };
  await blobs.put(where.meta, JSON.stringify(meta), { contentType: 'application/json' });
  await blobs.put(where.raw, page.body, {
    contentType: page.headers['content-type'] ?? 'application/octet-stream',
    // S3 user metadata must be ASCII: the canonical URL is percent-encoded, so it is.
    metadata: { url: where.canonicalUrl, 'fetched-at': page.fetchedAt },
  });
  return { articleId: where.articleId, rawKey: where.raw };
}

/**
 * The fetch stage for one queued URL: skip it if its page is already in the
 * bucket, otherwise fetch it politely and store bytes + headers. A page that can
 * never be fetched (refused by policy, 404, not a page) gets a failure record;
 * transient failures are thrown for the queue to retry.
 */
export async function fetchArticle(
  deps: FetchArticleDeps,
  message: FetchMessage,
  options: { deadline?: number; force?: boolean } = {},
): Promise<FetchOutcome> {
  const now = deps.now ?? (() => new Date());
  const where = locateArticle(message.url);
  if (!options.force && (await deps.blobs.exists(where.meta))) return { status: 'seen', articleId: where.articleId };
  let result: FetchResult;
  try {
    result = await deps.fetchPage(message.url, { kind: 'page', deadline: options.deadline });
  } catch (error) {
    if (!isPermanent(error)) throw error;
    const failure: FailureRecord = {
      rawKey: where.raw,
      url: where.canonicalUrl,
      stage: 'fetch',
      reason: (error as Error).message,
      errorName: (error as Error).name,
      failedAt: now().toISOString(),
    };
    await deps.blobs.put(failureKey('fetch', where.articleId), JSON.stringify(failure, null, 2), { contentType: 'application/json' });
    return { status: 'failed', articleId: where.articleId, reason: failure.reason };
  }
  const stored = await storeRawPage(deps.blobs, {
    url: message.url,
    finalUrl: result.finalUrl,
    status: result.status,
    headers: result.headers,
    body: result.body,
    fetchedAt: now().toISOString(),
    sourceId: message.sourceId,
    feedEntry: message.feedEntry,
  });
  await clearFailure(deps.blobs, failureKey('fetch', where.articleId));
  return { status: 'stored', ...stored };
}
