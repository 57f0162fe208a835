import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ClaimwireError, ConfigError } from '../shared/errors.ts';

export const USAGE = `claimwire — news sources in, attributed claims out

Usage: claimwire <command> [options]

Pipeline (embedded S3 + DynamoDB under --data-dir, no AWS account needed):
  run [--once] [--sources FILE] [--interval MIN]
                         discover new articles from the sources, fetch, extract and store
                         them; repeats every --interval minutes (default 15) until Ctrl-C
  ingest <feed-url|page-url|file>... [--force]
                         one-off ingestion through the full path (S3 → event → process → DynamoDB)
  replay [--since DATE] [--site HOST] [--missing]
                         re-process raw pages already in the bucket (safe: idempotent)
  failures [--json]      pages that could not be fetched or processed, and dead letters
  demo [--port N]        serve a small sample news site on loopback (default port 8765),
                         ingest it, show results

Queries (add --aws to read the deployed tables instead of the local ones):
  articles [--site HOST] [--since DATE] [--day YYYY-MM-DD] [--limit N] [--json]
  article <articleId|url> [--json]       the article with its text and claims
  claims [--speaker NAME] [--stance assert|deny|confirm|report|other]
         [--article ID] [--since DATE] [--limit N] [--json]

No store at all:
  parse [--format jsonl|pretty] [--outermost] <file.html|file.txt>...
                         extract article + claims from local files, one JSON line per file;
                         --outermost keeps only outermost claims and writes a split content as
                         its list of fragments (for corpora such as PolNeAR that annotate so)

Common options:
  --data-dir DIR             where the embedded stores keep data (default .claimwire)
  --allow-private-network    let fetches reach loopback and private (RFC 1918) hosts;
                             link-local and cloud metadata addresses stay blocked
  --user-agent UA            User-Agent for fetches (default names claimwire and a contact URL)
  --min-host-interval MS     minimum time between two requests to one host (default 1000)
  --json                     list commands print JSON Lines, one record per line
  --aws                      query commands read AWS: names from the outputs of --stack NAME
                             (default ClaimwireStack), or --bucket, --articles-table, --claims-table
                             (or CLAIMWIRE_BUCKET, CLAIMWIRE_ARTICLES_TABLE, CLAIMWIRE_CLAIMS_TABLE)
  -h, --help                 this help

Examples:
  claimwire ingest --allow-private-network http://127.0.0.1:8080/feed.xml
  claimwire claims --stance deny --json
  claimwire article https://example.com/news/town-retaken
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  'allow-private-network': { type: 'boolean' },
  'user-agent': { type: 'string' },
  'min-host-interval': { type: 'string' },
  json: { type: 'boolean' },
  aws: { type: 'boolean' },
  bucket: { type: 'string' },
  stack: { type: 'string' },
  'articles-table': { type: 'string' },
  'claims-table': { type: 'string' },
  once: { type: 'boolean' },
  sources: { type: 'string' },
  interval: { type: 'string' },
  force: { type: 'boolean' },
  since: { type: 'string' },
  site: { type: 'string' },
  day: { type: 'string' },
  limit: { type: 'string' },
  speaker: { type: 'string' },
  stance: { type: 'string' },
  article: { type: 'string' },
  missing: { type: 'boolean' },
  format: { type: 'string' },
  outermost: { type: 'boolean' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export type CliValues = ReturnType<typeof parseCli>['values'];

function parseCli(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

/** Runs the CLI; returns the exit code. Errors of claimwire's own kinds print one clear line. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    process.stderr.write(`claimwire: ${(error as Error).message}\nRun "claimwire --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'parse':
        return (await import('./commands/parse.ts')).parseCommand(args, values);
      case 'run':
        return (await import('./commands/run.ts')).runCommand(values);
      case 'ingest':
        return (await import('./commands/ingest.ts')).ingestCommand(args, values);
      case 'replay':
        return (await import('./commands/replay.ts')).replayCommand(values);
      case 'failures':
        return (await import('./commands/failures.ts')).failuresCommand(values);
      case 'articles':
      case 'article':
      case 'claims':
        return (await import('./commands/query.ts')).queryCommand(command, args, values);
      case 'demo':
        return (await import('./commands/demo.ts')).demoCommand(values);
      default:
        throw new ConfigError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof ClaimwireError || error instanceof RangeError) {
      process.stderr.write(`claimwire ${command}: ${error.message}\n`);
      return error instanceof ConfigError || error instanceof RangeError ? 2 : 1;
    }
    throw error;
  }
}
