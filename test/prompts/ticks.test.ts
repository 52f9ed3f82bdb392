import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronExpression } from '../../src/prompts/slots.js';
import { cronTicker } from '../../src/prompts/ticks.js';

const WEEK = 7 * 24 * 3_600_000;

/** node-cron itself, under fake timers: when does a weekly task with a `timezone` fire? */
async function fireTimes(timezone: string, from: string, weeks: number): Promise<string[]> {
  vi.useFakeTimers({ now: new Date(from) });
  const fired: string[] = [];
  const stop = cronTicker.every(cronExpression({ weekday: 1, time: '17:00', timezone }), timezone, () => {
    fired.push(new Date(Date.now()).toISOString().slice(0, 16));
  });
  try {
    for (let day = 0; day < weeks * 7; day++) await vi.advanceTimersByTimeAsync(WEEK / 7);
  } finally {
    stop();
  }
  return fired;
}

describe('node-cron with its timezone option (the production ticker)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires Monday 17:00 Europe/Berlin at 17:00 local across the March change', async () => {
    expect(await fireTimes('Europe/Berlin', '2025-03-20T00:00:00Z', 2)).toEqual(['2025-03-24T16:00', '2025-03-31T15:00']);
  });

  it('fires Monday 17:00 Europe/Berlin at 17:00 local across the October change', async () => {
    expect(await fireTimes('Europe/Berlin', '2025-10-16T00:00:00Z', 2)).toEqual(['2025-10-20T15:00', '2025-10-27T16:00']);
  });

  it('fires Monday 17:00 America/New_York at 17:00 local across its own change dates', async () => {
    expect(await fireTimes('America/New_York', '2025-03-01T00:00:00Z', 2)).toEqual(['2025-03-03T22:00', '2025-03-10T21:00']);
    expect(await fireTimes('America/New_York', '2025-10-25T00:00:00Z', 2)).toEqual(['2025-10-27T21:00', '2025-11-03T22:00']);
  });
});
