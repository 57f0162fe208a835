import { resolve } from 'node:path';

/**
 * The team's read-only `shared/` folder, which sits beside the checkout (`../shared`)
 * on developer machines and in CI. A user's clone has none: tests that read it skip.
 */
export const SHARED_DIR = process.env.CLAIMWIRE_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared');

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}
