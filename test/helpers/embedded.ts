import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients, type Clients } from '../../shared/aws/clients.ts';
import { DynamoArticleStore } from '../../shared/aws/dynamo-article-store.ts';
import { S3BlobStore } from '../../shared/aws/s3-blob-store.ts';
import { ARTICLES_TABLE, CLAIMS_TABLE } from '../../shared/tables.ts';
import { ensureBucket, ensureTable, startEmbeddedServers, type EmbeddedServers } from '../../local/embedded-servers.ts';

export interface EmbeddedStores {
  dir: string;
  servers: EmbeddedServers;
  clients: Clients;
  blobs: S3BlobStore;
  articles: DynamoArticleStore;
  tables: { articles: string; claims: string };
  bucket: string;
  stop(): Promise<void>;
}

let counter = 0;

/** Embedded s3rver + dynalite in a temp folder, with a fresh bucket and tables, reached over HTTP by the real SDK. */
export async function startEmbeddedStores(): Promise<EmbeddedStores> {
  const dir = await mkdtemp(join(tmpdir(), 'claimwire-test-'));
  const servers = await startEmbeddedServers(dir);
  const clients = createClients({ s3: servers.s3Endpoint, dynamodb: servers.dynamodbEndpoint });
  const n = ++counter;
  const bucket = `test-bucket-${n}`;
  const tables = { articles: `articles-${n}`, claims: `claims-${n}` };
  await ensureBucket(clients.s3, bucket);
  await ensureTable(clients.dynamodb, ARTICLES_TABLE, tables.articles);
  await ensureTable(clients.dynamodb, CLAIMS_TABLE, tables.claims);
  return {
    dir,
    servers,
    clients,
    bucket,
    tables,
    blobs: new S3BlobStore(clients.s3, bucket),
    articles: new DynamoArticleStore(clients.dynamodb, tables, { baseDelayMs: 1 }),
    async stop() {
      for (const c of Object.values(clients)) c.destroy();
      await servers.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
