/**
 * Article extraction: raw page bytes in, {@link ExtractedArticle} out.
 *
 * bytes ─ decodeHtml ─▶ html ─ strip <script>/<style> (JSON-LD kept aside) ─▶ jsdom (one parse)
 *       ─▶ light tree ─┬─▶ body (container scoring) ─▶ text, paragraphs
 *                      └─▶ metadata (JSON-LD > meta > <time> > URL > text) ─▶ fields + origins
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { ParseError, PageTooLargeError } from '../errors.ts';
import type { ExtractedArticle } from '../types.ts';
import { extractBody } from './body.ts';
import { decodeHtml } from './decode.ts';
import { checkLanguage, extractMetadata, parseJsonLd } from './metadata.ts';
import { buildTree } from './tree.ts';

export { decodeHtml } from './decode.ts';
export { parseDate, dateFromUrl } from './dates.ts';
export { cleanUrl } from './url.ts';

/** Bumped whenever output for the same bytes can change; stored on every ArticleRecord. */
export const EXTRACTOR_VERSION = 'extract-1';

export interface ExtractLimits {
  /** Largest page accepted, in bytes (and in decoded characters). Default 15 MB. */
  maxBytes: number;
  /**
   * Most start tags accepted (counted after the pre-pass). Default 50 000: the largest
   * dev benchmark page has 1 405; 100 000 paragraphs take jsdom ~11 s.
   */
  maxElements: number;
  /** Deepest nesting accepted. Default 400: real pages stay under ~100; jsdom needs ~0.2 s at 400, 4 s at 2 000. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxBytes: 15 * 1024 * 1024, maxElements: 50_000, maxDepth: 400 };

export interface ExtractInput {
  bytes?: Uint8Array;
  html?: string;
  contentType?: string | null;
  url?: string | null;
  /** Dates after `now` + 1 day are rejected as page-script artefacts. Default: the current time. */
  now?: Date;
  limits?: Partial<ExtractLimits>;
}

/** Articles shorter than this many words are flagged `tooShort`. */
const TOO_SHORT_WORDS = 80;
const PAYWALL_CLASS = /(?:^|[\s_-])(?:paywall|regwall|piano-?(?:offer|paywall)|subscriber-?only|premium-?(?:content|wall)|meter-?(?:wall|expired)|locked-?content)(?=$|[\s_-])/;

// Elements whose contents never reach the article or its metadata (tree.ts skips them
// too): emptied before parsing, so jsdom builds fewer nodes. Comments go as well.
const STRIPPED = /<(script|style|svg|noscript|template|iframe|select|nav|button|picture|video|audio|canvas|object|map|math)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<!--[\s\S]*?-->/gi;

/**
 * Quoted attributes nothing downstream reads (jsdom spends a fifth of its parse time
 * creating attributes; `data-*` and `srcset` are most of them on news pages). Only
 * quoted values, so running text is never touched by accident.
 */
const UNUSED_ATTRIBUTES =
  /\s(?:data-[\w:.-]*|srcset|sizes|on[a-z]+|tabindex|loading|decoding|width|height|alt|title|target|aria-(?:label|labelledby|describedby|expanded|controls|haspopup|live|current|selected))\s*=\s*(?:"[^"]*"|'[^']*')/gi;

/**
 * Empties `<script>`, `<style>`, `<svg>`, `<noscript>`, … elements and drops comments
 * before jsdom sees them (jsdom parses CSS eagerly: this halves parse time on
 * style-heavy pages and avoids a CSS-parser crash), keeping the JSON-LD blocks'
 * contents for the metadata pass.
 */
export function stripScripts(html: string): { html: string; jsonLd: string[] } {
  const jsonLd: string[] = [];
  const stripped = html.replace(STRIPPED, (_m, tag: string | undefined, attrs: string, body: string) => {
    if (tag === undefined) return '';
    if (tag.toLowerCase() === 'script' && /application\/ld\+json/i.test(attrs)) jsonLd.push(body);
    return `<${tag}${attrs}></${tag}>`;
  });
  return { html: stripped.replace(UNUSED_ATTRIBUTES, ''), jsonLd };
}

/** Elements that never hold children, or that the parser closes by itself: they do not nest. */
const NON_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'tbody', 'thead', 'tfoot', 'colgroup', '!doctype',
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * Counts start tags and estimates nesting depth with a regex scan, before jsdom runs:
 * jsdom's parser is quadratic in depth (2 000 nested divs take seconds), so a hostile
 * page must be refused before it is parsed, not after.
 */
