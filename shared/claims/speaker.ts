/**
 * Speaker names: the core name of a source phrase, its type, and resolution of
 * pronouns and short forms ("he", "the Institute", "Lindqvist") to a full name
 * mentioned earlier in the article.
 */
import type { SpeakerType } from '../types.ts';

export interface Mention {
  name: string;
  type: SpeakerType;
  /** Offset where the mention was seen (resolution looks backwards only). */
  at: number;
}

/** The lower-cased words of each mentioned name, split once: resolution compares them for every source. */
const nameWords = new Map<string, string[]>();
function wordsOf(name: string): string[] {
  let w = nameWords.get(name);
  if (!w) {
    if (nameWords.size > 50_000) nameWords.clear();
    w = name.toLowerCase().split(/\s+/);
    nameWords.set(name, w);
  }
  return w;
}

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'me', 'his']);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'we', 'us']);
const THING_PRONOUNS = new Set(['it', 'its']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
const TITLES = /^(?:mr|mrs|ms|miss|dr|sen|senator|rep|representative|gov|governor|gen|general|president|vice president|prime minister|minister|secretary|judge|justice|sheriff|mayor|chancellor|king|queen|prince|pope|professor|prof|speaker|leader|chairman|chairwoman|chair|director|spokesman|spokeswoman|spokesperson|ambassador|attorney general|colonel|col|lt|sgt|capt|adm|rev|sir|lord|lady)\.?\s+/i;

const MEDIA = /\b(?:reuters|associated press|ap|afp|dpa|bbc|cnn|msnbc|fox news|fox|nbc|abc|cbs|npr|pbs|politico|breitbart|bloomberg|times|post|journal|news|newspaper|magazine|tribune|herald|gazette|telegraph|guardian|agency|agencies|tv|television|radio|broadcaster|network|press|daily|weekly|examiner|observer|axios|vox|slate|newsweek|economist|tass|interfax|ria|xinhua|al jazeera|yahoo|buzzfeed|huffington|usa today|wire|outlet|outlets|media)\b/i;
const GOVERNMENT = /\b(?:government|ministry|minister|ministers|department|kremlin|white house|pentagon|state department|congress|senate|parliament|cabinet|administration|military|army|navy|air force|police|embassy|presidency|council of ministers|authorities|authority|regime|commission|agency of|bureau|office of|fbi|cia|nsa|dhs|doj|ice|irs|fema|federal|court|supreme court|prosecutor|prosecutors|state|states|county|city hall|governor's office|troops|forces)\b/i;
const ORGANIZATION = /\b(?:observatory|office|organization|organisation|group|groups|council|committee|party|union|association|institute|university|college|foundation|company|corporation|corp|inc|ltd|bank|fund|center|centre|campaign|coalition|alliance|federation|league|society|network|watch|international|amnesty|red cross|un|united nations|nato|eu|who|ngo|charity|firm|think tank|board|chamber|club|church|poll|survey|study|report|index|pac|super pac|rnc|dnc)\b/i;
const QUANTIFIER = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|half|most|many|some|several|few|both|all|nearly|about|more|dozens|hundreds|thousands|millions|others|another)$/i;
const ARTEFACT = /^(?:polls?|surveys?|stud(?:y|ies)|reports?|records?|data|results|documents|filings|analys[ie]s|figures|numbers|statistics|estimates?|projections?|reviews?|investigations?|research|audits?)$/i;
const COMMON_ORG = /\b(?:office|operator|company|contractor|opposition|firm|union|club|agency|group|monitor|organizers|organisers|institute|operator|airline|utility|hospital|school|district)\b/i;
const COMPANY_NOUN = /^(?:company|firm|contractor|operator|owner|carrier|business|manufacturer|maker|developer|retailer|insurer|lender|airline|utility|supplier|group)$/;
const CORPORATE = /\b(?:Holdings|Inc|Ltd|Corp|Corporation|Company|Co|Group|Works|LLC|PLC|Industries|Partners|Enterprises|Systems|Technologies|Motors|Airlines|Energy|Foods|Logistics|Shipping|Manufacturing|Brands|Pharmaceuticals)\b\.?$/;
const ANONYMOUS = /\b(?:source|sources|official|officials|person|people familiar|aide|aides|insider|insiders|spokesman|spokeswoman|spokesperson|someone|one|diplomat|diplomats|analyst|analysts|observer|observers|witness|witnesses|resident|residents)\b/i;
/** Words that mark a fighting or political force as outside the state. */
const NON_STATE = /\b(?:opposition|rebel|rebels|insurgent|insurgents|militia|militias|militant|militants|guerrilla|guerrillas|separatist|separatists|jihadist|jihadists)\b/i;
const GROUP = /\b(?:rebels|insurgents|fighters|militants|activists|protesters|protestors|residents|voters|critics|supporters|opponents|democrats|republicans|experts|economists|analysts|lawmakers|legislators|senators|members|leaders|officials|scientists|researchers|doctors|workers|students|parents|families|troops|soldiers|forces|citizens|people|americans|many|some|others|both|all|investigators|prosecutors|authorities|witnesses|police)\b/i;

/** "Mayor Ana Lindqvist" → "Ana Lindqvist"; a bare title ("President") stays. */
export function stripTitles(name: string | null): string | null {
  if (!name) return name;
  let n = name;
  for (let k = 0; k < 3; k++) {
    const m = n.match(TITLES);
    if (!m || !/\p{Lu}/u.test(n.slice(m[0].length))) break;
    n = n.slice(m[0].length);
  }
  return n;
}

/** Strips determiners, possessive endings, appositives and trailing punctuation. */
export function coreName(source: string): string {
  let s = source.replace(/\s+/g, ' ').trim();
  // "Name, appositive," → Name ; "appositive X, Name" rare
  const comma = s.indexOf(',');
  if (comma > 0) {
    const head = s.slice(0, comma).trim();
    const rest = s.slice(comma + 1).replace(/,\s*$/, '').trim();
    // "Her senior policy adviser, Ola Berg," → the proper name is the second part
    if (!/\b\p{Lu}/u.test(head.replace(/^\p{Lu}/u, '')) && /^\p{Lu}/u.test(rest) && rest.split(' ').length <= 4) s = rest;
    else s = head;
  }
  // em-dash appositive
  s = s.replace(/\s*[—–]\s.*$/, '');
  s = s.replace(/[’']s?$/u, '').replace(/[.,;:\s]+$/, '');
  s = s.replace(/^(?:the|a|an)\s+/i, '');
  return s.trim();
}

/** The longest run of capitalized words (with "of/for/the/and" inside) in a phrase. */
export function properName(phrase: string): string | null {
  const words = phrase.split(/\s+/);
  let best: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    while (cur.length > 0 && /^(of|for|the|and|de|al|von|van|der|bin)$/i.test(cur[cur.length - 1]!)) cur.pop();
    if (cur.length > best.length) best = cur;
    cur = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[,.;:]+$/, (m) => (/^\p{Lu}\.?$/u.test(words[i]!) || /^(Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Sen|Rep|Gov)\.$/.test(words[i]!) ? m : ''));
    if (/^\p{Lu}/u.test(w) || (/^\d/.test(w) && cur.length > 0)) cur.push(w);
    else if (cur.length > 0 && /^(of|for|the|and|de|al|von|van|der|bin)$/i.test(w)) cur.push(w);
    else flush();
    if (/[,;:]$/.test(words[i]!)) flush();
  }
  flush();
  if (best.length === 0) return null;
  // a sentence-initial determiner and a "Britain-based" modifier are not part of the name
  while (best.length > 1 && (/^(The|A|An|This|That|These|Those|Its|His|Her|Their|Our|And|But|So|Also|Yet|Or|Then|Still|However|Meanwhile|Now|When|While|If|As|After|Before|In|On|At)$/.test(best[0]!) || /-(?:based|backed|led|run|owned|born)$/.test(best[0]!))) best = best.slice(1);
  // "Danish harbour workers": a nationality adjective before common nouns is not a name
  if (best.length === 1 && /(?:an|ese|ish|i)$/.test(best[0]!) && new RegExp('^' + best[0] + '\\s+\\p{Ll}', 'u').test(phrase.replace(/^(?:the|a|an)\s+/i, ''))) return null;
  // a sentence-initial common noun ("Officials", "Rebels") is not a name
  if (best.length === 1 && best[0] === words[0] && (QUANTIFIER.test(best[0]!) || ARTEFACT.test(best[0]!) || GROUP.test(best[0]!) || ANONYMOUS.test(best[0]!) || COMMON_ORG.test(best[0]!) || GOVERNMENT.test(best[0]!) && !/^(Congress|Kremlin|Pentagon|Parliament)$/.test(best[0]!))) return null;
  const name = best.join(' ');
  return /^(The|A|An|He|She|It|They|We|I|His|Her|Their|But|And)$/.test(name) ? null : name;
}

/** "several Lindqvist supporters": the name is followed by one lower-case plural noun that ends the phrase. */
function modifiesPlural(core: string, proper: string): boolean {
  const m = /\s+(\p{Ll}+s)$/u.exec(core);
  return m !== null && core.slice(0, m.index).endsWith(proper);
}

export function classify(phrase: string, name: string | null): SpeakerType {
  const p = phrase.toLowerCase();
  const n = (name ?? '').toLowerCase();
  if (PERSON_PRONOUNS.has(p)) return 'person';
  // "the opposition Free Dravna Army": an armed group outside the state is a group, whatever its name says
  if (NON_STATE.test(p)) return 'group';
  if (n) {
    if (MEDIA.test(n)) return 'media';
    if (GOVERNMENT.test(n)) return 'government';
    if (ORGANIZATION.test(n)) return 'organization';
  }
  if (/\b(?:a|an|one|two|three|several|some)\b.*\b(?:source|sources|official|officials|aide|person|people|diplomat|insider)\b/.test(p) && !n) return 'anonymous';
  if (/\bsource|sources\b/.test(p)) return 'anonymous';
  if (GROUP.test(p) && !n) return 'group';
  if (n) {
    // "the Syrian army", "Russia": countries/governments are capitalized single words with these endings
    if (/^(?:russia|china|iran|israel|turkey|syria|france|germany|britain|ukraine|the united states|united states|u\.s\.|washington|moscow|beijing|tehran|ankara|damascus|kyiv|kiev|london|paris|berlin|japan|india|pakistan|egypt|mexico|canada|cuba|venezuela|north korea|south korea|saudi arabia)$/i.test(n)) return 'government';
    return 'person';
  }
  if (GOVERNMENT.test(p)) return 'government';
  if (MEDIA.test(p)) return 'media';
  if (ORGANIZATION.test(p) || COMMON_ORG.test(p) || p.split(' ').some((w) => ARTEFACT.test(w))) return 'organization';
  if (ANONYMOUS.test(p)) return 'anonymous';
  if (GROUP.test(p) || /s$/.test(p)) return 'group';
  return 'person';
}

/**
 * Keeps the article's named mentions and resolves a new source phrase against
 * them. Feed it sources in text order.
 */
export class SpeakerResolver {
  private readonly mentions: Mention[] = [];
  private lastPerson: Mention | null = null;
  private lastPlural: Mention | null = null;
  private lastThing: Mention | null = null;

  /** Registers names found in the text (capitalized runs) so later short forms resolve. */
  observe(name: string, type: SpeakerType, at: number, subject = false): void {
    const m = { name, type, at };
    this.mentions.push(m);
    // a named sentence subject is the likeliest antecedent of a following "he"/"she"
    if (subject && type === 'person') this.lastPerson = m;
  }

  resolve(phrase: string, at: number): { speaker: string | null; type: SpeakerType } {
    const raw = phrase.replace(/\s+/g, ' ').trim();
    const lower = raw.toLowerCase().replace(/[,.]+$/, '');
    if (PERSON_PRONOUNS.has(lower)) {
      const m = this.lastPerson;
      return { speaker: m?.name ?? null, type: 'person' };
    }
    if (PLURAL_PRONOUNS.has(lower)) {
      const m = this.lastPlural;
      return { speaker: m?.name ?? null, type: m?.type ?? 'group' };
    }
    if (THING_PRONOUNS.has(lower) || RELATIVES.has(lower)) {
      const m = lower === 'who' ? this.lastPerson : this.lastThing ?? this.lastPerson;
      return { speaker: m?.name ?? null, type: m?.type ?? 'organization' };
    }
    const core = coreName(raw);
    let proper = stripTitles(properName(core.replace(/^\S+-(?:based|backed|led|run|owned)\s+/, '')));
    // "several Lindqvist supporters": a name used as a modifier of a plural noun
    if (proper && modifiesPlural(core, proper)) proper = null;
    let type = classify(core, proper);
    if (proper && (type === 'anonymous' || type === 'group') && !proper.includes(' ') && /(?:an|ese|ish|i)$/.test(proper)) {
      // "a Danish naval source": the nationality is not the speaker's name
      proper = null;
      type = classify(core, null);
    }
    // a common-noun source ("a naval source cited by the Courier") keeps its head phrase
    let name = proper ?? core.replace(/\s+(?:cited|quoted|familiar|close|speaking|who)\b.*$/, '');
    const full = this.findFull(proper ?? core, at, !proper);
    if (full) {
      name = full.name;
      type = full.type;
    }
    // "the company", "the firm": the latest named organization that looks like a business
    if (!full && !proper && COMPANY_NOUN.test(core.toLowerCase())) {
      const corp = this.latest(at, (x) => CORPORATE.test(x.name) || (x.type === 'organization' && COMMON_ORG.test(x.name)));
      if (corp) {
        name = corp.name;
        type = 'organization';
      }
    }
    const m: Mention = { name, type, at };
    if (proper) this.mentions.push(m);
    if (type === 'person') this.lastPerson = m;
    else if (type === 'group') this.lastPlural = m;
    else {
      this.lastThing = m;
      this.lastPlural = m;
    }
    return { speaker: name || null, type };
  }

  private latest(at: number, keep: (m: Mention) => boolean): Mention | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.at <= at && keep(m)) return m;
    }
    return null;
  }

  /** An earlier, longer name that contains this short form ("Institute", "Lindqvist", "ministry"). */
  private findFull(short: string, at: number, common: boolean): Mention | null {
    const s = short.replace(TITLES, '').trim();
    if (!s) return null;
    const words = s.split(' ').filter((w) => !/^(the|of|for|and)$/i.test(w));
    if (words.length === 0) return null;
    let best: Mention | null = null;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.at > at) continue;
      if (m.name.length <= s.length) continue;
      const mw = wordsOf(m.name);
      const ok = words.every((w) => mw.includes(w.toLowerCase()));
      if (!ok) continue;
      if (common && words.length === 1 && !/^\p{Lu}/u.test(m.name)) continue;
      if (!best || m.name.length > best.name.length) best = m;
    }
    return best;
  }
}
