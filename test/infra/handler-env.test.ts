import { describe, expect, it } from 'vitest';
import { REQUIRED_CONFIG as DISCOVER } from '../../functions/discover/handler.ts';
import { REQUIRED_CONFIG as FETCH } from '../../functions/fetch/handler.ts';
import { REQUIRED_CONFIG as PROCESS } from '../../functions/process/handler.ts';
import { ENV } from '../../shared/tables.ts';
import { idOf, synth } from './synth.ts';

describe('each function gets every setting its handler requires', () => {
  const { json } = synth();
  it.each([
    ['DiscoverFunction', DISCOVER],
    ['FetchFunction', FETCH],
    ['ProcessFunction', PROCESS],
  ] as const)('%s', (prefix, required) => {
    const variables = json.Resources[idOf(json, 'AWS::Lambda::Function', prefix)]!.Properties!.Environment.Variables as Record<string, unknown>;
    for (const key of required) expect(Object.keys(variables), `${prefix} needs ${ENV[key]}`).toContain(ENV[key]);
  });
});
