/**
 * Writes `expected.json` for a claims fixture folder from the current
 * extractor, for a human to review before committing:
 *
 *   node --import tsx bench/claims-fixture.ts test/fixtures/claims/<slug>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims } from '../shared/claims/index.ts';

for (const dir of process.argv.slice(2)) {
  const text = readFileSync(join(dir, 'text.txt'), 'utf8');
  const claims = extractClaims(text);
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(claims, null, 2) + '\n');
  process.stdout.write(`${dir}: ${claims.length} claims\n`);
}
