/**
 * npm run bench:pipeline [-- --pages N]
 *
 * Ingests a generated corpus (default 300 pages) from a loopback site through the
 * whole local pipeline — sitemap discovery, polite fetch into the embedded S3, S3
 * event, process (jsdom + extraction + claims), DynamoDB — and reports articles/s
 * end to end, time per stage and peak RSS. The per-host interval is 0 here: the
 * site is our own loopback server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import './lib/quiet-sdk.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPipeline } from '../local/runtime.ts';
import { argValue, trackPeakRss } from './lib/measure.ts';
import { startGeneratedSite } from './lib/generated-site.ts';

const pages = argValue('pages', 300);
const dir = await mkdtemp(join(tmpdir(), 'claimwire-bench-'));
const site = await startGeneratedSite({ pages });
const rss = trackPeakRss();
const pipeline = await startLocalPipeline({ dataDir: dir, allowPrivateNetwork: true, minHostIntervalMs: 0, logLevel: 'ERROR' });
try {
  const t0 = performance.now();
  const [summary] = await pipeline.discover([{ id: 'bench', type: 'sitemap', url: `${site.url}/sitemap.xml`, maxItems: pages }]);
  const tDiscover = performance.now() - t0;
  let last = 0;
  const progress = setInterval(() => {
    const done = pipeline.processQueue.stats.succeeded;
    if (done !== last) process.stderr.write(`\r${done}/${pages} processed`);
    last = done;
  }, 500);
  await pipeline.idle();
  clearInterval(progress);
  const wall = (performance.now() - t0) / 1000;
  const stored = await pipeline.articles.queryArticles({ site: '127.0.0.1', limit: pages + 10 });
  const claims = stored.reduce((n, a) => n + a.claimCount, 0);
  const f = pipeline.fetchQueue.stats;
  const p = pipeline.processQueue.stats;
  const result = {
    pages,
    queued: summary?.queued ?? 0,
    articlesStored: stored.length,
    claimsStored: claims,
    wallSeconds: +wall.toFixed(2),
    articlesPerSecond: +(stored.length / wall).toFixed(1),
    discoverMs: Math.round(tDiscover),
    fetchMsPerPage: +(f.busyMs / Math.max(1, f.succeeded)).toFixed(1),
    processMsPerPage: +(p.busyMs / Math.max(1, p.succeeded)).toFixed(1),
    retries: f.retried + p.retried,
    deadLettered: f.deadLettered + p.deadLettered,
    peakRssMb: rss.peakMb(),
    node: process.version,
  };
  process.stderr.write('\n');
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log('claimwire pipeline benchmark (generated loopback site, embedded S3 + DynamoDB)');
    for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(18)} ${v}`);
    console.log('  (fetch/process ms per page = handler time ÷ messages; stages overlap, so they do not add up to wall time)');
  }
  if (stored.length !== pages) process.exitCode = 1;
} finally {
  rss.stop();
  await pipeline.stop();
  await site.close();
  await rm(dir, { recursive: true, force: true });
}
