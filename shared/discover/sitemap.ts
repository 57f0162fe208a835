import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DiscoveredDocument, DiscoveredItem } from './types.ts';
import { FeedParseError } from './decode.ts';
import { resolveHttpUrl, toIsoDate, cleanText } from './normalize.ts';

// feedsmith 3 reads RSS, RDF, Atom and JSON Feed but not the sitemap protocol,
// so urlset / sitemapindex (and the Google News extension) are read here.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true, // <news:title> -> title; sitemaps use fixed, well-known namespaces
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/** The root element's local name, skipping the XML declaration, comments, PIs and DOCTYPE. */
export function rootElementName(text: string): string | null {
  const match = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.:-]*)/.exec(text);
  if (!match) return null;
  const name = match[1]!;
  return name.slice(name.indexOf(':') + 1);
}

export function isSitemapRoot(name: string | null): boolean {
  return name === 'urlset' || name === 'sitemapindex';
}

/** Parses a sitemap urlset, Google news sitemap or sitemap index. */
export function parseSitemap(text: string, baseUrl: string): DiscoveredDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedParseError(`${baseUrl}: malformed sitemap XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new FeedParseError(`${baseUrl}: malformed sitemap XML: ${(error as Error).message}`, { cause: error });
  }

  if ('sitemapindex' in tree) {
    const items: DiscoveredItem[] = [];
    for (const entry of asArray(field(tree.sitemapindex, 'sitemap'))) {
      const url = resolveHttpUrl(text_(field(entry, 'loc')), baseUrl);
      if (!url) continue;
      items.push(withoutUndefined({ url, modifiedAt: toIsoDate(text_(field(entry, 'lastmod'))) }));
    }
    return { kind: 'sitemap-index', format: 'sitemap-index', items };
  }

  let news = false;
  const items: DiscoveredItem[] = [];
  for (const entry of asArray(field(tree.urlset, 'url'))) {
    const url = resolveHttpUrl(text_(field(entry, 'loc')), baseUrl);
    if (!url) continue;
    // One <news:news> per <url> by the spec; take the first if a site repeats it.
    const article = asArray(field(entry, 'news'))[0];
    if (article !== undefined) news = true;
    items.push(
      withoutUndefined({
        url,
        title: cleanText(text_(field(article, 'title'))),
        publishedAt: toIsoDate(text_(field(article, 'publication_date'))),
        modifiedAt: toIsoDate(text_(field(entry, 'lastmod'))),
      }),
    );
  }
  return { kind: 'sitemap', format: news ? 'news-sitemap' : 'sitemap', items };
}

function field(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)[name] : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Text content of a leaf; an element with attributes or children yields its #text. */
function text_(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text_(value[0]);
  const inner = field(value, '#text');
  return typeof inner === 'string' ? inner : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
