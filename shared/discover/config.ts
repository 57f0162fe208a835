import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';

export type SourceType = 'feed' | 'sitemap' | 'url';

/** One configured news source. See shared/discover/README.md for the file format. */
export interface SourceConfig {
  /** Stable identifier: keys the discovery state (ETag, Last-Modified) and tags fetched articles. */
  id: string;
  type: SourceType;
  url: string;
  name?: string;
  /** Default true. A disabled source stays in the file but is never read. */
  enabled?: boolean;
  /** Newest items kept per discovery run. Default {@link DEFAULT_MAX_ITEMS}. */
  maxItems?: number;
  /** Skip the source when it was last checked less than this many milliseconds ago. */
  minIntervalMs?: number;
}

export interface SourcesConfig {
  userAgent?: string;
  /** Permit loopback and private hosts (local test sites). Off by default. */
  allowPrivateNetwork?: boolean;
  sources: SourceConfig[];
}

export const DEFAULT_MAX_ITEMS = 50;
export const MAX_MAX_ITEMS = 5000;
const SOURCE_TYPES: readonly SourceType[] = ['feed', 'sitemap', 'url'];
const TOP_KEYS = ['userAgent', 'allowPrivateNetwork', 'sources'] as const;
const SOURCE_KEYS = ['id', 'type', 'url', 'name', 'enabled', 'maxItems', 'minIntervalMs'] as const;
// Ids key the state store and appear in S3 metadata and logs: keep them plain.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Validates a parsed sources file and fills in defaults (`enabled: true`,
 * `maxItems: 50`). Every problem is a {@link ConfigError} whose message starts
 * with `origin` and the path of the bad field, so the user can fix the file
 * without reading code.
 *
 * @example
 * parseSources({ sources: [{ id: 'bbc-world', type: 'feed', url: 'ftp://x' }] }, 'sources.json');
 * // throws ConfigError: sources.json: sources[0].url: must be an http(s) URL, got "ftp://x"
 */
export function parseSources(json: unknown, origin: string): SourcesConfig {
  const fail = (path: string, problem: string): never => {
    throw new ConfigError(`${origin}: ${path}: ${problem}`);
  };
  if (!isPlainObject(json)) fail('(root)', `must be an object with a "sources" array, got ${describe(json)}`);
  const root = json as Record<string, unknown>;
  rejectUnknownKeys(root, TOP_KEYS, '', fail);

  const config: SourcesConfig = { sources: [] };
  if (root.userAgent !== undefined) {
    if (typeof root.userAgent !== 'string' || root.userAgent.trim() === '' || /[\r\n]/.test(root.userAgent)) {
      fail('userAgent', `must be a non-empty single-line string, got ${describe(root.userAgent)}`);
    }
    config.userAgent = (root.userAgent as string).trim();
  }
  if (root.allowPrivateNetwork !== undefined) {
    if (typeof root.allowPrivateNetwork !== 'boolean') fail('allowPrivateNetwork', `must be true or false, got ${describe(root.allowPrivateNetwork)}`);
    config.allowPrivateNetwork = root.allowPrivateNetwork as boolean;
  }
  if (!Array.isArray(root.sources)) fail('sources', `must be an array, got ${describe(root.sources)}`);

  const seen = new Map<string, number>();
  (root.sources as unknown[]).forEach((raw, index) => {
    const at = `sources[${index}]`;
    if (!isPlainObject(raw)) fail(at, `must be an object, got ${describe(raw)}`);
    const entry = raw as Record<string, unknown>;
    rejectUnknownKeys(entry, SOURCE_KEYS, `${at}.`, fail);

    if (typeof entry.id !== 'string' || !ID_PATTERN.test(entry.id)) {
      fail(`${at}.id`, `must be 1-64 letters, digits, ".", "_" or "-" (starting with a letter or digit), got ${describe(entry.id)}`);
    }
    const id = entry.id as string;
    const first = seen.get(id);
    if (first !== undefined) fail(`${at}.id`, `duplicate id "${id}" (also used by sources[${first}])`);
    seen.set(id, index);

    if (typeof entry.type !== 'string' || !SOURCE_TYPES.includes(entry.type as SourceType)) {
      fail(`${at}.type`, `must be one of ${SOURCE_TYPES.map((t) => `"${t}"`).join(', ')}, got ${describe(entry.type)}`);
    }
    const url = checkUrl(entry.url);
    if (url !== null) fail(`${at}.url`, url);

    const source: SourceConfig = {
      id,
      type: entry.type as SourceType,
      url: new URL(entry.url as string).href,
      enabled: true,
      maxItems: DEFAULT_MAX_ITEMS,
    };
    if (entry.name !== undefined) {
      if (typeof entry.name !== 'string' || entry.name.trim() === '') fail(`${at}.name`, `must be a non-empty string, got ${describe(entry.name)}`);
      source.name = (entry.name as string).trim();
    }
    if (entry.enabled !== undefined) {
      if (typeof entry.enabled !== 'boolean') fail(`${at}.enabled`, `must be true or false, got ${describe(entry.enabled)}`);
      source.enabled = entry.enabled as boolean;
    }
    if (entry.maxItems !== undefined) {
      if (!Number.isInteger(entry.maxItems) || (entry.maxItems as number) < 1 || (entry.maxItems as number) > MAX_MAX_ITEMS) {
        fail(`${at}.maxItems`, `must be an integer from 1 to ${MAX_MAX_ITEMS}, got ${describe(entry.maxItems)}`);
      }
      source.maxItems = entry.maxItems as number;
    }
    if (entry.minIntervalMs !== undefined) {
      if (!Number.isInteger(entry.minIntervalMs) || (entry.minIntervalMs as number) < 0) {
        fail(`${at}.minIntervalMs`, `must be a whole number of milliseconds >= 0, got ${describe(entry.minIntervalMs)}`);
      }
      source.minIntervalMs = entry.minIntervalMs as number;
    }
    config.sources.push(source);
  });
  return config;
}

/**
 * Reads and validates a sources file. A missing file, unreadable file or
 * invalid JSON is a {@link ConfigError} naming the path.
 *
 * @example
 * const { sources } = await loadSources('sources.json');
 */
export async function loadSources(path: string): Promise<SourcesConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`;
    throw new ConfigError(`${path}: ${why}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseSources(json, path);
}

/** Returns why `value` is not an acceptable source URL, or null when it is. */
function checkUrl(value: unknown): string | null {
  const expected = 'must be an http(s) URL';
  if (typeof value !== 'string') return `${expected}, got ${describe(value)}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${expected}, got ${describe(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${expected}, got ${describe(value)}`;
  // Credentials in a URL end up in logs and S3 metadata.
  if (url.username !== '' || url.password !== '') return `must not contain a user name or password, got "${url.protocol}//***@${url.host}"`;
  return null;
}

function rejectUnknownKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  fail: (path: string, problem: string) => never,
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) fail(`${prefix}${key}`, `unknown key (expected one of ${known.join(', ')})`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
