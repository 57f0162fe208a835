/**
 * A light copy of the jsdom document: plain objects that the body and metadata
 * passes can walk many times for the price of one walk over jsdom's wrappers
 * (every jsdom property read crosses a wrapper; a plain object's does not).
 */
import { PageTooLargeError } from '../errors.ts';

export interface LElement {
  tag: string;
  /** Lower-cased `class` + ' ' + `id`, for the boilerplate patterns. */
  classId: string;
  attrs: Record<string, string>;
  children: LNode[];
  parent: LElement | null;
  /** 0 = content, 1 = boilerplate unless it holds much of the page's text, 2 = boilerplate. */
  junk: 0 | 1 | 2;
  removed: boolean;
  // Filled by the statistics pass (body.ts).
  textLen: number;
  linkLen: number;
  goodLen: number;
  value: number;
}
export type LNode = LElement | string;

export interface TreeLimits {
  maxElements: number;
  maxDepth: number;
}

export interface PageTree {
  root: LElement;
  body: LElement;
  title: string | null;
  htmlLang: string | null;
  metas: Array<Record<string, string>>;
  links: Array<Record<string, string>>;
  times: LElement[];
  /** Elements whose class, id, rel or itemprop names an author or byline. */
  bylines: LElement[];
  /** Elements whose class, id or itemprop names a publication date. */
  dateNodes: LElement[];
  /** Elements carrying microdata `itemprop` (headline, datePublished, ...). */
  itemprops: LElement[];
  h1s: LElement[];
  elementCount: number;
  maxDepth: number;
}

/** Never descended into: no article text lives there (JSON-LD was read before parsing). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'source', 'track', 'select', 'option', 'button', 'input', 'textarea', 'map', 'img', 'picture', 'dialog',
]);
const HARD_JUNK_TAGS = new Set(['nav', 'menu', 'figcaption']);
const SOFT_JUNK_TAGS = new Set(['aside', 'footer', 'header', 'form', 'figure']);
const JUNK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alertdialog', 'search', 'toolbar', 'tablist', 'alert']);

// Class/id words that mark boilerplate. Matched as whole words between separators
// (space, '-', '_') or as camelCase parts, so `article-share-bar` and `shareBar` match
// but `shared` does not.
const JUNK_WORDS =
  'comments?|commentlist|comment-?list|disqus|share|sharing|shares|sharebar|share-?tools|social|sociable|socials|related|recommend|recommended|recommendations|' +
  'newsletter|newsletters|subscribe|subscription|signup|sign-up|cookie|cookies|consent|gdpr|promo|promos|promotion|advert|advertisement|adverts|' +
  'ads?|adslot|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|sponsor|sponsored|outbrain|taboola|breadcrumbs?|byline|bylines|author-?bio|author-?info|' +
  'caption|captions|credit|credits|toolbar|popup|modal|overlay|sidebar|side-?bar|widget|widgets|trending|most-?popular|most-?read|popular|' +
  'more-?stories|read-?more|readmore|read-?next|up-?next|footer|masthead|navbar|nav|navigation|menu|pagination|pager|tags|tag-?list|taglist|keywords|' +
  'topics|print|email|follow|rss|skip|skiplink|jump|banner|login|register|paywall-?prompt|survey|poll|tooltip|popover|rollover|hovercard|visually-?hidden|sr-?only|screen-?reader';
const JUNK_RE = new RegExp(`(?:^|[\\s_-])(?:${JUNK_WORDS})(?=$|[\\s_-])`);
/** Embedded posts (tweets, Instagram) are part of the story even inside `social-embed` wrappers. */
const EMBED_RE = /embed|tweet|instagram|tiktok|reddit-card/;
/** Words that say a container holds the article; such an element is only softly junk. */
const KEEP_RE = /(?:^|[\s_-])(?:article|story|entry|post|content|body|main|text|prose|rich-?text)(?=$|[\s_-])/;
const BYLINE_RE = /(?:^|[\s_-])(?:byline|bylines|author|authors|author-?name|writer|contributor|creator|reporter|by)(?=$|[\s_-])/;
const DATE_RE = /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|publish-?date|posted|post-?date|updated|article-?date)(?=$|[\s_-])/;

/** Turns `fooBar` into `foo-bar` so camelCase names match the word patterns. */
function splitCamel(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2');
}

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function classify(tag: string, attrs: Record<string, string>, classId: string): 0 | 1 | 2 {
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return 0;
  if (HARD_JUNK_TAGS.has(tag)) return 2;
  const role = attrs.role;
  if (role && JUNK_ROLES.has(role)) return 1;
  if (isHidden(attrs)) return 1;
  if (classId && JUNK_RE.test(classId) && !EMBED_RE.test(classId)) {
    if (KEEP_RE.test(classId) || tag === 'p' || /^h[1-6]$/.test(tag) || tag === 'blockquote') return 1;
    return 2;
  }
  return SOFT_JUNK_TAGS.has(tag) ? 1 : 0;
}

