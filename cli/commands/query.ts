import { ConfigError } from '../../shared/errors.ts';
import { canonicalizeUrl } from '../../shared/fetch/index.ts';
import { articleIdFor } from '../../shared/ids.ts';
import type { ArticleStore, BlobStore } from '../../shared/ports.ts';
import type { ArticleRecord, ClaimRecord } from '../../shared/types.ts';
import { withQueryStores } from '../context.ts';
import type { CliValues } from '../main.ts';
import { writeLine } from '../output.ts';

const STANCES = ['assert', 'deny', 'confirm', 'report', 'other'];

function limitOf(values: CliValues, fallback: number): number {
  if (values.limit === undefined) return fallback;
  const n = Number(values.limit);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--limit must be a positive integer, got "${values.limit}"`);
  return n;
}

function dateOnly(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '----------';
}

export function formatArticleLine(a: ArticleRecord): string {
  const by = a.authors.length ? ` — ${a.authors.join(', ')}` : '';
  return `${a.articleId}  ${dateOnly(a.publishedAt)}  ${a.site}  ${a.title ?? '(untitled)'}${by}  [${a.claimCount} claims]`;
}

export function formatClaimLine(c: ClaimRecord): string {
  const who = c.speaker ?? c.source?.text ?? '(unattributed)';
  const neg = c.negated ? ' (negated)' : '';
  const content = c.content.text.length > 160 ? `${c.content.text.slice(0, 157)}...` : c.content.text;
  return `${dateOnly(c.publishedAt)}  ${c.stance}${neg}  ${who} —${c.cue.text}→ ${content.replace(/\s+/g, ' ')}`;
}

/** Resolves `article <id|url>`: a 24-hex id, or a URL looked up by its canonical form, then by the raw URL index. */
async function findArticle(articles: ArticleStore, ref: string): Promise<ArticleRecord | null> {
  if (/^[0-9a-f]{24}$/.test(ref)) return articles.getArticle(ref);
  let canonical: string;
  try {
    canonical = canonicalizeUrl(ref);
  } catch {
    throw new ConfigError(`"${ref}" is neither an article id (24 hex characters) nor a URL`);
  }
  return (await articles.getArticle(articleIdFor(canonical))) ?? (await articles.findArticleByUrl(canonical));
}

async function readDocText(blobs: BlobStore, record: ArticleRecord): Promise<string | null> {
  const doc = await blobs.get(record.docKey);
  if (!doc) return null;
  return (JSON.parse(new TextDecoder().decode(doc.body)) as { text?: string }).text ?? null;
}

/** `claimwire articles | article | claims`. */
export async function queryCommand(command: string, args: string[], values: CliValues): Promise<number> {
  if (values.stance && !STANCES.includes(values.stance)) {
    throw new ConfigError(`--stance must be one of ${STANCES.join(', ')}, got "${values.stance}"`);
  }
  if (values.day && !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) throw new ConfigError(`--day must be YYYY-MM-DD, got "${values.day}"`);
  return withQueryStores(values, async ({ blobs, articles }) => {
    if (command === 'articles') {
      const list = await articles.queryArticles({ site: values.site, since: values.since, day: values.day, limit: limitOf(values, 50) });
      for (const a of list) await writeLine(values.json ? JSON.stringify(a) : formatArticleLine(a));
      if (!values.json && list.length === 0) process.stderr.write('no articles match\n');
      return 0;
    }
    if (command === 'claims') {
      const list = await articles.queryClaims({
        articleId: values.article,
        speaker: values.speaker,
        stance: values.stance,
        since: values.since,
        limit: limitOf(values, 100),
      });
      for (const c of list) await writeLine(values.json ? JSON.stringify(c) : formatClaimLine(c));
      if (!values.json && list.length === 0) process.stderr.write('no claims match\n');
      return 0;
    }
    // article <id|url>
    const ref = args[0];
    if (!ref) throw new ConfigError('article needs an article id or URL');
    const record = await findArticle(articles, ref);
    if (!record) {
      process.stderr.write(`claimwire article: no article for "${ref}"\n`);
      return 1;
    }
    const [text, claims] = await Promise.all([readDocText(blobs, record), articles.queryClaims({ articleId: record.articleId, limit: 10_000 })]);
    if (values.json) {
      await writeLine(JSON.stringify({ ...record, text, claims }));
      return 0;
    }
    await writeLine(formatArticleLine(record));
    await writeLine(`url: ${record.url}\nsite name: ${record.siteName ?? '-'}  language: ${record.language ?? '-'}  words: ${record.wordCount}\n`);
    await writeLine(text ?? '(text missing)');
    await writeLine(`\nclaims (${claims.length}):`);
    for (const c of claims) await writeLine(`  ${formatClaimLine(c)}`);
    return 0;
  });
}
