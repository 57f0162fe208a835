import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/index.ts';

const top = (text: string) => extractClaims(text).filter((c) => !c.nested);
/** Source, cue and content text of each outermost claim. */
const spans = (text: string) => top(text).map((c) => [c.source?.text, c.cue.text, c.content.text]);

describe('cue span boundaries', () => {
  it.each([
    ['“The ferry will run again,” the harbour master said Thursday.', 'said Thursday'],
    ['The harbour master said Thursday night that the ferry would run again.', 'said Thursday night'],
    ['The harbour master wrote recently that the ferry would run again.', 'wrote recently'],
    ['The mayor called upon the council to reopen the ferry.', 'called upon'],
    ['The mayor argued for a new ferry terminal.', 'argued for'],
    ['The engineers cautioned against reopening the pier.', 'cautioned against'],
    ['Lindqvist is continuing to insist that the pier is safe.', 'is continuing to insist'],
    ['Harbour pilots point out that the channel is too shallow.', 'point out'],
    ['Ferry workers call for a new pier.', 'call for'],
    ['Lindqvist referred to as “a disgrace” the plan to close the pier.', 'referred to as'],
    ['The mayor called Wednesday for a new pier.', 'called Wednesday for'],
    ['The mayor wrote on Facebook that the pier was closed.', 'wrote on Facebook'],
  ])('%s → %s', (text, cue) => {
    expect(top(text)[0]!.cue.text).toBe(cue);
  });

  it('keeps "about" out of the cue before a number', () => {
    const [c] = top('“Too many,” the mayor joked about 40 minutes later.');
    expect(c!.cue.text).toBe('joked');
  });
});

describe('sentence ends after an abbreviation', () => {
  it('splits "… the U.S. He says …" into two claims', () => {
    const claims = top('Lindqvist says the ferry is the busiest in the U.S. He says the pier needs a new roof.');
    expect(claims.map((c) => [c.source?.text, c.content.text])).toEqual([
      ['Lindqvist', 'the ferry is the busiest in the U.S'],
      ['He', 'the pier needs a new roof'],
    ]);
  });

  it('keeps "The U.S. Coast Guard" in one sentence', () => {
    expect(top('The U.S. Coast Guard said the ferry was safe.')[0]!.source?.text).toBe('The U.S. Coast Guard');
  });
});

describe('several attributions in one sentence', () => {
  it('splits a sibling attribution after a comma and a connective', () => {
    expect(spans('Six in ten riders say the ferry is late, but half of the crew say it is on time.')).toEqual([
      ['Six in ten riders', 'say', 'the ferry is late'],
      ['half of the crew', 'say', 'it is on time'],
    ]);
  });

  it('reads "X, who said A, said B" as two claims', () => {
    expect(spans('Lindqvist, who has long argued that the pier is unsafe, said the ferry would stop.')).toEqual([
      ['who', 'has long argued', 'that the pier is unsafe'],
      ['Lindqvist', 'said', 'the ferry would stop'],
    ]);
  });

  it('keeps a leading adverbial inside an inverted report', () => {
    const claims = extractClaims('Shortly after, a harbour official denied the pier had closed, the Gazette reported.');
    expect(claims.filter((c) => !c.nested).map((c) => c.source?.text)).toEqual(['the Gazette']);
  });
});

describe('topic and refusal cues', () => {
  it('does not read "spoke to reporters" as a claim', () => {
    expect(top('Lindqvist spoke to reporters on Monday.')).toEqual([]);
  });

  it.each([
    ['The mayor was referring to the closure of the pier.', 'was referring to', 'the closure of the pier'],
    ['The council discussed the ferry timetable.', 'discussed', 'the ferry timetable'],
    ['Lindqvist refused to comment on the closure.', 'refused', 'to comment on the closure'],
    ['Lindqvist talked about the ferry timetable.', 'talked about', 'the ferry timetable'],
    ['Lindqvist pointed to the falling ticket sales.', 'pointed to', 'the falling ticket sales'],
    ['Lindqvist spoke of a new pier.', 'spoke of', 'a new pier'],
  ])('%s', (text, cue, content) => {
    expect(top(text).map((c) => [c.cue.text, c.content.text])).toEqual([[cue, content]]);
  });
});

