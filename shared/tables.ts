/**
 * DynamoDB table and index definitions, written once and used by both the CDK
 * stack (infra/) and the local runtime (local/), so the two cannot drift.
 *
 * Access patterns → key design:
 * - article by id .......................... articles PK articleId
 * - article by URL ......................... articles GSI byUrl (url)
 * - articles of a site, newest first ....... articles GSI bySite (site, sortKey desc)
 * - articles of a day ...................... articles GSI byDay (day, sortKey)
 * - claims of an article ................... claims PK articleId, SK claimId
 * - claims by speaker, newest first ........ claims GSI bySpeaker (speakerKey, sortKey desc)
 * - claims by stance, newest first ......... claims GSI byStance (stance, sortKey desc)
 *
 * `sortKey` is `<publishedAt or fetchedAt, ISO 8601 UTC>#<id>` so that string
 * order is time order and ties stay distinct.
 */

export type KeyType = 'S' | 'N';

export interface KeyDef {
  name: string;
  type: KeyType;
}

export interface IndexDef {
  indexName: string;
  partitionKey: KeyDef;
  sortKey?: KeyDef;
}

export interface TableDef {
  /** Logical name: the CDK construct id and the local table name suffix. */
  id: 'Articles' | 'Claims';
  partitionKey: KeyDef;
  sortKey?: KeyDef;
  indexes: IndexDef[];
}

export const ARTICLES_TABLE: TableDef = {
  id: 'Articles',
  partitionKey: { name: 'articleId', type: 'S' },
  indexes: [
    { indexName: 'byUrl', partitionKey: { name: 'url', type: 'S' } },
    { indexName: 'bySite', partitionKey: { name: 'site', type: 'S' }, sortKey: { name: 'sortKey', type: 'S' } },
    { indexName: 'byDay', partitionKey: { name: 'day', type: 'S' }, sortKey: { name: 'sortKey', type: 'S' } },
  ],
};

export const CLAIMS_TABLE: TableDef = {
  id: 'Claims',
  partitionKey: { name: 'articleId', type: 'S' },
  sortKey: { name: 'claimId', type: 'S' },
  indexes: [
    { indexName: 'bySpeaker', partitionKey: { name: 'speakerKey', type: 'S' }, sortKey: { name: 'sortKey', type: 'S' } },
    { indexName: 'byStance', partitionKey: { name: 'stance', type: 'S' }, sortKey: { name: 'sortKey', type: 'S' } },
  ],
};

export const TABLES: readonly TableDef[] = [ARTICLES_TABLE, CLAIMS_TABLE];

/** S3 key layout of the one bucket. */
export const KEYS = {
  /** Raw page bytes: `raw/<site>/<articleId>`. The process queue listens on this prefix. */
  rawPrefix: 'raw/',
  /** Fetch metadata (headers, status, feed hints) for a raw object: `meta/<site>/<articleId>.json`. */
  metaPrefix: 'meta/',
  /** Normalized document (text, paragraphs, metadata, claims): `docs/<articleId>/<contentHash16>.json`. */
  docsPrefix: 'docs/',
  /** Failure records of permanent errors: `failures/<stage>/<id>.json`. */
  failuresPrefix: 'failures/',
  /** Discovery state (seen URLs, feed validators): `state/...`. */
  statePrefix: 'state/',
} as const;

/** Environment variable names the Lambda functions read (through shared/config.ts only). */
export const ENV = {
  bucket: 'CLAIMWIRE_BUCKET',
  articlesTable: 'CLAIMWIRE_ARTICLES_TABLE',
  claimsTable: 'CLAIMWIRE_CLAIMS_TABLE',
  fetchQueueUrl: 'CLAIMWIRE_FETCH_QUEUE_URL',
  sourcesFile: 'CLAIMWIRE_SOURCES_FILE',
  userAgent: 'CLAIMWIRE_USER_AGENT',
  allowPrivateNetwork: 'CLAIMWIRE_ALLOW_PRIVATE_NETWORK',
  minHostIntervalMs: 'CLAIMWIRE_MIN_HOST_INTERVAL_MS',
} as const;
