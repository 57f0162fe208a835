/**
 * Main-content extraction on the light tree (tree.ts).
 *
 * 1. Score every block by its own inline text: long or sentence-like text with few
 *    links is worth +length, link lists −length, short label-like text −¼ length.
 * 2. Boilerplate containers (by tag, role, hidden state, class/id words) are removed
 *    unless they hold a large share of the page's good text — a guard against
 *    `<div class="article-body share-enabled">` taking the article with it.
 * 3. Runs of teaser cards (≥ 3 same-class siblings that open with a linked headline:
 *    "more news", story rivers) are removed: their blurbs look like prose.
 * 4. The container is the element whose subtree has the highest summed score: it
 *    gathers every paragraph of the article, and stops growing where the page around
 *    it adds more link lists and labels than text. It is narrowed to a descendant
 *    marked as the body (itemprop=articleBody, `article-body`, `<article>`) that holds
 *    most of its good text.
 * 5. Inside it, blocks are emitted in document order; link-dense and label-only
 *    sub-containers, hover cards, bylines, dates, captions and repeated lines are
 *    dropped. Table rows become one paragraph each.
 * 6. Fallbacks: a relaxed pass (soft boilerplate kept) when the text is under 100
 *    words, JSON-LD `articleBody` when the page's own text is much shorter than it.
 */
import { BLOCK_TAGS, type LElement, type LNode, type PageTree } from './tree.ts';
import { parseDate } from './dates.ts';

interface Stats {
  inline: number;
  inlineLink: number;
  punct: number;
}

const HEADING = /^h[1-6]$/;
const SENTENCE_PUNCT = /[.!?。！？]["'”’)]?(?=\s|$)|[,，、]/g;

/** Own-text score of a block; see the module comment. Thresholds tuned on the dev split. */
function blockScore(tag: string, len: number, linkLen: number, punct: number): { value: number; good: number } {
  if (len === 0 || HEADING.test(tag)) return { value: 0, good: 0 };
  const density = linkLen / len;
  if (density >= 0.5) return { value: -len, good: 0 };
  if (len >= 100 || (len >= 40 && punct >= 1)) return { value: len * (1 - density), good: len };
  // Short plain text: a label ("Share", "Advertisement") costs a little; a table cell
  // or list item without links is neutral (data tables, ingredient lists).
  return { value: CELL_TAGS.has(tag) ? 0 : -0.25 * len, good: 0 };
}
const CELL_TAGS = new Set(['td', 'th', 'tr', 'li', 'dd', 'dt']);

/** Elements of the subtree in pre-order (parents before children), removed ones left out. */
function preorder(root: LElement): LElement[] {
  const out: LElement[] = [];
  const stack: LElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.removed) continue;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

function countPunct(s: string): number {
  let n = 0;
  SENTENCE_PUNCT.lastIndex = 0;
  while (SENTENCE_PUNCT.exec(s)) n++;
  return n;
}

/** Fills textLen / linkLen / goodLen / value bottom-up over the non-removed subtree. */
export function computeStats(root: LElement): void {
  const order = preorder(root);
  const stats = new Map<LElement, Stats>();
  for (let k = order.length - 1; k >= 0; k--) {
    const el = order[k]!;
    let inline = 0, inlineLink = 0, punct = 0, textLen = 0, linkLen = 0, good = 0, value = 0;
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (c === ' ') continue; // whitespace between tags (collapsed in tree.ts)
        const n = c.length;
        inline += n;
        textLen += n;
        if (n > 1) punct += countPunct(c);
        continue;
      }
      if (c.removed) continue;
      textLen += c.textLen;
      linkLen += c.linkLen;
      good += c.goodLen;
      value += c.value;
      if (!BLOCK_TAGS.has(c.tag)) {
        const s = stats.get(c)!;
        inline += s.inline;
        inlineLink += s.inlineLink;
        punct += s.punct;
      }
    }
    if (el.tag === 'a') {
      inlineLink = inline;
      linkLen = textLen;
    }
    if (BLOCK_TAGS.has(el.tag)) {
      const own = blockScore(el.tag, inline, inlineLink, punct);
      value += own.value;
      good += own.good;
      inline = inlineLink = punct = 0;
    }
    el.textLen = textLen;
    el.linkLen = linkLen;
    el.goodLen = good;
    el.value = value;
    stats.set(el, { inline, inlineLink, punct });
  }
}

/**
 * Removes boilerplate containers: strong ones (comments, share bars, related links…)
 * unless they hold ≥ 60% of the page's good text, soft ones (aside, header, figure,
 * hidden, role=complementary…) unless they hold ≥ 30%.
 */
function removeJunk(body: LElement, strict: boolean): void {
  const total = Math.max(1, body.goodLen);
  for (const el of preorder(body)) {
    if (el.junk === 0) continue;
    const share = el.goodLen / total;
    if (el.junk === 2 ? share < 0.6 : share < (strict ? 0.3 : 0.05)) el.removed = true;
  }
}

