/**
 * Record shapes shared by every part of claimwire. Field names are part of the
 * public interface (CLI `--json` output, DynamoDB items): change them only with
 * a migration note in the README.
 */

/** A character span into an article's plain text; `end` is exclusive (UTF-16 indices). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type Stance = 'assert' | 'deny' | 'confirm' | 'report' | 'other';
export type QuoteType = 'direct' | 'indirect' | 'mixed';
export type SpeakerType = 'person' | 'organization' | 'government' | 'media' | 'anonymous' | 'group';

/** One attributed statement found in a text, before it is tied to an article. */
export interface Claim {
  source: Span | null;
  /** Normalized speaker name (coreference resolved), or null when unknown. */
  speaker: string | null;
  speakerType: SpeakerType | null;
  cue: Span;
  /** Whole content span; when the content is split around the cue, `start`/`end` cover all fragments. */
  content: Span;
  /** Present when the content is discontinuous (“A,” she said. “B.”). */
  contentFragments?: Span[];
  stance: Stance;
  negated: boolean;
  quoteType: QuoteType;
  nested: boolean;
  hedges: string[];
}

/** A claim as stored: tied to its article, with a stable id. */
export interface ClaimRecord extends Claim {
  claimId: string;
  articleId: string;
  publishedAt: string | null;
}

export type FieldOrigin = 'jsonld' | 'meta' | 'opengraph' | 'time' | 'url' | 'text' | 'title' | 'html' | 'header' | 'byline' | 'none';

/** What extraction makes of one page (see shared/extract). */
export interface ExtractedArticle {
  title: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  siteName: string | null;
  description: string | null;
  canonicalUrl: string | null;
  image: string | null;
  section: string | null;
  tags: string[];
  /** Plain text; paragraphs separated by "\n\n". Claim offsets index into this. */
  text: string;
  paragraphs: string[];
  wordCount: number;
  /** Where each metadata field came from, e.g. { publishedAt: 'jsonld' }. */
  origins: Partial<Record<string, FieldOrigin>>;
  flags: { paywall: boolean; tooShort: boolean; notArticle: boolean };
  /** The charset the bytes were decoded with and how it was chosen. */
  encoding: { name: string; from: 'bom' | 'header' | 'meta' | 'default' | 'string' };
}

/** The article record stored in DynamoDB (body text lives in S3 under `textKey`). */
export interface ArticleRecord {
  articleId: string;
  url: string;
  canonicalUrl: string;
  site: string;
  title: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  siteName: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  tags: string[];
  wordCount: number;
  claimCount: number;
  fetchedAt: string;
  rawKey: string;
  docKey: string;
  extractorVersion: string;
  flags: ExtractedArticle['flags'];
  origins: ExtractedArticle['origins'];
  /** S3 event sequencer of the raw object version this record was built from. */
  sequencer: string;
  /** sha256 of the extracted text: same text ⇒ same claims ⇒ nothing to rewrite. */
  contentHash: string;
  /** Claim ids written for this version; used to delete stale claims on re-processing. */
  claimIds: string[];
}

/** A page that could not be made into an article (permanent error), kept for `claimwire failures`. */
export interface FailureRecord {
  rawKey: string;
  url: string | null;
  stage: 'fetch' | 'process' | 'discover';
  reason: string;
  errorName: string;
  failedAt: string;
}

/** What the fetch stage stores next to the raw bytes (S3 object metadata + a JSON sidecar). */
export interface RawPageMeta {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  sourceId: string | null;
  /** Hints from the feed entry (title, published date) used when the page lacks them. */
  feedEntry?: { title?: string; publishedAt?: string; authors?: string[] };
}
