import type { Construct } from 'constructs';
import { DEFAULT_SETTINGS, type ClaimwireSettings } from './claimwire-stack.ts';

function positiveInt(scope: Construct, key: string, fallback: number): number {
  const raw: unknown = scope.node.tryGetContext(key);
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`context ${key} must be a positive whole number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function optionalString(scope: Construct, key: string): string | undefined {
  const raw: unknown = scope.node.tryGetContext(key);
  return raw === undefined || raw === '' ? undefined : String(raw);
}

/**
 * Deploy-time settings from CDK context, validated with errors that name the key.
 *
 * @example npx cdk deploy -c discoverRate=30 -c fetchConcurrency=4 -c alarmEmail=ops@example.org
 */
export function settingsFromContext(scope: Construct): ClaimwireSettings {
  const logLevel = optionalString(scope, 'logLevel')?.toUpperCase() ?? DEFAULT_SETTINGS.logLevel;
  const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];
  if (!levels.includes(logLevel)) throw new Error(`context logLevel must be one of ${levels.join(', ')}, got ${logLevel}`);
  return {
    discoverRateMinutes: positiveInt(scope, 'discoverRate', DEFAULT_SETTINGS.discoverRateMinutes),
    fetchConcurrency: positiveInt(scope, 'fetchConcurrency', DEFAULT_SETTINGS.fetchConcurrency),
    logLevel,
    alarmEmail: optionalString(scope, 'alarmEmail'),
    userAgent: optionalString(scope, 'userAgent'),
  };
}
