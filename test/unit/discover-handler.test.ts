import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createDiscoverHandler } from '../../functions/discover/handler.ts';
import { createLogger } from '../../shared/log.ts';
import type { BlobStore, FetchMessage } from '../../shared/ports.ts';

/** A bucket in memory: enough for discovery's seen-checks and validators. */
function memoryBlobs(): BlobStore {
  const objects = new Map<string, Uint8Array>();
  return {
    put: async (key, body) => void objects.set(key, typeof body === 'string' ? new TextEncoder().encode(body) : body),
    get: async (key) => (objects.has(key) ? { body: objects.get(key)!, contentType: null, metadata: {}, lastModified: null } : null),
    exists: async (key) => objects.has(key),
    list: async function* () {},
    delete: async (key) => void objects.delete(key),
  };
}

const rss = (links: string[]) =>
  new TextEncoder().encode(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${links.map((l) => `<item><title>x</title><link>${l}</link></item>`).join('')}</channel></rss>`);

describe('discover handler', () => {
  it('passes a deadline below the remaining Lambda time to every feed fetch and queues new URLs once', async () => {
    // Prepare
    const deadlines: Array<number | undefined> = [];
    const sent: FetchMessage[] = [];
    const handler = createDiscoverHandler({
      fetchFeed: async (url, options) => {
        deadlines.push((options as { deadline?: number }).deadline);
        return { status: 200, finalUrl: url, headers: { 'content-type': 'application/rss+xml' }, body: rss(['https://news.example/a?utm_source=rss', 'https://news.example/a', 'https://news.example/b']), notModified: false };
      },
      blobs: memoryBlobs(),
      queue: { send: async (m) => void sent.push(...m) },
      logger: createLogger('test', 'ERROR'),
      sources: async () => [{ id: 'one', type: 'feed', url: 'https://news.example/feed.xml' }],
    });
    const context = { getRemainingTimeInMillis: () => 60_000 } as Context;
    const before = Date.now();
    // Act
    const result = await handler(undefined, context);
    // Assess
    expect(result).toEqual({ sources: 1, queued: 2, failed: 0 });
    expect(sent.map((m) => m.url).sort()).toEqual(['https://news.example/a?utm_source=rss', 'https://news.example/b'].sort());
    expect(deadlines[0]).toBeGreaterThanOrEqual(before + 50_000);
    expect(deadlines[0]).toBeLessThanOrEqual(Date.now() + 55_000);
  });
});
