import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { TransientError } from '../errors.ts';
import type { ArticleQuery, ArticleStore, ClaimQuery, PutArticleResult } from '../ports.ts';
import type { ArticleRecord, ClaimRecord } from '../types.ts';

/** DynamoDB's limit on one BatchWriteItem call. */
const BATCH_SIZE = 25;
/** Sequencers are compared as right-zero-padded hex; stored padded so DynamoDB's `<=` agrees. */
const SEQUENCER_WIDTH = 40;

export interface TableNames {
  articles: string;
  claims: string;
}

export interface RetryOptions {
  /** Attempts for UnprocessedItems before giving up with a TransientError. */
  maxAttempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function paddedSequencer(sequencer: string): string {
  return sequencer.toUpperCase().padEnd(SEQUENCER_WIDTH, '0');
}

/** The lowercase, space-collapsed form of a speaker name used as the bySpeaker key. */
export function speakerKeyOf(speaker: string): string {
  return speaker.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `<UTC ISO time>#<id>`: string order is time order whatever offset the source date had. */
function sortKeyOf(time: string | null | undefined, fallback: string, id: string): string {
  const d = new Date(time ?? fallback);
  return `${Number.isNaN(d.getTime()) ? fallback : d.toISOString()}#${id}`;
}

function dayOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : d.toISOString().slice(0, 10);
}

/**
 * DynamoDB items stop at 400 KB. A claim's spans keep their offsets but their
 * text is cut at {@link MAX_SPAN_CHARS} (the full text is in the S3 document);
 * `truncated` says so. 32 K UTF-16 units stay under ~100 KB of UTF-8 per span.
 */
export const MAX_SPAN_CHARS = 32_000;

function fitClaim(claim: ClaimRecord): ClaimRecord & { truncated?: true } {
  const long = (span: { text: string } | null | undefined) => (span?.text.length ?? 0) > MAX_SPAN_CHARS;
  if (!long(claim.content) && !long(claim.source) && !(claim.contentFragments ?? []).some(long)) return claim;
  const cut = <T extends { text: string }>(span: T): T => (span.text.length > MAX_SPAN_CHARS ? { ...span, text: `${span.text.slice(0, MAX_SPAN_CHARS)}…` } : span);
  return {
    ...claim,
    source: claim.source ? cut(claim.source) : null,
    content: cut(claim.content),
    ...(claim.contentFragments ? { contentFragments: claim.contentFragments.map(cut) } : {}),
    truncated: true,
  };
}

/** Strips the storage-only attributes so callers see the plain record shapes. */
function toArticle(item: Record<string, unknown>): ArticleRecord {
  const { sortKey: _s, day: _d, sequencerSort: _q, ...rest } = item;
  return rest as unknown as ArticleRecord;
}

function toClaim(item: Record<string, unknown>): ClaimRecord {
  const { sortKey: _s, speakerKey: _k, ...rest } = item;
  return rest as unknown as ClaimRecord;
}

/** {@link ArticleStore} on the articles and claims tables (AWS or the embedded dynalite). */
export class DynamoArticleStore implements ArticleStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly retry: Required<RetryOptions>;

  constructor(
    client: DynamoDBClient,
    private readonly tables: TableNames,
    retry: RetryOptions = {},
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
    this.retry = {
      maxAttempts: retry.maxAttempts ?? 8,
      baseDelayMs: retry.baseDelayMs ?? 50,
      sleep: retry.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    };
  }

