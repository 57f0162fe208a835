/**
 * Sources config and discovery: which article URLs are new at each configured
 * news source. See README.md in this folder for the sources file format.
 */
export {
  parseSources,
  loadSources,
  DEFAULT_MAX_ITEMS,
  MAX_MAX_ITEMS,
  type SourceConfig,
  type SourcesConfig,
  type SourceType,
} from './config.ts';
export { parseFeed, type ParseFeedOptions } from './parse-feed.ts';
export { FeedParseError, MAX_FEED_BYTES } from './decode.ts';
export {
  discoverSource,
  MemoryDiscoveryStateStore,
  FeedUnavailableError,
  MAX_CHILD_SITEMAPS,
  MAX_SITEMAP_DEPTH,
  type DiscoveryStateStore,
  type DiscoveryValidators,
  type DiscoveryFetch,
  type DiscoveryResponse,
  type DiscoverDeps,
  type DiscoveryResult,
} from './discover-source.ts';
export type { DiscoveredDocument, DiscoveredItem } from './types.ts';
