import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../shared/errors.ts';
import { FeedParseError, parseFeed, type DiscoveredDocument } from '../../shared/discover/index.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));

// One case per fixture: the file, the URL it is "served" from, and everything a user would see.
const cases: Array<[file: string, url: string, expected: DiscoveredDocument]> = [
  [
    'rss2.xml',
    'https://news.example.com/feed.xml',
    {
      kind: 'feed',
      format: 'rss',
      title: 'Harbour Gazette & Times',
      items: [
        {
          // Tracking parameters pass through untouched: shared/fetch canonicalises, once, for everyone.
          url: 'https://news.example.com/2026/11/sea-wall?utm_source=rss&utm_medium=feed&id=7',
          title: 'Council approves new sea wall',
          publishedAt: '2026-11-24T08:30:00.000Z',
          authors: ['Ana Lopes'],
        },
        {
          url: 'https://news.example.com/2026/11/ferry-strike?utm_campaign=morning&fbclid=abc123',
          title: 'Ferry strike ends after talks',
          publishedAt: '2026-11-25T05:15:00.000Z',
          authors: ['Ben Okafor'],
        },
        { url: 'https://news.example.com/2026/11/guid-only', title: 'Guid-only item', publishedAt: '2026-11-24T03:00:00.000Z' },
      ],
    },
  ],
  [
    'rdf.xml',
    'https://wire.example.org/rss',
    {
      kind: 'feed',
      format: 'rdf',
      title: 'Example Wire (RSS 1.0)',
      items: [
        { url: 'https://wire.example.org/story/1', title: 'Minister denies budget leak', publishedAt: '2026-11-24T07:00:00.000Z', authors: ['Clara Weiss'] },
        { url: 'https://wire.example.org/story/2', title: 'Port traffic rises', publishedAt: '2026-11-25T00:00:00.000Z' },
      ],
    },
  ],
  [
    'atom.xml',
    'https://feeds.example.net/newsroom.atom',
    {
      kind: 'feed',
      format: 'atom',
      title: 'Example Net Newsroom',
      items: [
        {
          url: 'https://blog.example.net/news/2026/storm-warning',
          title: "Relative link resolved against the feed's xml:base",
          publishedAt: '2026-11-25T06:45:00.000Z',
          modifiedAt: '2026-11-25T09:00:00.000Z',
          authors: ['Dana Kim', 'Eli Moreau'],
        },
        { url: 'https://archive.example.net/2026/rail-fares.html', title: 'Entry with its own xml:base', modifiedAt: '2026-11-24T12:00:00.000Z' },
        { url: 'https://blog.example.net/elsewhere/harbour-fire', title: 'Root-relative link', modifiedAt: '2026-11-23T23:30:00.000Z' },
      ],
    },
  ],
  [
    'feed.json',
    'https://json.example.com/feed.json',
    {
      kind: 'feed',
      format: 'json',
      title: 'Example JSON Daily',
      items: [
        {
          url: 'https://json.example.com/2026/11/25/election-results',
          title: 'Election results certified',
          publishedAt: '2026-11-25T13:00:00.000Z',
          authors: ['Farah Nasser', 'Gus Lee'],
        },
        { url: 'https://json.example.com/2026/11/24/relative-item', title: 'A relative item URL', publishedAt: '2026-11-24T12:00:00.000Z', authors: ['Legacy Author'] },
        { url: 'https://other.example.org/linked-story', title: 'Only an external URL', modifiedAt: '2026-11-23T08:00:00.000Z' },
      ],
    },
  ],
  [
    'sitemap.xml',
    'https://site.example.com/sitemap.xml',
    {
      kind: 'sitemap',
      format: 'sitemap',
      items: [
        { url: 'https://site.example.com/politics/vote-delayed', modifiedAt: '2026-11-25T08:00:00.000Z' },
        { url: 'https://site.example.com/business/q3-results?a=1&b=2', modifiedAt: '2026-11-24T00:00:00.000Z' },
        { url: 'https://site.example.com/about' },
      ],
    },
  ],
  [
    'sitemap-index.xml',
    'https://site.example.com/sitemap_index.xml',
    {
      kind: 'sitemap-index',
      format: 'sitemap-index',
      items: [
        { url: 'https://site.example.com/sitemaps/news.xml', modifiedAt: '2026-11-25T09:00:00.000Z' },
        { url: 'https://site.example.com/sitemaps/2026-11.xml', modifiedAt: '2026-11-20T00:00:00.000Z' },
      ],
    },
  ],
  [
    'news-sitemap.xml',
    'https://site.example.com/news.xml',
    {
      kind: 'sitemap',
      format: 'news-sitemap',
      items: [
        { url: 'https://site.example.com/world/summit-ends', title: 'Summit ends with joint statement', publishedAt: '2026-11-25T10:20:00.000Z' },
        {
          url: 'https://site.example.com/world/talks-stall',
          title: 'Talks stall over "red lines" & tariffs',
          publishedAt: '2026-11-24T00:00:00.000Z',
          modifiedAt: '2026-11-25T00:00:00.000Z',
        },
      ],
    },
  ],
];