describe('a tag after a quotation that ends in ! or ?', () => {
  it('stays in the sentence of the quotation', () => {
    const [c] = top('“We will never close the pier!” Mayor Ana Lindqvist said as she left the hall.');
    expect([c!.source?.text, c!.cue.text, c!.content.text]).toEqual(['Mayor Ana Lindqvist', 'said', '“We will never close the pier!”']);
  });

  it('still ends the sentence before an ordinary clause', () => {
    expect(top('“Is this the end?” He left the room.')).toEqual([]);
  });
});

describe('colon labels', () => {
  it('gives a transcript speaker label the rest of its paragraph', () => {
    expect(spans('PIKE: Well, the pier is safe. The ferry runs on time. He said so himself.')).toEqual([
      ['PIKE', ':', 'Well, the pier is safe. The ferry runs on time. He said so himself'],
    ]);
  });

  it('does not read a three-word headline tail as a statement', () => {
    expect(top('Lindqvist: Just hang on.')).toEqual([]);
  });

  it('reads a poll headline label as a source', () => {
    const [c] = top('Poll: Lindqvist Leads Moren in the Harbour Race.');
    expect([c!.source?.text, c!.cue.text]).toEqual(['Poll', ':']);
  });
});

describe('passive questions', () => {
  it.each([
    ['Lindqvist was asked whether the pier would reopen.', 'was asked', 'whether the pier would reopen'],
    ['Lindqvist was asked to name a date for the reopening.', 'was asked', 'to name a date for the reopening'],
    ['Lindqvist was asked, “Will the pier reopen?”', 'was asked', '“Will the pier reopen?”'],
  ])('%s', (text, cue, content) => {
    const [c] = top(text);
    expect([c!.source, c!.cue.text, c!.content.text]).toEqual([null, cue, content]);
  });
});

describe('asides inside a content', () => {
  it('keeps a dash aside and a bracket in the content', () => {
    const [c] = top('Lindqvist said that ferry traffic is in decline — a decline that began in 2010 (before the bridge opened).');
    expect(c!.content.text).toBe('that ferry traffic is in decline — a decline that began in 2010 (before the bridge opened)');
  });
});

describe('coordinated cue verbs of one source', () => {
  it('splits "said X and questioned Y" into two claims', () => {
    expect(spans('Lindqvist said the pier was safe and questioned why the council had closed it.')).toEqual([
      ['Lindqvist', 'said', 'the pier was safe'],
      ['Lindqvist', 'questioned', 'why the council had closed it'],
    ]);
  });
});

describe('evidential verbs', () => {
  it.each([
    ['Exit polling shows the mayor won most young voters.', 'Exit polling', 'shows'],
    ['A harbour survey in March shows most ferries ran late.', 'A harbour survey in March', 'shows'],
  ])('%s', (text, source, cue) => {
    const [c] = top(text);
    expect([c!.source?.text, c!.cue.text]).toEqual([source, cue]);
  });
});

describe('naming participles', () => {
  it('does not read "a program called X" as a claim', () => {
    expect(top('Lindqvist now leads a program called Harbour Watch.')).toEqual([]);
  });

  it('still reads "X called Y a disgrace"', () => {
    expect(top('Lindqvist called the plan a disgrace.')[0]!.cue.text).toBe('called');
  });
});

describe('datelines', () => {
  it('leaves "CITY (Agency) —" out of the content', () => {
    const [c] = top('PORTSMOUTH (Harbour Wire) — The ferry will stop in May, according to the council.');
    expect(c!.content.text).toBe('The ferry will stop in May');
  });
});

describe('questions put by a named asker', () => {
  it('reads "Asked by X whether …" with X as the source', () => {
    const [c] = extractClaims('Asked by host Mia Roe whether the pier would reopen, Lindqvist smiled.');
    expect([c!.source?.text, c!.cue.text, c!.content.text]).toEqual(['host Mia Roe', 'Asked', 'whether the pier would reopen']);
  });

  it('skips an adjunct before the question ("Asked in Dover recently whether …")', () => {
    const [c] = extractClaims('Asked in Dover recently whether the pier would reopen, Lindqvist smiled.');
    expect([c!.source, c!.cue.text, c!.content.text]).toEqual([null, 'Asked', 'whether the pier would reopen']);
  });
});

describe('bare tag sentence after a multi-sentence quotation', () => {
  it('keeps "“A. B.” Lindqvist said." as one claim', () => {
    expect(spans('“The pier is closed. It will not reopen.” Lindqvist said. The ferry left.')).toEqual([
      ['Lindqvist', 'said', '“The pier is closed. It will not reopen.”'],
    ]);
  });
});

