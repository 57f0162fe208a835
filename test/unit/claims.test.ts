import { describe, expect, it } from 'vitest';
import { CLAIMS_VERSION, claimId, extractClaims } from '../../shared/claims/index.ts';

const only = (text: string) => {
  const claims = extractClaims(text).filter((c) => !c.nested);
  expect(claims).toHaveLength(1);
  return claims[0]!;
};

describe('stance', () => {
  it.each([
    ['The union insisted that the strike was legal.', 'assert'],
    ['The union warned that the strike would spread.', 'assert'],
    ['The ministry denied that talks had failed.', 'deny'],
    ['The ministry dismissed the report.', 'deny'],
    ['The ministry disputed the figures.', 'deny'],
    ['The company acknowledged that the leak was serious.', 'confirm'],
    ['The company admitted that the leak was serious.', 'confirm'],
    ['The Harbour Gazette reported that the pier had closed.', 'report'],
    ['According to the Harbour Gazette, the pier has closed.', 'report'],
  ])('%s → %s', (text, stance) => {
    expect(only(text).stance).toBe(stance);
  });
});

describe('negation', () => {
  it('marks a negated cue and keeps the stance', () => {
    const c = only('The ministry did not confirm that the minister had resigned.');
    expect(c).toMatchObject({ stance: 'confirm', negated: true });
    expect(c.cue.text).toBe('did not confirm');
  });

  it('does not mark a negation inside the content', () => {
    const c = only('The ministry said the minister had not resigned.');
    expect(c.negated).toBe(false);
  });

  it('reads a contracted negation ("didn’t confirm")', () => {
    const c = only('The ministry didn’t confirm the report.');
    expect(c).toMatchObject({ stance: 'confirm', negated: true });
    expect(c.cue.text).toBe('didn’t confirm');
  });

  it('reads "never" in the verb group', () => {
    expect(only('Moren has never denied the figures.')).toMatchObject({ stance: 'deny', negated: true });
  });
});

describe('tags after the content', () => {
  it('reads a closing "one friend said." tag with a lead that has no recognised verb', () => {
    const c = only('The harbour job marks his return to the town, one friend said.');
    expect(c).toMatchObject({ source: { text: 'one friend' }, content: { text: 'The harbour job marks his return to the town' } });
  });

  it('does not read a clause after "said" as an inverted source', () => {
    const c = only('Their spokeswoman, Mia Roe, said the savings estimate ignored the cost of extra buses.');
    expect(c).toMatchObject({ source: { text: 'Their spokeswoman, Mia Roe,' }, content: { text: 'the savings estimate ignored the cost of extra buses' } });
  });
});

describe('speaker resolution', () => {
  const text = [
    'Elena Moren, the director of the North Sea Observatory, opened the meeting.',
    'Moren said the survey was complete. She added that the count would be repeated.',
    'The Observatory reported record numbers of pups.',
  ].join('\n\n');

  it('resolves a surname, a pronoun and a short organization name to the full name', () => {
    const speakers = extractClaims(text).map((c) => [c.source?.text, c.speaker, c.speakerType]);
    expect(speakers).toEqual([
      ['Moren', 'Elena Moren', 'person'],
      ['She', 'Elena Moren', 'person'],
      ['The Observatory', 'North Sea Observatory', 'organization'],
    ]);
  });

  it('types anonymous sources and media', () => {
    const [outer, inner] = extractClaims('A police source denied that the suspect had fled, the Coastal Gazette reported.');
    expect(outer).toMatchObject({ speaker: 'Coastal Gazette', speakerType: 'media', nested: false });
    expect(inner).toMatchObject({ speakerType: 'anonymous', nested: true, stance: 'deny' });
  });
});

describe('offsets', () => {
  it('are UTF-16 indices into the text, end exclusive', () => {
    const text = '🌊 Storm diary 🌊\n\n“The wall held,” said Jonas Pike.';
    const c = only(text);
    expect(c.content).toEqual({ text: '“The wall held,”', start: text.indexOf('“'), end: text.indexOf('”') + 1 });
    expect(text.slice(c.source!.start, c.source!.end)).toBe('Jonas Pike');
  });

  it('uses given paragraphs without changing offsets', () => {
    const text = 'Intro line.\n\nPike said the channel was closed.';
    const a = extractClaims(text);
    const b = extractClaims(text, { paragraphs: ['Intro line.', 'Pike said the channel was closed.'] });
    expect(b).toEqual(a);
  });
});

describe('claimId', () => {
  const text = 'Pike said the channel was closed. Moren said the survey was complete.';

  it('is stable across re-processing of the same text', () => {
    const ids1 = extractClaims(text).map((c) => claimId('art-1', c));
    const ids2 = extractClaims(text).map((c) => claimId('art-1', c));
    expect(ids1).toEqual(ids2);
    expect(ids1[0]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs between claims and between articles', () => {
    const [a, b] = extractClaims(text);
    expect(claimId('art-1', a!)).not.toBe(claimId('art-1', b!));
    expect(claimId('art-1', a!)).not.toBe(claimId('art-2', a!));
  });

  it('exports a version', () => {
    expect(CLAIMS_VERSION).toMatch(/^claims-\d+\.\d+\.\d+$/);
  });
});