  async getArticle(articleId: string): Promise<ArticleRecord | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tables.articles, Key: { articleId }, ConsistentRead: true }));
    return out.Item ? toArticle(out.Item) : null;
  }

  async findArticleByUrl(url: string): Promise<ArticleRecord | null> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tables.articles,
        IndexName: 'byUrl',
        KeyConditionExpression: '#u = :u',
        ExpressionAttributeNames: { '#u': 'url' },
        ExpressionAttributeValues: { ':u': url },
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? toArticle(item) : null;
  }

  async putArticle(record: ArticleRecord): Promise<PutArticleResult> {
    const time = record.publishedAt ?? record.fetchedAt;
    const item = {
      ...record,
      sortKey: sortKeyOf(record.publishedAt, record.fetchedAt, record.articleId),
      day: dayOf(time),
      sequencerSort: paddedSequencer(record.sequencer),
    };
    try {
      const out = await this.doc.send(
        new PutCommand({
          TableName: this.tables.articles,
          Item: item,
          ReturnValues: 'ALL_OLD',
          // A record built from an older raw object (lower sequencer) never replaces a newer one.
          ConditionExpression: 'attribute_not_exists(articleId) OR sequencerSort <= :seq',
          ExpressionAttributeValues: { ':seq': item.sequencerSort },
        }),
      );
      return { written: true, previous: out.Attributes ? toArticle(out.Attributes) : null };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') {
        return { written: false, current: await this.getArticle(record.articleId) };
      }
      throw error;
    }
  }

  async putClaims(claims: ClaimRecord[]): Promise<void> {
    const requests = claims.map((claim) => ({
      PutRequest: {
        Item: {
          ...fitClaim(claim),
          sortKey: sortKeyOf(claim.publishedAt, '1970-01-01T00:00:00.000Z', claim.claimId),
          ...(claim.speaker ? { speakerKey: speakerKeyOf(claim.speaker) } : {}),
        },
      },
    }));
    await this.batchWrite(this.tables.claims, requests);
  }

  async deleteClaims(articleId: string, claimIds: string[]): Promise<void> {
    const requests = claimIds.map((claimId) => ({ DeleteRequest: { Key: { articleId, claimId } } }));
    await this.batchWrite(this.tables.claims, requests);
  }

  /** BatchWriteItem in chunks of 25, retrying UnprocessedItems with exponential backoff and jitter. */
  private async batchWrite(table: string, requests: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH_SIZE) {
      let pending = requests.slice(i, i + BATCH_SIZE);
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > this.retry.maxAttempts) {
          throw new TransientError(`DynamoDB left ${pending.length} write(s) unprocessed after ${this.retry.maxAttempts} attempts on ${table}`);
        }
        if (attempt > 1) {
          const cap = this.retry.baseDelayMs * 2 ** (attempt - 2);
          await this.retry.sleep(cap / 2 + Math.random() * (cap / 2));
        }
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
      }
    }
  }

  async queryArticles(query: ArticleQuery): Promise<ArticleRecord[]> {
    const limit = query.limit ?? 50;
    const since = query.since ? normalizeSince(query.since) : undefined;
    if (query.site || query.day) {
      const byDay = !query.site;
      const input: QueryCommandInput = {
        TableName: this.tables.articles,
        IndexName: byDay ? 'byDay' : 'bySite',
        KeyConditionExpression: since ? '#p = :p AND sortKey >= :since' : '#p = :p',
        ExpressionAttributeNames: { '#p': byDay ? 'day' : 'site' },
        ExpressionAttributeValues: { ':p': byDay ? query.day : query.site, ...(since ? { ':since': since } : {}) },
        ScanIndexForward: false,
      };
      const items = await this.queryAll(input, limit, query.site && query.day ? (i) => i.day === query.day : undefined);
      return items.map(toArticle);
    }
    const items = await this.scanAll({ TableName: this.tables.articles }, since ? (i) => String(i.sortKey) >= since : undefined);
    items.sort((a, b) => String(b.sortKey).localeCompare(String(a.sortKey)));
    return items.slice(0, limit).map(toArticle);
  }

  async queryClaims(query: ClaimQuery): Promise<ClaimRecord[]> {
    const limit = query.limit ?? 100;
    const since = query.since ? normalizeSince(query.since) : undefined;
    const keep = (item: Record<string, unknown>): boolean =>
      (!query.stance || item.stance === query.stance) &&
      (!query.speaker || String(item.speakerKey ?? '').includes(speakerKeyOf(query.speaker))) &&
      (!query.articleId || item.articleId === query.articleId) &&
      (!since || String(item.sortKey) >= since);
    let items: Record<string, unknown>[];
    if (query.articleId) {
      items = await this.queryAll(
        {
          TableName: this.tables.claims,
          KeyConditionExpression: 'articleId = :a',
          ExpressionAttributeValues: { ':a': query.articleId },
        },
        Number.MAX_SAFE_INTEGER,
        keep,
      );
      // Claims of one article read in text order.
      items.sort((a, b) => ((a.cue as { start: number }).start ?? 0) - ((b.cue as { start: number }).start ?? 0));
      return items.slice(0, limit).map(toClaim);
    }
    if (query.speaker) {
      items = await this.queryAll(
        {
          TableName: this.tables.claims,
          IndexName: 'bySpeaker',
          KeyConditionExpression: 'speakerKey = :k',
          ExpressionAttributeValues: { ':k': speakerKeyOf(query.speaker) },
          ScanIndexForward: false,
        },
        limit,
        keep,
      );
      // No exact speaker: fall back to a substring match ("Observatory" finds the full name).
      if (items.length === 0) {
        items = await this.scanAll({ TableName: this.tables.claims }, keep);
        items.sort((a, b) => String(b.sortKey).localeCompare(String(a.sortKey)));
      }
      return items.slice(0, limit).map(toClaim);
    }
    if (query.stance) {
      items = await this.queryAll(
        {
          TableName: this.tables.claims,
          IndexName: 'byStance',
          KeyConditionExpression: 'stance = :s',
          ExpressionAttributeValues: { ':s': query.stance },
          ScanIndexForward: false,
        },
        limit,
        keep,
      );
      return items.map(toClaim);
    }
    items = await this.scanAll({ TableName: this.tables.claims }, keep);
    items.sort((a, b) => String(b.sortKey).localeCompare(String(a.sortKey)));
    return items.slice(0, limit).map(toClaim);
  }

  private async queryAll(
    input: QueryCommandInput,
    limit: number,
    keep?: (item: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) {
        if (!keep || keep(item)) items.push(item);
        if (items.length >= limit) return items;
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async scanAll(input: ScanCommandInput, keep?: (item: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) if (!keep || keep(item)) items.push(item);
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

/** `2026-11-01` or a full ISO time → the UTC ISO prefix used in sort keys. */
function normalizeSince(since: string): string {
  const d = new Date(since);
  if (Number.isNaN(d.getTime())) throw new RangeError(`--since: not a date: "${since}" (use YYYY-MM-DD or ISO 8601)`);
  return d.toISOString();
}
