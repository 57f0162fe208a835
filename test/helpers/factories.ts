import type { SQSRecord } from 'aws-lambda';
import { s3EventFor } from '../../functions/lib/s3-events.ts';
import type { ArticleRecord, ClaimRecord } from '../../shared/types.ts';

let seq = 0;

/** An SQS record as Lambda receives it. */
export function sqsRecordFactory(body: string, messageId = `msg-${++seq}`): SQSRecord {
  return {
    messageId,
    receiptHandle: messageId,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:process',
    awsRegion: 'us-east-1',
  };
}

/** An SQS record carrying the S3 notification of one created object. */
export function s3EventRecordFactory({ bucket = 'b', key, sequencer }: { bucket?: string; key: string; sequencer: string }): SQSRecord {
  return sqsRecordFactory(JSON.stringify(s3EventFor(bucket, key, sequencer)));
}

export function articleRecordFactory(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    articleId: 'a'.repeat(24),
    url: 'https://news.example/a',
    canonicalUrl: 'https://news.example/a',
    site: 'news.example',
    title: 'A title',
    authors: ['Ana Ruiz'],
    publishedAt: '2026-01-02T10:00:00+01:00',
    modifiedAt: null,
    language: 'en',
    siteName: 'News Example',
    description: null,
    image: null,
    section: null,
    tags: [],
    wordCount: 100,
    claimCount: 0,
    fetchedAt: '2026-01-02T12:00:00.000Z',
    rawKey: `raw/news.example/${'a'.repeat(24)}`,
    docKey: `docs/${'a'.repeat(24)}/0000000000000000.json`,
    extractorVersion: 'test',
    flags: { paywall: false, tooShort: false, notArticle: false },
    origins: {},
    sequencer: '0001',
    contentHash: 'h1',
    claimIds: [],
    ...overrides,
  };
}

export function claimRecordFactory(overrides: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    claimId: `c${++seq}`,
    articleId: 'a'.repeat(24),
    source: { text: 'the ministry', start: 0, end: 12 },
    speaker: 'Ministry of Ports',
    speakerType: 'government',
    cue: { text: 'denied', start: 13, end: 19 },
    content: { text: 'the strike had ended', start: 20, end: 40 },
    stance: 'deny',
    negated: false,
    quoteType: 'indirect',
    nested: false,
    hedges: [],
    publishedAt: '2026-01-02T09:00:00.000Z',
    ...overrides,
  };
}
