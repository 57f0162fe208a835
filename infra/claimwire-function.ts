/**
 * The one Lambda function construct of the stack. It fixes what every claimwire
 * function shares (runtime, architecture, local esbuild bundling, log group and
 * retention, Powertools settings, a role that can write only its own log group)
 * and offers `bind*` helpers that set an environment variable and the matching
 * least-privilege grant together, so the two cannot drift apart.
 * (Pattern: powertools `examples/app/cdk/function-with-logstream-construct.ts`.)
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV, type TableDef } from '../shared/tables.ts';

/** Repository root: NodejsFunction's project root and the base of `entry` and `copyFiles`. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Read-only or read-write access. On S3, RW may delete the current version
 * (`s3:DeleteObject` only adds a delete marker in the versioned bucket) but never
 * a version (`s3:DeleteObjectVersion` is not granted), so no write erases history.
 */
export type Access = 'RO' | 'RW';

/** A file copied into the bundle after esbuild ran. */
export interface BundleFile {
  /** Path relative to the repository root. */
  from: string;
  /** Path relative to the bundle directory (`/var/task` at run time). */
  to: string;
}

export interface ClaimwireFunctionProps {
  /** Handler file relative to the repository root, e.g. `functions/process/handler.ts`. */
  entry: string;
  description: string;
  timeout: Duration;
  /** @default 512 */
  memorySize?: number;
  reservedConcurrentExecutions?: number;
  /** Powertools log level (`POWERTOOLS_LOG_LEVEL`). */
  logLevel: string;
  environment?: Record<string, string>;
  /** Files the code reads at run time, copied next to the bundle. */
  copyFiles?: BundleFile[];
  /** The code loads jsdom: apply {@link JSDOM_BUNDLING}. */
  usesJsdom?: boolean;
}

/**
 * What a minified CJS bundle containing jsdom 29 needs, each point verified by
 * building and running one (test/infra/bundle.test.ts):
 * - jsdom reads `path.resolve(__dirname, '../../../browser/default-stylesheet.css')`
 *   when it loads; in a bundle `__dirname` is the bundle's directory, so the bundle
 *   sits three directories deep (`bundleDir`) and the stylesheet at `browser/`,
 *   both inside /var/task (from /var/task itself the path would be /browser/…).
 * - jsdom calls `require.resolve('./xhr-sync-worker.js')` when it loads: the
 *   worker is copied next to the bundle.
 * - css-tree's ESM build loads its JSON data through `createRequire(import.meta.url)`,
 *   which esbuild cannot follow and which is undefined in CJS: alias css-tree to
 *   its CJS build, whose static `require`s esbuild inlines.
 * - `canvas` is an optional native module that jsdom only loads if installed.
 * esbuild's warning about that `require.resolve` is silenced: the copy answers it.
 */
export const JSDOM_BUNDLING = {
  bundleDir: 'app/functions/fn',
  externalModules: ['canvas'],
  alias: { 'css-tree': createRequire(import.meta.url).resolve('css-tree') },
  logOverrides: { 'require-resolve-not-external': 'silent' },
  copyFiles: [
    { from: 'node_modules/jsdom/lib/jsdom/browser/default-stylesheet.css', to: 'browser/default-stylesheet.css' },
    { from: 'node_modules/jsdom/lib/jsdom/living/xhr/xhr-sync-worker.js', to: 'app/functions/fn/xhr-sync-worker.js' },
  ] satisfies BundleFile[],
} as const;

/** Service name in every structured log line (`POWERTOOLS_SERVICE_NAME`). */
export const SERVICE_NAME = 'claimwire';

/** The runtime the handlers are bundled for (esbuild target) and tested on. */
// Node 22 on Lambda: nodejs20.x is deprecated (creation blocked from 2027-02-01). The bundle
// targets node20 so the same bundle also loads on the Node 20 toolchain the tests run on.
export const RUNTIME = lambda.Runtime.NODEJS_22_X;

