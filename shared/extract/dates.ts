/**
 * Date parsing for page metadata: ISO 8601, RFC 2822, epoch numbers, English
 * "Nov. 19, 2019 5:30 p.m. ET" style text and dates in URLs. Output is always an
 * ISO 8601 string with an offset (`Z` when the page gave no zone).
 */

export interface ParsedDate {
  iso: string;
  epochMs: number;
  /** false when only the day was known (time set to 00:00). */
  hasTime: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
  // A few frequent non-English month names (de, fr, es, it, nl, pt).
  januar: 1, janvier: 1, enero: 1, gennaio: 1, januari: 1, janeiro: 1,
  februar: 2, février: 2, fevrier: 2, febrero: 2, febbraio: 2, februari: 2, fevereiro: 2,
  märz: 3, mars: 3, marzo: 3, maart: 3, março: 3,
  avril: 4, abril: 4, aprile: 4,
  mai: 5, mayo: 5, maggio: 5, mei: 5, maio: 5,
  juni: 6, juin: 6, junio: 6, giugno: 6, junho: 6,
  juli: 7, juillet: 7, julio: 7, luglio: 7, julho: 7,
  août: 8, aout: 8, agosto: 8, augustus: 8,
  septembre: 9, septiembre: 9, settembre: 9, setembro: 9,
  oktober: 10, octobre: 10, octubre: 10, ottobre: 10, outubro: 10,
  novembre: 11, noviembre: 11, novembro: 11,
  dezember: 12, décembre: 12, decembre: 12, diciembre: 12, dicembre: 12, dezembro: 12,
};

/** Offsets in minutes of the zone abbreviations news sites print. */
const ZONES: Record<string, number> = {
  z: 0, utc: 0, gmt: 0, ut: 0, wet: 0, bst: 60, ist: 330, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  et: -300, est: -300, edt: -240, ct: -360, cst: -360, cdt: -300, mt: -420, mst: -420, mdt: -360,
  pt: -480, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, jst: 540, kst: 540, aest: 600, aedt: 660,
};

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)';
const TIME = '(?:\\s*(?:at|,|-|–|—|\\|)?\\s*(\\d{1,2})[:.h](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?)?';
const ZONE = '(?:\\s*\\(?\\s*(z|utc|gmt|ut|[a-z]{1,4}t|[+-]\\d{2}:?\\d{2})\\b\\)?)?';
const MDY = new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_WORD}\\.?,?\\s+(\\d{4})${TIME}${ZONE}`, 'i');
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*(Z|[+-]\d{4})?$/i;
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z]!;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Builds the ISO string from wall-clock parts; null when the parts are not a real date. */
export function isoFromParts(
  y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMinutes: number | null = null, hasTime = true,
): ParsedDate | null {
  if (y < 1970 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCDate() !== d) return null; // 31 February and the like
  const off = offsetMinutes ?? 0;
  const zone = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}${zone}`;
  return { iso, epochMs: wall - off * 60_000, hasTime };
}

function to24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

/**
 * Parses one date string found in a page. Accepts ISO 8601 (with or without a zone),
 * compact `20191119`, epoch seconds/milliseconds, RFC 2822 and English/European
 * month-name text; `textual` allows finding a date inside a longer sentence.
 *
 * @example parseDate('Nov. 19, 2019 5:30 p.m. ET')?.iso // '2019-11-19T17:30:00-05:00'
 */
export function parseDate(input: string | number | null | undefined, options: { textual?: boolean } = {}): ParsedDate | null {
  if (input === null || input === undefined) return null;
  const s = String(input).trim();
  if (!s || s.length > 300) return null;
  if (/^\d{10}(\.\d+)?$/.test(s) || /^\d{13}$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Math.round(Number(s) * 1000);
    const d = new Date(ms);
    return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0);
  }
  let m = ISO.exec(s);
  if (m) {
    const hasTime = m[4] !== undefined;
    return isoFromParts(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffset(m[7]), hasTime);
  }
  m = COMPACT.exec(s);
  if (m) return isoFromParts(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffset(m[7]), m[4] !== undefined);
  const textual = parseTextualDate(s);
  if (textual) return textual;
  if (!options.textual) {
    // RFC 2822 and other forms V8 understands; only when the string carries a zone.
    const ms = Date.parse(s);
    if (!Number.isNaN(ms) && /\b(GMT|UTC|[+-]\d{4})\b/.test(s)) {
      const d = new Date(ms);
      return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0);
    }
    const n = NUMERIC.exec(s);
    // 19.11.2019 / 19/11/2019: day first when the first number cannot be a month.
    if (n && s.length < 40) {
      const a = +n[1]!;
      const b = +n[2]!;
      return a > 12 ? isoFromParts(+n[3]!, b, a, 0, 0, 0, null, false) : isoFromParts(+n[3]!, a, b, 0, 0, 0, null, false);
    }
  }
  return null;
}

function parseTextualDate(s: string): ParsedDate | null {
  let m = MDY.exec(s);
  let y: number, mo: number | undefined, d: number, rest: RegExpExecArray;
  if (m) {
    mo = monthNumber(m[1]!);
    d = +m[2]!;
    y = +m[3]!;
    rest = m;
  } else {
    m = DMY.exec(s);
    if (!m) return null;
    d = +m[1]!;
    mo = monthNumber(m[2]!);
    y = +m[3]!;
    rest = m;
  }
  if (!mo) return null;
  const [hh, mm, ss, ampm, zone] = [rest[4], rest[5], rest[6], rest[7], rest[8]];
  if (hh === undefined) return isoFromParts(y, mo, d, 0, 0, 0, null, false);
  return isoFromParts(y, mo, d, to24(+hh, ampm), +mm!, +(ss ?? 0), zoneOffset(zone), true);
}

/**
 * A date in a URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`. Only day-precise
 * forms count: `/2019/11/` alone says too little.
 */
export function dateFromUrl(url: string | null | undefined): ParsedDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|$|\.html?)/.exec(path);
  if (m) return isoFromParts(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, null, false);
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_-]|$|\.)/.exec(path);
  if (m) return isoFromParts(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, null, false);
  return null;
}
