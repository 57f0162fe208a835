/**
 * claimwire on AWS:
 *
 *   EventBridge (rate) → discover ──SQS fetch queue (+DLQ)──▶ fetch ──▶ S3 raw/, meta/
 *   S3 ObjectCreated raw/ ──SQS process queue (+DLQ)──▶ process ──▶ S3 docs/, failures/ + DynamoDB
 *
 * Secure defaults come from `defaults.ts`, the function shape from
 * `claimwire-function.ts`, table and key layout from `shared/tables.ts`.
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ARTICLES_TABLE, CLAIMS_TABLE, ENV, KEYS } from '../shared/tables.ts';
import { ClaimwireFunction } from './claimwire-function.ts';
import { createTable, queueWithDlq, RAW_NONCURRENT_EXPIRY, secureBucketProps } from './defaults.ts';

/** Deploy-time settings; `infra/app.ts` reads them from CDK context (`-c key=value`). */
export interface ClaimwireSettings {
  /** Minutes between discovery runs. */
  discoverRateMinutes: number;
  /** Reserved concurrency of `fetch`: how many pages are fetched at once, at most. */
  fetchConcurrency: number;
  /** Powertools log level of every function. */
  logLevel: string;
  /** E-mail address subscribed to the alarm topic, if any. */
  alarmEmail?: string;
  /** `CLAIMWIRE_USER_AGENT` override (product name + contact URL). */
  userAgent?: string;
}

export const DEFAULT_SETTINGS: ClaimwireSettings = {
  discoverRateMinutes: 15,
  fetchConcurrency: 2,
  logLevel: 'INFO',
};

export interface ClaimwireStackProps extends StackProps {
  settings?: Partial<ClaimwireSettings>;
}

/** Where the default sources config sits inside the discover bundle (`/var/task/sources.json`). */
export const BUNDLED_SOURCES_FILE = 'sources.json';

/** Function timeouts; each queue's visibility timeout is derived from its consumer's. */
const TIMEOUT = {
  discover: Duration.minutes(2),
  fetch: Duration.seconds(30),
  process: Duration.seconds(60),
} as const;

/** Alarm when the oldest message of a queue has waited this long (the consumer is stuck or too slow). */
const QUEUE_AGE_LIMIT = {
  fetch: Duration.hours(1),
  process: Duration.minutes(15),
} as const;

