import { afterEach, describe, expect, it, vi } from 'vitest';
import { Prompts } from '../../src/prompts/service.js';
import { cronTicker } from '../../src/prompts/ticks.js';
import { CHANNEL, contentWith, fakePoster, GUILD, memoryStore, silent } from './helpers.js';

const DAY = 24 * 3_600_000;

/**
 * The production ticker (node timers and node-cron) under fake timers: the scheduler's one timer, armed for the
 * head of its due-queue, must fire at 17:00 local time week after week, on both sides of a DST change.
 */
async function postTimes(timezone: string, from: string, weeks: number): Promise<string[]> {
  vi.useFakeTimers({ now: new Date(from) });
  const clock = { now: () => new Date(Date.now()) };
  const prompts = new Prompts({
    store: await memoryStore(),
    content: contentWith(['a', 'b', 'c']),
    clock,
    log: silent,
    graceMs: 3_600_000,
    ticker: cronTicker,
  });
  const poster = fakePoster(clock);
  await prompts.setup(GUILD, { channelId: CHANNEL, weekday: 1, time: '17:00', timezone, thread: false });
  await prompts.scheduler.start({ poster: poster.poster, owns: () => true });
  try {
    expect(prompts.scheduler.timerCount).toBe(2);
    for (let day = 0; day < weeks * 7; day++) await vi.advanceTimersByTimeAsync(DAY);
  } finally {
    prompts.scheduler.stop();
  }
  return poster.sent.map((sent) => sent.at.toISOString().slice(0, 16));
}

describe('the scheduler on the production ticker: one timer for the next slot', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts Monday 17:00 Europe/Berlin at 17:00 local across the March change', async () => {
    expect(await postTimes('Europe/Berlin', '2025-03-20T00:00:00Z', 2)).toEqual(['2025-03-24T16:00', '2025-03-31T15:00']);
  });

  it('posts Monday 17:00 Europe/Berlin at 17:00 local across the October change', async () => {
    expect(await postTimes('Europe/Berlin', '2025-10-16T00:00:00Z', 2)).toEqual(['2025-10-20T15:00', '2025-10-27T16:00']);
  });

  it('posts Monday 17:00 America/New_York at 17:00 local across its own change dates', async () => {
    expect(await postTimes('America/New_York', '2025-03-01T00:00:00Z', 2)).toEqual(['2025-03-03T22:00', '2025-03-10T21:00']);
    expect(await postTimes('America/New_York', '2025-10-25T00:00:00Z', 2)).toEqual(['2025-10-27T21:00', '2025-11-03T22:00']);
  });
});
