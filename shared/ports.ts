/**
 * The ports the pipeline core talks to. `shared/aws/` implements them with the
 * AWS SDK; the local runtime uses the same adapters pointed at embedded servers.
 */
import type { ArticleRecord, ClaimRecord } from './types.ts';

export interface StoredObject {
  body: Uint8Array;
  contentType: string | null;
  metadata: Record<string, string>;
  lastModified: Date | null;
}

/** The bucket: raw pages, fetch metadata, normalized documents, failure records, state. */
export interface BlobStore {
  put(key: string, body: Uint8Array | string, options?: { contentType?: string; metadata?: Record<string, string> }): Promise<void>;
  /** Returns null when the key does not exist. */
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  list(prefix: string): AsyncIterable<{ key: string; lastModified: Date | null; size: number }>;
  delete(key: string): Promise<void>;
}

export interface ArticleQuery {
  site?: string;
  /** ISO date or datetime: only articles at or after it. */
  since?: string;
  /** YYYY-MM-DD: the articles of one day. */
  day?: string;
  limit?: number;
}

export interface ClaimQuery {
  articleId?: string;
  speaker?: string;
  stance?: string;
  since?: string;
  limit?: number;
}

/** Outcome of a conditional article write. */
export type PutArticleResult =
  | { written: true; /** The record this write replaced, if any. */ previous: ArticleRecord | null }
  | { written: false; current: ArticleRecord | null };

export interface ArticleStore {
  getArticle(articleId: string): Promise<ArticleRecord | null>;
  findArticleByUrl(url: string): Promise<ArticleRecord | null>;
  /**
   * Writes the record unless a record built from a newer raw object (higher S3
   * sequencer) is already stored.
   */
  putArticle(record: ArticleRecord): Promise<PutArticleResult>;
  putClaims(claims: ClaimRecord[]): Promise<void>;
  deleteClaims(articleId: string, claimIds: string[]): Promise<void>;
  queryArticles(query: ArticleQuery): Promise<ArticleRecord[]>;
  queryClaims(query: ClaimQuery): Promise<ClaimRecord[]>;
}

/** A request to fetch one article page, as carried by the fetch queue. */
export interface FetchMessage {
  url: string;
  sourceId: string | null;
  feedEntry?: { title?: string; publishedAt?: string; authors?: string[] };
}

export interface FetchQueue {
  send(messages: FetchMessage[]): Promise<void>;
}
