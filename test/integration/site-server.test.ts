import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../local/site-server.ts';

/** Sends the request target byte for byte (fetch would normalise `..` away before it leaves). */
function rawGet(server: SiteServer, path: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

/** “Café — d’été” in windows-1252 bytes, declared only by a sidecar; `{{BASE}}` would be ASCII-safe here too. */
const legacyBytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x64, 0x92, 0xe9, 0x74, 0xe9, 0x94]);

describe('startSiteServer', () => {
  let root: string;
  let outside: string;
  let site: SiteServer;

  beforeAll(async () => {
    // Prepare: a small site and, next to it, a secret the server must never serve.
    outside = mkdtempSync(join(tmpdir(), 'claimwire-site-'));
    root = join(outside, 'site');
    mkdirSync(join(root, 'news', '2025'), { recursive: true });
    writeFileSync(join(outside, 'secret.txt'), 'outside the root\n');
    writeFileSync(join(root, 'index.html'), '<h1>Home</h1>');
    writeFileSync(join(root, 'news', '2025', 'index.html'), '<h1>Archive</h1>');
    writeFileSync(join(root, 'news', 'story.html'), '<p>Story</p>');
    writeFileSync(join(root, 'news', 'legacy.html'), legacyBytes);
    writeFileSync(join(root, 'news', 'legacy.html.headers.json'), JSON.stringify({ 'Content-Type': 'text/html; charset=windows-1252', 'x-fixture': 'legacy' }));
    writeFileSync(join(root, 'feed.xml'), '<rss><channel><link>{{BASE}}/</link><item><link>{{BASE}}/news/story.html</link></item></channel></rss>');
    writeFileSync(join(root, 'atom.xml'), '<feed xmlns="http://www.w3.org/2005/Atom"><link href="{{BASE}}/"/></feed>');
    writeFileSync(join(root, 'atom.xml.headers.json'), '{"content-type": "application/atom+xml; charset=utf-8"}');
    writeFileSync(join(root, 'data.json'), '{"home": "{{BASE}}/"}');
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow: /private/\n');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    site = await startSiteServer(root);
  });

  afterAll(async () => {
    await site?.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with an ephemeral port and reports its origin', () => {
    expect(site.port).toBeGreaterThan(0);
    expect(site.url).toBe(`http://127.0.0.1:${site.port}`);
  });

  it('refuses any host but loopback', async () => {
    await expect(startSiteServer(root, { host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('sets the content type from the extension', async () => {
    const cases: Array<[string, string]> = [
      ['/news/story.html', 'text/html; charset=utf-8'],
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/data.json', 'application/json; charset=utf-8'],
      ['/robots.txt', 'text/plain; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const response = await fetch(site.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
  });

  it('lets a sidecar .headers.json replace the content type and add headers, leaving the bytes alone', async () => {
    const response = await fetch(`${site.url}/news/legacy.html`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    expect(response.headers.get('x-fixture')).toBe('legacy');
    // Compared as bytes: Node 20's TextDecoder('windows-1252') maps 0x80–0x9F as latin1 (nodejs/node#56542).
    expect(Buffer.from(await response.arrayBuffer())).toEqual(legacyBytes);

    const atom = await fetch(`${site.url}/atom.xml`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  });

  it('does not serve the sidecar files themselves', async () => {
    expect((await fetch(`${site.url}/news/legacy.html.headers.json`)).status).toBe(404);
  });

  it('replaces {{BASE}} with its own origin so feed links are absolute', async () => {
    const rss = await (await fetch(`${site.url}/feed.xml`)).text();
    expect(rss).not.toContain('{{BASE}}');
    expect(rss).toContain(`<link>${site.url}/news/story.html</link>`);
    expect(await (await fetch(`${site.url}/data.json`)).json()).toEqual({ home: `${site.url}/` });
  });

  it('serves index.html for a directory and ignores the query string', async () => {
    expect(await (await fetch(`${site.url}/`)).text()).toBe('<h1>Home</h1>');
    expect(await (await fetch(`${site.url}/news/2025/`)).text()).toBe('<h1>Archive</h1>');
    const tracked = await fetch(`${site.url}/news/story.html?utm_source=rss&utm_medium=feed`);
    expect(tracked.status).toBe(200);
    expect(await tracked.text()).toBe('<p>Story</p>');
  });

  it('answers If-None-Match with 304 when the ETag matches, 200 otherwise', async () => {
    const first = await fetch(`${site.url}/feed.xml`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    await first.arrayBuffer();

    const again = await fetch(`${site.url}/feed.xml`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    const weakInList = await fetch(`${site.url}/feed.xml`, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(weakInList.status).toBe(304);

    const stale = await fetch(`${site.url}/feed.xml`, { headers: { 'if-none-match': '"stale"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toContain(site.url);
  });

  it('returns 404 for a missing file', async () => {
    const response = await fetch(`${site.url}/news/no-such-story.html`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found\n');
  });

  it('refuses path traversal, encoded or not, and symlinks out of the root', async () => {
    expect(await rawGet(site, '/../secret.txt')).toBe(403);
    expect(await rawGet(site, '/news/../../secret.txt')).toBe(403);
    expect(await rawGet(site, '/%2e%2e/secret.txt')).toBe(403);
    expect(await rawGet(site, '/news%2f..%2f..%2fsecret.txt')).toBe(403);
    expect(await rawGet(site, '/..%5csecret.txt')).toBe(403);
    expect(await rawGet(site, '/%E0%A4%A')).toBe(403);
    expect(await rawGet(site, '/escape.txt')).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${site.url}/feed.xml`, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetch(`${site.url}/feed.xml`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('records each request with its path and user-agent', async () => {
    const before = site.requests.length;
    await (await fetch(`${site.url}/robots.txt?probe=1`, { headers: { 'user-agent': 'claimwire-test/1.0' } })).text();
    await rawGet(site, '/news/story.html');
    expect(site.requests.slice(before)).toEqual([
      { path: '/robots.txt?probe=1', userAgent: 'claimwire-test/1.0' },
      { path: '/news/story.html', userAgent: undefined },
    ]);
  });
});

describe('the Meridian Courier demo site', () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSiteServer(fileURLToPath(new URL('../../local/demo-site', import.meta.url)));
  });
  afterAll(async () => site?.close());

  it('has a feed whose six absolute links all resolve', async () => {
    const rss = await (await fetch(`${site.url}/feed.xml`)).text();
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links).toHaveLength(6);
    for (const link of links) {
      expect(link.startsWith(`${site.url}/`), link).toBe(true);
      expect((await fetch(link)).status, link).toBe(200);
    }
  });

  it('serves the windows-1252 page with its charset in the header and real cp1252 bytes', async () => {
    const response = await fetch(`${site.url}/news/dravna-shelling-claims.html`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.includes(0x92)).toBe(true); // ’
    expect(new TextDecoder('windows-1252').decode(bytes)).toContain('René Colbert');
  });
});

/** WHATWG windows-1252 for 0x80–0x9F (Node 20's TextDecoder gets these wrong, nodejs/node#56542); other bytes are latin1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const decodeCp1252 = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');

interface ExpectedSite {
  siteName: string;
  feed: string;
  robots: { disallowed: string[]; mustNotFetch: string[] };
  articles: Record<string, { title: string; textIncludes: string[]; textExcludes: string[]; claims: Array<{ cue: string }> }>;
}

/** Keeps the end-to-end fixture honest: every expectation must be checkable against what the server really sends. */
describe('the Harbor Gazette fixture', () => {
  const root = fileURLToPath(new URL('../fixtures/sites/harbor-gazette', import.meta.url));
  const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as ExpectedSite;
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSiteServer(root);
  });
  afterAll(async () => site?.close());

  async function page(path: string): Promise<{ html: string; contentType: string | null }> {
    const response = await fetch(site.url + path);
    expect(response.status, path).toBe(200);
    const contentType = response.headers.get('content-type');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const html = /windows-1252/i.test(contentType ?? '') ? decodeCp1252(bytes) : new TextDecoder().decode(bytes);
    return { html, contentType };
  }

  it('serves an Atom feed whose tracked links cover every article plus the disallowed draft', async () => {
    const response = await fetch(site.url + expected.feed);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atom = await response.text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const links = [...atom.matchAll(/<entry>[\s\S]*?<link rel="alternate"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&')));
    for (const link of links) {
      expect(link.origin).toBe(site.url);
      expect(link.searchParams.get('utm_source')).toBe('rss');
      expect(link.searchParams.get('utm_medium')).toBe('feed');
    }
    expect(links.map((l) => l.pathname).sort()).toEqual([...Object.keys(expected.articles), ...expected.robots.mustNotFetch].sort());
  });

  it('disallows the draft the feed links to', async () => {
    const robots = await (await fetch(`${site.url}/robots.txt`)).text();
    for (const prefix of expected.robots.disallowed) expect(robots).toContain(`Disallow: ${prefix}`);
    for (const path of expected.robots.mustNotFetch) expect(expected.robots.disallowed.some((p) => path.startsWith(p))).toBe(true);
  });

  it('declares the windows-1252 page only in the HTTP header', async () => {
    const notUtf8 = Object.keys(expected.articles).filter((path) => {
      const bytes = readFileSync(join(root, path.endsWith('/') ? `${path}index.html` : path));
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return false;
      } catch {
        return true;
      }
    });
    expect(notUtf8).toEqual(['/stories/2025/04/05/school-merger-vote.html']);
    const { html, contentType } = await page(notUtf8[0]!);
    expect(contentType).toBe('text/html; charset=windows-1252');
    expect(html).not.toMatch(/<meta[^>]+charset/i);
    expect(html).toContain('Réjean Thibault said the merger would save about $900,000 a year');
  });

  it('has every expected title, sentence, boilerplate string and cue on its page', async () => {
    for (const [path, article] of Object.entries(expected.articles)) {
      const { html } = await page(path);
      expect(html, path).toContain(article.title);
      // Boilerplate must really be on the page, or asserting its absence from the clean text could never fail.
      for (const text of [...article.textIncludes, ...article.textExcludes.filter((t) => t !== 'â€')]) expect(html, path).toContain(text);
      for (const claim of article.claims) expect(html.toLowerCase(), `${path} ${claim.cue}`).toContain(claim.cue.toLowerCase());
    }
  });
});