describe('parseFeed fixtures', () => {
  it.each(cases)('%s', (file, url, expected) => {
    expect(parseFeed(fixture(file), { url, contentType: 'application/xml' })).toEqual(expected);
  });

  it('detects the format by content, not by a wrong Content-Type', () => {
    expect(parseFeed(fixture('atom.xml'), { url: 'https://x.example/f', contentType: 'text/html' }).format).toBe('atom');
    expect(parseFeed(fixture('feed.json'), { url: 'https://x.example/f', contentType: 'text/plain' }).format).toBe('json');
  });

  it('rejects broken.xml with a permanent FeedParseError naming the URL and the root element', () => {
    const attempt = () => parseFeed(fixture('broken.xml'), { url: 'https://x.example/broken.xml' });
    expect(attempt).toThrow(FeedParseError);
    expect(attempt).toThrow(/^https:\/\/x\.example\/broken\.xml: not a feed or sitemap \(root element <html>\)/);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(PermanentError);
    }
  });

  it.each([
    ['an empty body', '', /empty body/],
    ['plain text', 'Service Unavailable', /not a feed or sitemap \(no XML root element\)/],
    ['JSON that is not a JSON Feed', '{"error":"nope"}', /JSON is not a JSON Feed/],
    ['truncated JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[', /looks like JSON but does not parse/],
    ['a malformed sitemap', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://a.example/</url></urlset>', /malformed sitemap XML: 2:\d+: unexpected close tag/],
    ['a sitemap with DOCTYPE entities (XXE)', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>https://a.example/&x;</loc></url></urlset>', /malformed sitemap XML: .*undefined entity/],
  ])('rejects %s with FeedParseError', (_case, body, message) => {
    expect(() => parseFeed(body, { url: 'https://x.example/f' })).toThrow(FeedParseError);
    expect(() => parseFeed(body, { url: 'https://x.example/f' })).toThrow(message);
  });
});

describe('parseFeed details', () => {
  const rss = (item: string, head = '<?xml version="1.0" encoding="UTF-8"?>') =>
    `${head}<rss version="2.0"><channel><title>T</title><item>${item}</item></channel></rss>`;

  it.each([
    ['RFC 822 with GMT', 'Tue, 24 Nov 2026 08:30:00 GMT', '2026-11-24T08:30:00.000Z'],
    ['RFC 822 with offset', 'Wed, 25 Nov 2026 06:15:00 +0100', '2026-11-25T05:15:00.000Z'],
    ['RFC 822 with a US zone name', 'Mon, 23 Nov 2026 22:00:00 EDT', '2026-11-24T02:00:00.000Z'],
    ['RFC 822 with a European zone name', 'Tue, 24 Nov 2026 08:30:00 CET', '2026-11-24T07:30:00.000Z'],
    ['RFC 822 without weekday or seconds', '24 Nov 2026 08:30 GMT', '2026-11-24T08:30:00.000Z'],
    ['ISO-like with a space and offset', '2026-11-24 08:30:00 +0100', '2026-11-24T07:30:00.000Z'],
    ['ISO 8601 with offset', '2026-11-24T09:00:00+02:00', '2026-11-24T07:00:00.000Z'],
    ['ISO 8601 without zone (read as UTC)', '2026-11-24T09:00:00', '2026-11-24T09:00:00.000Z'],
    ['date only', '2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['garbage', 'yesterday-ish', undefined],
    ['a bare number', '1', undefined],
  ])('normalises a pubDate given as %s to ISO', (_case, raw, iso) => {
    const [item] = parseFeed(rss(`<link>https://a.example/1</link><pubDate>${raw}</pubDate>`), { url: 'https://a.example/rss' }).items;
    expect(item?.publishedAt).toBe(iso);
  });

  it.each([
    ['a path-relative link', 'story/1', 'https://a.example/news/story/1'],
    ['a root-relative link', '/story/2', 'https://a.example/story/2'],
    ['a protocol-relative link', '//cdn.example.org/story/3', 'https://cdn.example.org/story/3'],
    ['a link with spaces around it', '  https://b.example/x  ', 'https://b.example/x'],
  ])('resolves %s against the feed URL', (_case, link, url) => {
    const doc = parseFeed(rss(`<link>${link}</link>`), { url: 'https://a.example/news/rss.xml' });
    expect(doc.items.map((i) => i.url)).toEqual([url]);
  });

  it.each([
    ['escaped markup in an Atom type="html" title', '<title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more &amp;#8217;s</title>', 'Bold & more \u2019s'],
    ['a plain text title with an ampersand', '<title>AT&amp;T &lt;3 rates</title>', 'AT&T <3 rates'],
  ])('cleans %s', (_case, title, expected) => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry>${title}<id>x</id><link href="https://a.example/2"/><updated>2026-11-01T00:00:00Z</updated></entry></feed>`;
    expect(parseFeed(atom, { url: 'https://a.example/atom' }).items[0]?.title).toBe(expected);
  });

  it('drops items whose link is not http(s)', () => {
    const doc = parseFeed(rss('<link>javascript:alert(1)</link>'), { url: 'https://a.example/rss' });
    expect(doc.items).toEqual([]);
  });

  it('decodes a legacy charset from the XML declaration', () => {
    const body = Buffer.from(rss('<title>Caf\u00e9 cr\u00e8me \u00e0 Gen\u00e8ve</title><link>https://a.example/1</link>', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1');
    expect(parseFeed(body, { url: 'https://a.example/rss' }).items[0]?.title).toBe('Café crème à Genève');
  });

  it('lets the Content-Type charset win over the XML declaration (RFC 7303)', () => {
    const body = Buffer.from(rss('<title>\u00e9t\u00e9</title><link>https://a.example/1</link>'), 'latin1');
    expect(parseFeed(body, { url: 'https://a.example/rss', contentType: 'application/rss+xml; charset=windows-1252' }).items[0]?.title).toBe('été');
  });

  it('repairs bare ampersands in sitemap URLs instead of rejecting the file', () => {
    const doc = parseFeed('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/s?a=1&b=2&amp;c=3</loc></url></urlset>', { url: 'https://a.example/s.xml' });
    expect(doc.items).toEqual([{ url: 'https://a.example/s?a=1&b=2&c=3' }]);
  });

  it('does not take an image title for a news title', () => {
    const doc = parseFeed(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://a.example/i</loc><image:image><image:loc>https://a.example/i.jpg</image:loc><image:title>Pic</image:title></image:image></url></urlset>',
      { url: 'https://a.example/s.xml' },
    );
    expect(doc).toEqual({ kind: 'sitemap', format: 'sitemap', items: [{ url: 'https://a.example/i' }] });
  });

  it('reads a gzipped sitemap served without Content-Encoding', () => {
    const doc = parseFeed(gzipSync(fixture('sitemap.xml')), { url: 'https://site.example.com/sitemap.xml.gz', contentType: 'application/gzip' });
    expect(doc.items).toHaveLength(3);
  });
});
