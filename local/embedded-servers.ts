import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TableDef } from '../shared/tables.ts';

const require = createRequire(import.meta.url);

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
 */
export async function startEmbeddedServers(dataDir: string): Promise<EmbeddedServers> {
  await mkdir(join(dataDir, 's3'), { recursive: true });
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  const S3rver = require('s3rver');
  const dynalite = require('dynalite');

  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dataDir, 's3') });
  const s3Address: AddressInfo = await s3rver.run();
  const listeners: Array<(e: S3ObjectCreated) => void> = [];
  s3rver.on('event', (event: { Records: Array<{ eventName: string; s3: { object: { key: string; size?: number } } }> }) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      for (const l of listeners) l({ key: record.s3.object.key, size: record.s3.object.size ?? 0 });
    }
  });

  const dyn = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    dyn.once('error', reject);
    dyn.listen(0, '127.0.0.1', () => resolve());
  });
  const dynAddress = dyn.address() as AddressInfo;

  return {
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    dynamodbEndpoint: `http://127.0.0.1:${dynAddress.port}`,
    onObjectCreated: (listener) => listeners.push(listener),
    async stop() {
      await s3rver.close();
      await new Promise<void>((resolve) => dyn.close(() => resolve()));
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
