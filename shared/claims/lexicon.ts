/**
 * Cue lexicon: reporting verbs with their stance, written from English
 * grammar (verbs of saying, reporting, denying, confirming, and the evidential
 * "show / find"), not from any corpus.
 */
import type { Stance } from '../types.ts';

const STANCE_VERBS: Record<Stance, string> = {
  assert: `say tell claim insist argue warn assert allege contend declare state
    add note explain stress emphasize emphasise write tweet post predict promise pledge vow
    threaten suggest recall reiterate repeat remark comment observe point
    testify charge accuse blame criticize criticise praise complain caution urge demand
    answer reply respond retort counter quip joke boast brag tout argue describe call
    continue concede announce declare proclaim estimate conclude indicate reveal disclose
    mention recount predict forecast recommend propose advise tell inform assure reassure
    swear guarantee agree disagree attack slam blast condemn denounce decry
    defend hail welcome thank apologize apologise plead shout yell chant exclaim whisper
    clarify interject concur underscore highlight lament scoff mock
    gush muse laugh sigh crack marvel gripe grumble grouse snap fume rage opine posit reason
    sniff wonder tease chide scold proclaim recount reflect quip shrug read
    order assail retweet dub characterize characterise echo congratulate label confess laud`,
  deny: `deny reject dismiss refute dispute rebut contradict disavow repudiate`,
  confirm: `confirm acknowledge admit concede verify corroborate affirm`,
  report: `report cite quote show find`,
  other: `decline ask question refer discuss refuse talk speak`,
};

/** Lemma → stance; later entries do not override earlier, more specific ones. */
export const LEMMA_STANCE = new Map<string, Stance>();
for (const stance of ['deny', 'confirm', 'report', 'assert', 'other'] as const) {
  for (const l of STANCE_VERBS[stance].split(/\s+/).filter(Boolean)) {
    if (!LEMMA_STANCE.has(l)) LEMMA_STANCE.set(l, stance);
  }
}

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  find: ['found', 'finds', 'finding'],
  show: ['showed', 'shown', 'shows', 'showing'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  swear: ['swore', 'sworn', 'swears', 'swearing'],
  forecast: ['forecast', 'forecasts', 'forecasting'],
  quip: ['quipped', 'quips', 'quipping'],
  admit: ['admitted', 'admits', 'admitting'],
  regret: ['regretted'],
  refer: ['referred', 'refers', 'referring'],
  rebut: ['rebutted', 'rebuts', 'rebutting'],
  slam: ['slammed', 'slams', 'slamming'],
  plead: ['pleaded', 'pled', 'pleads', 'pleading'],
  read: ['reads', 'reading'],
  dub: ['dubbed', 'dubs', 'dubbing'],
  label: ['labeled', 'labelled', 'labels', 'labeling', 'labelling'],
};

function inflect(l: string): string[] {
  if (IRREGULAR[l]) return [l, ...IRREGULAR[l]!];
  const forms = [l];
  if (/[^aeiou]y$/.test(l)) forms.push(l.slice(0, -1) + 'ies', l.slice(0, -1) + 'ied', l + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(l)) forms.push(l + 'es', l + 'ed', l + 'ing');
  else if (l.endsWith('e')) forms.push(l + 's', l + 'd', l.slice(0, -1) + 'ing');
  else forms.push(l + 's', l + 'ed', l + 'ing');
  return forms;
}

/** Inflected form → lemma, for cue verbs. */
export const VERB_FORMS = new Map<string, string>();
for (const lemma of LEMMA_STANCE.keys()) for (const f of inflect(lemma)) if (!VERB_FORMS.has(f)) VERB_FORMS.set(f, lemma);

/**
 * Forms that are far more often nouns or adjectives than reporting verbs in
 * news prose; they count as cues only after a subject pronoun or an auxiliary.
 */
