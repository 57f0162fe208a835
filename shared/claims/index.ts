/**
 * Claim extraction: who said, claimed, denied, confirmed or reported what.
 *
 * Pure TypeScript on plain text (paragraphs separated by blank lines); no DOM,
 * no model. Rules per sentence find a cue (reporting verb group, "according
 * to", a quotation colon), then its source and content; a quote that follows
 * without a cue of its own continues the previous claim.
 */
import { createHash } from 'node:crypto';
import type { Claim, Span } from '../types.ts';
import { adverbialOnly, extractSentence, type RawClaim, type TokRange } from './extract.ts';
import { HEDGE_PATTERNS, VERB_FORMS } from './lexicon.ts';
import { SpeakerResolver, classify, properName, stripTitles } from './speaker.ts';
import { buildParagraph, paragraphRanges, type Paragraph, type Token } from './tokens.ts';

/** Bump when extraction output for the same text may change. */
export const CLAIMS_VERSION = 'claims-0.3.0';

export interface ExtractClaimsOptions {
  /** The article's paragraphs, in order, each a substring of `text`. */
  paragraphs?: string[];
}

/**
 * Finds every attributed statement in an article's plain text.
 *
 * @example
 * extractClaims('“We will win,” she said.')[0].content.text // '“We will win,”'
 */
export function extractClaims(text: string, options: ExtractClaimsOptions = {}): Claim[] {
  const out: Claim[] = [];
  const resolver = new SpeakerResolver();
  // the last claim, while quotes with no cue of their own may still continue it
  let previous: { raw: RawClaim; claim: Claim; p: Paragraph; extra: Span[] } | null = null;
  // claims whose content is a bare adverbial ("apologized the following week"), kept only if a quote continues them
  const adverbial = new Set<Claim>();
  // the last paragraph when it was a bare quotation that no claim took up
  let loneQuote: Span | null = null;
  for (const [ps, pe] of paragraphRanges(text, options.paragraphs)) {
    const p = buildParagraph(text, ps, pe);
    const byline = loneQuote ? dashByline(text, p, loneQuote, resolver) : null;
    if (byline) {
      out.push(byline);
      loneQuote = null;
      previous = null;
      continue;
    }
    const claimsBefore = out.length;
    const extraBefore = previous?.extra.length ?? 0;
    let firstSentence = true;
    // "MOSS: And obviously, …": a speaker label at the paragraph start owns the whole paragraph
    let label: { raw: RawClaim; claim: Claim } | null = null;
    for (const sent of p.sentences) {
      observeNames(p, sent.first, sent.end, resolver);
      if (label) {
        const frag = label.raw.content[label.raw.content.length - 1]!;
        frag[1] = trimQuoteSentence(p, sent.first, sent.end)[1];
        Object.assign(label.claim, contentFields(text, p, label.raw.content));
        for (const raw of extractSentence(p, sent)) {
          const ic = toClaim(text, p, raw, resolver);
          ic.nested = true;
          out.push(ic);
        }
        continue;
      }
      const raws = extractSentence(p, sent);
      if (raws.length === 0) {
        // a quote with no cue of its own continues the previous claim, direct or not
        // (in the same paragraph, or as the whole next paragraph): +0.4 content F1 on train
        // over continuing direct quotes only
        const sameParagraph = previous !== null && previous.p === p;
        if (previous && (sameParagraph || (firstSentence && p.sentences.every((x) => isWholeQuote(p, x.first, x.end)))) && continuesQuote(p, sent.first, sent.end)) {
          const frag = trimQuoteSentence(p, sent.first, sent.end);
          if (sameParagraph) previous.raw.content.push(frag);
          else previous.extra.push(span(text, p, frag));
          adverbial.delete(previous.claim);
          Object.assign(previous.claim, contentFields(text, previous.p, previous.raw.content, previous.extra));
          previous.claim.quoteType = quoteType(previous.p, previous.raw.content);
        } else {
          previous = null;
        }
        firstSentence = false;
        continue;
      }
      firstSentence = false;
      for (const raw of raws) {
        const claim = toClaim(text, p, raw, resolver);
        claim.hedges = hedgesAround(text, p, sent.first, sent.end);
        out.push(claim);
        if (adverbialOnly(p, raw.content)) adverbial.add(claim);
        // a following quote continues the sentence's main (first) claim, not ", adding …" or ", referring to X"
        if (raw === raws[0]) previous = { raw, claim, p, extra: [] };
        if (raw.lemma === ':' && raw.cue[0] > 0 && raw.source?.[0] === 0 && sent.first === 0 && raws.length === 1 && p.tokens[raw.content[0]![0]]!.quote < 0) label = { raw, claim };
        for (const inner of nestedClaims(p, raw)) {
          const ic = toClaim(text, p, inner, resolver);
          ic.nested = true;
          ic.hedges = claim.hedges;
          out.push(ic);
        }
      }
    }
    const unused = out.length === claimsBefore && (previous?.extra.length ?? 0) === extraBefore;
    loneQuote = unused && p.quotes.length > 0 && p.sentences.every((x) => isWholeQuote(p, x.first, x.end)) ? span(text, p, [0, p.tokens.length]) : null;
  }
  return adverbial.size > 0 ? out.filter((c) => !adverbial.has(c)) : out;
}

