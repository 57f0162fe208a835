import { parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import type { DiscoveredDocument, DiscoveredItem } from './types.ts';
import { decodeBody, FeedParseError } from './decode.ts';
import { isSitemapRoot, parseSitemap, rootElementName } from './sitemap.ts';
import { cleanText, resolveHttpUrl, toIsoDate, uniqueNames } from './normalize.ts';

export interface ParseFeedOptions {
  /** The URL the body came from (after redirects): relative links resolve against it. */
  url: string;
  contentType?: string | null;
}

/**
 * Reads a feed or sitemap of any supported format into one shape, so the
 * pipeline never cares which format a site publishes. Detection is by content,
 * not Content-Type (servers mislabel feeds constantly): RSS 2.0, RSS 1.0/RDF,
 * Atom and JSON Feed through feedsmith; sitemap urlset, Google news sitemap
 * and sitemap index here. Item URLs are absolute; dates are ISO 8601 UTC.
 *
 * @throws FeedParseError (permanent) when the body is none of those formats.
 * @example
 * const doc = parseFeed(bytes, { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', contentType: 'text/xml' });
 * // { kind: 'feed', format: 'rss', title: 'BBC News', items: [{ url, title, publishedAt }, ...] }
 */
export function parseFeed(body: Uint8Array | string, opts: ParseFeedOptions): DiscoveredDocument {
  const text = decodeBody(body, opts.url, opts.contentType);
  const trimmed = text.trimStart();
  if (trimmed === '') throw new FeedParseError(`${opts.url}: empty body, expected a feed or sitemap`);

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonFeed(trimmed, opts.url);

  const root = rootElementName(trimmed);
  if (isSitemapRoot(root)) return parseSitemap(trimmed, opts.url);

  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(trimmed);
  } catch (error) {
    const what = root ? `root element <${root}>` : 'no XML root element';
    throw new FeedParseError(`${opts.url}: not a feed or sitemap (${what}): ${(error as Error).message}`, { cause: error });
  }
  return fromFeedsmith(parsed, opts.url);
}

function parseJsonFeed(text: string, url: string): DiscoveredDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`${url}: body looks like JSON but does not parse: ${(error as Error).message}`, { cause: error });
  }
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(json);
  } catch (error) {
    throw new FeedParseError(`${url}: JSON is not a JSON Feed: ${(error as Error).message}`, { cause: error });
  }
  return fromFeedsmith(parsed, url);
}

function fromFeedsmith(parsed: AnyFeed, base: string): DiscoveredDocument {
  const items: DiscoveredItem[] = [];
  const push = (item: Partial<DiscoveredItem>): void => {
    if (item.url === undefined) return; // nothing to fetch
    const clean = Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as unknown as DiscoveredItem;
    items.push(clean);
  };

  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      for (const item of feed.items ?? []) {
        // A guid is a permalink unless it says otherwise (RSS 2.0 spec).
        const guidLink = item.guid && item.guid.isPermaLink !== false ? item.guid.value : undefined;
        push({
          url: resolveHttpUrl(item.link, base) ?? resolveHttpUrl(guidLink, base),
          title: cleanText(item.title),
          publishedAt: toIsoDate(item.pubDate) ?? toIsoDate(item.dc?.dates?.[0]),
          authors: uniqueNames([...(item.authors ?? []).map((a) => a.name), ...(item.dc?.creators ?? [])]),
        });
      }
      return { kind: 'feed', format: 'rss', title: cleanText(feed.title), items };
    }
    case 'rdf': {
      const { feed } = parsed;
      for (const item of feed.items ?? []) {
        push({
          url: resolveHttpUrl(item.link, base) ?? resolveHttpUrl(item.rdf?.about, base),
          title: cleanText(item.title),
          publishedAt: toIsoDate(item.dc?.dates?.[0]),
          authors: uniqueNames(item.dc?.creators ?? []),
        });
      }
      return { kind: 'feed', format: 'rdf', title: cleanText(feed.title), items };
    }
    case 'atom': {
      const { feed } = parsed;
      // xml:base nests: entry base resolves against feed base, which resolves against the feed URL.
      const feedBase = resolveHttpUrl(feed.xml?.base, base) ?? base;
      for (const entry of feed.entries ?? []) {
        const entryBase = resolveHttpUrl(entry.xml?.base, feedBase) ?? feedBase;
        const links = entry.links ?? [];
        const alternate =
          links.find((l) => (l.rel === undefined || l.rel === 'alternate') && (l.type === undefined || /html/i.test(l.type))) ??
          links.find((l) => l.rel === undefined || l.rel === 'alternate');
        push({
          url: resolveHttpUrl(alternate?.href, entryBase),
          title: cleanText(entry.title?.value),
          publishedAt: toIsoDate(entry.published) ?? toIsoDate(entry.dc?.dates?.[0]),
          modifiedAt: toIsoDate(entry.updated),
          authors: uniqueNames([...(entry.authors ?? []).map((a) => a.name), ...(entry.dc?.creators ?? [])]),
        });
      }
      return { kind: 'feed', format: 'atom', title: cleanText(feed.title?.value), items };
    }
    case 'json': {
      const { feed } = parsed;
      for (const item of feed.items ?? []) {
        push({
          url: resolveHttpUrl(item.url, base) ?? resolveHttpUrl(item.external_url, base),
          title: cleanText(item.title),
          publishedAt: toIsoDate(item.date_published),
          modifiedAt: toIsoDate(item.date_modified),
          authors: uniqueNames((item.authors ?? feed.authors ?? []).map((a) => a.name)),
        });
      }
      return { kind: 'feed', format: 'json', title: cleanText(feed.title), items };
    }
  }
}
