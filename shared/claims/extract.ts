/**
 * Rule-based attribution finder: per sentence, a cue (reporting verb group,
 * "according to", a quotation colon) and the source and content around it.
 */
import type { Stance } from '../types.ts';
import { AUXILIARIES, CUE_NOUNS, LEMMA_STANCE, NEGATIONS, NOUNISH, RECIPIENT_VERBS, VERB_FORMS } from './lexicon.ts';
import type { Paragraph, Sentence, Token } from './tokens.ts';

/** Token ranges [first, end) inside one paragraph. */
export type TokRange = [number, number];

export interface RawClaim {
  source: TokRange | null;
  cue: TokRange;
  /** One range, or several for content split around the cue. */
  content: TokRange[];
  lemma: string;
  stance: Stance;
  negated: boolean;
  /** Token index of the cue's head word. */
  head: number;
  nested: boolean;
}

const DETERMINERS = new Set(
  `a an the this these those his her its their our my your no any some every each such what whose another
  of in for with on at from into about as`.split(/\s+/),
);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'that']);
const SOURCE_STOPS = new Set(
  `that but because while when whereas if although though since where after before than so nor
  whether until unless once`.split(/\s+/),
);
const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '[', ']', '—', '–', '--', '?', '!']);
const TRAIL_PUNCT = new Set(['.', ',', ';', ':', '—', '–', '-']);

const isWord = (t: Token | undefined) => t !== undefined && t.kind === 'word';
const isCap = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.w);

function stanceOf(lemma: string): Stance {
  if (lemma === 'according') return 'report';
  return LEMMA_STANCE.get(lemma) ?? 'other';
}

/** Is token i a reporting verb used as a verb here? Returns its lemma. */
function verbCue(toks: Token[], i: number, first: number): string | null {
  const t = toks[i]!;
  if (t.kind !== 'word' || t.quote >= 0) return null;
  const lemma = VERB_FORMS.get(t.lw);
  if (!lemma) return null;
  const prev = i > first ? toks[i - 1] : undefined;
  const next = toks[i + 1];
  if (prev && DETERMINERS.has(prev.lw)) return null;
  // passive participle without auxiliary before "by" ("a source cited by agencies")
  if (next && next.lw === 'by' && /ed$|wn$|ound$/.test(t.lw) && !(prev && /^(has|have|had)$/.test(prev.lw))) return null;
  // passive "was reported", "is expected": not a sourced attribution
  if (prev && /^(is|was|were|are|be|been|being)$/.test(prev.lw) && /(ed|wn|ound|told|said)$/.test(t.lw)) {
    if (!(next && next.lw === 'as')) return null;
  }
  if (NOUNISH.has(t.lw)) {
    if (!prev) return null;
    const ok = SUBJECT_PRONOUNS.has(prev.lw) || AUXILIARIES.has(prev.lw) || /ly$/.test(prev.lw) || (isCap(prev) && i - 1 > first) || /s$/.test(prev.lw) && !/ss$/.test(prev.lw) && t.lw.endsWith('s') === false;
    if (!ok) return null;
  }
  if (t.lw.endsWith('ing')) {
    // "saying", "adding": participial cue after a comma or "by", else likely a gerund subject
    if (prev && !(prev.w === ',' || prev.lw === 'by' || prev.lw === 'while' || prev.lw === 'and' || AUXILIARIES.has(prev.lw) || prev.lw === 'been')) return null;
  }
  return lemma;
}

/** Extends a cue head leftwards over its auxiliaries and adverbs ("has repeatedly denied"). */
function verbGroupStart(toks: Token[], head: number, first: number): number {
  let s = head;
  while (s - 1 >= first) {
    const p = toks[s - 1]!;
    if (p.quote >= 0) break;
    if (AUXILIARIES.has(p.lw) || (/ly$/.test(p.lw) && p.lw.length > 3 && !isCap(p) && !/^(only|early|july|italy|family|ally|rally|supply|likely)$/.test(p.lw))) s--;
    else break;
  }
  return s;
}

/**
 * Extends a cue rightwards over the channel ("said in a statement", "wrote on
 * Twitter") and a quotation colon.
 */
function cueEnd(toks: Token[], head: number, end: number): number {
  let e = head + 1;
  // particle verbs
  const lw = toks[head]!.lw;
  const nx = toks[e];
  if (nx && /^(call|calls|called|calling)$/.test(lw) && nx.lw === 'for') e++;
  else if (nx && /^(point|points|pointed|pointing)$/.test(lw) && nx.lw === 'out') e++;
  const n1 = toks[e];
  const n2 = toks[e + 1];
  const n3 = toks[e + 2];
  if (n1 && (n1.lw === 'in' || n1.lw === 'on' || n1.lw === 'during') && n2 && n3 && /^(a|an|his|her|their|its|the)$/.test(n2.lw) && CUE_NOUNS.has(n3.lw)) e += 3;
  else if (n1 && n1.lw === 'on' && n2 && /^(twitter|facebook|instagram|cnn|fox|msnbc|abc|nbc|cbs|television|tv|radio)$/.test(n2.lw)) e += 2;
  const c = toks[e];
  if (c && c.w === ':' && e < end) e++;
  return e;
}

