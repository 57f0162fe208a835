import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/errors.ts';
import { loadSources, parseSources } from '../../shared/discover/index.ts';

const good = { id: 'bbc-world', type: 'feed', url: 'https://feeds.bbci.co.uk/news/world/rss.xml' };

/** A config whose sources[1] is `bad` (sources[0] is valid, so the index in the message matters). */
const withSecond = (bad: unknown) => ({ sources: [good, bad] });

describe('parseSources', () => {
  it('fills in defaults and keeps optional fields', () => {
    const config = parseSources(
      {
        userAgent: 'claimwire-test/1',
        allowPrivateNetwork: true,
        sources: [good, { id: 'site.map_2', type: 'sitemap', url: 'http://example.com/sitemap.xml', name: 'Site', enabled: false, maxItems: 10, minIntervalMs: 60000 }],
      },
      'sources.json',
    );
    expect(config).toEqual({
      userAgent: 'claimwire-test/1',
      allowPrivateNetwork: true,
      sources: [
        { ...good, enabled: true, maxItems: 50 },
        { id: 'site.map_2', type: 'sitemap', url: 'http://example.com/sitemap.xml', name: 'Site', enabled: false, maxItems: 10, minIntervalMs: 60000 },
      ],
    });
  });

  it.each([
    ['root not an object', [good], 'sources.json: (root): must be an object with a "sources" array, got an array'],
    ['sources missing', {}, 'sources.json: sources: must be an array, got nothing'],
    ['unknown top-level key', { sources: [], feeds: [] }, 'sources.json: feeds: unknown key'],
    ['userAgent not a string', { sources: [], userAgent: 7 }, 'sources.json: userAgent: must be a non-empty single-line string, got 7'],
    ['userAgent with a newline', { sources: [], userAgent: 'a\nX-Evil: 1' }, 'sources.json: userAgent: must be a non-empty single-line string'],
    ['allowPrivateNetwork not boolean', { sources: [], allowPrivateNetwork: 'yes' }, 'sources.json: allowPrivateNetwork: must be true or false, got "yes"'],
    ['source not an object', withSecond('https://x.example/feed'), 'sources.json: sources[1]: must be an object, got "https://x.example/feed"'],
    ['non-http url', withSecond({ id: 'x', type: 'feed', url: 'ftp://x' }), 'sources.json: sources[1].url: must be an http(s) URL, got "ftp://x"'],
    ['relative url', withSecond({ id: 'x', type: 'feed', url: '/feed.xml' }), 'sources.json: sources[1].url: must be an http(s) URL, got "/feed.xml"'],
    ['missing url', withSecond({ id: 'x', type: 'feed' }), 'sources.json: sources[1].url: must be an http(s) URL, got nothing'],
    ['credentials in url', withSecond({ id: 'x', type: 'feed', url: 'https://user:secret@x.example/feed' }), 'sources.json: sources[1].url: must not contain a user name or password, got "https://***@x.example"'],
    ['unknown type', withSecond({ id: 'x', type: 'rss', url: 'https://x.example/' }), 'sources.json: sources[1].type: must be one of "feed", "sitemap", "url", got "rss"'],
    ['duplicate id', withSecond({ ...good, url: 'https://x.example/' }), 'sources.json: sources[1].id: duplicate id "bbc-world" (also used by sources[0])'],
    ['id with spaces', withSecond({ id: 'bbc world', type: 'feed', url: 'https://x.example/' }), 'sources.json: sources[1].id: must be 1-64 letters, digits, ".", "_" or "-" (starting with a letter or digit), got "bbc world"'],
    ['id missing', withSecond({ type: 'feed', url: 'https://x.example/' }), 'sources.json: sources[1].id: must be 1-64 letters'],
    ['unknown source key', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', intervall: 5 }), 'sources.json: sources[1].intervall: unknown key (expected one of id, type, url, name, enabled, maxItems, minIntervalMs)'],
    ['empty name', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', name: ' ' }), 'sources.json: sources[1].name: must be a non-empty string, got " "'],
    ['enabled as string', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', enabled: 'false' }), 'sources.json: sources[1].enabled: must be true or false, got "false"'],
    ['maxItems zero', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', maxItems: 0 }), 'sources.json: sources[1].maxItems: must be an integer from 1 to 5000, got 0'],
    ['maxItems fractional', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', maxItems: 2.5 }), 'sources.json: sources[1].maxItems: must be an integer from 1 to 5000, got 2.5'],
    ['minIntervalMs negative', withSecond({ id: 'x', type: 'feed', url: 'https://x.example/', minIntervalMs: -1 }), 'sources.json: sources[1].minIntervalMs: must be a whole number of milliseconds >= 0, got -1'],
  ])('rejects %s, naming the field', (_case, json, message) => {
    const attempt = () => parseSources(json, 'sources.json');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});

describe('loadSources', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimwire-sources-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the shipped sources.json', async () => {
    const config = await loadSources('sources.json');
    expect(config.sources.length).toBeGreaterThanOrEqual(5);
    expect(config.sources.filter((s) => s.enabled && s.type === 'feed').length).toBeGreaterThanOrEqual(5);
  });

  it('names the path when the file is missing', async () => {
    const path = join(dir, 'nope.json');
    await expect(loadSources(path)).rejects.toThrow(new ConfigError(`${path}: file not found`));
  });

  it('names the path when the JSON is invalid', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{ "sources": [ }');
    await expect(loadSources(path)).rejects.toThrow(ConfigError);
    await expect(loadSources(path)).rejects.toThrow(`${path}: invalid JSON:`);
  });

  it('prefixes validation errors with the path', async () => {
    const path = join(dir, 'ftp.json');
    await writeFile(path, JSON.stringify({ sources: [{ id: 'a', type: 'feed', url: 'ftp://x' }] }));
    await expect(loadSources(path)).rejects.toThrow(`${path}: sources[0].url: must be an http(s) URL, got "ftp://x"`);
  });
});
