import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverSource, FeedParseError, parseFeed } from '../../shared/discover/index.ts';
import { ConfigError, FetchRefusedError } from '../../shared/errors.ts';
import { locateArticle, storeRawPage } from '../../shared/pipeline/fetch-article.ts';
import type { FetchMessage } from '../../shared/ports.ts';
import type { LocalPipeline } from '../../local/runtime.ts';
import { withLocalPipeline } from '../context.ts';
import type { CliValues } from '../main.ts';
import { Progress } from '../output.ts';
import { reportIngest, trackProgress } from './report.ts';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds out what one input is and queues its pages: a local file is stored as a
 * raw page directly; a URL is fetched as a feed first (RSS, Atom, JSON Feed,
 * sitemap), and if it is not one, queued as a single page.
 */
export async function enqueueInput(pipeline: LocalPipeline, input: string, force: boolean): Promise<{ queued: number; note: string }> {
  if (!/^https?:\/\//i.test(input)) {
    if (!(await isFile(input))) throw new ConfigError(`"${input}" is neither an http(s) URL nor a readable file`);
    const path = resolve(input);
    await storeRawPage(pipeline.blobs, {
      url: pathToFileURL(path).href,
      finalUrl: pathToFileURL(path).href,
      status: 200,
      headers: { 'content-type': path.endsWith('.txt') ? 'text/plain' : 'text/html' },
      body: await readFile(path),
      fetchedAt: new Date().toISOString(),
      sourceId: 'file',
    });
    return { queued: 1, note: 'local file' };
  }
  const asPage = async (): Promise<{ queued: number; note: string }> => {
    const message: FetchMessage = { url: input, sourceId: 'ingest' };
    if (force) await pipeline.blobs.delete(locateArticle(input).meta);
    await pipeline.queue.send([message]);
    return { queued: 1, note: 'page' };
  };
  let response: Awaited<ReturnType<typeof pipeline.fetching.fetchFeed>>;
  try {
    response = await pipeline.fetching.fetchFeed(input, {});
  } catch (error) {
    if (error instanceof FetchRefusedError && error.rule === 'content-type') return asPage();
    throw error;
  }
  let kind: string;
  try {
    kind = parseFeed(response.body, { url: response.finalUrl, contentType: response.headers['content-type'] }).kind;
  } catch (error) {
    if (error instanceof FeedParseError) return asPage();
    throw error;
  }
  // A feed or sitemap: discovery reads its entries (and a sitemap index's children). The
  // document in hand answers discovery's first request, so the feed is fetched once; what
  // was already ingested is skipped below by URL, so no validators are kept for one-offs.
  const source = { id: `ingest:${input}`, type: kind === 'feed' ? ('feed' as const) : ('sitemap' as const), url: input, maxItems: 1000 };
  let inHand: typeof response | null = response;
  const found = await discoverSource(source, {
    fetch: (url, options) => {
      const first = inHand;
      inHand = null;
      return first && url === input ? Promise.resolve(first) : pipeline.fetching.fetchFeed(url, options);
    },
    state: { getValidators: async () => null, putValidators: async () => {} },
  });
  const messages: FetchMessage[] = found.items.map((item) => ({
    url: item.url,
    sourceId: source.id,
    feedEntry: { title: item.title, publishedAt: item.publishedAt, authors: item.authors },
  }));
  const fresh: FetchMessage[] = [];
  for (const m of messages) {
    const meta = locateArticle(m.url).meta;
    if (force) await pipeline.blobs.delete(meta);
    else if (await pipeline.blobs.exists(meta)) continue;
    fresh.push(m);
  }
  await pipeline.queue.send(fresh);
  return { queued: fresh.length, note: `${kind}, ${messages.length} entries, ${messages.length - fresh.length} already seen` };
}

/** `claimwire ingest`: one-off ingestion of feeds, pages or files through the full local path. */
export async function ingestCommand(inputs: string[], values: CliValues): Promise<number> {
  if (inputs.length === 0) throw new ConfigError('ingest needs at least one feed URL, page URL or file');
  return withLocalPipeline(values, async (pipeline) => {
    const progress = new Progress(!values.json);
    const stopTracking = trackProgress(pipeline, progress);
    let errors = 0;
    for (const input of inputs) {
      try {
        const { queued, note } = await enqueueInput(pipeline, input, values.force ?? false);
        progress.update(`${input}: ${note}; ${queued} queued`, true);
      } catch (error) {
        errors++;
        progress.update(`${input}: ${(error as Error).message}`, true);
        if (!(error instanceof FetchRefusedError || error instanceof ConfigError || error instanceof FeedParseError)) {
          process.stderr.write(`${(error as Error).stack}\n`);
        }
      }
    }
    await pipeline.idle();
    stopTracking();
    progress.done();
    const failed = await reportIngest(pipeline, values);
    void failed;
    return errors > 0 ? 1 : 0;
  });
}