function negatedGroup(toks: Token[], s: number, head: number): boolean {
  for (let i = s; i < head; i++) if (NEGATIONS.has(toks[i]!.lw)) return true;
  return false;
}

/** Trims trailing sentence punctuation outside quotes. */
function trimRight(toks: Token[], s: number, e: number): number {
  while (e > s && toks[e - 1]!.quote < 0 && (TRAIL_PUNCT.has(toks[e - 1]!.w) || toks[e - 1]!.w === '?' && false)) e--;
  return e;
}

function trimLeft(toks: Token[], s: number, e: number): number {
  while (s < e && toks[s]!.quote < 0 && (TRAIL_PUNCT.has(toks[s]!.w) || toks[s]!.w === '(')) s++;
  return s;
}

/**
 * The source noun phrase before a cue that starts at `cs`: back to a clause
 * boundary; "Name, appositive, said" keeps the appositive.
 */
function sourceBefore(toks: Token[], cs: number, first: number): TokRange | null {
  let e = cs;
  let i = cs - 1;
  if (i >= first && toks[i]!.w === ',') {
    // appositive: Name , appositive , CUE
    let j = i - 1;
    while (j >= first && toks[j]!.w !== ',' && toks[j]!.quote < 0 && !CLAUSE_PUNCT.has(toks[j]!.w)) j--;
    if (j >= first && toks[j]!.w === ',' && i - j <= 25) {
      const name = npBack(toks, j, first);
      if (name) return [name, e];
    }
    return null;
  }
  const s = npBack(toks, cs, first);
  return s === null ? null : [s, e];
}

/** Start of the noun phrase that ends right before token `e`. */
function npBack(toks: Token[], e: number, first: number): number | null {
  let i = e - 1;
  let n = 0;
  while (i >= first && n < 14) {
    const t = toks[i]!;
    if (t.quote >= 0 && t.kind !== 'word') break;
    if (t.quote >= 0) break;
    if (t.w === ',' || CLAUSE_PUNCT.has(t.w) || t.w === '.') {
      if (t.w === '.' && i > first && toks[i - 1]!.end === t.start) { i--; n++; continue; }
      break;
    }
    if (SOURCE_STOPS.has(t.lw) && !(t.lw === 'that' && n === 0)) break;
    if ((t.lw === 'and' || t.lw === 'but' || t.lw === 'or') && !(isCap(toks[i + 1]) && isCap(toks[i - 1]))) break;
    if (VERB_FORMS.has(t.lw) && n > 0 && !NOUNISH.has(t.lw) && !/ed$/.test(t.lw)) break;
    i--;
    n++;
  }
  const s = i + 1;
  if (s >= e) return null;
  // leading sentence adverbials: "Shortly after, …" never reach here (comma); "Also, …" neither.
  return s;
}

/** The noun phrase after an inverted cue ("…, said the minister, who …"). */
function sourceAfter(toks: Token[], s: number, end: number): TokRange | null {
  let e = s;
  while (e < end) {
    const t = toks[e]!;
    if (t.quote >= 0 || CLAUSE_PUNCT.has(t.w)) break;
    if (t.w === ',') break;
    if (t.w === '.' && !(e > s && toks[e - 1]!.end === t.start && /^\p{Lu}\p{Ll}?$|^(mr|mrs|ms|dr|sen|rep|gov|gen|st|jr)$/iu.test(toks[e - 1]!.w))) break;
    if (/^(who|which|that|in|on|at|during|after|before|when|while|as)$/.test(t.lw) && e > s) break;
    e++;
  }
  return e > s ? [s, e] : null;
}

/** End (exclusive) of the quotation region that starts at token i. */
function quoteEnd(p: Paragraph, i: number): number {
  const q = p.tokens[i]!.quote;
  return q >= 0 ? p.quotes[q]!.last + 1 : i + 1;
}

function makeClaim(toks: Token[], source: TokRange | null, cue: TokRange, content: TokRange[], head: number, lemma: string): RawClaim | null {
  const frags = content.filter(([s, e]) => e > s);
  if (frags.length === 0) return null;
  return {
    source,
    cue,
    content: frags,
    lemma,
    stance: stanceOf(lemma),
    negated: negatedGroup(toks, cue[0], head),
    head,
    nested: false,
  };
}

