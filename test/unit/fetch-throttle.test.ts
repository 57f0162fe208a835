import { describe, expect, it } from 'vitest';
import { FetchFailedError } from '../../shared/errors.ts';
import { HostThrottle } from '../../shared/fetch/index.ts';

/** A clock that only moves when the throttle sleeps (or the test says so). */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms: number) => (now += ms),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('HostThrottle', () => {
  it('lets the first request through and spaces the next by the default 1000 ms', async () => {
    const time = fakeTime();
    const throttle = new HostThrottle({ now: time.now, sleep: time.sleep });
    await throttle.wait('example.com');
    await throttle.wait('example.com');
    await throttle.wait('example.com');
    expect(time.sleeps).toEqual([1000, 1000]);
  });

  it('does not sleep when the interval has already passed', async () => {
    const time = fakeTime();
    const throttle = new HostThrottle({ now: time.now, sleep: time.sleep });
    await throttle.wait('example.com', 1000);
    time.advance(400);
    await throttle.wait('example.com', 1000);
    time.advance(5000);
    await throttle.wait('example.com', 1000);
    expect(time.sleeps).toEqual([600]);
  });

  it('keeps hosts independent (and host names case-insensitive)', async () => {
    const time = fakeTime();
    const throttle = new HostThrottle({ now: time.now, sleep: time.sleep });
    await throttle.wait('a.example');
    await throttle.wait('b.example');
    await throttle.wait('A.EXAMPLE');
    expect(time.sleeps).toEqual([1000]);
  });

  it('uses a larger interval (Crawl-delay) when given one', async () => {
    const time = fakeTime();
    const throttle = new HostThrottle({ now: time.now, sleep: time.sleep });
    await throttle.wait('example.com', 5000);
    await throttle.wait('example.com', 5000);
    expect(time.sleeps).toEqual([5000]);
  });

  it('queues concurrent callers one interval apart instead of waking them together', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const throttle = new HostThrottle({ now: () => now, sleep: async (ms) => void sleeps.push(ms) });
    await Promise.all([throttle.wait('example.com', 1000), throttle.wait('example.com', 1000), throttle.wait('example.com', 1000)]);
    expect(sleeps).toEqual([1000, 2000]);
    now = 500;
    await throttle.wait('example.com', 1000);
    expect(sleeps).toEqual([1000, 2000, 2500]);
  });

  it('throws a transient error instead of sleeping past the deadline, and keeps the slot free', async () => {
    const time = fakeTime();
    const throttle = new HostThrottle({ now: time.now, sleep: time.sleep });
    await throttle.wait('example.com', 10_000);
    await expect(throttle.wait('example.com', 10_000, { deadline: time.now() + 5_000 })).rejects.toBeInstanceOf(FetchFailedError);
    expect(time.sleeps).toEqual([]);
    await throttle.wait('example.com', 10_000, { deadline: time.now() + 10_000 });
    expect(time.sleeps).toEqual([10_000]);
  });

  it('really sleeps with the default clock', async () => {
    const throttle = new HostThrottle({ defaultIntervalMs: 150 });
    const started = Date.now();
    await throttle.wait('example.com');
    await throttle.wait('example.com');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
