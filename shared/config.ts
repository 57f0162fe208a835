import { ConfigError } from './errors.ts';
import { ENV } from './tables.ts';

/** Everything a Lambda function reads from its environment, validated once. */
export interface FunctionConfig {
  bucket: string;
  articlesTable: string;
  claimsTable: string;
  fetchQueueUrl: string | null;
  sourcesFile: string | null;
  userAgent: string | null;
  allowPrivateNetwork: boolean;
  minHostIntervalMs: number;
}

/**
 * Reads and validates the function environment. The only place that touches
 * `process.env`; a missing variable is an error that names it.
 * @example const config = loadFunctionConfig(process.env, ['bucket', 'articlesTable'])
 */
export function loadFunctionConfig(
  env: Record<string, string | undefined>,
  required: Array<keyof typeof ENV> = ['bucket', 'articlesTable', 'claimsTable'],
): FunctionConfig {
  for (const key of required) {
    if (!env[ENV[key]]) throw new ConfigError(`environment variable ${ENV[key]} is required but not set`);
  }
  const interval = env[ENV.minHostIntervalMs];
  const minHostIntervalMs = interval === undefined || interval === '' ? 1000 : Number(interval);
  if (!Number.isFinite(minHostIntervalMs) || minHostIntervalMs < 0) {
    throw new ConfigError(`environment variable ${ENV.minHostIntervalMs} must be a non-negative number of milliseconds, got "${interval}"`);
  }
  return {
    bucket: env[ENV.bucket] ?? '',
    articlesTable: env[ENV.articlesTable] ?? '',
    claimsTable: env[ENV.claimsTable] ?? '',
    fetchQueueUrl: env[ENV.fetchQueueUrl] || null,
    sourcesFile: env[ENV.sourcesFile] || null,
    userAgent: env[ENV.userAgent] || null,
    allowPrivateNetwork: env[ENV.allowPrivateNetwork] === 'true',
    minHostIntervalMs,
  };
}
