import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/index.ts';
import type { Claim, Span } from '../../shared/types.ts';

// One folder per attribution pattern: text.txt (our own sentences) and the exact claims expected.
// A new case: write text.txt, run `node --import tsx bench/claims-fixture.ts <dir>`, review expected.json.
const ROOT = join(import.meta.dirname, '../fixtures/claims');
const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function spansOf(c: Claim): Span[] {
  return [c.cue, c.content, ...(c.source ? [c.source] : []), ...(c.contentFragments ?? [])];
}

describe('claims fixtures', () => {
  it('has a case for every pattern', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  for (const slug of cases) {
    it(slug, () => {
      const text = readFileSync(join(ROOT, slug, 'text.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as Claim[];

      const claims = extractClaims(text);

      expect(claims).toEqual(expected);
      for (const c of claims) for (const s of spansOf(c)) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  }
});
