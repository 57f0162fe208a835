import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessHandler } from '../../functions/process/handler.ts';
import { createLogger } from '../../shared/log.ts';
import { storeRawPage } from '../../shared/pipeline/fetch-article.ts';
import { processRawObject, type ProcessDeps } from '../../shared/pipeline/process-raw.ts';
import type { ArticleStore } from '../../shared/ports.ts';
import { startEmbeddedStores, type EmbeddedStores } from '../helpers/embedded.ts';
import { s3EventRecordFactory, sqsRecordFactory } from '../helpers/factories.ts';
import { articlePage, ONE_CLAIM, THREE_CLAIMS } from '../helpers/pages.ts';

const encoder = new TextEncoder();
let n = 0;

describe('processing raw pages on the embedded S3 and DynamoDB', () => {
  let stores: EmbeddedStores;
  let deps: ProcessDeps;
  const logger = createLogger('test', 'ERROR');

  beforeAll(async () => {
    stores = await startEmbeddedStores();
    deps = { blobs: stores.blobs, articles: stores.articles };
  });
  afterAll(async () => stores?.stop());

  async function putPage(paragraphs: string[], url = `https://ledger.example/news/${++n}`) {
    const html = articlePage({ title: 'Ferry service suspended', paragraphs });
    return storeRawPage(stores.blobs, {
      url,
      finalUrl: url,
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: encoder.encode(html),
      fetchedAt: '2026-04-02T10:00:00.000Z',
      sourceId: 'test',
    });
  }

  async function claimIdsOf(articleId: string): Promise<string[]> {
    return (await stores.articles.queryClaims({ articleId, limit: 1000 })).map((c) => c.claimId).sort();
  }

  it('stores an article, its document and its claims', async () => {
    const { rawKey, articleId } = await putPage(THREE_CLAIMS);
    const outcome = await processRawObject(deps, { key: rawKey, sequencer: '0100' });
    expect(outcome.status).toBe('stored');
    const record = await stores.articles.getArticle(articleId);
    expect(record).toMatchObject({ title: 'Ferry service suspended', siteName: 'Lakeside Ledger', site: 'ledger.example' });
    expect(record!.claimCount).toBeGreaterThanOrEqual(2);
    expect(await claimIdsOf(articleId)).toEqual([...record!.claimIds].sort());
    const doc = JSON.parse(new TextDecoder().decode((await stores.blobs.get(record!.docKey))!.body));
    expect(doc.text).toContain('crack was found in the hull');
    expect(doc.text).not.toContain('All rights reserved');
  });

  it('leaves one article and one claim set when the same event arrives three times', async () => {
    // Prepare
    const { rawKey, articleId } = await putPage(THREE_CLAIMS);
    const handler = createProcessHandler({ ...deps, logger });
    const event = { Records: [1, 2, 3].map(() => s3EventRecordFactory({ key: rawKey, sequencer: '0200' })) };
    // Act
    const response = await handler(event);
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const record = await stores.articles.getArticle(articleId);
    expect(await claimIdsOf(articleId)).toEqual([...record!.claimIds].sort());
    expect(await processRawObject(deps, { key: rawKey, sequencer: '0200' })).toEqual({ status: 'unchanged', articleId });
  });

  it('leaves one article and one claim set when the same event is handled twice at once', async () => {
    const { rawKey, articleId } = await putPage(THREE_CLAIMS);
    const outcomes = await Promise.all([
      processRawObject(deps, { key: rawKey, sequencer: '0300' }),
      processRawObject(deps, { key: rawKey, sequencer: '0300' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(expect.arrayContaining(['stored']));
    const record = await stores.articles.getArticle(articleId);
    expect(await claimIdsOf(articleId)).toEqual([...record!.claimIds].sort());
  });

  it('never lets an older event overwrite newer content, and leaves no stale claims', async () => {
    // Prepare: version 1 (three claims) processed, then the page changes (one claim).
    const url = `https://ledger.example/news/changing-${++n}`;
    const v1 = await putPage(THREE_CLAIMS, url);
    await processRawObject(deps, { key: v1.rawKey, sequencer: '0400' });
    const before = await claimIdsOf(v1.articleId);
    await putPage(ONE_CLAIM, url);
    // Act
    const newer = await processRawObject(deps, { key: v1.rawKey, sequencer: '0500' });
    const late = await processRawObject(deps, { key: v1.rawKey, sequencer: '0400' });
    // Assess
    expect(newer.status).toBe('stored');
    expect(late.status).toBe('stale');
    const record = await stores.articles.getArticle(v1.articleId);
    expect(record!.sequencer).toBe('0500');
    const after = await claimIdsOf(v1.articleId);
    expect(after).toEqual([...record!.claimIds].sort());
    expect(after.length).toBeLessThan(before.length);
    expect(after.filter((id) => before.includes(id) && !record!.claimIds.includes(id))).toEqual([]);
  });

  it('records a broken page as a failure, acknowledges it and keeps the raw object', async () => {
    // Prepare: bytes that are not a page at all.
    const url = `https://ledger.example/news/binary-${++n}`;
    const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const { rawKey, articleId } = await storeRawPage(stores.blobs, {
      url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body: binary, fetchedAt: '2026-04-02T10:00:00.000Z', sourceId: 'test',
    });
    const handler = createProcessHandler({ ...deps, logger });
    // Act
    const response = await handler({ Records: [s3EventRecordFactory({ key: rawKey, sequencer: '0600' })] });
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const failure = await stores.blobs.get(`failures/process/${articleId}.json`);
    expect(failure).not.toBeNull();
    const record = JSON.parse(new TextDecoder().decode(failure!.body));
    expect(record).toMatchObject({ rawKey, url, stage: 'process' });
    expect(record.reason.length).toBeGreaterThan(5);
    expect(await stores.blobs.exists(rawKey)).toBe(true);
    expect(await stores.articles.getArticle(articleId)).toBeNull();
  });

  it('reports a transient store failure as a batch item failure so the queue retries it', async () => {
    const { rawKey, articleId } = await putPage(THREE_CLAIMS);
    let failed = false;
    const flaky: ArticleStore = Object.create(stores.articles);
    // Records of a batch are handled concurrently: throttle the first write of this article only.
    flaky.putClaims = async (claims) => {
      if (!failed && claims[0]?.articleId === articleId && (failed = true)) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
      return stores.articles.putClaims(claims);
    };
    const handler = createProcessHandler({ blobs: stores.blobs, articles: flaky, logger });
    const ok = s3EventRecordFactory({ key: (await putPage(ONE_CLAIM)).rawKey, sequencer: '0700' });
    const bad = s3EventRecordFactory({ key: rawKey, sequencer: '0700' });
    const first = await handler({ Records: [bad, ok] });
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: bad.messageId }]);
    const retry = await handler({ Records: [bad] });
    expect(retry.batchItemFailures).toEqual([]);
    expect(await stores.articles.getArticle(articleId)).not.toBeNull();
  });

  it('acknowledges the s3:TestEvent', async () => {
    const handler = createProcessHandler({ ...deps, logger });
    const response = await handler({ Records: [sqsRecordFactory(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }))] });
    expect(response.batchItemFailures).toEqual([]);
  });

  it('loses its failure record once it is processed successfully (e.g. after a replay)', async () => {
    // Prepare: a broken page fails, then the page is fetched again intact.
    const url = 'https://ledger.example/news/fixed';
    const page = (body: Uint8Array) => ({ url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body, fetchedAt: '2026-04-02T10:00:00.000Z', sourceId: 'test' });
    const broken = await storeRawPage(stores.blobs, page(new Uint8Array(2048).fill(2)));
    expect((await processRawObject(deps, { key: broken.rawKey, sequencer: '01' })).status).toBe('failed');
    expect(await stores.blobs.exists(`failures/process/${broken.articleId}.json`)).toBe(true);
    await storeRawPage(stores.blobs, page(encoder.encode(articlePage({ title: 'Fixed', paragraphs: THREE_CLAIMS }))));
    // Act
    const outcome = await processRawObject(deps, { key: broken.rawKey, sequencer: '02' });
    // Assess
    expect(outcome.status).toBe('stored');
    expect(await stores.blobs.exists(`failures/process/${broken.articleId}.json`)).toBe(false);
  });
});
