import type { CliValues } from '../main.ts';
import { ConfigError } from '../../shared/errors.ts';
import { parseFile, type ParsedFile } from './parse-file.ts';
import { writeLine } from '../output.ts';

/** `claimwire parse`: local files in, one JSON line per file out; no store involved. */
export async function parseCommand(files: string[], values: CliValues): Promise<number> {
  if (files.length === 0) throw new ConfigError('parse needs at least one file');
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'pretty') throw new ConfigError(`--format must be jsonl or pretty, got "${format}"`);
  let failed = 0;
  for (const file of files) {
    const result = values.outermost ? outermostOnly(await parseFile(file)) : await parseFile(file);
    if (result.error) failed++;
    await writeLine(format === 'jsonl' ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  }
  if (failed > 0) process.stderr.write(`claimwire parse: ${failed} of ${files.length} file(s) could not be parsed (see their "error")\n`);
  return 0;
}

/**
 * Scoring view for corpora that annotate only the outermost attribution: nested
 * claims dropped, and a content split around its cue given as its fragments.
 */
function outermostOnly(result: ParsedFile): ParsedFile & { claims?: unknown[] } {
  if (!result.claims) return result;
  const claims = result.claims
    .filter((c) => !c.nested)
    .map(({ contentFragments, ...c }) => (contentFragments ? { ...c, content: contentFragments } : c));
  return { ...result, claims: claims as never };
}
