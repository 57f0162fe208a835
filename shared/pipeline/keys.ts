import { KEYS } from '../tables.ts';

/** S3 keys of one article's objects. `site` is sanitised so it is always one path segment. */
export function keysFor(site: string, articleId: string): { raw: string; meta: string } {
  const safeSite = site.replace(/[^a-z0-9.-]/gi, '_') || '_';
  return {
    raw: `${KEYS.rawPrefix}${safeSite}/${articleId}`,
    meta: `${KEYS.metaPrefix}${safeSite}/${articleId}.json`,
  };
}

/** Parses `raw/<site>/<articleId>` back into its parts; null for keys outside that layout. */
export function parseRawKey(key: string): { site: string; articleId: string } | null {
  const m = /^raw\/([^/]+)\/([0-9a-f]{24})$/.exec(key);
  return m ? { site: m[1]!, articleId: m[2]! } : null;
}

/** The normalized document of one extracted version: `docs/<articleId>/<contentHash prefix>.json`. */
export function docKeyFor(articleId: string, contentHash: string): string {
  return `${KEYS.docsPrefix}${articleId}/${contentHash.slice(0, 16)}.json`;
}

export function metaKeyForRaw(rawKey: string): string {
  return `${KEYS.metaPrefix}${rawKey.slice(KEYS.rawPrefix.length)}.json`;
}

export function failureKey(stage: string, id: string): string {
  return `${KEYS.failuresPrefix}${stage}/${id}.json`;
}
