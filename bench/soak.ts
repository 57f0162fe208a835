/**
 * npm run bench:soak [-- --pages N --fault-rate R]
 *
 * Ingests N pages (default 1,000) from a loopback site that injects faults into
 * ~2% of first requests (503s, connection resets, trickling bodies) while the
 * DynamoDB adapter throttles ~2% of claim writes; then checks that every page
 * landed exactly once: 0 lost, 0 duplicated claims, 0 dead letters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import './lib/quiet-sdk.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPipeline } from '../local/runtime.ts';
import type { ArticleStore } from '../shared/ports.ts';
import { argValue, trackPeakRss } from './lib/measure.ts';
import { startGeneratedSite } from './lib/generated-site.ts';

const pages = argValue('pages', 1000);
const faultRate = argValue('fault-rate', 0.02);
const dir = await mkdtemp(join(tmpdir(), 'claimwire-soak-'));
const site = await startGeneratedSite({ pages, faultRate });
const rss = trackPeakRss();
let throttled = 0;
let writes = 0;
const pipeline = await startLocalPipeline({
  dataDir: dir,
  allowPrivateNetwork: true,
  minHostIntervalMs: 0,
  logLevel: 'ERROR',
  retryDelayMs: 50,
  wrapStores: ({ blobs, articles }) => {
    const flaky: ArticleStore = Object.create(articles);
    flaky.putClaims = async (claims) => {
      // Every 50th claim write is throttled once: the handler must fail it and the queue retry it.
      if (++writes % Math.round(1 / faultRate) === 0) {
        throttled++;
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException' });
      }
      return articles.putClaims(claims);
    };
    return { blobs, articles: flaky };
  },
});
try {
  const t0 = performance.now();
  await pipeline.discover([{ id: 'soak', type: 'sitemap', url: `${site.url}/sitemap.xml`, maxItems: pages }]);
  const progress = setInterval(() => process.stderr.write(`\r${pipeline.processQueue.stats.succeeded}/${pages} processed`), 1000);
  await pipeline.idle();
  clearInterval(progress);
  const wall = (performance.now() - t0) / 1000;
  const stored = await pipeline.articles.queryArticles({ site: '127.0.0.1', limit: pages * 2 });
  const ids = new Set(stored.map((a) => a.articleId));
  const expectedClaims = stored.reduce((n, a) => n + a.claimCount, 0);
  const claimItems = await pipeline.articles.queryClaims({ limit: 1_000_000 });
  const claimKeys = new Set(claimItems.map((c) => `${c.articleId}/${c.claimId}`));
  const orphanClaims = claimItems.filter((c) => !ids.has(c.articleId)).length;
  let failures = 0;
  for await (const _ of pipeline.blobs.list('failures/')) failures++;
  const f = pipeline.fetchQueue.stats;
  const p = pipeline.processQueue.stats;
  const result = {
    pages,
    faultsInjected: { ...site.faultsInjected, dynamoThrottles: throttled },
    retries: f.retried + p.retried,
    deadLettered: f.deadLettered + p.deadLettered,
    failureRecords: failures,
    articlesStored: stored.length,
    lost: pages - stored.length,
    duplicatedArticles: stored.length - ids.size,
    claimItems: claimItems.length,
    duplicatedClaims: claimItems.length - claimKeys.size + Math.max(0, claimItems.length - expectedClaims) + orphanClaims,
    wallSeconds: +wall.toFixed(1),
    articlesPerSecond: +(stored.length / wall).toFixed(1),
    peakRssMb: rss.peakMb(),
  };
  process.stderr.write('\n');
  console.log(JSON.stringify(result, null, 2));
  if (result.lost !== 0 || result.duplicatedArticles !== 0 || result.duplicatedClaims !== 0) process.exitCode = 1;
} finally {
  rss.stop();
  await pipeline.stop();
  await site.close();
  await rm(dir, { recursive: true, force: true });
}
