import type { BlobStore } from '../ports.ts';

/**
 * A page that failed before and now went through (after a fix and a replay) is no
 * longer a failure. Checked first: in a versioned bucket a blind delete leaves a marker.
 */
export async function clearFailure(blobs: BlobStore, key: string): Promise<void> {
  if (await blobs.exists(key)) await blobs.delete(key);
}
