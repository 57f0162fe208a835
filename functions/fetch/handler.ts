import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { createClients } from '../../shared/aws/clients.ts';
import { S3BlobStore } from '../../shared/aws/s3-blob-store.ts';
import { loadFunctionConfig } from '../../shared/config.ts';
import { ENV } from '../../shared/tables.ts';
import { createLogger, type Logger } from '../../shared/log.ts';
import { fetchArticle, type FetchArticleDeps } from '../../shared/pipeline/fetch-article.ts';
import { createPoliteFetching } from '../lib/fetching.ts';
import type { FetchMessage } from '../../shared/ports.ts';

/** Seconds kept free before the Lambda deadline so a slow page fails cleanly, not by timeout. */
const DEADLINE_MARGIN_MS = 5_000;

/** Builds the fetch handler around its dependencies (the local runtime passes its own). */
export function createFetchHandler(deps: FetchArticleDeps & { logger: Logger }) {
  return (event: SQSEvent, context?: Context) => {
    const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS : undefined;
    const recordHandler = async (record: SQSRecord): Promise<void> => {
      const message = JSON.parse(record.body) as FetchMessage;
      deps.logger.appendKeys({ messageId: record.messageId, url: message.url });
      try {
        const outcome = await fetchArticle(deps, message, { deadline });
        deps.logger.info('fetched', { ...outcome });
      } catch (error) {
        deps.logger.warn('fetch failed, will retry', { error: (error as Error).message });
        throw error;
      } finally {
        deps.logger.removeKeys(['messageId', 'url']);
      }
    };
    return processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), context ? { context } : undefined);
  };
}

/** The settings this function cannot start without; the infra tests check the stack sets each one. */
export const REQUIRED_CONFIG: Array<keyof typeof ENV> = ['bucket'];

let handlerOnAws: ReturnType<typeof createFetchHandler> | undefined;

export const handler = (event: SQSEvent, context: Context) => {
  handlerOnAws ??= (() => {
    const config = loadFunctionConfig(process.env, REQUIRED_CONFIG);
    const clients = createClients();
    return createFetchHandler({
      fetchPage: createPoliteFetching(config).fetchPage,
      blobs: new S3BlobStore(clients.s3, config.bucket),
      logger: createLogger('claimwire-fetch'),
    });
  })();
  return handlerOnAws(event, context);
};
