import { fileURLToPath } from 'node:url';
import { startSiteServer } from '../../local/site-server.ts';
import { ConfigError } from '../../shared/errors.ts';
import { startLocalPipeline } from '../../local/runtime.ts';
import { dataDirOf } from '../context.ts';
import type { CliValues } from '../main.ts';
import { Progress, writeLine } from '../output.ts';
import { enqueueInput } from './ingest.ts';
import { formatArticleLine, formatClaimLine } from './query.ts';
import { reportIngest, trackProgress } from './report.ts';

const DEMO_SITE = fileURLToPath(new URL('../../local/demo-site/', import.meta.url));

/**
 * `claimwire demo`: serves the fictional Meridian Courier on loopback, ingests
 * its feed through the whole local pipeline and prints what landed.
 */
export async function demoCommand(values: CliValues): Promise<number> {
  const port = values.port === undefined ? 8765 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a TCP port, got "${values.port}"`);
  const site = await startSiteServer(DEMO_SITE, { port, host: '127.0.0.1' }).catch((error: NodeJS.ErrnoException) => {
    // A fixed port keeps article URLs (and so ids) the same across demo runs; any free one still works.
    if (error.code !== 'EADDRINUSE' || values.port !== undefined) throw error;
    process.stderr.write(`port ${port} is busy; serving the demo site on a free port instead\n`);
    return startSiteServer(DEMO_SITE, { port: 0, host: '127.0.0.1' });
  });
  const pipeline = await startLocalPipeline({ dataDir: dataDirOf(values), allowPrivateNetwork: true, minHostIntervalMs: 50 });
  try {
    const feed = `${site.url}/feed.xml`;
    process.stderr.write(`demo site: ${site.url} (The Meridian Courier, fictional)\ningesting ${feed} …\n`);
    const progress = new Progress(true);
    const stop = trackProgress(pipeline, progress);
    await enqueueInput(pipeline, feed, false);
    await pipeline.idle();
    stop();
    progress.done();
    await reportIngest(pipeline, values);
    const host = new URL(site.url).hostname;
    const articles = await pipeline.articles.queryArticles({ site: host, limit: 20 });
    await writeLine(`\nArticles (${articles.length}):`);
    for (const a of articles) {
      await writeLine(formatArticleLine(a));
      for (const c of await pipeline.articles.queryClaims({ articleId: a.articleId, limit: 50 })) await writeLine(`    ${formatClaimLine(c)}`);
    }
    const dataDir = values['data-dir'] ? ` --data-dir ${values['data-dir']}` : '';
    await writeLine(`
Try:
  npx claimwire articles --site ${host}${dataDir}
  npx claimwire claims --stance deny${dataDir}
  npx claimwire claims --speaker "Harbour Authority" --json${dataDir}
  npx claimwire article ${articles[0]?.articleId ?? '<articleId>'}${dataDir}
(Running the demo again changes nothing: ingestion is idempotent.)`);
    return 0;
  } finally {
    await pipeline.stop();
    await site.close();
  }
}