export function scanTags(html: string): { count: number; depth: number } {
  let count = 0;
  let depth = 0;
  let maxDepth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (!NON_NESTING.has(name) && depth > 0) depth--;
      continue;
    }
    count++;
    if (m[3] || NON_NESTING.has(name)) continue;
    if (++depth > maxDepth) maxDepth = depth;
  }
  return { count, depth: maxDepth };
}

function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    const latinish = p.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
    // CJK text has no spaces: count each ideograph/kana as a word, as most tools do.
    const cjk = p.match(/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
    n += cjk > latinish ? cjk : latinish;
  }
  return n;
}

/**
 * Extracts an article's text and metadata from one page, with one jsdom parse.
 * Throws {@link ParseError} for empty or binary input and {@link PageTooLargeError}
 * past a size, element-count or depth limit: both are permanent (do not retry).
 *
 * @example
 * const article = await extractArticle({ bytes, contentType: 'text/html; charset=utf-8', url });
 * article.text;        // 'First paragraph.\n\nSecond paragraph.'
 * article.publishedAt; // '2019-11-19T10:00:00-05:00', article.origins.publishedAt === 'jsonld'
 */
export async function extractArticle(input: ExtractInput): Promise<ExtractedArticle> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  let html: string;
  let encoding: ExtractedArticle['encoding'];
  if (input.bytes !== undefined) {
    if (input.bytes.length > limits.maxBytes) throw new PageTooLargeError(`Page is ${input.bytes.length} bytes, over the ${limits.maxBytes}-byte limit`);
    ({ html, encoding } = decodeHtml(input.bytes, input.contentType));
  } else if (input.html !== undefined) {
    html = input.html;
    encoding = { name: 'utf-16', from: 'string' };
  } else {
    throw new ParseError('extractArticle needs bytes or html');
  }
  if (html.trim().length === 0) throw new ParseError('Empty page: no HTML to parse');
  if (html.length > limits.maxBytes) throw new PageTooLargeError(`Page is ${html.length} characters, over the ${limits.maxBytes} limit`);
  if (html.includes('\u0000') && (html.match(/\u0000/g)?.length ?? 0) > html.length * 0.01) throw new ParseError('Not HTML: binary content');

  const { html: stripped, jsonLd: jsonLdBlocks } = stripScripts(html);
  const scan = scanTags(stripped);
  if (scan.count > limits.maxElements) throw new PageTooLargeError(`Page has ${scan.count} tags, over the ${limits.maxElements} limit`);
  if (scan.depth > limits.maxDepth) throw new PageTooLargeError(`Page nests about ${scan.depth} elements deep, over the ${limits.maxDepth} limit`);

  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  let dom: JSDOM;
  try {
    dom = new JSDOM(stripped, { virtualConsole });
  } catch (error) {
    throw new ParseError(`jsdom could not parse the page: ${(error as Error).message}`, { cause: error });
  }
  try {
    const tree = buildTree(dom.window.document.documentElement as never, limits);
    const jsonLd = parseJsonLd(jsonLdBlocks);
    const ldArticle = jsonLd.find((o) => typeof o.articleBody === 'string');
    const articleBody = ldArticle ? htmlToText(String(ldArticle.articleBody)) : null;
    // Metadata first: the body pass drops a paragraph that repeats the title.
    const meta = extractMetadata({ tree, jsonLd, url: input.url ?? null, now: input.now ?? new Date() });
    const body = extractBody(tree, { title: meta.title, articleBody });
    const paragraphs = body.paragraphs;
    const text = paragraphs.join('\n\n');
    checkLanguage(meta, text);
    const wordCount = countWords(paragraphs);
    const paywallMarkup = wordCount < 250 && hasPaywallMarkup(tree.body);
    return {
      title: meta.title,
      authors: meta.authors,
      publishedAt: meta.publishedAt,
      modifiedAt: meta.modifiedAt,
      language: meta.language,
      siteName: meta.siteName,
      description: meta.description,
      canonicalUrl: meta.canonicalUrl,
      image: meta.image,
      section: meta.section,
      tags: meta.tags,
      text,
      paragraphs,
      wordCount,
      origins: meta.origins,
      flags: {
        paywall: meta.paywall || paywallMarkup,
        tooShort: wordCount < TOO_SHORT_WORDS,
        notArticle: wordCount < 30 || (!meta.articleLike && wordCount < 250),
      },
      encoding,
    };
  } finally {
    dom.window.close();
    // jsdom frees a closed window only after the event loop turns (~4 MB per page otherwise).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function hasPaywallMarkup(body: import('./tree.ts').LElement): boolean {
  const stack = [body];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.classId && PAYWALL_CLASS.test(el.classId)) return true;
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  return false;
}

/** JSON-LD articleBody is sometimes HTML: keep paragraph breaks, drop tags and entities. */
function htmlToText(s: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(s)) return s;
  return s
    .replace(/<\/(p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
