/**
 * The synthesised template, knob by knob: queues and event sources (can a
 * message be lost, processed twice at once, retried forever?), least-privilege
 * grants, storage defaults, alarms and outputs. One synth per file: a cold synth
 * costs ~20 s on a small machine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS, TABLES } from '../../shared/tables.ts';
import {
  allGrants,
  flatten,
  grantsOfFunction,
  idOf,
  refId,
  resourcesOf,
  synth,
  type CfnTemplate,
  type Grant,
} from './synth.ts';

let json: CfnTemplate;
beforeAll(() => {
  ({ json } = synth());
});

const queues = () => resourcesOf(json, 'AWS::SQS::Queue');
const sourceQueues = () => queues().filter(([, q]) => q.Properties?.RedrivePolicy);
const dlqIds = () => new Set(sourceQueues().map(([, q]) => refId(q.Properties!.RedrivePolicy.deadLetterTargetArn)));
const mappings = () => resourcesOf(json, 'AWS::Lambda::EventSourceMapping');

describe('queues', () => {
  it('every queue is either a source with a DLQ or the DLQ of one', () => {
    // Prepare
    const dlqs = dlqIds();
    // Assess
    expect(sourceQueues()).toHaveLength(2);
    for (const [id, q] of queues()) {
      expect(q.Properties?.RedrivePolicy !== undefined || dlqs.has(id), `${id} has no DLQ and is none`).toBe(true);
    }
  });

  it('redrives to the DLQ after at least 5 receives', () => {
    for (const [id, q] of sourceQueues()) {
      expect(q.Properties!.RedrivePolicy.maxReceiveCount, id).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps a message in its DLQ longer than in its source queue (14 days > 4 days)', () => {
    for (const [id, q] of sourceQueues()) {
      const dlq = json.Resources[refId(q.Properties!.RedrivePolicy.deadLetterTargetArn)]!;
      const source = q.Properties!.MessageRetentionPeriod as number;
      expect(source, id).toBe(4 * 24 * 3600);
      expect(dlq.Properties!.MessageRetentionPeriod, `${id} DLQ`).toBeGreaterThan(source);
      expect(dlq.Properties!.MessageRetentionPeriod, `${id} DLQ`).toBe(14 * 24 * 3600);
    }
  });

  it('sets every consumed queue visibility timeout to at least 6x its consumer function timeout', () => {
    expect(mappings()).toHaveLength(2);
    for (const [id, m] of mappings()) {
      // Prepare
      const queue = json.Resources[refId(m.Properties!.EventSourceArn)]!;
      const fn = json.Resources[refId(m.Properties!.FunctionName)]!;
      const timeout = fn.Properties!.Timeout as number;
      // Assess
      expect(timeout, id).toBeGreaterThan(0);
      expect(queue.Properties!.VisibilityTimeout, id).toBeGreaterThanOrEqual(6 * timeout);
    }
  });

  it('encrypts every queue and denies non-TLS access to it', () => {
    const policies = resourcesOf(json, 'AWS::SQS::QueuePolicy');
    for (const [id, q] of queues()) {
      expect(q.Properties?.SqsManagedSseEnabled ?? q.Properties?.KmsMasterKeyId, id).toBeTruthy();
      const denies = policies
        .filter(([, p]) => (p.Properties!.Queues as unknown[]).some((ref) => refId(ref) === id))
        .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as any[])
        .filter((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
      expect(denies.length, `${id} has no aws:SecureTransport deny`).toBeGreaterThan(0);
    }
  });
});

describe('event sources', () => {
  it('report partial batch failures, so one bad record does not retry its whole batch', () => {
    for (const [id, m] of mappings()) {
      expect(m.Properties!.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
    }
  });

  it('take small batches (≤ 10) so one batch fits the function timeout', () => {
    for (const [id, m] of mappings()) {
      expect(m.Properties!.BatchSize, id).toBeGreaterThanOrEqual(1);
      expect(m.Properties!.BatchSize, id).toBeLessThanOrEqual(10);
    }
  });

  it('feed fetch from the fetch queue and process from the process queue', () => {
    const pairs = mappings().map(([, m]) => [refId(m.Properties!.EventSourceArn), refId(m.Properties!.FunctionName)]);
    expect(pairs).toContainEqual([idOf(json, 'AWS::SQS::Queue', 'FetchQueue'), idOf(json, 'AWS::Lambda::Function', 'FetchFunction')]);
    expect(pairs).toContainEqual([idOf(json, 'AWS::SQS::Queue', 'ProcessQueue'), idOf(json, 'AWS::Lambda::Function', 'ProcessFunction')]);
  });

  it('limits fetch with reserved concurrency (politeness) and runs discovery one at a time', () => {
    const fetch = json.Resources[idOf(json, 'AWS::Lambda::Function', 'FetchFunction')]!;
    const discover = json.Resources[idOf(json, 'AWS::Lambda::Function', 'DiscoverFunction')]!;
    expect(fetch.Properties!.ReservedConcurrentExecutions).toBe(2);
    expect(discover.Properties!.ReservedConcurrentExecutions).toBe(1);
  });
});

describe('S3 → process', () => {
  it('sends ObjectCreated events under raw/ (and only there) to the process queue', () => {
    // Prepare
    const [[, notifications]] = resourcesOf(json, 'Custom::S3BucketNotifications') as [[string, any]];
    const configs = notifications.Properties.NotificationConfiguration.QueueConfigurations as any[];
    // Assess
    expect(refId(notifications.Properties.BucketName)).toBe(idOf(json, 'AWS::S3::Bucket', 'Data'));
    expect(configs).toHaveLength(1);
    expect(configs[0].Events).toEqual(['s3:ObjectCreated:*']);
    expect(configs[0].Filter.Key.FilterRules).toEqual([{ Name: 'prefix', Value: KEYS.rawPrefix }]);
    expect(refId(configs[0].QueueArn)).toBe(idOf(json, 'AWS::SQS::Queue', 'ProcessQueue'));
  });

  it('lets only the data bucket send to the process queue', () => {
    const processQueue = idOf(json, 'AWS::SQS::Queue', 'ProcessQueue');
    const statements = resourcesOf(json, 'AWS::SQS::QueuePolicy')
      .filter(([, p]) => (p.Properties!.Queues as unknown[]).some((ref) => refId(ref) === processQueue))
      .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as any[])
      .filter((s) => s.Effect === 'Allow' && s.Principal?.Service === 's3.amazonaws.com');
    expect(statements).toHaveLength(1);
    expect(flatten(statements[0].Condition.ArnLike['aws:SourceArn'])).toBe(`<${idOf(json, 'AWS::S3::Bucket', 'Data')}.Arn>`);
  });
});

describe('functions', () => {
  const fn = (prefix: string) => json.Resources[idOf(json, 'AWS::Lambda::Function', prefix)]!.Properties!;

  it('run Node.js 22 on arm64 with Powertools logger settings', () => {
    for (const name of ['Discover', 'Fetch', 'Process']) {
      const p = fn(`${name}Function`);
      expect(p.Runtime, name).toBe('nodejs22.x');
      expect(p.Architectures, name).toEqual(['arm64']);
      expect(p.Environment.Variables.POWERTOOLS_SERVICE_NAME, name).toBe('claimwire');
      expect(p.Environment.Variables.POWERTOOLS_LOG_LEVEL, name).toBe('INFO');
    }
  });

  it('gives process 1024 MB and 60 s', () => {
    expect(fn('ProcessFunction').MemorySize).toBe(1024);
    expect(fn('ProcessFunction').Timeout).toBe(60);
  });

  it('runs discover on the schedule with the bundled sources file', () => {
    const [[, rule]] = resourcesOf(json, 'AWS::Events::Rule') as [[string, any]];
    expect(rule.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(refId(rule.Properties.Targets[0].Arn)).toBe(idOf(json, 'AWS::Lambda::Function', 'DiscoverFunction'));
    expect(fn('DiscoverFunction').Environment.Variables.CLAIMWIRE_SOURCES_FILE).toBe('/var/task/sources.json');
    expect(refId(fn('DiscoverFunction').Environment.Variables.CLAIMWIRE_FETCH_QUEUE_URL)).toBe(idOf(json, 'AWS::SQS::Queue', 'FetchQueue'));
  });
});

describe('least privilege', () => {
  const fnId = (name: string) => idOf(json, 'AWS::Lambda::Function', `${name}Function`);
  const bucket = () => idOf(json, 'AWS::S3::Bucket', 'Data');
  const objects = (prefix: string) => `<${bucket()}.Arn>/${prefix}*`;
  const allows = (grants: Grant[], action: string, resource: string) =>
    grants.some((g) => g.actions.includes(action) && g.resources.includes(resource));
  const s3Writes = (grants: Grant[]) =>
    grants.filter((g) => g.actions.some((a) => /^s3:(Put|Delete|Abort|Restore|Replicate)/.test(a) || a === 's3:*')).flatMap((g) => g.resources);
  const failures = (stage: string) => objects(`${KEYS.failuresPrefix}${stage}/`);
  const dynamoActions = (grants: Grant[]) => grants.flatMap((g) => g.actions.filter((a) => a.startsWith('dynamodb:')));
  const DYNAMO_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

  it('never grants s3:DeleteObjectVersion: no function can erase a version of the versioned bucket', () => {
    for (const g of allGrants(json)) expect(g.actions, g.policy).not.toContain('s3:DeleteObjectVersion');
  });

  it('has no S3 or DynamoDB statement on Resource "*" and no service-wide wildcard actions', () => {
    const grants = allGrants(json);
    expect(grants.length).toBeGreaterThan(0);
    for (const g of grants) {
      const data = g.actions.filter((a) => a.startsWith('s3:') || a.startsWith('dynamodb:'));
      if (data.length === 0) continue;
      expect(g.resources, `${g.policy}: ${data.join(',')}`).not.toContain('*');
      for (const r of g.resources) expect(r, g.policy).not.toMatch(/^arn:[^:]*:(s3|dynamodb):[^/]*\*$/);
      expect(g.actions, g.policy).not.toContain('s3:*');
      expect(g.actions, g.policy).not.toContain('dynamodb:*');
    }
  });

  it('lets process read raw/ and meta/ but never write or delete there', () => {
    // Prepare
    const grants = grantsOfFunction(json, fnId('Process'));
    // Assess
    expect(allows(grants, 's3:GetObject', objects(KEYS.rawPrefix))).toBe(true);
    expect(allows(grants, 's3:GetObject', objects(KEYS.metaPrefix))).toBe(true);
    expect(allows(grants, 's3:PutObject', objects(KEYS.rawPrefix))).toBe(false);
    expect(s3Writes(grants).sort()).toEqual([objects(KEYS.docsPrefix), failures('process')].sort());
  });

  it('lets process read and write both tables and their indexes, nothing else', () => {
    const grants = grantsOfFunction(json, fnId('Process'));
    const tables = TABLES.map((t) => idOf(json, 'AWS::DynamoDB::Table', t.id));
    const dynamoResources = grants.filter((g) => g.actions.some((a) => a.startsWith('dynamodb:'))).flatMap((g) => g.resources);
    expect(dynamoResources.sort()).toEqual(tables.flatMap((t) => [`<${t}.Arn>`, `<${t}.Arn>/index/*`]).sort());
    for (const action of [...DYNAMO_WRITES, 'dynamodb:Query', 'dynamodb:GetItem']) {
      expect(dynamoActions(grants), action).toContain(action);
    }
  });

  it('lets fetch write raw/, meta/ and its failure records only, with no table access', () => {
    const grants = grantsOfFunction(json, fnId('Fetch'));
    expect(s3Writes(grants).sort()).toEqual([objects(KEYS.metaPrefix), objects(KEYS.rawPrefix), failures('fetch')].sort());
    expect(dynamoActions(grants)).toEqual([]);
  });

  it('lets discover write state/ and its failure records only, read (not write) the articles table, and send to the fetch queue only', () => {
    const grants = grantsOfFunction(json, fnId('Discover'));
    const articles = idOf(json, 'AWS::DynamoDB::Table', 'Articles');
    expect(s3Writes(grants).sort()).toEqual([objects(KEYS.statePrefix), failures('discover')].sort());
    expect(dynamoActions(grants)).toContain('dynamodb:Query');
    for (const action of DYNAMO_WRITES) expect(dynamoActions(grants), action).not.toContain(action);
    const dynamoResources = grants.filter((g) => g.actions.some((a) => a.startsWith('dynamodb:'))).flatMap((g) => g.resources);
    expect(dynamoResources.sort()).toEqual([`<${articles}.Arn>`, `<${articles}.Arn>/index/*`]);
    const send = grants.filter((g) => g.actions.includes('sqs:SendMessage')).flatMap((g) => g.resources);
    expect(send).toEqual([`<${idOf(json, 'AWS::SQS::Queue', 'FetchQueue')}.Arn>`]);
  });

  it('gives each function role write access to its own log group only, and no managed policies', () => {
    for (const name of ['Discover', 'Fetch', 'Process']) {
      const fn = json.Resources[fnId(name)]!.Properties!;
      const role = json.Resources[refId(fn.Role)]!;
      expect(role.Properties!.ManagedPolicyArns, name).toBeUndefined();
      const logs = grantsOfFunction(json, fnId(name)).filter((g) => g.actions.some((a) => a.startsWith('logs:')));
      expect(logs.flatMap((g) => g.resources), name).toEqual([`<${refId(fn.LoggingConfig.LogGroup)}.Arn>`]);
    }
  });
});

describe('storage defaults', () => {
  const data = () => json.Resources[idOf(json, 'AWS::S3::Bucket', 'Data')]!.Properties!;

  it('encrypts, versions and blocks public access on every bucket', () => {
    for (const [id, b] of resourcesOf(json, 'AWS::S3::Bucket')) {
      expect(b.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm, id).toBe('AES256');
      expect(b.Properties!.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties!.OwnershipControls.Rules, id).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
      expect(b.DeletionPolicy, id).toBe('Retain');
    }
    expect(data().VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('denies non-TLS (and TLS < 1.2) requests to every bucket', () => {
    const policies = resourcesOf(json, 'AWS::S3::BucketPolicy');
    for (const [id] of resourcesOf(json, 'AWS::S3::Bucket')) {
      const statements = policies
        .filter(([, p]) => refId(p.Properties!.Bucket) === id)
        .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as any[])
        .filter((s) => s.Effect === 'Deny');
      expect(statements.some((s) => s.Condition?.Bool?.['aws:SecureTransport'] === 'false'), id).toBe(true);
      expect(statements.some((s) => s.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.2), id).toBe(true);
    }
  });

  it('expires noncurrent versions of raw/ objects after 30 days', () => {
    const rules = data().LifecycleConfiguration.Rules as any[];
    const raw = rules.find((r) => r.Prefix === KEYS.rawPrefix);
    expect(raw).toMatchObject({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
  });

  it('logs data-bucket access to the access-log bucket', () => {
    expect(refId(data().LoggingConfiguration.DestinationBucketName)).toBe(idOf(json, 'AWS::S3::Bucket', 'AccessLogs'));
  });

  it.each(TABLES.map((t) => [t.id, t] as const))('builds the %s table from shared/tables.ts: on demand, PITR, SSE, retained', (_id, def) => {
    // Prepare
    const table = json.Resources[idOf(json, 'AWS::DynamoDB::Table', def.id)]!;
    const p = table.Properties!;
    const keys = (pk: { name: string }, sk?: { name: string }) => [
      { AttributeName: pk.name, KeyType: 'HASH' },
      ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
    ];
    // Assess
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(p.KeySchema).toEqual(keys(def.partitionKey, def.sortKey));
    expect(p.GlobalSecondaryIndexes).toHaveLength(def.indexes.length);
    for (const index of def.indexes) {
      const gsi = (p.GlobalSecondaryIndexes as any[]).find((g) => g.IndexName === index.indexName);
      expect(gsi, index.indexName).toBeDefined();
      expect(gsi.KeySchema, index.indexName).toEqual(keys(index.partitionKey, index.sortKey));
      expect(gsi.Projection, index.indexName).toEqual({ ProjectionType: 'ALL' });
    }
    for (const attr of p.AttributeDefinitions as { AttributeName: string; AttributeType: string }[]) {
      const declared = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])].find(
        (k) => k?.name === attr.AttributeName,
      );
      expect(declared?.type, attr.AttributeName).toBe(attr.AttributeType);
    }
  });
});

describe('alarms and logs', () => {
  const alarms = () => resourcesOf(json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
  const topic = () => idOf(json, 'AWS::SNS::Topic', 'AlarmTopic');
  const notifies = (a: Record<string, any>) => (a.AlarmActions as unknown[]).map(refId).includes(topic());

  it('alarms on the first message in every DLQ', () => {
    const dlqs = [...dlqIds()];
    expect(dlqs).toHaveLength(2);
    for (const dlq of dlqs) {
      const alarm = alarms().find(
        (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && refId(a.Dimensions[0].Value) === dlq,
      );
      expect(alarm, dlq).toBeDefined();
      expect(alarm!.Threshold).toBe(0);
      expect(alarm!.ComparisonOperator).toBe('GreaterThanThreshold');
      expect(notifies(alarm!), dlq).toBe(true);
    }
  });

  it('alarms on errors of every application function', () => {
    for (const name of ['Discover', 'Fetch', 'Process']) {
      const fn = idOf(json, 'AWS::Lambda::Function', `${name}Function`);
      const alarm = alarms().find((a) => a.MetricName === 'Errors' && refId(a.Dimensions[0].Value) === fn);
      expect(alarm, name).toBeDefined();
      expect(alarm!).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      expect(notifies(alarm!), name).toBe(true);
    }
  });

  it('alarms when the oldest process-queue message is older than 15 minutes', () => {
    const processQueue = idOf(json, 'AWS::SQS::Queue', 'ProcessQueue');
    const alarm = alarms().find((a) => a.MetricName === 'ApproximateAgeOfOldestMessage' && refId(a.Dimensions[0].Value) === processQueue);
    expect(alarm).toMatchObject({ Threshold: 900, ComparisonOperator: 'GreaterThanThreshold' });
    expect(notifies(alarm!)).toBe(true);
  });

  it('encrypts the alarm topic with a rotated key and denies non-TLS publishing', () => {
    const t = json.Resources[topic()]!.Properties!;
    const key = json.Resources[refId(t.KmsMasterKeyId)]!;
    expect(key.Properties!.EnableKeyRotation).toBe(true);
    const keyGrantsCloudWatch = (key.Properties!.KeyPolicy.Statement as any[]).some(
      (s) => s.Principal?.Service === 'cloudwatch.amazonaws.com' && [s.Action].flat().includes('kms:Decrypt'),
    );
    expect(keyGrantsCloudWatch).toBe(true);
    const [[, policy]] = resourcesOf(json, 'AWS::SNS::TopicPolicy') as [[string, any]];
    expect(
      (policy.Properties.PolicyDocument.Statement as any[]).some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'),
    ).toBe(true);
  });

  it('keeps function logs for one month', () => {
    for (const name of ['Discover', 'Fetch', 'Process']) {
      const fn = json.Resources[idOf(json, 'AWS::Lambda::Function', `${name}Function`)]!.Properties!;
      expect(json.Resources[refId(fn.LoggingConfig.LogGroup)]!.Properties!.RetentionInDays, name).toBe(30);
    }
  });

  it('outputs what `claimwire --aws` reads: bucket, tables, queues', () => {
    const out = (name: string) => refId(json.Outputs?.[name]?.Value);
    expect(out('BucketName')).toBe(idOf(json, 'AWS::S3::Bucket', 'Data'));
    expect(out('ArticlesTableName')).toBe(idOf(json, 'AWS::DynamoDB::Table', 'Articles'));
    expect(out('ClaimsTableName')).toBe(idOf(json, 'AWS::DynamoDB::Table', 'Claims'));
    expect(out('FetchQueueUrl')).toBe(idOf(json, 'AWS::SQS::Queue', 'FetchQueue'));
    expect(out('ProcessQueueUrl')).toBe(idOf(json, 'AWS::SQS::Queue', 'ProcessQueue'));
    expect(out('FetchDlqUrl')).toBe(idOf(json, 'AWS::SQS::Queue', 'FetchDlq'));
    expect(out('ProcessDlqUrl')).toBe(idOf(json, 'AWS::SQS::Queue', 'ProcessDlq'));
  });
});