function clearRemoved(body: LElement): void {
  const stack: LElement[] = [body];
  while (stack.length > 0) {
    const el = stack.pop()!;
    el.removed = false;
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
}

/** The element with the highest summed score; the deepest one on a tie. */
function pickContainer(body: LElement): LElement {
  let best = body;
  for (const el of preorder(body)) {
    if (el.value >= best.value && el.goodLen > 0) best = el;
  }
  return best;
}

export interface Paragraph {
  text: string;
  tag: string;
}

const KEEP_CONTAINERS = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whether a sub-container of the article should be left out of the text. */
function skipInside(el: LElement): boolean {
  if (el.removed) return true;
  if (el.textLen === 0) return false;
  // Inside a sentence, a long run of links (a hover card, "related: A | B | C") is not prose.
  if (!BLOCK_TAGS.has(el.tag)) return el.tag !== 'a' && el.textLen > 150 && el.linkLen / el.textLen > 0.8;
  const density = el.linkLen / el.textLen;
  if (el.tag === 'p') return density > 0.9 && el.textLen < 200;
  if (density > 0.5) return true;
  if (KEEP_CONTAINERS.has(el.tag) && el.tag !== 'li') return false;
  if (isTeaserCard(el)) return true;
  if (el.tag === 'li') return false;
  return el.value < 0 && el.goodLen === 0 && el.textLen < 300;
}

/**
 * A link to another story with its blurb ("related", "more from", river of news):
 * a small container that starts with a linked headline.
 */
function isTeaserCard(el: LElement): boolean {
  if (el.textLen > 800) return false;
  for (const child of firstElements(el, 3)) {
    if (HEADING.test(child.tag) && child.textLen > 0 && child.linkLen / child.textLen > 0.8) return true;
    if (child.tag === 'a' && child.textLen >= 20 && child.textLen < el.textLen) return true;
  }
  return false;
}

/** The first few headings and links in document order, unless text comes first. */
function firstElements(el: LElement, n: number): LElement[] {
  const out: LElement[] = [];
  const stack: LNode[] = [...el.children].reverse();
  while (stack.length > 0 && out.length < n) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      // Running text before any heading or link: not a card. A short kicker ("REINDEER GAMES") is allowed.
      if (node.trim().length > 40) return out;
      continue;
    }
    // Removed nodes count here: a card's headline often sits in a (removed) <header>.
    if (node.textLen === 0) continue;
    if (HEADING.test(node.tag) || node.tag === 'a') out.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Walks the container and cuts its text into paragraphs at block boundaries. */
function emit(container: LElement): Paragraph[] {
  const out: Paragraph[] = [];
  let buf: string[] = [];
  let blockTag = container.tag;
  const flush = (): void => {
    if (buf.length === 0) return;
    const text = buf.join('').replace(/\s+/g, ' ').trim();
    buf = [];
    if (text) out.push({ text, tag: blockTag });
  };
  // Entries are nodes to visit, or a marker object closing a block.
  type Item = LNode | { close: LElement };
  const stack: Item[] = [container];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      buf.push(item);
      continue;
    }
    if ('close' in item) {
      // A table row is one paragraph: its cells are joined by spaces.
      if (item.close.tag === 'td' || item.close.tag === 'th') buf.push(' ');
      else if (BLOCK_TAGS.has(item.close.tag)) flush();
      continue;
    }
    const el = item;
    if (el !== container && skipInside(el)) continue;
    if (el.tag === 'br') {
      flush();
      continue;
    }
    if (el.tag === 'td' || el.tag === 'th') buf.push(' ');
    else if (BLOCK_TAGS.has(el.tag)) {
      flush();
      blockTag = el.tag;
    }
    stack.push({ close: el });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  flush();
  return out;
}

const BOILERPLATE_LINE =
  /^(?:advertisement|advertising|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|share( this)?( article| story| on \w+)?|tweet|email|print|comments?|\d+ comments?|read more|related( articles| stories| coverage)?|see also|sign up( for)?.*newsletter.*|subscribe( now)?|follow us.*|click here.*|image \d+ of \d+|(photo|image|video|credit|source)s?:.*|(getty images|ap photo|reuters|afp|shutterstock)\b.*|skip (to|ad).*|loading\.*|we use cookies.*|(?:this )?(?:slideshow|video|content|page|feature) requires javascript.*|(?:please )?enable javascript.*|\[\w+[^\]]*\].*\[\/\w+\]|this (article|story) (was|has been) (updated|corrected).{0,40})$/i;
