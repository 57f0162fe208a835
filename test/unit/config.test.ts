import { describe, expect, it } from 'vitest';
import { loadFunctionConfig } from '../../shared/config.ts';
import { ConfigError } from '../../shared/errors.ts';

const base = { CLAIMWIRE_BUCKET: 'b', CLAIMWIRE_ARTICLES_TABLE: 'a', CLAIMWIRE_CLAIMS_TABLE: 'c' };

describe('loadFunctionConfig', () => {
  it('names the missing variable', () => {
    expect(() => loadFunctionConfig({ ...base, CLAIMWIRE_CLAIMS_TABLE: undefined })).toThrow(new ConfigError('environment variable CLAIMWIRE_CLAIMS_TABLE is required but not set'));
  });

  it('applies safe defaults: private network closed, 1 s between requests to one host', () => {
    expect(loadFunctionConfig(base)).toMatchObject({ allowPrivateNetwork: false, minHostIntervalMs: 1000, fetchQueueUrl: null });
  });

  it('rejects a malformed interval instead of fetching as fast as it can', () => {
    expect(() => loadFunctionConfig({ ...base, CLAIMWIRE_MIN_HOST_INTERVAL_MS: 'soon' })).toThrow(/CLAIMWIRE_MIN_HOST_INTERVAL_MS/);
  });
});
