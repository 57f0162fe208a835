import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../../local/local-queue.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'claimwire-queue-'));
}

describe('LocalQueue (the local stand-in for SQS + redrive)', () => {
  it('redelivers only the messages a handler reports as failed, until they succeed', async () => {
    // Prepare
    const queue = new LocalQueue({ name: 'q', dlqDir: await tempDir(), retryDelayMs: 1, batchSize: 10 });
    const seen: string[] = [];
    queue.consume(async (event) => {
      for (const r of event.Records) seen.push(r.body);
      const failed = event.Records.filter((r) => r.body === 'b' && r.attributes.ApproximateReceiveCount === '1');
      return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    // Act
    for (const body of ['a', 'b', 'c']) queue.send(body);
    await queue.drain();
    // Assess: b delivered twice, a and c once.
    expect(seen.sort()).toEqual(['a', 'b', 'b', 'c']);
    expect(queue.stats).toMatchObject({ sent: 3, succeeded: 3, retried: 1, deadLettered: 0 });
  });

  it('dead-letters a message after maxReceiveCount deliveries, keeping its body and error', async () => {
    const dlqDir = await tempDir();
    const queue = new LocalQueue({ name: 'q', dlqDir, retryDelayMs: 1, maxReceiveCount: 3 });
    let deliveries = 0;
    queue.consume(async () => {
      deliveries++;
      throw new Error('database on fire');
    });
    queue.send('{"url":"https://x.example/1"}');
    await queue.drain();
    expect(deliveries).toBe(3);
    const files = await readdir(dlqDir);
    expect(files).toHaveLength(1);
    const record = JSON.parse(await readFile(join(dlqDir, files[0]!), 'utf8'));
    expect(record).toMatchObject({ queue: 'q', receiveCount: 3, body: '{"url":"https://x.example/1"}' });
    expect(record.lastError).toContain('database on fire');
  });
});
