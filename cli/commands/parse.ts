import type { CliValues } from '../main.ts';
import { ConfigError } from '../../shared/errors.ts';
import { parseFile } from './parse-file.ts';
import { writeLine } from '../output.ts';

/** `claimwire parse`: local files in, one JSON line per file out; no store involved. */
export async function parseCommand(files: string[], values: CliValues): Promise<number> {
  if (files.length === 0) throw new ConfigError('parse needs at least one file');
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'pretty') throw new ConfigError(`--format must be jsonl or pretty, got "${format}"`);
  let failed = 0;
  for (const file of files) {
    const result = await parseFile(file);
    if (result.error) failed++;
    await writeLine(format === 'jsonl' ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  }
  if (failed > 0) process.stderr.write(`claimwire parse: ${failed} of ${files.length} file(s) could not be parsed (see their "error")\n`);
  return 0;
}
