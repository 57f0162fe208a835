import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per process. Record identities (messageId, key,
 * articleId) are appended per record with `appendKeys` and removed after;
 * page bodies are never logged.
 */
export function createLogger(serviceName = 'claimwire', level?: string): Logger {
  return new Logger({ serviceName, logLevel: (level ?? 'INFO') as 'INFO' });
}

export type { Logger };
