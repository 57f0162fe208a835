import { join, resolve } from 'node:path';
import { createClients, type Clients } from '../shared/aws/clients.ts';
import { DynamoArticleStore } from '../shared/aws/dynamo-article-store.ts';
import { S3BlobStore } from '../shared/aws/s3-blob-store.ts';
import type { SourceConfig } from '../shared/discover/index.ts';
import { createLogger } from '../shared/log.ts';
import { discoverSources, type SourceSummary } from '../shared/pipeline/discover-sources.ts';
import type { ArticleStore, BlobStore, FetchMessage, FetchQueue } from '../shared/ports.ts';
import { ARTICLES_TABLE, CLAIMS_TABLE, KEYS } from '../shared/tables.ts';
import { createFetchHandler } from '../functions/fetch/handler.ts';
import { createProcessHandler } from '../functions/process/handler.ts';
import { s3EventFor } from '../functions/lib/s3-events.ts';
import { createPoliteFetching, type FetchingOptions } from '../functions/lib/fetching.ts';
import { ensureBucket, ensureTable, startEmbeddedServers, type EmbeddedServers } from './embedded-servers.ts';
import { LocalQueue } from './local-queue.ts';

export const LOCAL_BUCKET = 'claimwire';
export const LOCAL_TABLES = { articles: 'claimwire-articles', claims: 'claimwire-claims' };

export interface LocalPipelineOptions extends Partial<FetchingOptions> {
  dataDir: string;
  /** Log level of the handlers' structured logs (default WARN, so a progress display stays readable). */
  logLevel?: string;
  /** Deliveries before a message is dead-lettered (default 5, as on AWS). */
  maxReceiveCount?: number;
  retryDelayMs?: number;
  /** Wraps the blob/article stores, e.g. to inject faults in a soak test. */
  wrapStores?: (stores: { blobs: BlobStore; articles: ArticleStore }) => { blobs: BlobStore; articles: ArticleStore };
}

export interface LocalPipeline {
  dataDir: string;
  servers: EmbeddedServers;
  clients: Clients;
  blobs: BlobStore;
  articles: ArticleStore;
  fetchQueue: LocalQueue;
  processQueue: LocalQueue;
  fetching: ReturnType<typeof createPoliteFetching>;
  /** Queues fetch messages as the discover function would. */
  queue: FetchQueue;
  discover(sources: SourceConfig[], onSource?: (s: SourceSummary) => void): Promise<SourceSummary[]>;
  /** Sends a raw object through the process queue as its S3 event would (used by replay). */
  enqueueRaw(key: string, sequencer?: string): void;
  /** Resolves when both queues are empty. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** A sequencer that only grows, across restarts too (time-based), like S3's per-key sequencer. */
function sequencerClock(): () => string {
  let last = 0n;
  return () => {
    const candidate = BigInt(Date.now()) * 1_000_000n;
    last = candidate > last ? candidate : last + 1n;
    return last.toString(16).toUpperCase().padStart(20, '0');
  };
}

/**
 * The whole pipeline on one machine: embedded S3 and DynamoDB servers, in-process
 * queues with retries and a dead-letter folder, and the same handler code that
 * runs on Lambda. Raw objects written to `raw/` raise an S3 event that reaches
 * the process handler, exactly as on AWS.
 */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const dataDir = resolve(options.dataDir);
  const servers = await startEmbeddedServers(dataDir);
  const clients = createClients({ s3: servers.s3Endpoint, dynamodb: servers.dynamodbEndpoint });
  await ensureBucket(clients.s3, LOCAL_BUCKET);
  await ensureTable(clients.dynamodb, ARTICLES_TABLE, LOCAL_TABLES.articles);
  await ensureTable(clients.dynamodb, CLAIMS_TABLE, LOCAL_TABLES.claims);

  let blobs: BlobStore = new S3BlobStore(clients.s3, LOCAL_BUCKET);
  let articles: ArticleStore = new DynamoArticleStore(clients.dynamodb, LOCAL_TABLES);
  if (options.wrapStores) ({ blobs, articles } = options.wrapStores({ blobs, articles }));

  const logLevel = options.logLevel ?? 'WARN';
  const dlqDir = join(dataDir, 'dlq');
  const queueOptions = { maxReceiveCount: options.maxReceiveCount ?? 5, retryDelayMs: options.retryDelayMs ?? 200 };
  const fetchQueue = new LocalQueue({ name: 'fetch', dlqDir: join(dlqDir, 'fetch'), batchSize: 5, concurrency: 4, ...queueOptions });
  const processQueue = new LocalQueue({ name: 'process', dlqDir: join(dlqDir, 'process'), batchSize: 5, concurrency: 1, ...queueOptions });

  const fetching = createPoliteFetching({
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    userAgent: options.userAgent ?? null,
    minHostIntervalMs: options.minHostIntervalMs ?? 1000,
    lookup: options.lookup,
  });
  const queue: FetchQueue = {
    async send(messages: FetchMessage[]) {
      for (const m of messages) fetchQueue.send(JSON.stringify(m));
    },
  };

  const nextSequencer = sequencerClock();
  const enqueueRaw = (key: string, sequencer = nextSequencer()) =>
    processQueue.send(JSON.stringify(s3EventFor(LOCAL_BUCKET, key, sequencer)));
  servers.onObjectCreated((event) => {
    // s3rver's events carry keys without S3's URL-encoding; s3EventFor encodes them as S3 does.
    if (event.key.startsWith(KEYS.rawPrefix)) enqueueRaw(event.key);
  });

  fetchQueue.consume(createFetchHandler({ fetchPage: fetching.fetchPage, blobs, logger: createLogger('claimwire-fetch', logLevel) }));
  processQueue.consume(createProcessHandler({ blobs, articles, logger: createLogger('claimwire-process', logLevel) }));

  return {
    dataDir,
    servers,
    clients,
    blobs,
    articles,
    fetchQueue,
    processQueue,
    fetching,
    queue,
    async discover(sources, onSource) {
      return discoverSources({ fetchFeed: fetching.fetchFeed, blobs, queue }, sources, onSource);
    },
    enqueueRaw,
    async idle() {
      // A drained fetch queue writes raw objects whose events fill the process queue: loop until both rest.
      while (fetchQueue.depth > 0 || processQueue.depth > 0) {
        await fetchQueue.drain();
        await processQueue.drain();
      }
    },
    async stop() {
      await servers.stop();
      for (const c of Object.values(clients)) c.destroy();
    },
  };
}
