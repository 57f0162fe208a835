import { resolve } from 'node:path';
import { loadSources } from '../../shared/discover/index.ts';
import { ConfigError } from '../../shared/errors.ts';
import { withLocalPipeline } from '../context.ts';
import type { CliValues } from '../main.ts';
import { Progress } from '../output.ts';
import { reportIngest, trackProgress } from './report.ts';
import { replayRaw } from './replay.ts';

/**
 * `claimwire run`: the scheduled ingestion loop on the embedded stores. Each
 * cycle discovers new URLs in every source, fetches and processes them, and
 * reports; raw pages left unprocessed by an earlier crash are re-driven first.
 */
export async function runCommand(values: CliValues): Promise<number> {
  const sourcesFile = resolve(values.sources ?? 'sources.json');
  const config = await loadSources(sourcesFile);
  const intervalMin = values.interval === undefined ? 15 : Number(values.interval);
  if (!Number.isFinite(intervalMin) || intervalMin <= 0) throw new ConfigError(`--interval must be a positive number of minutes, got "${values.interval}"`);
  const allowPrivateNetwork = values['allow-private-network'] ?? config.allowPrivateNetwork ?? false;

  return withLocalPipeline(
    { ...values, 'user-agent': values['user-agent'] ?? config.userAgent },
    async (pipeline) => {
      let stopping = false;
      let wake: (() => void) | null = null;
      const onSignal = () => {
        stopping = true;
        process.stderr.write('\nstopping after the current cycle (Ctrl-C again to force)\n');
        wake?.();
        process.once('SIGINT', () => process.exit(130));
      };
      process.once('SIGINT', onSignal);
      const recovered = await replayRaw(pipeline, { missing: true });
      if (recovered > 0) process.stderr.write(`re-driving ${recovered} raw page(s) left unprocessed by an earlier run\n`);
      const enabled = config.sources.filter((s) => s.enabled !== false);
      process.stderr.write(`claimwire run: ${enabled.length} source(s) from ${sourcesFile}, data in ${pipeline.dataDir}\n`);
      for (let cycle = 1; !stopping; cycle++) {
        const started = new Date();
        const progress = new Progress(true);
        const stopTracking = trackProgress(pipeline, progress);
        const summaries = await pipeline.discover(enabled, (s) =>
          progress.update(
            s.error ? `source ${s.sourceId}: ${s.error}` : `source ${s.sourceId}: ${s.found} found, ${s.queued} new${s.notModified ? ' (not modified)' : ''}`,
            true,
          ),
        );
        await pipeline.idle();
        stopTracking();
        progress.done();
        const queued = summaries.reduce((n, s) => n + s.queued, 0);
        const failedSources = summaries.filter((s) => s.error).length;
        process.stderr.write(`cycle ${cycle}: ${queued} new article(s), ${failedSources} source(s) failed\n`);
        await reportIngest(pipeline, values, started);
        if (values.once || stopping) break;
        process.stderr.write(`next cycle in ${intervalMin} min (Ctrl-C to stop)\n`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, intervalMin * 60_000).unref();
        });
      }
      process.off('SIGINT', onSignal);
      return 0;
    },
    { allowPrivateNetwork },
  );
}
