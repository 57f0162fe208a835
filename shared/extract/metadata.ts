/**
 * Page metadata from the light tree and the page's JSON-LD, each field with the
 * source it came from. Order of trust: JSON-LD, then OpenGraph / article / Dublin
 * Core meta tags, then microdata and `<time>`, then the URL, then visible text.
 */
import type { ExtractedArticle, FieldOrigin } from '../types.ts';
import { dateFromUrl, parseDate, type ParsedDate } from './dates.ts';
import { detectLanguage, languageAgrees, normalizeLanguageTag } from './language.ts';
import { textOf, type LElement, type PageTree } from './tree.ts';
import { absoluteUrl, cleanUrl } from './url.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Everything extraction knows about a page except its body, plus two verdicts for the flags. */
export type Metadata = Pick<
  ExtractedArticle,
  'title' | 'authors' | 'publishedAt' | 'modifiedAt' | 'language' | 'siteName' | 'description' | 'canonicalUrl' | 'image' | 'section' | 'tags' | 'origins'
> & { paywall: boolean; articleLike: boolean };

// ---------- JSON-LD ----------

const ARTICLE_TYPE = /(Article|BlogPosting|Posting|Report|NewsArticle|Review|Blog)$/i;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Parses JSON-LD blocks leniently (raw newlines in strings, trailing semicolons, HTML comments). */
export function parseJsonLd(blocks: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const block of blocks) {
    const raw = block
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')
      .trim()
      .replace(/;\s*$/, '');
    if (!raw) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(raw) as Json;
    } catch {
      try {
        // eslint-disable-next-line no-control-regex
        parsed = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
      } catch {
        continue;
      }
    }
    const queue: Json[] = [parsed];
    while (queue.length > 0) {
      const item = queue.shift()!;
      if (Array.isArray(item)) queue.push(...item);
      else if (isObject(item)) {
        out.push(item);
        if (item['@graph']) queue.push(item['@graph']);
        if (isObject(item.mainEntity)) queue.push(item.mainEntity);
      }
    }
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (isObject(v)) return str(v.name ?? v['@value'] ?? v.url ?? v['@id']);
  return null;
}

function strList(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => strList(x));
  const s = str(v);
  return s ? [s] : [];
}

// ---------- meta tags ----------

type MetaMap = Map<string, string[]>;

function metaMap(tree: PageTree): MetaMap {
  const map: MetaMap = new Map();
  for (const m of tree.metas) {
    const content = m.content ?? m.value;
    if (content === undefined) continue;
    for (const keyAttr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m[keyAttr];
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) {
        const list = map.get(k) ?? [];
        list.push(content.trim());
        map.set(k, list);
      }
    }
  }
  return map;
}

function firstMeta(map: MetaMap, keys: string[]): string | null {
  for (const k of keys) {
    for (const v of map.get(k) ?? []) if (v) return v;
  }
  return null;
}

// ---------- title ----------

const SEPARATORS = /\s+(?:[|\-–—:·•»~/\\]|::|\/\/)\s+/;

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Removes a site-name part from a title: "Headline | Section | The Site" → "Headline". */
export function stripSiteSuffix(title: string, siteName: string | null, host: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? normKey(siteName) : null;
  const hostKey = host ? normKey(host.replace(/^www\./, '').replace(/\.[a-z]+$/, '')) : null;
  const isSite = (p: string): boolean => {
    const k = normKey(p);
    if (!k) return true;
    return (site !== null && (k === site || site.includes(k) || k.includes(site))) || (hostKey !== null && (k === hostKey || k.includes(hostKey) || hostKey.includes(k)));
  };
  let kept = parts;
  while (kept.length > 1 && isSite(kept[kept.length - 1]!)) kept = kept.slice(0, -1);
  while (kept.length > 1 && isSite(kept[0]!)) kept = kept.slice(1);
  if (kept.length === parts.length) {
    // No part names the site: drop a short last part ("… | Opinion") when the rest is a headline.
    const last = parts[parts.length - 1]!;
    const rest = title.slice(0, title.length - last.length).replace(/\s*\S+\s*$/, '');
    if (title.includes(' | ') && last.split(/\s+/).length <= 4 && rest.split(/\s+/).length >= 4) return rest.trim();
    if (/\s[-–—]\s/.test(title) && last.split(/\s+/).length <= 3 && rest.split(/\s+/).length >= 5 && /^\p{Lu}/u.test(last)) return rest.trim();
    return title;
  }
  // Rejoin with the original separators by slicing the title between the kept parts.
  const start = title.indexOf(kept[0]!);
  const lastKept = kept[kept.length - 1]!;
  const end = title.lastIndexOf(lastKept) + lastKept.length;
  return title.slice(start, end).trim();
}