function newElement(tag: string, attrs: Record<string, string>, parent: LElement | null): LElement {
  const rawClassId = `${attrs.class ?? ''} ${attrs.id ?? ''}`.trim();
  const classId = rawClassId ? splitCamel(rawClassId).toLowerCase() : '';
  return {
    tag, classId, attrs, children: [], parent, junk: classify(tag, attrs, classId), removed: false,
    textLen: 0, linkLen: 0, goodLen: 0, value: 0,
  };
}

const WHITESPACE = /\s+/g;

// jsdom node types, by their DOM numbers.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** The few jsdom Node members the walk reads. */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  localName?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
}

/**
 * Walks the jsdom document once (iteratively: deep pages must not overflow the stack)
 * and returns the light tree plus everything the metadata pass needs from `<head>`.
 * Throws {@link PageTooLargeError} past the element-count or depth limit.
 */
export function buildTree(documentElement: DomNode, limits: TreeLimits): PageTree {
  const root = newElement('html', readAttrs(documentElement), null);
  const tree: PageTree = {
    root, body: root, title: null, htmlLang: root.attrs.lang ?? root.attrs['xml:lang'] ?? null,
    metas: [], links: [], times: [], bylines: [], dateNodes: [], itemprops: [], h1s: [], elementCount: 1, maxDepth: 0,
  };
  let bodyFound = false;
  // Stack of [next dom child to visit, light parent, depth].
  const stack: Array<{ dom: DomNode | null; parent: LElement; depth: number }> = [{ dom: documentElement.firstChild, parent: root, depth: 1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.dom;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.dom = node.nextSibling;
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_NODE) {
      const value = node.nodeValue;
      if (value) frame.parent.children.push(value.replace(WHITESPACE, ' '));
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    const tag = node.localName!;
    if (++tree.elementCount > limits.maxElements) {
      throw new PageTooLargeError(`Page has more than ${limits.maxElements} elements`);
    }
    if (frame.depth > tree.maxDepth) {
      tree.maxDepth = frame.depth;
      if (frame.depth > limits.maxDepth) throw new PageTooLargeError(`Page nests elements deeper than ${limits.maxDepth} levels`);
    }
    if (tag === 'meta') {
      tree.metas.push(readAttrs(node));
      continue;
    }
    if (tag === 'link') {
      tree.links.push(readAttrs(node));
      continue;
    }
    if (tag === 'title') {
      if (tree.title === null) tree.title = node.textContent ?? '';
      continue;
    }
    if (tag === 'head') {
      // Descend into head only for its meta/link/title children.
      stack.push({ dom: node.firstChild, parent: newElement('head', {}, null), depth: frame.depth + 1 });
      continue;
    }
    if (SKIP.has(tag)) continue;
    const el = newElement(tag, readAttrs(node), frame.parent);
    frame.parent.children.push(el);
    if (tag === 'body' && !bodyFound) {
      tree.body = el;
      bodyFound = true;
    } else if (tag === 'time') tree.times.push(el);
    else if (tag === 'h1') tree.h1s.push(el);
    const a = el.attrs;
    if (a.itemprop) tree.itemprops.push(el);
    if (a.rel === 'author' || (el.classId && BYLINE_RE.test(el.classId)) || /\bauthor\b/i.test(a.itemprop ?? '')) tree.bylines.push(el);
    if (el.classId && DATE_RE.test(el.classId)) tree.dateNodes.push(el);
    stack.push({ dom: node.firstChild, parent: el, depth: frame.depth + 1 });
  }
  return tree;
}

function readAttrs(node: DomNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes;
  if (!list) return out;
  for (let i = 0; i < list.length; i++) {
    const attr = list[i]!;
    out[attr.name.toLowerCase()] = attr.value;
  }
  return out;
}

/** The collapsed text of an element (removed descendants included: used for metadata). */
export function textOf(el: LElement, options: { skipRemoved?: boolean } = {}): string {
  const parts: string[] = [];
  const stack: LNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (options.skipRemoved && node.removed) continue;
    if (node.tag === 'br' || BLOCK_TAGS.has(node.tag)) parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Tags that start a new paragraph of output text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption',
  'header', 'footer', 'aside', 'nav', 'form', 'fieldset', 'address', 'details', 'summary', 'center', 'body', 'html',
  'hr', 'hgroup', 'menu', 'legend', 'output',
]);
