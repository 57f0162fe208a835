import { describe, expect, it } from 'vitest';
import { rawRefsFromMessage, s3EventFor } from '../../functions/lib/s3-events.ts';
import { compareSequencers } from '../../shared/ids.ts';

describe('S3 notifications in SQS messages', () => {
  it('decodes keys the way S3 encodes them (space as +, %XX)', () => {
    const body = JSON.stringify({
      Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key: 'raw/a+b/caf%C3%A9%2B1', sequencer: '0A' } } }],
    });
    expect(rawRefsFromMessage(body)).toEqual([{ key: 'raw/a b/café+1', sequencer: '0A' }]);
  });

  it('round-trips a key through the event the local runtime builds', () => {
    const key = 'raw/site with space/é+x';
    expect(rawRefsFromMessage(JSON.stringify(s3EventFor('b', key, '01')))).toEqual([{ key, sequencer: '01' }]);
  });

  it('acknowledges the s3:TestEvent with no work', () => {
    expect(rawRefsFromMessage(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' }))).toEqual([]);
  });

  it('ignores removal events', () => {
    const body = JSON.stringify({ Records: [{ eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'raw/x', sequencer: '1' } } }] });
    expect(rawRefsFromMessage(body)).toEqual([]);
  });
});

describe('compareSequencers', () => {
  it('orders hex sequencers, right-padding the shorter one', () => {
    expect(compareSequencers('0A', '0B')).toBe(-1);
    expect(compareSequencers('0062E99A88DC407460', '0062E99A88DC4074')).toBe(1);
    expect(compareSequencers('0062e99a', '0062E99A')).toBe(0);
  });
});
