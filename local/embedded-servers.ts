import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TableDef } from '../shared/tables.ts';

export interface S3ObjectCreated {
  key: string;
  size: number;
}

export interface EmbeddedServers {
  s3Endpoint: string;
  dynamodbEndpoint: string;
  /** Subscribes to object-created events of the embedded S3 (called after the PUT completed). */
  onObjectCreated(listener: (event: S3ObjectCreated) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts s3rver and dynalite on loopback ports chosen by the OS, keeping their
 * data under `dataDir` (`s3/`, `dynamodb/`). Real protocols, no Java, no Docker.
 * They run in a worker thread so that serving requests does not compete with page
 * parsing for the main thread (measured: bench:pipeline, see README).
 */
export async function startEmbeddedServers(dataDir: string): Promise<EmbeddedServers> {
  await mkdir(join(dataDir, 's3'), { recursive: true });
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  const worker = new Worker(new URL('./embedded-servers-worker.mjs', import.meta.url), {
    workerData: { s3Dir: join(dataDir, 's3'), dynamoDir: join(dataDir, 'dynamodb') },
  });
  const listeners: Array<(e: S3ObjectCreated) => void> = [];
  const ready = await new Promise<{ s3Port: number; dynamoPort: number }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded servers exited with code ${code} before starting`)));
    worker.on('message', (m: { type: string; key?: string; size?: number; s3Port?: number; dynamoPort?: number }) => {
      if (m.type === 'ready') resolve({ s3Port: m.s3Port!, dynamoPort: m.dynamoPort! });
      else if (m.type === 'created') for (const l of listeners) l({ key: m.key!, size: m.size ?? 0 });
    });
  });
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  worker.on('error', (error) => process.stderr.write(`embedded servers: ${error.stack ?? error}\n`));
  return {
    s3Endpoint: `http://127.0.0.1:${ready.s3Port}`,
    dynamodbEndpoint: `http://127.0.0.1:${ready.dynamoPort}`,
    onObjectCreated: (listener) => listeners.push(listener),
    async stop() {
      const stopped = new Promise<void>((resolve) => worker.on('message', (m: { type: string }) => m.type === 'stopped' && resolve()));
      worker.postMessage({ type: 'stop' });
      await stopped;
      await worker.terminate();
    },
  };
}

/** Creates the bucket if it is missing. */
export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/** Creates a table from its shared definition if it is missing (same keys and indexes as the CDK stack). */
export async function ensureTable(ddb: DynamoDBClient, def: TableDef, tableName: string): Promise<void> {
  try {
    await ddb.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const attributes = new Map<string, string>();
  const add = (k?: { name: string; type: string }) => k && attributes.set(k.name, k.type);
  add(def.partitionKey);
  add(def.sortKey);
  for (const index of def.indexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  const keySchema = (pk: { name: string }, sk?: { name: string }) => [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
  await ddb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType: AttributeType as 'S' | 'N' })),
      KeySchema: keySchema(def.partitionKey, def.sortKey),
      GlobalSecondaryIndexes: def.indexes.length
        ? def.indexes.map((i) => ({ IndexName: i.indexName, KeySchema: keySchema(i.partitionKey, i.sortKey), Projection: { ProjectionType: 'ALL' as const } }))
        : undefined,
    }),
  );
}
