import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../local/site-server.ts';
import { claimwire } from '../helpers/cli.ts';
import type { ArticleRecord, ClaimRecord } from '../../shared/types.ts';

const SITE = join(import.meta.dirname, '../fixtures/sites/harbor-gazette');

interface ExpectedClaim {
  speaker: string;
  aliases?: string[];
  cue: string;
  stance: string;
  negated?: boolean;
}
interface ExpectedArticle {
  title: string;
  authors: string[];
  publishedAt: string;
  siteName: string;
  textIncludes: string[];
  textExcludes: string[];
  claims: ExpectedClaim[];
}

function jsonLines<T>(stdout: string): T[] {
  return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** A stored claim matches when its speaker names the expected one, its cue contains the expected cue and stances agree. */
function matches(claim: ClaimRecord, want: ExpectedClaim): boolean {
  const names = [want.speaker, ...(want.aliases ?? [])].map(norm);
  const speaker = norm(claim.speaker ?? claim.source?.text ?? '');
  return (
    speaker.length > 0 &&
    names.some((n) => speaker.includes(n) || n.includes(speaker)) &&
    norm(claim.cue.text).includes(norm(want.cue)) &&
    claim.stance === want.stance &&
    (want.negated === undefined || claim.negated === want.negated)
  );
}

describe('ingesting an unseen news site end to end (feed → fetch → S3 → event → process → DynamoDB)', () => {
  let site: Awaited<ReturnType<typeof startSiteServer>>;
  let dataDir: string;
  let expected: { siteName: string; robots: { mustNotFetch: string[] }; articles: Record<string, ExpectedArticle> };
  let first: { code: number; stderr: string };
  let articles: ArticleRecord[];

  beforeAll(async () => {
    expected = JSON.parse(await readFile(join(SITE, 'expected.json'), 'utf8'));
    site = await startSiteServer(SITE);
    dataDir = await mkdtemp(join(tmpdir(), 'claimwire-e2e-'));
    first = await claimwire(['ingest', '--allow-private-network', '--min-host-interval', '0', '--data-dir', dataDir, `${site.url}/feed.xml`]);
    articles = jsonLines<ArticleRecord>((await claimwire(['articles', '--json', '--data-dir', dataDir])).stdout);
  }, 600_000);
  afterAll(async () => site?.close());

  it('ingests every article of the feed, under canonical URLs without tracking parameters', () => {
    expect(first.code, first.stderr).toBe(0);
    const paths = articles.map((a) => new URL(a.canonicalUrl).pathname).sort();
    expect(paths).toEqual(Object.keys(expected.articles).sort());
    for (const a of articles) expect(a.canonicalUrl).not.toMatch(/utm_/);
  });

  it('honours robots.txt (the disallowed draft is never requested), names itself in the User-Agent, reads the feed once', () => {
    const fetched = site.requests.map((r) => r.path.split('?')[0]);
    expect(fetched.filter((p) => p === '/feed.xml')).toHaveLength(1);
    for (const path of expected.robots.mustNotFetch) expect(fetched).not.toContain(path);
    expect(fetched).toContain('/robots.txt');
    for (const r of site.requests) expect(r.userAgent).toMatch(/claimwire/);
  });

  it('extracts title, authors, date, site name and clean text of each article', async () => {
    for (const [path, want] of Object.entries(expected.articles)) {
      const { stdout, code } = await claimwire(['article', `${site.url}${path}?utm_source=rss`, '--json', '--data-dir', dataDir]);
      expect(code, path).toBe(0);
      const got = JSON.parse(stdout) as ArticleRecord & { text: string; claims: ClaimRecord[] };
      expect(got.title, path).toBe(want.title);
      expect(got.authors, path).toEqual(want.authors);
      expect(Date.parse(got.publishedAt ?? ''), path).toBe(Date.parse(want.publishedAt));
      expect(got.siteName, path).toBe(want.siteName);
      for (const s of want.textIncludes) expect(got.text, path).toContain(s);
      for (const s of want.textExcludes) expect(got.text, path).not.toContain(s);
    }
  }, 300_000);

  it('finds the attributed claims with their speakers and stances', async () => {
    const claims = jsonLines<ClaimRecord>((await claimwire(['claims', '--json', '--limit', '10000', '--data-dir', dataDir])).stdout);
    const byArticle = new Map(articles.map((a) => [new URL(a.canonicalUrl).pathname, a.articleId]));
    const missing: string[] = [];
    let total = 0;
    for (const [path, want] of Object.entries(expected.articles)) {
      const mine = claims.filter((c) => c.articleId === byArticle.get(path));
      for (const w of want.claims) {
        total++;
        if (!mine.some((c) => matches(c, w))) missing.push(`${path}: ${w.speaker} ${w.cue} (${w.stance})`);
      }
      for (const c of mine) expect(c.content.text.length, path).toBeGreaterThan(0);
    }
    expect(missing, `${missing.length} of ${total} expected claims not found`).toEqual([]);
  });

  it('changes nothing when the same feed is ingested again', async () => {
    const before = (await claimwire(['claims', '--json', '--limit', '10000', '--data-dir', dataDir])).stdout;
    const again = await claimwire(['ingest', '--allow-private-network', '--min-host-interval', '0', '--data-dir', dataDir, `${site.url}/feed.xml`]);
    expect(again.code, again.stderr).toBe(0);
    const after = jsonLines<ArticleRecord>((await claimwire(['articles', '--json', '--data-dir', dataDir])).stdout);
    expect(after).toEqual(articles);
    expect((await claimwire(['claims', '--json', '--limit', '10000', '--data-dir', dataDir])).stdout).toBe(before);
  }, 300_000);
});
