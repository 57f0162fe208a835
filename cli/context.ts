import { resolve } from 'node:path';
import { createClients } from '../shared/aws/clients.ts';
import { DynamoArticleStore } from '../shared/aws/dynamo-article-store.ts';
import { S3BlobStore } from '../shared/aws/s3-blob-store.ts';
import { loadFunctionConfig } from '../shared/config.ts';
import { ConfigError } from '../shared/errors.ts';
import type { ArticleStore, BlobStore } from '../shared/ports.ts';
import { ENV } from '../shared/tables.ts';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { stackSettings } from '../shared/aws/stack-outputs.ts';
import { startLocalPipeline, type LocalPipeline } from '../local/runtime.ts';
import type { CliValues } from './main.ts';

export function dataDirOf(values: CliValues): string {
  return resolve(values['data-dir'] ?? '.claimwire');
}

function minIntervalOf(values: CliValues): number {
  const raw = values['min-host-interval'];
  if (raw === undefined) return 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`--min-host-interval must be a non-negative number of milliseconds, got "${raw}"`);
  return n;
}

/** Starts the local pipeline with the CLI's options, runs `fn`, and always stops it. */
export async function withLocalPipeline<T>(values: CliValues, fn: (pipeline: LocalPipeline) => Promise<T>, extra: { allowPrivateNetwork?: boolean } = {}): Promise<T> {
  const pipeline = await startLocalPipeline({
    dataDir: dataDirOf(values),
    allowPrivateNetwork: extra.allowPrivateNetwork ?? values['allow-private-network'] ?? false,
    userAgent: values['user-agent'] ?? null,
    minHostIntervalMs: minIntervalOf(values),
  });
  try {
    return await fn(pipeline);
  } finally {
    await pipeline.stop();
  }
}

/** The stores a query reads: the deployed ones with --aws, else the embedded ones. */
export async function withQueryStores<T>(values: CliValues, fn: (stores: { blobs: BlobStore; articles: ArticleStore }) => Promise<T>): Promise<T> {
  if (!values.aws) return withLocalPipeline(values, (p) => fn({ blobs: p.blobs, articles: p.articles }));
  const flagsGiven = values.bucket && values['articles-table'] && values['claims-table'];
  const fromEnv = process.env[ENV.bucket] && process.env[ENV.articlesTable] && process.env[ENV.claimsTable];
  // Neither flags nor variables: ask CloudFormation for the deployed stack's outputs.
  const fromStack = flagsGiven || fromEnv ? {} : await stackSettings(new CloudFormationClient({}), values.stack ?? 'ClaimwireStack');
  const env = {
    ...process.env,
    ...fromStack,
    ...(values.bucket ? { [ENV.bucket]: values.bucket } : {}),
    ...(values['articles-table'] ? { [ENV.articlesTable]: values['articles-table'] } : {}),
    ...(values['claims-table'] ? { [ENV.claimsTable]: values['claims-table'] } : {}),
  };
  const config = loadFunctionConfig(env);
  const clients = createClients();
  try {
    return await fn({
      blobs: new S3BlobStore(clients.s3, config.bucket),
      articles: new DynamoArticleStore(clients.dynamodb, { articles: config.articlesTable, claims: config.claimsTable }),
    });
  } finally {
    for (const c of Object.values(clients)) c.destroy();
  }
}