export const NOUNISH = new Set(
  `report reports claim claims call calls state states post posts charge charges comment comments
  quote quotes answer answers question questions attack attacks demand demands promise promises
  pledge pledges vow vows estimate estimates forecast forecasts finding findings welcome thank
  thanks point points note notes joke jokes counter continue continues praise slam blast
  show shows find finds defend speak agree question warn cite quote ask answer reply
  hail concede mention remark testify remarks tweet tweets attack attacks order orders retweet retweets echo echoes label labels`.split(/\s+/),
);

/** Verbs that take a recipient object before their content ("told reporters that …"). */
export const RECIPIENT_VERBS = new Set(['tell', 'inform', 'assure', 'reassure', 'warn', 'remind', 'advise', 'ask', 'urge', 'caution', 'promise']);

/** Words allowed inside a verb group before the verb ("has repeatedly denied", "did not confirm"). */
export const AUXILIARIES = new Set(
  `has have had having is was were are am be been being will would could should may might must can
  shall did does do also not n't never now previously repeatedly later recently publicly reportedly
  once often then again further earlier just already still yet long privately openly falsely
  flatly firmly initially originally first last quickly strongly vehemently angrily
  explicitly specifically emphatically directly simply both all each even clearly
  subsequently flatly categorically immediately swiftly widely frequently consistently
  ’ve 've 's ’s 'd ’d 'll ’ll hasn't haven't hadn't didn't doesn't don't won't wouldn't can't couldn't
  isn't wasn't aren't weren't`.split(/\s+/),
);

export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'nor']);

/** Channel nouns that belong to the cue ("said in a statement"). */
export const CUE_NOUNS = new Set(['statement', 'statements']);

export const HEDGE_PATTERNS: Array<[RegExp, string]> = [
  [/\breportedly\b/i, 'reportedly'],
  [/\ballegedly\b/i, 'allegedly'],
  [/\bapparently\b/i, 'apparently'],
  [/\bpurportedly\b/i, 'purportedly'],
  [/\bcould not (?:be )?(?:independently )?(?:verify|verified|confirm|confirmed)\b[^.]*/i, ''],
  [/\bunconfirmed\b/i, 'unconfirmed'],
  [/\bunverified\b/i, 'unverified'],
  [/\bclaimed without evidence\b|\bwithout (?:providing |offering )?evidence\b/i, 'without evidence'],
  [/\bif (?:the )?claims? (?:is|are) confirmed\b/i, 'if confirmed'],
];

/** Verbs that report speech in inverted or postposed tags ("…, said the minister", "…, she added"). */
export const INVERTIBLE = new Set(
  `say tell add write report ask explain note continue insist argue warn claim confirm deny reply
  respond recall declare predict complain joke quip tweet post observe conclude remark admit
  acknowledge counter concede suggest answer announce exclaim shout yell retort assert
  contend allege caution stress emphasize emphasise estimate mention reiterate repeat
  testify whisper muse offer plead boast brag scoff charge point`.split(/\s+/),
);

/** Participles that open a second claim by the same source ("…, saying …", "…, adding that …"). */
export const PARTICIPLE_CUES = new Map<string, string>();
for (const [form, lemma] of VERB_FORMS) {
  if (form.endsWith('ing') && INVERTIBLE.has(lemma)) PARTICIPLE_CUES.set(form, lemma);
}
for (const f of ['calling', 'describing', 'accusing', 'blaming', 'urging', 'citing', 'denying', 'rejecting', 'dismissing', 'criticizing', 'praising', 'referring', 'promising', 'vowing', 'pledging', 'slamming', 'mocking', 'thanking', 'touting']) {
  const l = VERB_FORMS.get(f);
  if (l) PARTICIPLE_CUES.set(f, l);
}

/** Verbs that report speech only when they tag a quotation ("“Never,” she laughed", a sign that read “…”). */
export const QUOTE_ONLY = new Set(
  `gush muse laugh sigh crack marvel gripe grumble grouse snap fume rage opine posit reason sniff
  wonder tease chide scold reflect shrug read`.split(/\s+/),
);