export class ClaimwireStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly articles: dynamodb.Table;
  readonly claims: dynamodb.Table;
  readonly fetchQueue: sqs.Queue;
  readonly processQueue: sqs.Queue;
  readonly dlqs: sqs.Queue[];
  readonly functions: Record<'discover' | 'fetch' | 'process', ClaimwireFunction>;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ClaimwireStackProps = {}) {
    super(scope, id, {
      description: 'claimwire: scheduled news ingestion, article and attributed-claim records',
      ...props,
    });
    const settings: ClaimwireSettings = { ...DEFAULT_SETTINGS, ...props.settings };

    // ── Storage ─────────────────────────────────────────────────────────────
    const accessLogs = new s3.Bucket(
      this,
      'AccessLogs',
      // Not logged itself: cdk-nag accepts a bucket that is another bucket's access-log target.
      secureBucketProps({
        versioned: false,
        lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      }),
    );

    this.bucket = new s3.Bucket(
      this,
      'Data',
      secureBucketProps({
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: 'data/',
        lifecycleRules: [
          {
            id: 'expire-old-raw-versions',
            prefix: KEYS.rawPrefix,
            noncurrentVersionExpiration: RAW_NONCURRENT_EXPIRY,
          },
          { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        ],
      }),
    );

    this.articles = createTable(this, ARTICLES_TABLE);
    this.claims = createTable(this, CLAIMS_TABLE);

    // ── Functions and queues ────────────────────────────────────────────────
    const common = { logLevel: settings.logLevel };
    const politeness: Record<string, string> = settings.userAgent ? { [ENV.userAgent]: settings.userAgent } : {};

    const discover = new ClaimwireFunction(this, 'Discover', {
      ...common,
      entry: 'functions/discover/handler.ts',
      description: 'Reads the sources config, finds new article URLs, queues them for fetch',
      timeout: TIMEOUT.discover,
      // One run at a time: two overlapping schedules must not race on state/.
      reservedConcurrentExecutions: 1,
      environment: { [ENV.sourcesFile]: `/var/task/${BUNDLED_SOURCES_FILE}`, ...politeness },
      copyFiles: [{ from: 'sources.json', to: BUNDLED_SOURCES_FILE }],
    });

    const fetchFn = new ClaimwireFunction(this, 'Fetch', {
      ...common,
      entry: 'functions/fetch/handler.ts',
      description: 'Fetches one queued page politely and stores raw bytes + metadata under raw/ and meta/',
      timeout: TIMEOUT.fetch,
      reservedConcurrentExecutions: settings.fetchConcurrency,
      environment: { ...politeness },
    });

    const processFn = new ClaimwireFunction(this, 'Process', {
      ...common,
      entry: 'functions/process/handler.ts',
      description: 'Parses a raw page, extracts article + claims, writes docs/ and the tables',
      timeout: TIMEOUT.process,
      memorySize: 1024,
      usesJsdom: true,
    });
    this.functions = { discover, fetch: fetchFn, process: processFn };

    const fetchQueues = queueWithDlq(this, 'Fetch', { consumerTimeout: fetchFn.timeout });
    const processQueues = queueWithDlq(this, 'Process', { consumerTimeout: processFn.timeout });
    this.fetchQueue = fetchQueues.queue;
    this.processQueue = processQueues.queue;
    this.dlqs = [fetchQueues.dlq, processQueues.dlq];

    // discover: schedule → read sources, dedup against articles, queue URLs, keep state/ and its failure records.
    new events.Rule(this, 'DiscoverSchedule', {
      description: `Runs discovery every ${settings.discoverRateMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(settings.discoverRateMinutes)),
      targets: [
        new targets.LambdaFunction(discover.fn, {
          // A run older than one period is superseded by the next one (EventBridge allows 1 min to 24 h).
          maxEventAge: Duration.minutes(Math.min(Math.max(settings.discoverRateMinutes, 1), 24 * 60)),
          retryAttempts: 2,
        }),
      ],
    });
    discover
      .bindBucket(this.bucket, [KEYS.statePrefix, failuresOf('discover')], 'RW')
      .bindTable(this.articles, 'RO')
      .bindQueueSender(this.fetchQueue, ENV.fetchQueueUrl);

    // fetch: queue → page → raw/ + meta/ (the raw/ write triggers processing) or a failure record.
    fetchFn.fn.addEventSource(
      new SqsEventSource(this.fetchQueue, { batchSize: 5, reportBatchItemFailures: true }),
    );
    fetchFn.bindBucket(this.bucket, [KEYS.rawPrefix, KEYS.metaPrefix, failuresOf('fetch')], 'RW');

    // process: raw/ ObjectCreated → queue → docs/ + failure records + tables; raw/ and meta/ read-only.
    this.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.processQueue),
      { prefix: KEYS.rawPrefix },
    );
    processFn.fn.addEventSource(
      new SqsEventSource(this.processQueue, { batchSize: 5, reportBatchItemFailures: true }),
    );
    processFn
      .bindBucket(this.bucket, [KEYS.rawPrefix, KEYS.metaPrefix], 'RO')
      .bindBucket(this.bucket, [KEYS.docsPrefix, failuresOf('process')], 'RW')
      .bindTable(this.articles, 'RW')
      .bindTable(this.claims, 'RW');

    // ── Alarms ──────────────────────────────────────────────────────────────
    this.alarmTopic = this.createAlarmTopic(settings.alarmEmail);
    const alarmAction = new cwActions.SnsAction(this.alarmTopic);
    const alarm = (id: string, props: Omit<cloudwatch.AlarmProps, 'evaluationPeriods'>) =>
      new cloudwatch.Alarm(this, id, {
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...props,
      }).addAlarmAction(alarmAction);

    for (const [name, q] of [['Fetch', fetchQueues], ['Process', processQueues]] as const) {
      alarm(`${name}DlqNotEmpty`, {
        alarmDescription: `Messages in the ${name.toLowerCase()} DLQ: inspect with \`claimwire failures\`, fix, then redrive.`,
        metric: q.dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    alarm('ProcessQueueAge', {
      alarmDescription: 'Oldest message in the process queue is older than 15 minutes: process is failing or too slow.',
      metric: this.processQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: QUEUE_AGE_LIMIT.process.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    alarm('FetchQueueAge', {
      alarmDescription: 'Oldest message in the fetch queue is older than 1 hour: fetch is failing or the backlog exceeds its concurrency.',
      metric: this.fetchQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: QUEUE_AGE_LIMIT.fetch.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    for (const [name, f] of Object.entries(this.functions)) {
      alarm(`${capitalize(name)}Errors`, {
        alarmDescription: `The ${name} function reported errors (unhandled exceptions or timeouts); see its log group.`,
        metric: f.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }

    // ── Outputs (read by `claimwire --aws`) ─────────────────────────────────
    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('BucketName', this.bucket.bucketName, 'S3 bucket with raw/, meta/, docs/, failures/, state/');
    output('ArticlesTableName', this.articles.tableName, 'DynamoDB articles table');
    output('ClaimsTableName', this.claims.tableName, 'DynamoDB claims table');
    output('FetchQueueUrl', this.fetchQueue.queueUrl, 'SQS queue of URLs to fetch');
    output('FetchDlqUrl', fetchQueues.dlq.queueUrl, 'Dead-letter queue of the fetch queue');
    output('ProcessQueueUrl', this.processQueue.queueUrl, 'SQS queue of raw/ object events');
    output('ProcessDlqUrl', processQueues.dlq.queueUrl, 'Dead-letter queue of the process queue');
    output('AlarmTopicArn', this.alarmTopic.topicArn, 'SNS topic every alarm notifies');

    this.acknowledgeRuntime();
    this.acknowledgeNotificationHandler();
  }

  /**
   * The alarm topic is encrypted with a customer-managed key, because CloudWatch
   * cannot publish to a topic under the AWS-managed SNS key.
   */
  private createAlarmTopic(email: string | undefined): sns.Topic {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'claimwire alarm topic encryption',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true, masterKey: key, displayName: 'claimwire alarms' });
    if (email) topic.addSubscription(new subscriptions.EmailSubscription(email));
    return topic;
  }

  /**
   * CDK's bucket-notifications custom resource (a deploy-time function that
   * configures the raw/ → process-queue notification) comes with a role using the
   * AWS-managed basic execution policy; its s3:PutBucketNotification grant is
   * already scoped to the data bucket.
   */
  private acknowledgeNotificationHandler(): void {
    const handler = this.node.tryFindChild(NOTIFICATIONS_HANDLER_ID);
    if (!handler) throw new Error(`${NOTIFICATIONS_HANDLER_ID} not found: did CDK rename its bucket-notifications handler?`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK-provided bucket-notifications custom resource: runs only during deployment, its role is created by CDK and only writes its own logs with this policy.',
    });
  }

  /** Node.js 22 is a supported LTS runtime; cdk-nag asks for the newest family member. */
  private acknowledgeRuntime(): void {
    for (const f of Object.values(this.functions)) {
      Validations.of(f.fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason: 'Pinned to Node.js 22 (LTS, supported): the bundle (esbuild target node20) is tested on Node 20 and 22-compatible; Node 24 after it is verified with jsdom.',
      });
    }
  }
}

/** Construct id of CDK's singleton bucket-notifications handler (aws-s3 notifications-resource-handler). */
const NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/** Each stage writes its failure records under its own `failures/<stage>/` prefix (shared/pipeline/keys.ts). */
function failuresOf(stage: 'discover' | 'fetch' | 'process'): string {
  return `${KEYS.failuresPrefix}${stage}/`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
