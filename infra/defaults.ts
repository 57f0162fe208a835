/**
 * Secure defaults for every stateful resource of the stack, in one place, so the
 * stack never hand-writes encryption, SSL, public-access or retry settings.
 * (Pattern: aws-solutions-constructs `s3-bucket-defaults.ts`, `sqs-defaults.ts`.)
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { KeyDef, TableDef } from '../shared/tables.ts';

/** Messages that fail this many receives move to the DLQ (house minimum: 5). */
export const MAX_RECEIVE_COUNT = 5;
/** A source queue keeps a message 4 days; its DLQ keeps it 14 (the SQS maximum) so nothing expires before its DLQ copy could. */
export const SOURCE_RETENTION = Duration.days(4);
export const DLQ_RETENTION = Duration.days(14);
/**
 * Visibility timeout = 6 × the consumer's timeout (the AWS guidance for Lambda
 * event sources): a batch that is retried inside one poll never reappears while
 * the first attempt may still be running.
 */
export const VISIBILITY_FACTOR = 6;
/** Noncurrent versions of raw pages are kept this long, then expire. */
export const RAW_NONCURRENT_EXPIRY = Duration.days(30);

/**
 * Bucket properties with encryption, versioning, TLS-only access, blocked public
 * access and bucket-owner-enforced ownership; callers add only what is specific.
 *
 * @example new s3.Bucket(this, 'Data', secureBucketProps({ serverAccessLogsBucket: logs }))
 */
export function secureBucketProps(overrides: s3.BucketProps = {}): s3.BucketProps {
  return {
    encryption: s3.BucketEncryption.S3_MANAGED,
    versioned: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    ...overrides,
  };
}

export interface QueueWithDlq {
  queue: sqs.Queue;
  dlq: sqs.Queue;
}

export interface QueueWithDlqOptions {
  /** Timeout of the function that consumes the queue; the visibility timeout is derived from it. */
  consumerTimeout: Duration;
}

/**
 * A source queue and its dead-letter queue, both SSE-SQS encrypted and TLS-only,
 * with the redrive, retention and visibility rules above.
 *
 * @example const { queue, dlq } = queueWithDlq(this, 'Fetch', { consumerTimeout: Duration.seconds(30) })
 */
export function queueWithDlq(scope: Construct, id: string, options: QueueWithDlqOptions): QueueWithDlq {
  const dlq = new sqs.Queue(scope, `${id}Dlq`, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DLQ_RETENTION,
  });
  const queue = new sqs.Queue(scope, `${id}Queue`, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: SOURCE_RETENTION,
    visibilityTimeout: Duration.seconds(options.consumerTimeout.toSeconds() * VISIBILITY_FACTOR),
    deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
  });
  return { queue, dlq };
}

function attribute(key: KeyDef): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

/**
 * Table properties from a shared definition: on-demand, point-in-time recovery,
 * encrypted with the AWS-managed key, retained when the stack is deleted.
 * Indexes come from {@link tableIndexes}, because CDK adds GSIs after construction.
 *
 * @example const t = new dynamodb.Table(this, ARTICLES_TABLE.id, tableProps(ARTICLES_TABLE))
 */
export function tableProps(def: TableDef): dynamodb.TableProps {
  return {
    partitionKey: attribute(def.partitionKey),
    ...(def.sortKey ? { sortKey: attribute(def.sortKey) } : {}),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/** The GSIs of a shared definition, projecting all attributes (queries return whole records). */
export function tableIndexes(def: TableDef): dynamodb.GlobalSecondaryIndexProps[] {
  return def.indexes.map((index) => ({
    indexName: index.indexName,
    partitionKey: attribute(index.partitionKey),
    ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
    projectionType: dynamodb.ProjectionType.ALL,
  }));
}

/** A table built from its shared definition, with every index; the construct id is `def.id`. */
export function createTable(scope: Construct, def: TableDef): dynamodb.Table {
  const table = new dynamodb.Table(scope, def.id, tableProps(def));
  for (const index of tableIndexes(def)) table.addGlobalSecondaryIndex(index);
  return table;
}