/** Finds the attributions in one sentence (at most one outer one, for now). */
export function extractSentence(p: Paragraph, sent: Sentence): RawClaim[] {
  const toks = p.tokens;
  const { first, end } = sent;
  if (end - first < 3) return [];
  const last = trimRight(toks, first, end);

  // --- "according to X"
  for (let k = first; k + 1 < end; k++) {
    if (toks[k]!.lw !== 'according' || toks[k + 1]!.lw !== 'to' || toks[k]!.quote >= 0) continue;
    const cue: TokRange = [k, k + 2];
    if (trimLeft(toks, first, k) === k) {
      // According to X, C.
      let c = k + 2;
      while (c < last && toks[c]!.w !== ',') c++;
      const src: TokRange = [k + 2, c];
      const cs = trimLeft(toks, c, last);
      const claim = makeClaim(toks, src, cue, [[cs, last]], k, 'according');
      return claim ? [claim] : [];
    }
    // C, according to X(, …).
    const ce = trimRight(toks, first, k);
    const src = sourceAfterAccording(toks, k + 2, last);
    let contentEnd = ce;
    const frags: TokRange[] = [[trimLeft(toks, first, ce), contentEnd]];
    if (src[1] < last && toks[src[1]]!.w === ',') {
      const rest = trimLeft(toks, src[1], last);
      if (rest < last) frags.push([rest, last]);
    }
    const claim = makeClaim(toks, src, cue, frags, k, 'according');
    return claim ? [claim] : [];
  }

  // --- reporting verbs outside quotes
  const cands: Array<{ head: number; lemma: string }> = [];
  for (let i = first; i < end; i++) {
    const lemma = verbCue(toks, i, first);
    if (lemma) cands.push({ head: i, lemma });
  }

  // Inverted / postposed: "C, X said." "“C,” said X." "“A,” she said, “B.”"
  for (const c of cands) {
    const r = tryInverted(p, sent, c.head, c.lemma, last);
    if (r) return [r];
  }

  if (cands.length > 0) {
    const c = cands[0]!;
    const r = tryPreposed(p, sent, c.head, c.lemma, last);
    if (r) return [r];
  }

  // --- "Name: “quote”"
  for (let k = first + 1; k < Math.min(end, first + 8); k++) {
    const t = toks[k]!;
    if (t.w !== ':' || t.quote >= 0) continue;
    const nx = toks[k + 1];
    if (!nx || nx.quote < 0) break;
    const src = npBack(toks, k, first);
    if (src === null || src !== first) break;
    const claim = makeClaim(toks, [src, k], [k, k + 1], [[k + 1, last]], k, 'say');
    return claim ? [claim] : [];
  }
  return [];
}

function sourceAfterAccording(toks: Token[], s: number, last: number): TokRange {
  let e = s;
  while (e < last && toks[e]!.w !== ',' && !CLAUSE_PUNCT.has(toks[e]!.w) && toks[e]!.quote < 0) e++;
  return [s, e];
}

function tryInverted(p: Paragraph, sent: Sentence, head: number, lemma: string, last: number): RawClaim | null {
  const toks = p.tokens;
  const { first, end } = sent;
  const cs = verbGroupStart(toks, head, first);
  const ce = cueEnd(toks, head, end);
  // what follows the cue: the end, a source after the cue, or a continuation quote
  let before = cs - 1;
  // Source between the content and the cue?
  let src: TokRange | null = null;
  let contentEnd: number;
  if (before < first) return null;
  const prev = toks[before]!;
  if (prev.w === ',' || prev.kind === 'closeQuote' || (prev.kind === 'quote' && prev.quote >= 0)) {
    // ", said X" — source after the cue
    contentEnd = prev.w === ',' && toks[before - 1] && toks[before - 1]!.quote >= 0 ? before : before + (prev.w === ',' ? 0 : 1);
    if (prev.w === ',' && contentEnd === before && toks[before - 1]!.quote >= 0) contentEnd = before; // comma outside quote
    src = sourceAfter(toks, ce, last);
    if (!src) return null;
    const afterSrc = src[1];
    const tail = tailAfter(p, sent, afterSrc, last, true);
    if (tail === null) return null;
    const content = contentBefore(p, sent, contentEnd);
    if (!content) return null;
    return makeClaim(toks, src, [cs, ce], [content, ...tail], head, lemma);
  }
  // "C, X said" / "“C,” X, a spokesman, said"
  // locate the content end: the last comma / closing quote before a short NP
  let j = cs - 1;
  let appositive = false;
  if (toks[j]!.w === ',') { appositive = true; j--; }
  let commas = appositive ? 1 : 0;
  while (j >= first) {
    const t = toks[j]!;
    if (t.quote >= 0) break;
    if (t.w === ',') {
      commas++;
      if (!appositive || commas >= 2) break;
    }
    if (CLAUSE_PUNCT.has(t.w)) return null;
    if (t.lw === 'that' || t.lw === 'and' && !isCap(toks[j + 1])) return null;
    if (cs - j > 22) return null;
    j--;
  }
  if (j < first) return null;
  const bt = toks[j]!;
  const srcStart = j + 1;
  if (srcStart >= cs) return null;
  if (cs - srcStart > (appositive ? 25 : 9)) return null;
  if (bt.quote >= 0) contentEnd = j + 1;
  else if (bt.w === ',') contentEnd = toks[j - 1] && toks[j - 1]!.quote >= 0 ? j : j;
  else return null;
  if (bt.w === ',' && toks[j - 1] && toks[j - 1]!.quote >= 0) contentEnd = j;
  const tail = tailAfter(p, sent, ce, last, false);
  if (tail === null) return null;
  const content = contentBefore(p, sent, contentEnd);
  if (!content) return null;
  src = [srcStart, trimRight(toks, srcStart, cs) === cs - 1 && toks[cs - 1]!.w === ',' ? cs : cs];
  return makeClaim(toks, src, [cs, ce], [content, ...tail], head, lemma);
}

