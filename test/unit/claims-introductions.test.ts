import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/index.ts';

describe('claims across a blockquote, denial objects and "the company"', () => {
  it('attributes a quotation set as its own paragraph to the colon introduction before it', () => {
    const text = 'In the letter, the engineer Ruth Adeyemi wrote:\n\n“The seawall is sound. It needs paint, not money.”\n\nThe council met on Monday.';
    const [claim] = extractClaims(text);
    expect(claim).toMatchObject({ speaker: 'Ruth Adeyemi', stance: 'assert' });
    expect(claim!.content.text).toBe('“The seawall is sound. It needs paint, not money.”');
    expect(text.slice(claim!.content.start, claim!.content.end)).toBe(claim!.content.text);
  });

  it('reads "X, an appositive, denied the allegation" as a denial by X, not an inverted tag', () => {
    const [claim] = extractClaims('The builder, Northgate Construction, denied the allegation.');
    expect(claim).toMatchObject({ speaker: 'Northgate Construction', stance: 'deny', content: { text: 'the allegation' } });
  });

  it('resolves "the company" to the latest business named earlier', () => {
    const claims = extractClaims('The mill’s owner, Riverside Holdings, rejected claims that it ignored the leak. In a statement, the company said the pipe had been replaced.');
    expect(claims.map((c) => [c.speaker, c.stance])).toEqual([
      ['Riverside Holdings', 'deny'],
      ['Riverside Holdings', 'assert'],
    ]);
  });
});
