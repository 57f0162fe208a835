import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStores, type EmbeddedStores } from '../helpers/embedded.ts';
import { articleRecordFactory, claimRecordFactory } from '../helpers/factories.ts';

describe('DynamoArticleStore on the embedded DynamoDB', () => {
  let stores: EmbeddedStores;
  beforeAll(async () => {
    stores = await startEmbeddedStores();
  });
  afterAll(async () => stores?.stop());

  it('never lets a record from an older raw object (lower sequencer) replace a newer one', async () => {
    // Prepare
    const id = '1'.repeat(24);
    await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '00B0', title: 'newer' }));
    // Act
    const older = await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '00A0', title: 'older' }));
    // Assess
    expect(older.written).toBe(false);
    expect((await stores.articles.getArticle(id))?.title).toBe('newer');
  });

  it('compares sequencers of different lengths as right-padded hex', async () => {
    const id = '2'.repeat(24);
    await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '0062E99A88DC407460', title: 'long' }));
    // '0062E99A88DC4074' pads to ...00: lower than the stored one.
    const shorter = await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '0062E99A88DC4074', title: 'short' }));
    expect(shorter.written).toBe(false);
    const newer = await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '0062E99A88DC4075', title: 'newer' }));
    expect(newer.written).toBe(true);
  });

  it('returns the replaced record so stale claims can be removed', async () => {
    const id = '3'.repeat(24);
    await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '01', claimIds: ['x', 'y'] }));
    const second = await stores.articles.putArticle(articleRecordFactory({ articleId: id, sequencer: '02', claimIds: ['x'] }));
    expect(second.written).toBe(true);
    expect(second.written && second.previous?.claimIds).toEqual(['x', 'y']);
  });

  it('finds an article by URL and lists a site newest first, by day and since a date', async () => {
    const site = 'listing.example';
    const mk = (n: number, publishedAt: string) =>
      articleRecordFactory({ articleId: String(n).repeat(24).slice(0, 24), site, url: `https://${site}/${n}`, publishedAt });
    await stores.articles.putArticle(mk(4, '2026-03-01T08:00:00+02:00'));
    await stores.articles.putArticle(mk(5, '2026-03-02T08:00:00Z'));
    await stores.articles.putArticle(mk(6, '2026-02-27T23:30:00-05:00'));

    const bySite = await stores.articles.queryArticles({ site });
    expect(bySite.map((a) => a.url)).toEqual([`https://${site}/5`, `https://${site}/4`, `https://${site}/6`]);
    // The -05:00 date is 28 February in UTC.
    expect((await stores.articles.queryArticles({ day: '2026-02-28' })).map((a) => a.url)).toEqual([`https://${site}/6`]);
    expect((await stores.articles.queryArticles({ site, since: '2026-03-01' })).length).toBe(2);
    expect((await stores.articles.findArticleByUrl(`https://${site}/4`))?.articleId).toBe('4'.repeat(24));
    // Storage-only attributes stay out of the records users see.
    expect(Object.keys(bySite[0]!)).not.toContain('sortKey');
  });

  it('stores, queries and deletes claims by article, speaker (exact or partial) and stance, newest first', async () => {
    const articleId = '7'.repeat(24);
    const older = claimRecordFactory({ articleId, claimId: 'c-old', publishedAt: '2026-01-01T00:00:00Z', cue: { text: 'denied', start: 10, end: 16 } });
    const newer = claimRecordFactory({ articleId, claimId: 'c-new', publishedAt: '2026-01-05T00:00:00Z', cue: { text: 'denied', start: 30, end: 36 } });
    const other = claimRecordFactory({ articleId, claimId: 'c-assert', stance: 'assert', speaker: 'Maria Esteves', cue: { text: 'said', start: 50, end: 54 } });
    await stores.articles.putClaims([older, newer, other]);

    expect((await stores.articles.queryClaims({ articleId })).map((c) => c.claimId)).toEqual(['c-old', 'c-new', 'c-assert']);
    expect((await stores.articles.queryClaims({ speaker: 'ministry of ports' })).map((c) => c.claimId)).toEqual(['c-new', 'c-old']);
    expect((await stores.articles.queryClaims({ speaker: 'Esteves' })).map((c) => c.claimId)).toEqual(['c-assert']);
    expect((await stores.articles.queryClaims({ stance: 'deny' })).map((c) => c.claimId)).toEqual(['c-new', 'c-old']);

    await stores.articles.deleteClaims(articleId, ['c-old']);
    expect((await stores.articles.queryClaims({ articleId })).map((c) => c.claimId)).toEqual(['c-new', 'c-assert']);
  });

  it('writes more than one BatchWriteItem worth of claims (over 25)', async () => {
    const articleId = '8'.repeat(24);
    const claims = Array.from({ length: 60 }, (_, i) => claimRecordFactory({ articleId, claimId: `bulk-${String(i).padStart(2, '0')}`, cue: { text: 'said', start: i, end: i + 4 } }));
    await stores.articles.putClaims(claims);
    expect(await stores.articles.queryClaims({ articleId, limit: 1000 })).toHaveLength(60);
  });

  it('keeps a claim with a 600 KB quote under the 400 KB item limit, offsets intact and marked truncated', async () => {
    const long = 'the river will rise again '.repeat(24_000);
    const claim = claimRecordFactory({ articleId: '9'.repeat(24), claimId: 'huge', content: { text: long, start: 20, end: 20 + long.length } });
    await stores.articles.putClaims([claim]);
    const [stored] = await stores.articles.queryClaims({ articleId: claim.articleId });
    expect(stored!.content.end - stored!.content.start).toBe(long.length);
    expect(stored!.content.text.length).toBeLessThan(long.length);
    expect((stored as unknown as { truncated?: boolean }).truncated).toBe(true);
  });
});