/**
 * "“… the whole harbour.”" ⏎ "- Mia Roe": a dash line with a short name
 * under a quotation paragraph names its speaker (fact-check and quote-box layouts).
 */
function dashByline(text: string, p: Paragraph, quote: Span, resolver: SpeakerResolver): Claim | null {
  const toks = p.tokens;
  if (toks.length < 2 || toks.length > 20 || !/^[-—–]$/.test(toks[0]!.w) || !/^\p{Lu}/u.test(toks[1]!.w)) return null;
  let e = 1;
  while (e < toks.length && e <= 6 && (/^\p{Lu}/u.test(toks[e]!.w) || (toks[e]!.w === '.' && toks[e - 1]!.end === toks[e]!.start && e + 1 < toks.length && /^\p{Lu}/u.test(toks[e + 1]!.w)))) e++;
  if (e < toks.length && !/^[,.]$/.test(toks[e]!.w)) return null;
  const source = span(text, p, [1, e]);
  const who = resolver.resolve(source.text, source.start);
  return {
    source,
    speaker: who.speaker,
    speakerType: who.type,
    cue: span(text, p, [0, 1]),
    content: quote,
    stance: 'assert',
    negated: false,
    quoteType: 'direct',
    nested: false,
    hedges: [],
  };
}

/**
 * A short id for a claim, stable as long as the same text yields the same
 * cue and content offsets.
 *
 * @example
 * claimId('a1b2', claim) // '3f9c0e1d2b7a6c54'
 */
