import type { Context, ScheduledEvent } from 'aws-lambda';
import { createClients } from '../../shared/aws/clients.ts';
import { S3BlobStore } from '../../shared/aws/s3-blob-store.ts';
import { SqsFetchQueue } from '../../shared/aws/sqs-fetch-queue.ts';
import { loadFunctionConfig } from '../../shared/config.ts';
import { ENV } from '../../shared/tables.ts';
import { loadSources } from '../../shared/discover/index.ts';
import { ConfigError } from '../../shared/errors.ts';
import { createLogger, type Logger } from '../../shared/log.ts';
import { discoverSources, type DiscoveryDeps } from '../../shared/pipeline/discover-sources.ts';
import type { SourceConfig } from '../../shared/discover/index.ts';
import { createPoliteFetching } from '../lib/fetching.ts';

/** Builds the scheduled discovery handler: read every source, queue the new article URLs. */
export function createDiscoverHandler(deps: DiscoveryDeps & { logger: Logger; sources: () => Promise<SourceConfig[]> }) {
  return async (_event?: ScheduledEvent, context?: Context) => {
    // Every feed fetch ends before the function would time out, leaving 5 s to record the rest.
    const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - 5_000 : undefined;
    const fetchFeed: DiscoveryDeps['fetchFeed'] = deadline ? (url, options) => deps.fetchFeed(url, { ...options, deadline } as typeof options) : deps.fetchFeed;
    const summaries = await discoverSources({ ...deps, fetchFeed }, await deps.sources(), (s) => deps.logger.info('source discovered', { ...s }));
    const queued = summaries.reduce((n, s) => n + s.queued, 0);
    const failed = summaries.filter((s) => s.error).length;
    deps.logger.info('discovery done', { sources: summaries.length, queued, failed });
    return { sources: summaries.length, queued, failed };
  };
}

/** The settings this function cannot start without; the infra tests check the stack sets each one. */
export const REQUIRED_CONFIG: Array<keyof typeof ENV> = ['bucket', 'fetchQueueUrl', 'sourcesFile'];

let handlerOnAws: ReturnType<typeof createDiscoverHandler> | undefined;

export const handler = (event: ScheduledEvent, context: Context) => {
  handlerOnAws ??= (() => {
    const config = loadFunctionConfig(process.env, REQUIRED_CONFIG);
    const clients = createClients();
    const fetching = createPoliteFetching(config);
    return createDiscoverHandler({
      fetchFeed: fetching.fetchFeed,
      blobs: new S3BlobStore(clients.s3, config.bucket),
      queue: new SqsFetchQueue(clients.sqs, config.fetchQueueUrl ?? ''),
      logger: createLogger('claimwire-discover'),
      sources: async () => {
        if (!config.sourcesFile) throw new ConfigError('no sources file configured');
        return (await loadSources(config.sourcesFile)).sources;
      },
    });
  })();
  return handlerOnAws(event, context);
};
