/**
 * A small language check for article text: the dominant script decides for non-Latin
 * text; stop-word counts decide among common Latin-script languages. Used to confirm
 * or correct the language a page declares (templates often say `lang="en"` on
 * every edition of a site).
 */

const SCRIPTS: Array<[RegExp, string, string]> = [
  [/[\u3040-\u30ff]/g, 'Jpan', 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/g, 'Hang', 'ko'],
  [/[\u4e00-\u9fff]/g, 'Hani', 'zh'],
  [/[\u0400-\u04ff]/g, 'Cyrl', 'ru'],
  [/[\u0600-\u06ff]/g, 'Arab', 'ar'],
  [/[\u0590-\u05ff]/g, 'Hebr', 'he'],
  [/[\u0370-\u03ff]/g, 'Grek', 'el'],
  [/[\u0e00-\u0e7f]/g, 'Thai', 'th'],
  [/[\u0900-\u097f]/g, 'Deva', 'hi'],
];

/** Languages whose usual script is not Latin. */
const LANGUAGE_SCRIPT: Record<string, string> = {
  ja: 'Jpan', ko: 'Hang', zh: 'Hani', ru: 'Cyrl', uk: 'Cyrl', bg: 'Cyrl', sr: 'Cyrl', mk: 'Cyrl', be: 'Cyrl', kk: 'Cyrl',
  ar: 'Arab', fa: 'Arab', ur: 'Arab', he: 'Hebr', yi: 'Hebr', el: 'Grek', th: 'Thai', hi: 'Deva', mr: 'Deva', ne: 'Deva',
};

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'on', 'he', 'it', 'are', 'this', 'have', 'from', 'in', 'a', 'said', 'by', 'be', 'at'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'ein', 'eine', 'sich', 'auch', 'auf', 'für', 'dem', 'wird', 'in', 'zu', 'von', 'im', 'des', 'über', 'bis'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'dans', 'pour', 'pas', 'qui', 'sur', 'du', 'au', 'avec', 'de', 'il', 'elle', 'ses', 'à', 'après', 'été'],
  es: ['el', 'los', 'las', 'y', 'que', 'es', 'una', 'por', 'con', 'para', 'del', 'se', 'como', 'pero', 'más', 'fue', 'de', 'la', 'en', 'un', 'al', 'su', 'según', 'años'],
  it: ['il', 'che', 'di', 'e', 'è', 'gli', 'una', 'per', 'non', 'con', 'sono', 'della', 'anche', 'nel', 'alla', 'più'],
  pt: ['o', 'os', 'que', 'não', 'uma', 'com', 'para', 'por', 'mais', 'como', 'foi', 'ao', 'dos', 'das', 'mas', 'em'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'niet', 'dat', 'op', 'voor', 'met', 'zijn', 'ook', 'maar', 'wordt', 'bij'],
  sv: ['och', 'att', 'det', 'som', 'är', 'för', 'på', 'med', 'inte', 'har', 'till', 'av', 'om', 'ett', 'var', 'jag'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'że', 'jest', 'do', 'to', 'z', 'jak', 'ale', 'od', 'po', 'przez', 'być'],
};
const STOP_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) STOP_INDEX.set(w, [...(STOP_INDEX.get(w) ?? []), lang]);
}

export interface DetectedLanguage {
  lang: string;
  script: string;
}

/** Guesses the language of a text, or null when the evidence is thin. */
export function detectLanguage(text: string): DetectedLanguage | null {
  const sample = text.slice(0, 4000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 40) return null;
  let best: [string, string, number] | null = null;
  for (const [re, script, lang] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    if (!best || n > best[2]) best = [script, lang, n];
  }
  if (best && best[2] > letters * 0.3) {
    // Japanese text mixes kanji with kana; any real share of kana means Japanese.
    if (best[0] === 'Hani' && (sample.match(/[\u3040-\u30ff]/g) ?? []).length > letters * 0.05) return { lang: 'ja', script: 'Jpan' };
    return { lang: best[1], script: best[0] };
  }
  // Distinct stop words, not occurrences: "et … et … et" in lorem ipsum is not French.
  const seen = new Map<string, Set<string>>();
  for (const w of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of STOP_INDEX.get(w) ?? []) {
      const set = seen.get(lang) ?? new Set<string>();
      set.add(w);
      seen.set(lang, set);
    }
  }
  const ranked = [...seen.entries()].map(([lang, set]) => [lang, set.size] as const).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 5 || (second && top[1] < second[1] * 1.5)) return null;
  return { lang: top[0], script: 'Latn' };
}

/** `en_us` → `en-US`; null for values that are not language tags. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().split(/[,;\s]/)[0]!.replace(/_/g, '-');
  const m = /^([a-zA-Z]{2,3})(?:-([a-zA-Z0-9]{2,8}))*$/.exec(t);
  if (!m) return null;
  const parts = t.split('-');
  return parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p)).join('-');
}

/** Whether a declared tag is consistent with what the text looks like. */
export function languageAgrees(declared: string, detected: DetectedLanguage): boolean {
  const primary = declared.split('-')[0]!.toLowerCase();
  const expectedScript = LANGUAGE_SCRIPT[primary] ?? 'Latn';
  if (detected.script !== 'Latn') {
    if (detected.script === 'Hani' && (primary === 'ja' || primary === 'zh')) return true;
    return expectedScript === detected.script;
  }
  if (expectedScript !== 'Latn') return false;
  // Among Latin-script languages only the ones we can detect can disagree.
  return !(primary in STOPWORDS) || primary === detected.lang;
}
