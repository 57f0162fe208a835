import type { LocalPipeline } from '../../local/runtime.ts';
import type { CliValues } from '../main.ts';
import type { Progress } from '../output.ts';
import { listFailures } from './failures.ts';

/** Redraws the progress line from the queues' counters until the returned function is called. */
export function trackProgress(pipeline: LocalPipeline, progress: Progress): () => void {
  const started = Date.now();
  const draw = () => {
    const f = pipeline.fetchQueue.stats;
    const p = pipeline.processQueue.stats;
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    progress.update(
      `[${secs}s] fetch ${f.succeeded}/${f.sent} (queue ${pipeline.fetchQueue.depth}, retries ${f.retried}, dead ${f.deadLettered})` +
        ` · process ${p.succeeded}/${p.sent} (queue ${pipeline.processQueue.depth}, retries ${p.retried}, dead ${p.deadLettered})`,
    );
  };
  const timer = setInterval(draw, 250);
  return () => {
    clearInterval(timer);
    draw();
  };
}

/** Prints the end-of-run summary; returns the number of failures recorded in this run. */
export async function reportIngest(pipeline: LocalPipeline, values: CliValues, since = new Date(Date.now() - 60 * 60 * 1000)): Promise<number> {
  const f = pipeline.fetchQueue.stats;
  const p = pipeline.processQueue.stats;
  const failures = (await listFailures(pipeline)).filter((x) => !x.failedAt || new Date(x.failedAt) >= since);
  if (!values.json) {
    process.stderr.write(
      `done: ${f.succeeded} fetch message(s) handled, ${p.succeeded} page(s) processed, ` +
        `${failures.length} failure(s) recorded, ${f.deadLettered + p.deadLettered} dead-lettered\n`,
    );
    for (const x of failures.slice(0, 10)) process.stderr.write(`  failed [${x.stage}] ${x.url ?? x.rawKey}: ${x.reason}\n`);
    if (failures.length > 10) process.stderr.write(`  … and ${failures.length - 10} more (claimwire failures)\n`);
  }
  return failures.length;
}
