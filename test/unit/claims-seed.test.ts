import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/index.ts';
import { sharedPath } from '../helpers/shared-data.ts';

// The seed page lives outside the repository (its text is not ours to commit).
const SEED = sharedPath('data/seed/dw-2020-02-27-saraqeb.txt');

describe.skipIf(!existsSync(SEED))('seed page: DW, Saraqeb', () => {
  const claims = existsSync(SEED) ? extractClaims(readFileSync(SEED, 'utf8')) : [];
  const find = (cue: string, speaker: string) => claims.find((c) => c.cue.text === cue && c.speaker === speaker);

  it("finds the rebels' claim", () => {
    const c = find('claimed', 'Anti-government insurgents');
    expect(c).toMatchObject({ stance: 'assert', negated: false, speakerType: 'group', nested: false });
    expect(c!.content.text).toMatch(/^they have re-taken the key Syrian town of Saraqeb/);
  });

  it("finds the Observatory's report and resolves its short form", () => {
    expect(find('reported', 'Syrian Observatory for Human Rights')).toMatchObject({ stance: 'report', speakerType: 'organization' });
    const short = claims.filter((c) => c.source?.text === 'the Observatory');
    expect(short.length).toBeGreaterThanOrEqual(1);
    for (const c of short) expect(c.speaker).toBe('Syrian Observatory for Human Rights');
  });

  it("finds the Syrian National Army's confirmation", () => {
    expect(find('confirmed', 'Syrian National Army')).toMatchObject({ stance: 'confirm', negated: false, speakerType: 'group' });
  });

  it("nests the Russian military source's denial inside Reuters' report", () => {
    const outer = find('reported', 'Reuters');
    expect(outer).toMatchObject({ stance: 'report', speakerType: 'media', nested: false });
    const inner = claims.find((c) => c.cue.text === 'denied');
    expect(inner).toMatchObject({ stance: 'deny', nested: true, speakerType: 'anonymous' });
    expect(inner!.source!.text).toMatch(/^a Russian military source/);
    expect(inner!.content.start).toBeGreaterThanOrEqual(outer!.content.start);
    expect(inner!.content.end).toBeLessThanOrEqual(outer!.content.end);
  });

  it("finds Russia's statement", () => {
    const c = find('said', 'Russia');
    expect(c).toMatchObject({ stance: 'assert', speakerType: 'government', nested: false });
    expect(c!.content.text).toMatch(/^it would never agree to a ceasefire/);
  });
});
