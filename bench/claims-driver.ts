/**
 * Benchmark driver: reads .txt articles given as arguments and prints one JSON
 * line per file in the PolNeAR scorer's format, with nested claims dropped
 * (PolNeAR annotates only the outermost attribution).
 *
 *   node --import tsx bench/claims-driver.ts a.txt b.txt > preds.jsonl
 */
import { readFileSync } from 'node:fs';
import { extractClaims } from '../shared/claims/index.ts';
import type { Span } from '../shared/types.ts';

const pos = (s: Span) => ({ start: s.start, end: s.end });

const lines: string[] = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const claims = extractClaims(text)
    .filter((c) => !c.nested)
    .map((c) => ({
      source: c.source ? pos(c.source) : null,
      cue: pos(c.cue),
      content: c.contentFragments ? c.contentFragments.map(pos) : pos(c.content),
    }));
  lines.push(JSON.stringify({ file, claims }));
}
process.stdout.write(lines.join('\n') + '\n');
