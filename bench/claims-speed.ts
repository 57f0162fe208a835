/**
 * Claim extraction throughput: articles/s over the PolNeAR train texts, in
 * process (no start-up cost). The texts come from the cache the claims scorer
 * unpacks (`<tmpdir>/polnear-cache/<commit>/data`, or $POLNEAR_CACHE); without
 * it the benchmark says so and exits 0.
 *
 *   npm run bench:claims
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractClaims } from '../shared/claims/index.ts';

function findTrainTexts(): string | null {
  const fromEnv = process.env['POLNEAR_CACHE'];
  const candidates: string[] = fromEnv ? [fromEnv] : [];
  const root = join(tmpdir(), 'polnear-cache');
  if (existsSync(root)) for (const commit of readdirSync(root)) candidates.push(join(root, commit, 'data'));
  for (const data of candidates) {
    const dir = join(data, 'train', 'text');
    if (existsSync(dir)) return dir;
  }
  return null;
}

const dir = findTrainTexts();
if (!dir) {
  process.stdout.write('bench:claims skipped: no PolNeAR cache (run the claims scorer once to unpack it)\n');
  process.exit(0);
}
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);

// warm-up pass (JIT), then the timed passes
for (const t of texts.slice(0, 50)) extractClaims(t);
const rounds = 3;
let claims = 0;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const t of texts) claims += extractClaims(t).length;
const seconds = (performance.now() - t0) / 1000;
const perSecond = (texts.length * rounds) / seconds;
process.stdout.write(
  `bench:claims ${texts.length} train articles (${(chars / 1e6).toFixed(2)} M chars) x ${rounds}: ` +
    `${perSecond.toFixed(0)} articles/s, ${((chars * rounds) / seconds / 1e6).toFixed(2)} M chars/s, ` +
    `${(claims / rounds / texts.length).toFixed(1)} claims/article\n`,
);
