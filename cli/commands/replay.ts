import { KEYS } from '../../shared/tables.ts';
import { parseRawKey } from '../../shared/pipeline/keys.ts';
import { ConfigError } from '../../shared/errors.ts';
import type { LocalPipeline } from '../../local/runtime.ts';
import { withLocalPipeline } from '../context.ts';
import type { CliValues } from '../main.ts';
import { Progress } from '../output.ts';
import { trackProgress } from './report.ts';

/**
 * Sends raw pages already in the bucket through processing again. Safe because
 * processing is idempotent: an unchanged page is left as it is. With `missing`,
 * only pages that have no article record yet (e.g. after a crash) are sent.
 */
export async function replayRaw(pipeline: LocalPipeline, options: { since?: Date; site?: string; missing?: boolean }): Promise<number> {
  let count = 0;
  for await (const item of pipeline.blobs.list(KEYS.rawPrefix)) {
    const parsed = parseRawKey(item.key);
    if (!parsed) continue;
    if (options.site && parsed.site !== options.site.replace(/^www\./, '')) continue;
    if (options.since && item.lastModified && item.lastModified < options.since) continue;
    const existing = await pipeline.articles.getArticle(parsed.articleId);
    if (options.missing && existing) continue;
    // Re-using the stored sequencer lets processing see "same version" and skip unchanged pages.
    pipeline.enqueueRaw(item.key, existing?.sequencer);
    count++;
  }
  return count;
}

/** `claimwire replay`. */
export async function replayCommand(values: CliValues): Promise<number> {
  let since: Date | undefined;
  if (values.since) {
    since = new Date(values.since);
    if (Number.isNaN(since.getTime())) throw new ConfigError(`--since: not a date: "${values.since}"`);
  }
  return withLocalPipeline(values, async (pipeline) => {
    const progress = new Progress(true);
    const stop = trackProgress(pipeline, progress);
    const count = await replayRaw(pipeline, { since, site: values.site, missing: values.missing });
    await pipeline.idle();
    stop();
    progress.done(`replayed ${count} raw page(s)`);
    return 0;
  });
}