const DATE_LINE = /^(?:published|updated|posted|last updated|first published|created|modified)\b/i;
const TEXT_BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'blockquote', 'dd', 'dt', 'pre']);
const BYLINE_LINE = /^(by|von|par|por|di|door|av|written by|reporting by|words by)\s+\S/i;

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Drops title, byline, date and boilerplate lines and short lines repeated on the page. */
function filterParagraphs(paras: Paragraph[], title: string | null): Paragraph[] {
  const titleKey = title ? norm(title) : null;
  const counts = new Map<string, number>();
  for (const p of paras) if (p.text.length < 80) counts.set(p.text, (counts.get(p.text) ?? 0) + 1);
  return paras.filter((p, i) => {
    const t = p.text;
    // Repeated short lines ("Advertisement", "Continue reading") are furniture, but only
    // outside text blocks: a recipe repeats "Eat every 2–3 hours" on purpose.
    if (t.length < 80 && (counts.get(t) ?? 0) > 1 && !TEXT_BLOCK.has(p.tag)) return false;
    if (t.length < 160 && BOILERPLATE_LINE.test(t)) return false;
    if (titleKey && i < 5 && norm(t) === titleKey) return false;
    if (t.length < 100 && BYLINE_LINE.test(t) && !/[.!?]$/.test(t)) return false;
    if (t.length < 120 && DATE_LINE.test(t) && parseDate(t, { textual: true })) return false;
    if (t.length < 70 && !/[.!?]$/.test(t) && parseDate(t, { textual: true }) && t.split(/\s+/).length <= 10) return false;
    return true;
  });
}

export interface BodyResult {
  paragraphs: string[];
  container: LElement;
}

function wordCount(paras: string[]): number {
  let n = 0;
  for (const p of paras) n += p.split(/\s+/).filter(Boolean).length;
  return n;
}

/**
 * Removes runs of teaser cards: three or more sibling containers with the same tag and
 * class that each start with a linked headline ("more news", story rivers). One card
 * alone may be the article's own list item; a run of them is navigation.
 */
function removeCardRuns(body: LElement): number {
  let removed = 0;
  for (const el of preorder(body)) {
    const groups = new Map<string, LElement[]>();
    for (const c of el.children) {
      if (typeof c === 'string' || c.removed || !BLOCK_TAGS.has(c.tag)) continue;
      const key = `${c.tag}|${c.classId.replace(/\d+/g, '')}`;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    for (const list of groups.values()) {
      if (list.length < 3) continue;
      const cards = list.filter((c) => isTeaserCard(c));
      if (cards.length >= 3 && cards.length >= list.length * 0.6) {
        for (const c of cards) c.removed = true;
        removed += cards.length;
      }
    }
  }
  return removed;
}

/** Class/id words of containers that hold an article body. */
const CONTENT_HINT = /(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|entry-?content|post-?content|post-?body|body-?copy|article__body|articletext|main-?content|rich-?text|content-?body|text-?body)(?=$|[\s_-])/;

/**
 * Narrows the best-scoring container to a descendant marked as the article body
 * (itemprop=articleBody, `article-body`-like class, `<article>`) when that descendant
 * holds most of its good text: the rest is then teasers or boilerplate.
 */
function narrowContainer(best: LElement): LElement {
  let chosen = best;
  for (const el of preorder(best)) {
    if (el === best) continue;
    const hinted = el.attrs.itemprop === 'articleBody' || CONTENT_HINT.test(el.classId) || el.tag === 'article';
    if (hinted && el.goodLen >= chosen.goodLen * 0.75 && el.goodLen >= best.goodLen * 0.6) chosen = el;
  }
  return chosen;
}

function run(tree: PageTree, title: string | null, strict: boolean): BodyResult {
  clearRemoved(tree.body);
  computeStats(tree.body);
  removeJunk(tree.body, strict);
  computeStats(tree.body);
  if (removeCardRuns(tree.body) > 0) computeStats(tree.body);
  const container = narrowContainer(pickContainer(tree.body));
  const paragraphs = filterParagraphs(emit(container), title).map((p) => p.text);
  return { paragraphs, container };
}

/**
 * Extracts the article's paragraphs from the page tree. Falls back to a less strict
 * pass when the first container is short, and to JSON-LD `articleBody` when even that
 * yields much less than the page's structured data says the article holds.
 */
export function extractBody(tree: PageTree, options: { title: string | null; articleBody: string | null }): BodyResult {
  let result = run(tree, options.title, true);
  let words = wordCount(result.paragraphs);
  if (words < 100) {
    const relaxed = run(tree, options.title, false);
    const relaxedWords = wordCount(relaxed.paragraphs);
    if (relaxedWords > words * 1.5) {
      result = relaxed;
      words = relaxedWords;
    }
  }
  const ld = options.articleBody;
  if (ld) {
    const ldParas = ld.split(/\n\s*\n|\r?\n/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const ldWords = wordCount(ldParas);
    if (ldWords >= 50 && words < ldWords * 0.6) result = { paragraphs: ldParas, container: result.container };
  }
  return result;
}
