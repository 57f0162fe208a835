import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { createClients } from '../../shared/aws/clients.ts';
import { DynamoArticleStore } from '../../shared/aws/dynamo-article-store.ts';
import { S3BlobStore } from '../../shared/aws/s3-blob-store.ts';
import { loadFunctionConfig } from '../../shared/config.ts';
import { ENV } from '../../shared/tables.ts';
import { createLogger, type Logger } from '../../shared/log.ts';
import { processRawObject, type ProcessDeps } from '../../shared/pipeline/process-raw.ts';
import { rawRefsFromMessage } from '../lib/s3-events.ts';

/** Builds the process handler around its dependencies (the local runtime passes its own). */
export function createProcessHandler(deps: ProcessDeps & { logger: Logger }) {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    deps.logger.appendKeys({ messageId: record.messageId });
    try {
      for (const ref of rawRefsFromMessage(record.body)) {
        deps.logger.appendKeys({ key: ref.key });
        const outcome = await processRawObject(deps, ref);
        deps.logger.info('processed', { ...outcome });
      }
    } catch (error) {
      deps.logger.warn('processing failed, will retry', { error: (error as Error).message });
      throw error;
    } finally {
      deps.logger.removeKeys(['messageId', 'key']);
    }
  };
  return (event: SQSEvent, context?: Context) =>
    processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), context ? { context } : undefined);
}

/** The settings this function cannot start without; the infra tests check the stack sets each one. */
export const REQUIRED_CONFIG: Array<keyof typeof ENV> = ['bucket', 'articlesTable', 'claimsTable'];

let handlerOnAws: ReturnType<typeof createProcessHandler> | undefined;

export const handler = (event: SQSEvent, context: Context) => {
  handlerOnAws ??= (() => {
    const config = loadFunctionConfig(process.env, REQUIRED_CONFIG);
    const clients = createClients();
    return createProcessHandler({
      blobs: new S3BlobStore(clients.s3, config.bucket),
      articles: new DynamoArticleStore(clients.dynamodb, { articles: config.articlesTable, claims: config.claimsTable }),
      logger: createLogger('claimwire-process'),
    });
  })();
  return handlerOnAws(event, context);
};