function cleanText(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t || null;
}

// ---------- authors ----------

const NOT_A_PERSON =
  /^(?:staff|staff writers?|staff reporters?|editors?|editorial(?: board| staff| team)?|the editors|newsroom|news ?desk|admin|administrator|team|desk|web ?desk|digital ?desk|wire|wires|agency|agencies|guest|anonymous|unknown|contributors?|correspondents?|reporters?|writers?|author|authors|news|press|press release|associated press|the associated press|ap|reuters|afp|upi|bloomberg|pa|dpa|cnn|bbc|ians|pti|web team|online team|editor|comments?|email(?: the)? author|e-?mail|follow|twitter|facebook|more|view all posts|all posts|posted|updated|published|by)$/i;
const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'ten', 'ter', 'la', 'le', 'y', 'bin', 'bint', 'al', 'el', 'ibn', 'zu', 'af', 'st']);
const ORG_WORDS = /\b(?:project|program|programme|department|center|centre|institute|foundation|news|media|press|group|association|council|office|agency|bureau|university|college|inc|ltd|llc|corp|company|network|magazine|times|post|daily|journal|tribune|herald|international|ministry|ministries|government)\b/i;
const ROLE_WORDS = /\b(?:writer|reporter|editor|correspondent|columnist|contributor|staff|producer|photographer|analyst|director|chief|senior|deputy|manager|intern|fellow)\b/i;

/** Splits a byline into person names, dropping roles, handles, dates and non-persons. */
export function cleanAuthors(raw: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    let s = entry.replace(/\s+/g, ' ').trim();
    if (!s || /^https?:\/\//i.test(s)) continue;
    s = s
      .replace(/^(?:written |posted |reported |words |story |text |reporting )?(?:by|von|par|por|door|av|di)\s*:?\s+/i, '')
      .replace(/^[\p{L} ]{2,20}:\s+/u, '') // "Text: …", "Текст: …", "Author: …"
      .replace(/(?<=\p{Ll}{2})\.\s+(?=\p{Lu})/gu, ', ') // "Finian Cunningham. Sputnik International"
      .replace(/\b(?:e-?mail(?: the author)?|follow(?: on \w+)?|contact)\b.*$/i, '')
      .replace(/\s*(?:updated|published|posted)\b.*$/i, '')
      .replace(/\s*@\w+/g, '')
      .replace(/\s*\([^)]*\)/g, '');
    // Conjunctions only in lower case: "Sarah E. Needleman" keeps its initial.
    for (let part of s.split(/\s*(?:,|;|&|\||\/)\s*|\s+(?:and|und|et|y|e|AND)\s+/)) {
      part = part.replace(/^[\s\-–—:•·]+|[\s\-–—:•·.]+$/g, '').replace(/^(?:by|von|par|por)\s+/i, '');
      if (!part || part.length > 60 || /\d|@|https?:|www\./i.test(part)) continue;
      const words = part.split(/\s+/);
      if (words.length > 5) continue;
      if (NOT_A_PERSON.test(part) || ROLE_WORDS.test(part) || ORG_WORDS.test(part)) continue;
      // Names are capitalised words, with the usual lower-case particles; "The …" is not a person.
      if (/^the$/i.test(words[0]!) || words.some((w) => /^\p{Ll}{4,}/u.test(w) && !NAME_PARTICLES.has(w))) continue;
      // An acronym next to ordinary words ("ACLU Speech") is an organisation; "JOE HILDEBRAND" is not.
      const caps = words.filter((w) => /^\p{Lu}{2,}$/u.test(w)).length;
      if (caps > 0 && caps < words.length) continue;
      if (!/^[\p{Lu}\p{Lo}]/u.test(part)) continue;
      const key = part.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(part);
    }
  }
  // "Jane Doe, Privacy" — a lone word next to full names is a leftover of a title.
  return out.some((a) => a.includes(' ')) ? out.filter((a) => a.includes(' ')) : out;
}

// ---------- the pass ----------

