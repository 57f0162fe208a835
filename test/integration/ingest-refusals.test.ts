import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runProcess as exec } from '../helpers/cli.ts';


/** True when this machine lets us make a network namespace with only loopback (root, util-linux). */
function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('claimwire ingest refuses internal targets and sends nothing', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'claimwire-refuse-'));
    server = createServer((_req, res) => {
      requests++;
      res.end('<rss version="2.0"><channel><title>x</title></channel></rss>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Every spelling points at the loopback server above: if the guard failed, the
  // request would land there (and be counted), never leave the machine.
  const spellings = (p: number) => [
    `http://127.0.0.1:${p}/feed.xml`,
    `http://localhost:${p}/feed.xml`,
    `http://2130706433:${p}/feed.xml`,
    `http://0x7f.1:${p}/feed.xml`,
    `http://017700000001:${p}/feed.xml`,
    `http://127.1:${p}/feed.xml`,
    `http://[::ffff:127.0.0.1]:${p}/feed.xml`,
    `http://[::ffff:7f00:1]:${p}/feed.xml`,
  ];

  it('refuses loopback in every spelling without --allow-private-network, naming the rule', async () => {
    const results = await Promise.all(
      spellings(port).map(async (url, i) => ({ url, ...(await exec(process.execPath, [BIN, 'ingest', '--data-dir', join(dataDir, `s${i}`), url])) })),
    );
    for (const { url, code, stderr } of results) {
      expect(code, `${url}\n${stderr}`).toBe(1);
      expect(stderr, url).toMatch(/rule "loopback"/);
    }
    expect(requests).toBe(0);
  }, 300_000);

  it('reaches the same server once --allow-private-network is given (the refusal above was the guard)', async () => {
    const { stderr } = await exec(process.execPath, [BIN, 'ingest', '--allow-private-network', '--data-dir', dataDir, `http://127.0.0.1:${port}/feed.xml`]);
    expect(requests).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/rule "loopback"/);
  });

  // Metadata and link-local targets are tried only inside a network namespace that has
  // nothing but loopback, so even a broken guard could not send a packet out.
  it.skipIf(!canUnshare())('refuses cloud metadata endpoints even with --allow-private-network', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/latest/', 'http://[::ffff:169.254.169.254]/', 'http://2852039166/']) {
      // The namespace's loopback is brought up for the embedded S3/DynamoDB servers; nothing else exists there.
      const { code, stderr } = await exec('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, BIN, 'ingest', '--allow-private-network', '--data-dir', dataDir, url]);
      expect(code, url).toBe(1);
      expect(stderr, url).toMatch(/rule "(metadata|link-local)"/);
    }
  }, 300_000);
});