/** Table construct id (= `TableDef.id`) → the environment variable that carries its name. */
const TABLE_ENV: Record<TableDef['id'], string> = {
  Articles: ENV.articlesTable,
  Claims: ENV.claimsTable,
};

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export class ClaimwireFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: ClaimwireFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout;

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    // Own role instead of AWSLambdaBasicExecutionRole: the function may write its own log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `claimwire ${id} function`,
    });
    this.logGroup.grantWrite(this.role);

    const jsdom = props.usesJsdom ? JSDOM_BUNDLING : undefined;
    const copyFiles = [...(props.copyFiles ?? []), ...(jsdom?.copyFiles ?? [])];
    const bundleDir = jsdom?.bundleDir;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, props.entry),
      handler: bundleDir ? `${bundleDir}/index.handler` : 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node20',
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        // File and line numbers are enough for stack traces; the sources stay out of the asset.
        sourcesContent: false,
        // The AWS SDK is bundled too: the deployed code runs the SDK version the tests ran.
        externalModules: [...(jsdom?.externalModules ?? [])],
        esbuildArgs: Object.fromEntries([
          ...Object.entries(jsdom?.alias ?? {}).map(([name, target]) => [`--alias:${name}`, target]),
          ...Object.entries(jsdom?.logOverrides ?? {}).map(([id, level]) => [`--log-override:${id}`, level]),
        ]),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...(bundleDir
              ? [
                  `mkdir -p ${shellQuote(path.posix.join(outputDir, bundleDir))}`,
                  `mv ${shellQuote(path.posix.join(outputDir, 'index.js'))} ${shellQuote(path.posix.join(outputDir, 'index.js.map'))} ${shellQuote(path.posix.join(outputDir, bundleDir))}/`,
                ]
              : []),
            ...copyFiles.flatMap(({ from, to }) => {
              const target = path.posix.join(outputDir, to);
              return [
                `mkdir -p ${shellQuote(path.posix.dirname(target))}`,
                `cp ${shellQuote(path.posix.join(inputDir, from))} ${shellQuote(target)}`,
              ];
            }),
          ],
        },
      },
    });
  }

  /**
   * Sets the table's name variable and grants read (RO) or read-write (RW) item
   * access on the table and its indexes, nothing account-wide.
   *
   * @example processFn.bindTable(claimsTable, 'RW') // CLAIMWIRE_CLAIMS_TABLE + PutItem/DeleteItem/...
   */
  bindTable(table: dynamodb.Table, access: Access): this {
    const envName = TABLE_ENV[table.node.id as TableDef['id']];
    if (!envName) throw new Error(`bindTable: ${table.node.path} is not one of the shared table definitions`);
    this.fn.addEnvironment(envName, table.tableName);
    if (access === 'RW') table.grantReadWriteData(this.role);
    else table.grantReadData(this.role);
    this.acknowledge(
      `Resource::<${logicalId(table)}.Arn>/index/*`,
      `Queries the ${table.node.id} GSIs; the grant covers only this table's indexes.`,
    );
    return this;
  }

  /**
   * Sets `CLAIMWIRE_BUCKET` and grants object access under the given key
   * prefixes only: RO = GetObject(+Version), RW = RO + PutObject + DeleteObject.
   * ListBucket is granted so that a missing key reads as 404, not 403.
   *
   * @example processFn.bindBucket(bucket, [KEYS.rawPrefix, KEYS.metaPrefix], 'RO')
   */
  bindBucket(bucket: s3.Bucket, prefixes: readonly string[], access: Access): this {
    this.fn.addEnvironment(ENV.bucket, bucket.bucketName);
    const objects = prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
    const actions = access === 'RW' ? ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject'] : ['s3:GetObject', 's3:GetObjectVersion'];
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: objects }));
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    for (const prefix of prefixes) {
      this.acknowledge(
        `Resource::<${logicalId(bucket)}.Arn>/${prefix}*`,
        `${access === 'RW' ? 'Reads, writes and deletes (delete markers only, no version deletes)' : 'Reads'} objects under ${prefix} only; object keys are not known in advance.`,
      );
    }
    return this;
  }

  /** Sets the queue URL variable and grants SendMessage on that queue only. */
  bindQueueSender(queue: sqs.Queue, envName: string): this {
    this.fn.addEnvironment(envName, queue.queueUrl);
    queue.grantSendMessages(this.role);
    return this;
  }

  /** cdk-nag acknowledgement on this function's role policy, with its reason. */
  private acknowledge(finding: string, reason: string): void {
    Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}

function logicalId(construct: dynamodb.Table | s3.Bucket): string {
  const resource = construct.node.defaultChild as dynamodb.CfnTable | s3.CfnBucket;
  return Stack.of(construct).resolve(resource.logicalId) as string;
}