export interface MetadataInput {
  tree: PageTree;
  jsonLd: JsonObject[];
  url: string | null;
  now: Date;
}

/** Extracts every metadata field; see the module comment for the order of trust. */
export function extractMetadata(input: MetadataInput): Metadata {
  const { tree, jsonLd, url } = input;
  const meta = metaMap(tree);
  const origins: Metadata['origins'] = {};
  const article = jsonLd.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const page = jsonLd.find((o) => typesOf(o).some((t) => /WebPage$/i.test(t))) ?? null;
  const ld = article ?? page;
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }

  // siteName
  let siteName: string | null = cleanText(firstMeta(meta, ['og:site_name']));
  if (siteName) origins.siteName = 'opengraph';
  else {
    const publisher = ld?.publisher ?? jsonLd.find((o) => typesOf(o).includes('WebSite'))?.name;
    siteName = cleanText(str(publisher));
    if (siteName && /^https?:\/\/|^www\./i.test(siteName)) siteName = null; // a URL where a name belongs
    if (siteName) origins.siteName = 'jsonld';
    else {
      siteName = cleanText(firstMeta(meta, ['application-name', 'apple-mobile-web-app-title', 'al:ios:app_name']));
      if (siteName) origins.siteName = 'meta';
    }
  }

  if (siteName && /^https?:\/\/|^www\./i.test(siteName)) {
    siteName = null; // a URL where a name belongs
    delete origins.siteName;
  }

  // canonical URL (needed early: the base for relative URLs)
  let canonicalUrl: string | null = null;
  const canonicalLink = tree.links.find((l) => (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'))?.href;
  const canonicalCandidates: Array<[string | null | undefined, FieldOrigin]> = [
    [canonicalLink, 'html'],
    [firstMeta(meta, ['og:url']), 'opengraph'],
    [str(ld?.url) ?? str(ld?.mainEntityOfPage), 'jsonld'],
    [url, 'url'],
  ];
  for (const [candidate, origin] of canonicalCandidates) {
    canonicalUrl = cleanUrl(candidate, url);
    if (canonicalUrl) {
      origins.canonicalUrl = origin;
      break;
    }
  }
  const base = url ?? canonicalUrl;

  // title
  const h1 = tree.h1s.map((h) => textOf(h)).find((t) => t.length > 0) ?? null;
  const titleCandidates: Array<[string | null, FieldOrigin]> = [
    [ldTitle(article, tree.title), 'jsonld'],
    [firstMeta(meta, ['og:title']), 'opengraph'],
    [firstMeta(meta, ['twitter:title', 'dc.title', 'dcterms.title', 'title', 'headline', 'sailthru.title', 'parsely-title']), 'meta'],
    [tree.title, 'title'],
    [h1, 'html'],
  ];
  let title: string | null = null;
  for (const [candidate, origin] of titleCandidates) {
    const t = cleanText(candidate);
    if (!t) continue;
    title = stripSiteSuffix(decodeEntities(t), siteName, host);
    origins.title = origin;
    break;
  }
  // A page title that extends the visible headline: the headline is the article title.
  if (title && h1 && origins.title !== 'jsonld' && normKey(title).startsWith(normKey(h1)) && h1.split(/\s+/).length >= 2) title = h1;

  // authors
  let authors: string[] = [];
  if (ld) {
    const people = [ld.author, ld.creator].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : []));
    const names = people.filter((p) => !(isObject(p) && typesOf(p).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/i.test(t)))).flatMap((p) => strList(isObject(p) ? (p.name ?? null) : p));
    authors = cleanAuthors(names);
    if (authors.length) origins.authors = 'jsonld';
  }
  if (!authors.length) {
    const metaAuthors = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'citation_author', 'cxenseparse:author']
      .flatMap((k) => meta.get(k) ?? []);
    authors = cleanAuthors(metaAuthors);
    if (authors.length) origins.authors = 'meta';
  }
  if (!authors.length) {
    for (const el of tree.bylines) {
      const nameEl = findDescendant(el, (d) => d.attrs.itemprop === 'name');
      const text = textOf(nameEl ?? el);
      if (!text || text.length > 150) continue;
      authors = cleanAuthors([text]);
      if (authors.length) {
        origins.authors = 'byline';
        break;
      }
    }
  }

  // The publication is not an author ("LinkNaija" by LinkNaija).
  if (siteName && authors.length) {
    const site = normKey(siteName);
    // Only one-word names: on a personal blog the site is named after its author ("Haki Benita").
    authors = authors.filter((a) => a.includes(' ') || !site.includes(normKey(a)));
    if (!authors.length) delete origins.authors;
  }

  // dates
  const maxMs = input.now.getTime() + 24 * 3600_000;
  const accept = (d: ParsedDate | null): ParsedDate | null => (d && d.epochMs <= maxMs && d.epochMs >= Date.UTC(1990, 0, 1) ? d : null);
  let published: ParsedDate | null = null;
  const pubCandidates: Array<[() => string | null | undefined, FieldOrigin]> = [
    [() => ldField(jsonLd, 'datePublished') ?? ldField(jsonLd, 'dateCreated'), 'jsonld'],
    [() => firstMeta(meta, ['article:published_time', 'og:article:published_time', 'og:published_time', 'published_time', 'article.published', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'originalpublicationdate', 'article_date_original', 'cxenseparse:recs:publishtime', 'citation_publication_date', 'release_date']), 'meta'],
    [() => itempropDate(tree, 'datepublished'), 'html'],
    [() => timeDate(tree, /pub|publish|posted|created/, true), 'time'],
  ];
  for (const [get, origin] of pubCandidates) {
    published = accept(parseDate(get()));
    if (published) {
      origins.publishedAt = origin;
      break;
    }
  }
  if (!published) {
    published = accept(dateFromUrl(url ?? canonicalUrl));
    if (published) origins.publishedAt = 'url';
  }
  if (!published) {
    for (const el of tree.dateNodes) {
      const text = textOf(el);
      if (text.length > 120) continue;
      published = accept(parseDate(text, { textual: true }));
      if (published) {
        origins.publishedAt = 'text';
        break;
      }
    }
  }
  let modified: ParsedDate | null = null;
  const modCandidates: Array<[() => string | null | undefined, FieldOrigin]> = [
    [() => ldField(jsonLd, 'dateModified'), 'jsonld'],
    [() => firstMeta(meta, ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'modified_time', 'datemodified', 'last-modified', 'lastmod', 'dc.date.modified', 'dcterms.modified', 'article.updated', 'sailthru.lastmodified']), 'meta'],
    [() => itempropDate(tree, 'datemodified'), 'html'],
    [() => timeDate(tree, /updat|modif/, false), 'time'],
  ];
  for (const [get, origin] of modCandidates) {
    modified = accept(parseDate(get()));
    if (modified && published && modified.epochMs < published.epochMs) modified = null;
    if (modified) {
      origins.modifiedAt = origin;
      break;
    }
  }

  // language
  let language: string | null = null;
  const langCandidates: Array<[string | null | undefined, FieldOrigin]> = [
    [tree.htmlLang, 'html'],
    [firstMeta(meta, ['content-language', 'language', 'dc.language', 'dcterms.language']), 'meta'],
    [firstMeta(meta, ['og:locale']), 'opengraph'],
    [str(ld?.inLanguage), 'jsonld'],
  ];
  for (const [candidate, origin] of langCandidates) {
    language = normalizeLanguageTag(candidate);
    if (language) {
      origins.language = origin;
      break;
    }
  }

  // description, image, section, tags
  let description = cleanText(firstMeta(meta, ['og:description']));
  if (description) origins.description = 'opengraph';
  else {
    description = cleanText(firstMeta(meta, ['description', 'twitter:description', 'dc.description']));
    if (description) origins.description = 'meta';
    else if ((description = cleanText(str(ld?.description)))) origins.description = 'jsonld';
  }
  if (description) description = decodeEntities(description);

  let image = absoluteUrl(firstMeta(meta, ['og:image:secure_url', 'og:image:url', 'og:image']), base);
  if (image) origins.image = 'opengraph';
  else if ((image = absoluteUrl(firstMeta(meta, ['twitter:image', 'twitter:image:src', 'thumbnail']), base))) origins.image = 'meta';
  else if ((image = absoluteUrl(str(ld?.image) ?? str(ld?.thumbnailUrl), base))) origins.image = 'jsonld';
  else if ((image = absoluteUrl(tree.links.find((l) => l.rel === 'image_src')?.href, base))) origins.image = 'html';

  let section = cleanText(str(article?.articleSection));
  if (section) origins.section = 'jsonld';
  else if ((section = cleanText(firstMeta(meta, ['article:section', 'section', 'parsely-section', 'sailthru.section', 'category', 'cxenseparse:recs:category'])))) origins.section = 'meta';

  let tags: string[] = splitTags(meta.get('article:tag') ?? []);
  if (tags.length) origins.tags = 'meta';
  else if ((tags = splitTags(strList(article?.keywords))).length) origins.tags = 'jsonld';
  else if ((tags = splitTags(meta.get('news_keywords') ?? meta.get('keywords') ?? meta.get('parsely-tags') ?? [])).length) origins.tags = 'meta';

  const free = article?.isAccessibleForFree ?? page?.isAccessibleForFree;
  const tier = firstMeta(meta, ['article:content_tier'])?.toLowerCase();
  const paywall = free === false || (typeof free === 'string' && free.toLowerCase() === 'false') || tier === 'locked' || tier === 'metered';
  const ogType = firstMeta(meta, ['og:type'])?.toLowerCase() ?? null;
  const articleLike = article !== null || ogType === null || ogType === 'article' || ogType.startsWith('article') || ogType === 'blog';

  return {
    title, authors, publishedAt: published?.iso ?? null, modifiedAt: modified?.iso ?? null, language, siteName,
    description, canonicalUrl, image, section, tags, origins, paywall, articleLike,
  };
}

