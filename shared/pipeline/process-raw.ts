import { isPermanent } from '../errors.ts';
import { extractArticle, EXTRACTOR_VERSION } from '../extract/index.ts';
import { claimId, extractClaims, CLAIMS_VERSION } from '../claims/index.ts';
import { canonicalizeUrl, siteOf } from '../fetch/index.ts';
import { compareSequencers, sha256Hex } from '../ids.ts';
import type { ArticleStore, BlobStore } from '../ports.ts';
import type { ArticleRecord, ClaimRecord, FailureRecord, RawPageMeta } from '../types.ts';
import { clearFailure } from './failures.ts';
import { docKeyFor, failureKey, metaKeyForRaw, parseRawKey } from './keys.ts';

export interface ProcessDeps {
  blobs: BlobStore;
  articles: ArticleStore;
  now?: () => Date;
}

export interface RawObjectRef {
  /** The object key, already URL-decoded. */
  key: string;
  /** The S3 event sequencer of the PUT that created this version. */
  sequencer: string;
}

export type ProcessOutcome =
  | { status: 'stored'; articleId: string; claimCount: number }
  | { status: 'unchanged'; articleId: string }
  | { status: 'stale'; articleId: string }
  | { status: 'failed'; articleId: string | null; reason: string }
  | { status: 'ignored'; reason: string };

/** The version stamp of everything derived from a raw page; a change forces re-derivation. */
export const PIPELINE_VERSION = `${EXTRACTOR_VERSION}+${CLAIMS_VERSION}`;

/**
 * Turns one raw page in the bucket into its article record, normalized document
 * and claim records. Idempotent: the same event twice, or two at once, leaves one
 * article and one claim set; an older event (lower sequencer) never overwrites a
 * newer one; claims that a new version no longer has are deleted.
 *
 * Bad pages (permanent errors) are recorded under `failures/process/` and reported
 * as `failed`; anything else is thrown so the queue retries it.
 * @example await processRawObject(deps, { key: 'raw/example.com/0123…', sequencer: '0062E9' })
 */
export async function processRawObject(deps: ProcessDeps, ref: RawObjectRef): Promise<ProcessOutcome> {
  const now = deps.now ?? (() => new Date());
  const parsed = parseRawKey(ref.key);
  if (!parsed) return { status: 'ignored', reason: `not a raw page key: ${ref.key}` };
  const { articleId } = parsed;

  const existing = await deps.articles.getArticle(articleId);
  if (existing && compareSequencers(existing.sequencer, ref.sequencer) > 0) {
    return { status: 'stale', articleId };
  }

  const raw = await deps.blobs.get(ref.key);
  if (!raw) return { status: 'ignored', reason: `raw object is gone: ${ref.key}` };
  const metaObject = await deps.blobs.get(metaKeyForRaw(ref.key));
  const meta: Partial<RawPageMeta> = metaObject ? JSON.parse(new TextDecoder().decode(metaObject.body)) : {};
  const url = meta.url ?? raw.metadata['url'] ?? null;

  let record: ArticleRecord;
  let claims: ClaimRecord[];
  let doc: Record<string, unknown>;
  try {
    const contentType = meta.headers?.['content-type'] ?? raw.contentType;
    const article = await extractArticle({ bytes: raw.body, contentType, url: meta.finalUrl ?? url });
    const found = extractClaims(article.text, { paragraphs: article.paragraphs });
    const fetchedAt = meta.fetchedAt ?? raw.lastModified?.toISOString() ?? now().toISOString();
    const canonicalUrl = safeCanonical(article.canonicalUrl) ?? safeCanonical(url) ?? `urn:claimwire:${articleId}`;
    const publishedAt = article.publishedAt ?? meta.feedEntry?.publishedAt ?? null;
    claims = found.map((claim) => ({
      ...claim,
      claimId: claimId(articleId, claim),
      articleId,
      publishedAt: publishedAt ?? fetchedAt,
    }));
    const contentHash = sha256Hex(article.text);
    // Named by content, so a late writer of an older version cannot clobber the current document.
    const docKey = docKeyFor(articleId, contentHash);
    record = {
      articleId,
      url: url ?? canonicalUrl,
      canonicalUrl,
      site: url && /^https?:/i.test(url) ? siteOf(url) : parsed.site,
      title: article.title ?? meta.feedEntry?.title ?? null,
      authors: article.authors.length > 0 ? article.authors : (meta.feedEntry?.authors ?? []),
      publishedAt,
      modifiedAt: article.modifiedAt,
      language: article.language,
      siteName: article.siteName,
      description: article.description,
      image: article.image,
      section: article.section,
      tags: article.tags,
      wordCount: article.wordCount,
      claimCount: claims.length,
      fetchedAt,
      rawKey: ref.key,
      docKey,
      extractorVersion: PIPELINE_VERSION,
      flags: article.flags,
      origins: article.origins,
      sequencer: ref.sequencer,
      contentHash,
      claimIds: claims.map((c) => c.claimId),
    };
    doc = { ...record, text: article.text, paragraphs: article.paragraphs, encoding: article.encoding, claims };
  } catch (error) {
    if (!isPermanent(error)) throw error;
    const failure: FailureRecord = {
      rawKey: ref.key,
      url,
      stage: 'process',
      reason: (error as Error).message,
      errorName: (error as Error).name,
      failedAt: now().toISOString(),
    };
    await deps.blobs.put(failureKey('process', articleId), JSON.stringify(failure, null, 2), { contentType: 'application/json' });
    return { status: 'failed', articleId, reason: failure.reason };
  }

  // Same derived content from the same (or an equal) version: nothing to write.
  if (
    existing &&
    existing.contentHash === record.contentHash &&
    existing.extractorVersion === record.extractorVersion &&
    compareSequencers(existing.sequencer, ref.sequencer) === 0
  ) {
    return { status: 'unchanged', articleId };
  }

  // Order matters for readers and for crashes: claims first, then the document,
  // then the article record that points at both; stale claims are removed last.
  await deps.articles.putClaims(claims);
  await deps.blobs.put(record.docKey, JSON.stringify(doc), { contentType: 'application/json' });
  const put = await deps.articles.putArticle(record);
  if (!put.written) {
    // A newer version won meanwhile: remove what we wrote that it does not use.
    const keep = new Set(put.current?.claimIds ?? []);
    await deps.articles.deleteClaims(articleId, record.claimIds.filter((id) => !keep.has(id)));
    return { status: 'stale', articleId };
  }
  // Stale claims are those of the record this write actually replaced (not the one
  // read at the start: another version may have been written in between).
  const previous = put.previous;
  if (previous) {
    const keep = new Set(record.claimIds);
    const stale = previous.claimIds.filter((id) => !keep.has(id));
    if (stale.length > 0) await deps.articles.deleteClaims(articleId, stale);
    if (previous.docKey !== record.docKey) await deps.blobs.delete(previous.docKey);
  }
  await clearFailure(deps.blobs, failureKey('process', articleId));
  return { status: 'stored', articleId, claimCount: claims.length };
}

function safeCanonical(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('file:')) return url;
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}
