import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFailures } from '../../cli/commands/failures.ts';
import { replayRaw } from '../../cli/commands/replay.ts';
import { startLocalPipeline, type LocalPipeline } from '../../local/runtime.ts';
import { storeRawPage } from '../../shared/pipeline/fetch-article.ts';
import { articlePage, THREE_CLAIMS } from '../helpers/pages.ts';

const encoder = new TextEncoder();
const page = (url: string, body: Uint8Array) => ({
  url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body, fetchedAt: '2026-04-02T10:00:00.000Z', sourceId: 'test',
});

describe('the local pipeline (embedded servers, S3 events, queues)', () => {
  let pipeline: LocalPipeline | undefined;
  let dir: string;
  afterEach(async () => {
    await pipeline?.stop();
    pipeline = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers the S3 event of a raw page to processing, and lists a broken page under failures', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'claimwire-local-'));
    pipeline = await startLocalPipeline({ dataDir: dir, retryDelayMs: 1 });
    // Act: writing raw/ objects is all it takes, as on AWS.
    const good = await storeRawPage(pipeline.blobs, page('https://ledger.example/a', encoder.encode(articlePage({ title: 'Ferry suspended', paragraphs: THREE_CLAIMS }))));
    const bad = await storeRawPage(pipeline.blobs, page('https://ledger.example/b', new Uint8Array(2048).fill(1)));
    await pipeline.idle();
    // Assess
    expect((await pipeline.articles.getArticle(good.articleId))?.title).toBe('Ferry suspended');
    const failures = await listFailures(pipeline);
    expect(failures).toEqual([expect.objectContaining({ kind: 'failure', stage: 'process', rawKey: bad.rawKey, url: 'https://ledger.example/b' })]);
    expect(await pipeline.blobs.exists(bad.rawKey)).toBe(true);
  });

  it('replay --missing re-drives raw pages left unprocessed by a crash, and replaying again changes nothing', async () => {
    // Prepare: raw pages written while no pipeline listened (as if it had crashed before processing).
    dir = await mkdtemp(join(tmpdir(), 'claimwire-local-'));
    const { startEmbeddedServers, ensureBucket } = await import('../../local/embedded-servers.ts');
    const { createClients } = await import('../../shared/aws/clients.ts');
    const { S3BlobStore } = await import('../../shared/aws/s3-blob-store.ts');
    const servers = await startEmbeddedServers(dir);
    const clients = createClients({ s3: servers.s3Endpoint, dynamodb: servers.dynamodbEndpoint });
    await ensureBucket(clients.s3, 'claimwire');
    const orphan = await storeRawPage(new S3BlobStore(clients.s3, 'claimwire'), page('https://ledger.example/c', encoder.encode(articlePage({ title: 'Orphan', paragraphs: THREE_CLAIMS }))));
    for (const c of Object.values(clients)) c.destroy();
    await servers.stop();
    // Act
    pipeline = await startLocalPipeline({ dataDir: dir });
    expect(await pipeline.articles.getArticle(orphan.articleId)).toBeNull();
    expect(await replayRaw(pipeline, { missing: true })).toBe(1);
    await pipeline.idle();
    const stored = await pipeline.articles.getArticle(orphan.articleId);
    // Assess
    expect(stored?.title).toBe('Orphan');
    expect(await replayRaw(pipeline, { missing: true })).toBe(0);
    expect(await replayRaw(pipeline, {})).toBe(1);
    await pipeline.idle();
    expect(await pipeline.articles.getArticle(orphan.articleId)).toEqual(stored);
  });
});