/**
 * Confirms the declared language against the article text, or replaces it with the
 * detected one (origin `text`) when the two disagree or nothing was declared.
 */
export function checkLanguage(meta: Metadata, text: string): void {
  const detected = detectLanguage(text);
  if (detected && (!meta.language || !languageAgrees(meta.language, detected))) {
    meta.language = detected.lang;
    meta.origins.language = 'text';
  }
}

/**
 * JSON-LD `headline`, unless the page `<title>` carries `name` and not `headline`
 * (Wikipedia puts a description in `headline`).
 */
function ldTitle(article: JsonObject | null, pageTitle: string | null): string | null {
  const headline = str(article?.headline);
  const name = str(article?.name);
  if (headline && name && pageTitle && !normKey(pageTitle).includes(normKey(headline)) && normKey(pageTitle).includes(normKey(name))) return name;
  return headline ?? name;
}

/** A field of the first article-like (or page) JSON-LD object that has it. */
function ldField(jsonLd: JsonObject[], field: string): string | null {
  for (const pattern of [ARTICLE_TYPE, /WebPage$/i]) {
    for (const o of jsonLd) {
      if (!typesOf(o).some((t) => pattern.test(t))) continue;
      const v = str(o[field]);
      if (v) return v;
    }
  }
  return null;
}

