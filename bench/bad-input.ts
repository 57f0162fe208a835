/**
 * npm run bench:bad-input
 *
 * Runs the hostile/broken page corpus (30 MB page, 100k-deep nesting, 200k
 * elements, binary, empty, legacy charsets, BOM vs meta, entities, unclosed
 * tags, CSS bomb) through the same parse path as `claimwire parse`, one file at a
 * time, and reports each outcome, its time, and the process's peak RSS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseFile } from '../cli/commands/parse-file.ts';
import { writeBadInputs } from '../test/helpers/bad-inputs.ts';

const dir = await mkdtemp(join(tmpdir(), 'claimwire-bad-bench-'));
try {
  const files = await writeBadInputs(dir);
  console.log('file'.padEnd(28), 'ms'.padStart(7), '  outcome');
  for (const file of files) {
    const t0 = performance.now();
    const result = await parseFile(file);
    const ms = (performance.now() - t0).toFixed(0);
    const outcome = result.error ? `${result.error.name}: ${result.error.message.slice(0, 70)}` : `ok, ${result.text?.length ?? 0} chars, ${result.claims?.length ?? 0} claims`;
    console.log(basename(file).padEnd(28), ms.padStart(7), ' ', outcome);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (whole run, ${files.length} files)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