describe('", referring to NP"', () => {
  it('adds a claim whose content is the referent, up to the next comma', () => {
    expect(spans('“It was a disgrace,” Lindqvist said, referring to the harbour vote, which passed narrowly.')).toEqual([
      ['Lindqvist', 'said', '“It was a disgrace,”'],
      ['Lindqvist', 'referring to', 'the harbour vote'],
    ]);
  });
});

describe('cues that are rarely reports of speech', () => {
  it('does not read "reported from <place>" as a cue', () => {
    expect(top('Our correspondent reported from Dover, where the pier is closed.')).toEqual([]);
  });

  it('does not read "maintained" as a cue', () => {
    expect(top('The council maintained that the pier was closed.')).toEqual([]);
  });
});

describe('a cue coordinated with a non-reporting verb', () => {
  it('does not read "said and did" as a cue', () => {
    expect(top('Voters remember what the mayor said and did about the pier.')).toEqual([]);
  });

  it('still reads "said and repeated"', () => {
    expect(top('The mayor said and repeated that the pier was closed.').length).toBe(1);
  });
});

describe('a tag inside the clause ("X, he added, was …")', () => {
  it.each([
    ['Cost estimates, he added, were based on a prototype pier.', 'Cost estimates…were based on a prototype pier'],
    ['Time, Mr. Lindqvist noted, was on their side.', 'Time…was on their side'],
  ])('%s', (text, content) => {
    const [c] = top(text);
    expect(c!.contentFragments?.map((f) => f.text).join('…')).toBe(content);
  });
});

describe('"More from X: “…”" blog labels', () => {
  it.each([
    ['From the report: “Ferries carried more passengers in May than ever before.”', 'the report'],
    ['The signs were there all along - More from Lindqvist and Roe: “Our harbour data helps confirm that both issues were in play.”', 'Lindqvist and Roe'],
  ])('%s', (text, source) => {
    const [c] = top(text);
    expect([c!.source?.text, c!.cue.text]).toEqual([source, ':']);
    expect(c!.content.text.startsWith('“')).toBe(true);
  });
});

describe('Title Case headlines', () => {
  it.each([
    ['Lindqvist Says He Will Reopen The Pier In May.', 'Lindqvist', 'Says', 'He Will Reopen The Pier In May'],
    ['Ferry Plan Is Reckless, Harbour Chief Says.', 'Harbour Chief', 'Says', 'Ferry Plan Is Reckless'],
    ['Lindqvist Denies Ferry Deal Was Rushed.', 'Lindqvist', 'Denies', 'Ferry Deal Was Rushed'],
  ])('%s', (text, source, cue, content) => {
    const [c] = top(text);
    expect([c!.source?.text, c!.cue.text, c!.content.text]).toEqual([source, cue, content]);
  });

  it('still skips a capitalized verb inside a name in running text', () => {
    expect(top('She watched The Daily Show with friends on Monday night.')).toEqual([]);
  });
});

describe('", referring to NP" and a following quotation', () => {
  it('lets the next quotation continue the main claim, not the referent', () => {
    const claims = top('“It was a disgrace,” Lindqvist said, referring to the harbour vote. “We will fight it.”');
    expect(claims.map((c) => [c.cue.text, c.contentFragments?.map((f) => f.text) ?? [c.content.text]])).toEqual([
      ['said', ['“It was a disgrace,”', '“We will fight it.”']],
      ['referring to', ['the harbour vote']],
    ]);
  });

  it('keeps an appositive name in the referent', () => {
    const claims = top('“He ran it well,” Lindqvist said, referring to his predecessor, Mia Roe, who left in May.');
    expect(claims[1]!.content.text).toBe('his predecessor, Mia Roe');
  });
});

describe('a quotation after a sentence with two claims', () => {
  it('continues the first (main) claim', () => {
    const claims = top('“It was a disgrace,” Lindqvist said, adding that the vote was rushed. “We will fight it.”');
    expect(claims[0]!.contentFragments?.map((f) => f.text)).toEqual(['“It was a disgrace,”', '“We will fight it.”']);
    expect(claims[1]!.content.text).toBe('that the vote was rushed');
  });
});

describe('a quotation before "X told Y …"', () => {
  it('takes the quotation as the content, not the long tail after the recipient', () => {
    const [c] = top('“We each have our own opinion, but we are friends,” Roe told a voter passing by who seemed confused at the sight of the pair.');
    expect([c!.source?.text, c!.cue.text, c!.content.text]).toEqual(['Roe', 'told', '“We each have our own opinion, but we are friends,”']);
  });
});
