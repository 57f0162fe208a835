/** One article (or, for a sitemap index, one child sitemap) found in a source. */
export interface DiscoveredItem {
  /** Absolute http(s) URL, resolved against the feed URL (and Atom `xml:base`). Not canonicalised. */
  url: string;
  title?: string;
  /** ISO 8601, UTC. */
  publishedAt?: string;
  /** ISO 8601, UTC: Atom `updated`, JSON Feed `date_modified`, sitemap `lastmod`. */
  modifiedAt?: string;
  authors?: string[];
}

export interface DiscoveredDocument {
  kind: 'feed' | 'sitemap-index' | 'sitemap';
  /** The detected wire format, for logs and tests. */
  format: 'rss' | 'rdf' | 'atom' | 'json' | 'sitemap' | 'news-sitemap' | 'sitemap-index';
  title?: string;
  items: DiscoveredItem[];
}