function splitTags(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    for (const raw of v.split(/\s*[,;]\s*/)) {
      const t = raw.trim();
      if (!t || t.length > 60 || seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out.slice(0, 40);
}

function findDescendant(el: LElement, test: (d: LElement) => boolean): LElement | null {
  const stack: LElement[] = [...el.children.filter((c): c is LElement => typeof c !== 'string')];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (test(d)) return d;
    for (const c of d.children) if (typeof c !== 'string') stack.push(c);
  }
  return null;
}

function itempropDate(tree: PageTree, prop: string): string | null {
  for (const el of tree.itemprops) {
    if (!el.attrs.itemprop!.toLowerCase().split(/\s+/).includes(prop)) continue;
    const v = el.attrs.datetime ?? el.attrs.content ?? textOf(el);
    if (v) return v;
  }
  return null;
}

/** A `<time datetime>` value: one marked as publication (or update) first, else the first one outside boilerplate. */
function timeDate(tree: PageTree, marker: RegExp, allowFirst: boolean): string | null {
  let first: string | null = null;
  for (const el of tree.times) {
    const v = el.attrs.datetime ?? null;
    if (!v) continue;
    if ('pubdate' in el.attrs && marker.source.includes('pub')) return v;
    if (marker.test(`${el.classId} ${el.attrs.itemprop ?? ''}`) || (el.parent && marker.test(el.parent.classId))) return v;
    if (first === null && !insideJunk(el)) first = v;
  }
  return allowFirst ? first : null;
}

function insideJunk(el: LElement): boolean {
  for (let p: LElement | null = el; p; p = p.parent) if (p.junk === 2 && !/date|time|byline|meta/.test(p.classId)) return true;
  return false;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes entities left in meta values by double-escaping CMSs (`&amp;#8217;`). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
}