/** Content of an inverted attribution: from the sentence start to `e`. */
function contentBefore(p: Paragraph, sent: Sentence, e: number): TokRange | null {
  const toks = p.tokens;
  let s = trimLeft(toks, sent.first, e);
  // a leading adverbial before a quote: "Then, “…”" — keep it simple: from sentence start
  let ee = e;
  while (ee > s && toks[ee - 1]!.quote < 0 && TRAIL_PUNCT.has(toks[ee - 1]!.w)) ee--;
  if (ee - s < 2) return null;
  return [s, ee];
}

/**
 * What may follow an inverted cue (+ source): nothing but short adjuncts, or a
 * continuation quote (“A,” she said, “B.”). Returns the extra content
 * fragments, or null when the rest is a clause of its own.
 */
function tailAfter(p: Paragraph, sent: Sentence, s: number, last: number, sourceDone: boolean): TokRange[] | null {
  const toks = p.tokens;
  let i = s;
  let words = 0;
  while (i < last) {
    const t = toks[i]!;
    if (t.quote >= 0 && (t.kind === 'openQuote' || t.kind === 'quote')) {
      return [[i, trimRight(toks, i, last)]];
    }
    if (t.kind === 'word') words++;
    if (t.lw === 'that' && words <= 2) return null;
    i++;
  }
  const limit = sourceDone ? 12 : 6;
  if (words > limit) return null;
  return [];
}

function tryPreposed(p: Paragraph, sent: Sentence, head: number, lemma: string, last: number): RawClaim | null {
  const toks = p.tokens;
  const { first, end } = sent;
  const cs = verbGroupStart(toks, head, first);
  let ce = cueEnd(toks, head, end);
  const src = sourceBefore(toks, cs, first);
  let cStart = ce;
  // skip the recipient of "told reporters that", and adjuncts before "that"
  let thatAt = -1;
  for (let i = ce; i < Math.min(last, ce + 7); i++) {
    const t = toks[i]!;
    if (t.quote >= 0 || t.w === ',' && i > ce + 3) break;
    if (t.lw === 'that') { thatAt = i; break; }
    if (VERB_FORMS.has(t.lw) && !NOUNISH.has(t.lw)) break;
  }
  if (thatAt > ce) cStart = thatAt;
  else if (RECIPIENT_VERBS.has(lemma)) {
    const t = toks[ce];
    if (t && /^(him|her|them|me|us|you|reporters|journalists|supporters|voters|listeners|viewers|lawmakers|congress|cnn|msnbc|nbc|abc|cbs|fox)$/.test(t.lw)) cStart = ce + 1;
    else if (t && isCap(t)) {
      // "told The Associated Press on Monday …": skip a capitalized name + temporal adjunct
      let i = ce;
      while (i < last && (isCap(toks[i]) || /^(the|of|news|on|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|week|night|morning|evening)$/.test(toks[i]!.lw))) i++;
      if (i - ce <= 6) cStart = i;
    }
  } else {
    // temporal adjunct between the verb and its clause: "said on Tuesday the …"
    const t = toks[ce];
    if (t && (t.lw === 'on' || t.lw === 'earlier' || t.lw === 'last' || t.lw === 'this' || t.lw === 'late')) {
      let i = ce + 1;
      while (i < last && i < ce + 4 && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|evening|afternoon|this|last|earlier|in|the|day)$/.test(toks[i]!.lw)) i++;
      if (i > ce + 1) cStart = i;
    }
  }
  cStart = trimLeft(toks, cStart, last);
  if (cStart >= last) return null;
  const cEnd = trimRight(toks, cStart, last);
  if (cEnd - cStart < 1) return null;
  return makeClaim(toks, src, [cs, ce], [[cStart, cEnd]], head, lemma);
}