export function claimId(articleId: string, claim: Claim): string {
  const frags = claim.contentFragments ?? [claim.content];
  const key = [articleId, claim.cue.start, claim.cue.end, ...frags.flatMap((f) => [f.start, f.end])].join(':');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function span(text: string, p: Paragraph, [s, e]: TokRange): Span {
  const start = p.tokens[s]!.start;
  const end = p.tokens[e - 1]!.end;
  return { text: text.slice(start, end), start, end };
}

function contentFields(text: string, p: Paragraph, frags: TokRange[], extra: Span[] = []): Pick<Claim, 'content' | 'contentFragments'> {
  const spans = [...frags.map((f) => span(text, p, f)), ...extra].sort((a, b) => a.start - b.start);
  const start = spans[0]!.start;
  const end = spans[spans.length - 1]!.end;
  const content = { text: text.slice(start, end), start, end };
  return spans.length > 1 ? { content, contentFragments: spans } : { content, contentFragments: undefined };
}

function quoteType(p: Paragraph, frags: TokRange[]): Claim['quoteType'] {
  let quoted = 0;
  let words = 0;
  for (const [s, e] of frags) {
    for (let i = s; i < e; i++) {
      const t = p.tokens[i]!;
      if (t.kind !== 'word') continue;
      words++;
      if (t.quote >= 0) quoted++;
    }
  }
  if (words === 0 || quoted === 0) return 'indirect';
  return quoted >= words * 0.9 ? 'direct' : 'mixed';
}

function toClaim(text: string, p: Paragraph, raw: RawClaim, resolver: SpeakerResolver): Claim {
  const source = raw.source && raw.source[1] > raw.source[0] ? span(text, p, raw.source) : null;
  const who = source ? resolver.resolve(source.text, source.start) : { speaker: null, type: null };
  const claim: Claim = {
    source,
    speaker: who.speaker,
    speakerType: who.type,
    cue: span(text, p, raw.cue),
    ...contentFields(text, p, raw.content),
    stance: raw.stance,
    negated: raw.negated,
    quoteType: quoteType(p, raw.content),
    nested: raw.nested,
    hedges: [],
  };
  if (!claim.contentFragments) delete claim.contentFragments;
  return claim;
}

/** Inner attributions inside an indirect content ("a source denied X, the Courier reported"). */
function nestedClaims(p: Paragraph, raw: RawClaim): RawClaim[] {
  if (raw.content.length !== 1) return [];
  const [s, e] = raw.content[0]!;
  if (e - s < 4 || p.tokens[s]!.quote >= 0) return [];
  const inner = extractSentence(p, { first: s, end: e });
  // an inner claim needs a source and a clause or object, not a prepositional tail
  return inner
    .filter((c) => c.head !== raw.head && c.source !== null && !/^(to|with|about|on|for)$/.test(p.tokens[c.content[0]![0]]!.lw))
    .map((c) => ({ ...c, nested: true }));
}

function isWholeQuote(p: Paragraph, first: number, end: number): boolean {
  const t = p.tokens[first]!;
  if (t.quote < 0) return false;
  const q = p.quotes[t.quote]!;
  return q.first === first && q.last >= end - 2;
}

/**
 * A sentence that goes on quoting: a quotation from start to end, maybe after a
 * connective and with a short narrative piece inside ("But “… It helps.”",
 * "“This was a case of Pike” and his crew “just quietly agreeing …”").
 */
function continuesQuote(p: Paragraph, first: number, end: number): boolean {
  const toks = p.tokens;
  const s = /^(but|and|so|yet|still|or)$/.test(toks[first]!.lw) && toks[first]!.quote < 0 ? first + 1 : first;
  if (s >= end || toks[s]!.quote < 0 || toks[s]!.kind === 'word') return false;
  let e = end;
  while (e > s + 1 && toks[e - 1]!.quote < 0 && /^[.,;:!?]$/.test(toks[e - 1]!.w)) e--;
  if (toks[e - 1]!.quote >= 0) return true;
  // "“They like the plan, but they aren't ready yet” to back it": a short tail after the quotation,
  // not a speaker tag ("… ,” an angry Lindqvist retaliated")
  const q = p.quotes[toks[s]!.quote]!;
  return q.closed && e - q.last <= 8 && !toks.slice(q.last + 1, e).some((t) => t.quote >= 0 || VERB_FORMS.has(t.lw) || /ed$/.test(t.lw));
}

function trimQuoteSentence(p: Paragraph, first: number, end: number): TokRange {
  let e = end;
  while (e > first + 1 && p.tokens[e - 1]!.quote < 0 && /^[.,;:]$/.test(p.tokens[e - 1]!.w)) e--;
  return [first, e];
}

function hedgesAround(text: string, p: Paragraph, first: number, end: number): string[] {
  const s = p.tokens[first]!.start;
  // the next sentence often carries "… could not be independently verified"
  const e = Math.min(text.length, p.tokens[end - 1]!.end + 160);
  const window = text.slice(s, e);
  const sentence = text.slice(s, p.tokens[end - 1]!.end);
  const found: string[] = [];
  for (const [re, label] of HEDGE_PATTERNS) {
    const m = (label === '' ? window : sentence).match(re);
    if (m) found.push(label || m[0].replace(/[.\s]+$/, ''));
  }
  return found;
}

/** Registers multi-word proper names of a sentence so that short forms resolve later. */
function observeNames(p: Paragraph, first: number, end: number, resolver: SpeakerResolver): void {
  const toks: Token[] = p.tokens;
  let i = first;
  while (i < end) {
    if (!/^\p{Lu}/u.test(toks[i]!.w) || toks[i]!.kind !== 'word') {
      i++;
      continue;
    }
    let j = i;
    while (j < end && ((toks[j]!.kind === 'word' && (/^\p{Lu}/u.test(toks[j]!.w) || (/^(of|for|the|al)$/.test(toks[j]!.w) && j + 1 < end && /^\p{Lu}/u.test(toks[j + 1]!.w)))) || (toks[j]!.w === '.' && j > i && toks[j - 1]!.end === toks[j]!.start && /^(Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|[A-Z])$/.test(toks[j - 1]!.w)))) j++;
    if (j - i >= 2) {
      const phrase = p.tokens.slice(i, j).map((t) => t.w).join(' ').replace(/ \./g, '.');
      const name = stripTitles(properName(phrase.replace(/^\S+-(?:based|backed|led)\s+/, '')));
      if (name && name.includes(' ')) resolver.observe(name, classify(name, name), toks[i]!.start, i === first);
    }
    i = Math.max(j, i + 1);
  }
}
