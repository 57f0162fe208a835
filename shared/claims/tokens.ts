/**
 * Tokens, quotation regions and sentences of plain article text.
 *
 * Everything works on UTF-16 offsets into the original text, so spans built
 * from tokens slice back to exactly the characters they cover.
 */

export type TokenKind = 'word' | 'punct' | 'openQuote' | 'closeQuote' | 'quote';

export interface Token {
  /** Surface form. */
  w: string;
  /** Lower-cased form (curly apostrophes folded to '). */
  lw: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Index of the quotation region the token is in (the quote marks included), or -1. */
  quote: number;
  /** First token on a new line (a caption or list item never runs into the next line). */
  lineStart: boolean;
}

/** A quotation: token indices [first, last] of the opening and closing marks. */
export interface QuoteRegion {
  first: number;
  last: number;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
}

export interface Sentence {
  /** Token indices, end exclusive. */
  first: number;
  end: number;
}

export interface Paragraph {
  tokens: Token[];
  quotes: QuoteRegion[];
  sentences: Sentence[];
}

// Words keep internal hyphens, apostrophes and periods (U.S, don't, Trump’s);
// quote marks are their own tokens ('' and `` as one token).
const TOKEN_RE = /''|``|\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen rep reps gov gen col lt sgt capt adm cmdr maj jr sr st mt ft
  u.s u.k u.n e.u d.c inc corp co ltd vs v jan feb mar apr aug sep sept oct nov dec
  no nos p.m a.m messrs prof rev hon pres supt det insp gop g.o.p n.y l.a`.split(/\s+/),
);

/** Abbreviations that may close a sentence (never titles such as "Mr." or "Sen."). */
const SENTENCE_FINAL_ABBR = new Set(`u.s u.k u.n e.u d.c inc corp co ltd p.m a.m gop g.o.p n.y l.a`.split(/\s+/));
const SENTENCE_OPENERS = new Set(`He She They It We I The But And In This That His Her Their Its There A An`.split(/\s+/));

function kindOf(w: string): TokenKind {
  if (w === '“' || w === '``') return 'openQuote';
  if (w === '”') return 'closeQuote';
  if (w === '"' || w === "''") return 'quote';
  return /^[\p{L}\p{N}]/u.test(w) ? 'word' : 'punct';
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN_RE)) {
    const w = m[0];
    const start = from + (m.index ?? 0);
    const prevEnd = out.length > 0 ? out[out.length - 1]!.end : from;
    const lineStart = out.length > 0 && text.slice(prevEnd, start).includes('\n');
    out.push({ w, lw: w.toLowerCase().replace(/’/g, "'"), start, end: start + w.length, kind: kindOf(w), quote: -1, lineStart });
  }
  return out;
}

/**
 * Pairs quotation marks inside one paragraph. Straight marks toggle; a new
 * opening mark while a quote is open restarts it (typographic slips); an
 * unclosed quote runs to the paragraph's end (the newswire convention for a
 * quote continued in the next paragraph).
 */
export function markQuotes(tokens: Token[]): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let open = -1;
  const close = (last: number, closed: boolean) => {
    regions.push({ first: open, last, closed });
    for (let i = open; i <= last; i++) tokens[i]!.quote = regions.length - 1;
    open = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const k = tokens[i]!.kind;
    if (k === 'openQuote' && open >= 0 && slipClose(tokens, i)) {
      close(i, true);
    } else if (k === 'openQuote') {
      if (open >= 0) close(i - 1, false);
      open = i;
    } else if (k === 'closeQuote') {
      if (open >= 0) close(i, true);
    } else if (k === 'quote') {
      if (open >= 0) close(i, true);
      else open = i;
    }
  }
  if (open >= 0) close(tokens.length - 1, false);
  return regions;
}

/** "…here,“ said Holm": an opening mark right after punctuation and before a space closes the open quote. */
function slipClose(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]!;
  const next = tokens[i + 1];
  return /^[,.?!]$/.test(prev.w) && prev.end === tokens[i]!.start && (!next || next.start > tokens[i]!.end);
}

const isEndPunct = (w: string) => w === '.' || w === '!' || w === '?';

/**
 * Splits a paragraph's tokens into sentences. No split inside a quotation (a
 * multi-sentence quote stays one unit, as annotators treat it), after an
 * abbreviation or an initial, or before a lower-case word.
 */
export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // a line break after an introducing colon ("Lund wrote:" ⏎ “…”) does not end the sentence
    if (t.lineStart && i > first && !(tokens[i - 1]!.w === ':' && t.kind !== 'word')) {
      out.push({ first, end: i });
      first = i;
    }
    if (t.w === ';' && t.quote < 0 && i > first && i + 1 < tokens.length) {
      // a semicolon joins two clauses that are attributed separately ("A say X; 26 percent say Y")
      out.push({ first, end: i + 1 });
      first = i + 1;
      continue;
    }
    if (!isEndPunct(t.w)) continue;
    let j = i + 1;
    // closing marks and brackets that belong to the sentence just ended
    while (j < tokens.length && (tokens[j]!.kind === 'closeQuote' || (tokens[j]!.kind === 'quote' && tokens[j]!.quote === tokens[i]!.quote && tokens[i]!.quote >= 0) || tokens[j]!.w === ')' || tokens[j]!.w === '’' || isEndPunct(tokens[j]!.w))) j++;
    if (j >= tokens.length) break;
    const next = tokens[j]!;
    // inside a quotation that goes on after this point
    if (tokens[j - 1]!.quote >= 0 && tokens[j - 1]!.quote === next.quote) continue;
    if (next.kind === 'word' && !/^[\p{Lu}\p{N}]/u.test(next.w)) continue;
    // "Salem, Ore., who …", "(D-Ore.), a member …": no sentence starts with a comma
    if (next.w === ',') continue;
    // "“… Roe!” State Senator Ann Cole said as she …": a tag after a quotation ending in ! or ? stays with it
    if (t.quote >= 0 && (t.w === '!' || t.w === '?') && tagFollows(tokens, j)) continue;
    // "“… the vote.” Berg said.": a bare tag sentence after a quotation ending in a full stop stays with it
    if (t.quote >= 0 && t.w === '.' && tokens[j - 1]!.quote === t.quote && bareTagFollows(tokens, j)) continue;
    if (t.w === '.' && i > 0) {
      const prev = tokens[i - 1]!;
      // "then-Sen. Roe", "ex-Gov. Pike": a title after a hyphenated prefix; "J.K. Roe": dotted initials
      const abbr = ABBREVIATIONS.has(prev.lw) || ABBREVIATIONS.has(prev.lw.slice(prev.lw.lastIndexOf('-') + 1)) || /^\p{Lu}(\.\p{Lu})*$/u.test(prev.w);
      if (prev.end === t.start && abbr) {
        // "No. 2" is an abbreviation, "said no. But" is not
        // "… in the U.S. He says …": a place or company abbreviation can end a sentence before a pronoun or article
        const endsSentence = (prev.lw === 'no' && !/^\d/.test(next.w)) || (SENTENCE_FINAL_ABBR.has(prev.lw) && SENTENCE_OPENERS.has(next.w));
        if (!endsSentence) continue;
      }
    }
    out.push({ first, end: j });
    first = j;
    i = j - 1;
  }
  if (first < tokens.length) out.push({ first, end: tokens.length });
  return out;
}

const TAG_VERBS = /^(said|says|asked|asks|added|adds|told|tells|wrote|writes|explained|continued|noted|declared|insisted|shouted|yelled|replied|responded|exclaimed)$/;

/** A short speaker tag ("Name said", "said Name") starts at token j. */
function tagFollows(tokens: Token[], j: number): boolean {
  for (let k = j; k < Math.min(tokens.length, j + 8); k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' && t.w !== '.' && t.w !== ',') return false;
    if (TAG_VERBS.test(t.lw)) return k === j || /^\p{Lu}/u.test(tokens[j]!.w);
    if (t.w === ',' || (t.w === '.' && !(k > j && /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|[A-Z])$/.test(tokens[k - 1]!.w)))) return false;
  }
  return false;
}

/** A tag sentence "Name said." / "Mr. Name added." (only the tag, up to its full stop) starts at token j. */
function bareTagFollows(tokens: Token[], j: number): boolean {
  if (!/^\p{Lu}/u.test(tokens[j]!.w)) return false;
  for (let k = j; k < Math.min(tokens.length, j + 6); k++) {
    const t = tokens[k]!;
    if (TAG_VERBS.test(t.lw)) return k > j && tokens[k + 1]?.w === '.';
    if (t.kind !== 'word' && !(t.w === '.' && k > j && /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|[A-Z])$/.test(tokens[k - 1]!.w))) return false;
    if (k > j && t.kind === 'word' && !/^\p{Lu}/u.test(t.w)) return false;
  }
  return false;
}

/** Paragraph start offsets: blocks separated by blank lines (or given paragraphs located in order). */
export function paragraphRanges(text: string, paragraphs?: string[]): Array<[number, number]> {
  return joinColonIntroductions(text, splitParagraphs(text, paragraphs));
}

/**
 * A paragraph ending in a colon that introduces a quotation set as its own
 * paragraph (a blockquote) is read together with it.
 */
function joinColonIntroductions(text: string, ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && /:\s*$/.test(text.slice(prev[0], prev[1])) && /^\s*[“"‘«]/.test(text.slice(r[0], r[1]))) prev[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

function splitParagraphs(text: string, paragraphs?: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (paragraphs && paragraphs.length > 0) {
    let from = 0;
    for (const p of paragraphs) {
      const at = text.indexOf(p, from);
      if (at < 0) continue;
      out.push([at, at + p.length]);
      from = at + p.length;
    }
    if (out.length > 0) return out;
  }
  const re = /\n\s*\n/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push([last, m.index!]);
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push([last, text.length]);
  return out;
}

export function buildParagraph(text: string, start: number, end: number): Paragraph {
  const tokens = tokenize(text, start, end);
  const quotes = markQuotes(tokens);
  const sentences = splitSentences(tokens);
  return { tokens, quotes, sentences };
}
