import { afterEach, describe, expect, it } from 'vitest';
import { PostError } from '../../src/prompts/poster.js';
import type { Store } from '../../src/store/store.js';
import { bot, CHANNEL, GUILD, localWallClock, memoryStore, missingPermissions, mutableClock } from './helpers.js';

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
const openMemory = async () => {
  const store = await memoryStore();
  stores.push(store);
  return store;
};

const monday17 = (timezone: string) => ({ channelId: CHANNEL, weekday: 1, time: '17:00', timezone, thread: true });

/** A started bot with Monday 17:00 in `timezone`, set up at `from`. */
async function scheduled(timezone: string, from: string, options: Parameters<typeof bot>[2] = {}) {
  const clock = mutableClock(from);
  const store = await openMemory();
  const one = bot(store, clock, options);
  await one.start();
  await one.prompts.setup(GUILD, monday17(timezone));
  return { clock, store, ...one };
}

/** Jumps from one due slot to the next, `count` times, running the due work at each; returns the post instants. */
async function followSlots(one: Awaited<ReturnType<typeof scheduled>>, count: number): Promise<Date[]> {
  for (let i = 0; i < count; i++) {
    const next = one.prompts.scheduler.nextDue();
    if (!next) throw new Error('nothing scheduled');
    expect(await one.prompts.scheduler.runDue(new Date(next.at.getTime() - 1))).toEqual([]);
    one.clock.set(next.at);
    const results = await one.prompts.scheduler.runDue(next.at);
    expect(results.map((result) => result.outcome)).toEqual(['posted']);
  }
  return one.poster.sent.map((sent) => sent.at);
}

describe('prompt scheduler: DST', () => {
  it.each([
    ['Europe/Berlin', '2025-03-20T00:00:00Z', ['2025-03-24T16:00:00.000Z', '2025-03-31T15:00:00.000Z', '2025-04-07T15:00:00.000Z']],
    ['Europe/Berlin', '2025-10-16T00:00:00Z', ['2025-10-20T15:00:00.000Z', '2025-10-27T16:00:00.000Z', '2025-11-03T16:00:00.000Z']],
    ['America/New_York', '2025-03-01T00:00:00Z', ['2025-03-03T22:00:00.000Z', '2025-03-10T21:00:00.000Z', '2025-03-17T21:00:00.000Z']],
    ['America/New_York', '2025-10-25T00:00:00Z', ['2025-10-27T21:00:00.000Z', '2025-11-03T22:00:00.000Z', '2025-11-10T22:00:00.000Z']],
    ['Asia/Tokyo', '2025-03-20T00:00:00Z', ['2025-03-24T08:00:00.000Z', '2025-03-31T08:00:00.000Z', '2025-04-07T08:00:00.000Z']],
  ])('Monday 17:00 %s set up on %s posts at 17:00 local each week', async (zone, from, expected) => {
    const one = await scheduled(zone, from);
    const posted = await followSlots(one, 3);
    expect(posted.map((at) => at.toISOString())).toEqual(expected);
    for (const at of posted) expect(localWallClock(at, zone)).toBe('Monday 17:00');
  });
});

describe('prompt scheduler: exactly once', () => {
  it('two concurrent ticks at the slot post once', async () => {
    const one = await scheduled('Europe/Berlin', '2025-03-20T00:00:00Z');
    const slot = new Date('2025-03-24T16:00:00Z');
    one.clock.set(slot);
    await Promise.all([one.prompts.scheduler.runDue(slot), one.prompts.scheduler.runDue(slot), one.ticks.fireAll()]);
    expect(one.poster.sent).toHaveLength(1);
  });

  it('two processes on one store racing at the slot post once: the slot claim decides', async () => {
    const clock = mutableClock('2025-03-20T00:00:00Z');
    const store = await openMemory();
    const [first, second] = [bot(store, clock), bot(store, clock)];
    await first.prompts.setup(GUILD, monday17('Europe/Berlin'));
    await Promise.all([first.start(), second.start()]);
    const slot = new Date('2025-03-24T16:00:00Z');
    clock.set(slot);
    const results = await Promise.all([first.prompts.scheduler.runDue(slot), second.prompts.scheduler.runDue(slot)]);
    expect(first.poster.sent.length + second.poster.sent.length).toBe(1);
    expect(
      results
        .flat()
        .map((result) => result.outcome)
        .sort(),
    ).toEqual(['posted', 'taken']);
  });

  it('a check every minute for the hour after the slot posts once', async () => {
    const one = await scheduled('Europe/Berlin', '2025-03-20T00:00:00Z');
    for (let minute = 0; minute <= 60; minute++) {
      one.clock.set(new Date(Date.parse('2025-03-24T16:00:00Z') + minute * 60_000));
      await one.prompts.scheduler.runDue(one.clock.now());
      one.ticks.fireAll();
    }
    expect(one.poster.sent).toHaveLength(1);
  });

  it('a restart right after the post does not post the slot again', async () => {
    const one = await scheduled('Europe/Berlin', '2025-03-20T00:00:00Z');
    const slot = new Date('2025-03-24T16:00:00Z');
    one.clock.set(slot);
    await one.prompts.scheduler.runDue(slot);
    one.prompts.scheduler.stop();
    const restarted = bot(one.store, one.clock);
    one.clock.advance(60_000);
    expect(await restarted.start()).toEqual([]); // nothing due: the record says the slot is handled
    expect(one.poster.sent.length + restarted.poster.sent.length).toBe(1);
    expect(restarted.prompts.scheduler.nextDue()?.at).toEqual(new Date('2025-03-31T15:00:00Z'));
  });

  it('a crash between claim and send never re-posts; status shows the post stuck at "posting"', async () => {
    const one = await scheduled('Europe/Berlin', '2025-03-20T00:00:00Z');
    one.poster.state.hang = true;
    const slot = new Date('2025-03-24T16:00:00Z');
    one.clock.set(slot);
    void one.prompts.scheduler.runDue(slot);
    await new Promise((resolve) => setTimeout(resolve, 20));
    one.prompts.scheduler.stop();
    const restarted = bot(one.store, one.clock);
    await restarted.start();
    expect(restarted.poster.sent).toHaveLength(0);
    const status = await restarted.prompts.status(GUILD);
    expect(status?.record.lastPost).toMatchObject({ state: 'posting', slot: slot.toISOString() });
  });
});

/** Sets Monday 17:00 Berlin up on 20 March 2025, goes down, and starts a fresh process at `back`. */
async function downUntil(back: string, options: Parameters<typeof bot>[2] = {}) {
  const clock = mutableClock('2025-03-20T00:00:00Z');
  const store = await openMemory();
  const before = bot(store, clock, options);
  await before.start();
  await before.prompts.setup(GUILD, monday17('Europe/Berlin'));
  before.prompts.scheduler.stop();
  clock.set(back);
  const after = bot(store, clock, options);
  return { clock, after, results: await after.start() };
}

describe('prompt scheduler: missed slots', () => {
  it('posts a slot missed while offline once, when back within the grace window', async () => {
    const { clock, after, results } = await downUntil('2025-03-24T19:00:00Z'); // three hours after the slot
    expect(results.map((result) => [result.outcome, result.slot?.toISOString()])).toEqual([['posted', '2025-03-24T16:00:00.000Z']]);
    await after.prompts.scheduler.runDue(clock.now());
    expect(after.poster.sent).toHaveLength(1);
  });

  it('skips a slot older than the grace window and notes it in status', async () => {
    const { after, results } = await downUntil('2025-03-25T05:00:00Z', { graceHours: 12 }); // thirteen hours after the slot
    expect(results.map((result) => result.outcome)).toEqual(['missed']);
    expect(after.poster.sent).toHaveLength(0);
    const status = await after.prompts.status(GUILD);
    expect(status?.record.missed).toEqual({ count: 1, latest: '2025-03-24T16:00:00.000Z' });
    expect(status?.nextPost).toEqual(new Date('2025-03-31T15:00:00Z'));
  });

  it('after weeks offline posts only the latest slot within grace and counts the older ones as missed', async () => {
    const { after, results } = await downUntil('2025-04-07T16:00:00Z'); // one hour after the third slot
    expect(results.map((result) => [result.outcome, result.slot?.toISOString()])).toEqual([['posted', '2025-04-07T15:00:00.000Z']]);
    expect((await after.prompts.status(GUILD))?.record.missed).toEqual({ count: 2, latest: '2025-03-31T15:00:00.000Z' });
  });

  it('a grace window shorter than the delay skips the slot: the window is configurable', async () => {
    const { after, results } = await downUntil('2025-03-24T18:00:00Z', { graceHours: 1 });
    expect(results.map((result) => result.outcome)).toEqual(['missed']);
    expect(after.poster.sent).toHaveLength(0);
  });
});

describe('prompt scheduler: rotation, threads and failures', () => {
  it('posts every prompt once before repeating one, with a thread named after each', async () => {
    const one = await scheduled('UTC', '2025-03-20T00:00:00Z');
    await followSlots(one, 10);
    const ids = one.poster.sent.map((sent) => sent.promptId);
    expect([...ids.slice(0, 5)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...ids.slice(5)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(one.poster.threads.map((thread) => thread.name)).toEqual(ids.map((id) => `Prompt ${id}`));
    const status = await one.prompts.status(GUILD);
    expect(status?.record.lastPost).toMatchObject({
      state: 'posted',
      threadId: expect.any(String),
      messageId: one.poster.sent[9]?.messageId,
    });
  });

  it('a thread that cannot be created leaves the post up and records the error', async () => {
    const one = await scheduled('UTC', '2025-03-20T00:00:00Z');
    one.poster.state.failThread = new PostError('missing-permissions', 'Missing Permissions', 50013);
    await followSlots(one, 1);
    const status = await one.prompts.status(GUILD);
    expect(status?.record.lastPost).toMatchObject({ state: 'posted' });
    expect(status?.record.lastPost?.threadId).toBeUndefined();
    expect(status?.record.lastError).toMatchObject({ stage: 'thread', kind: 'missing-permissions', code: 50013 });
    expect(status?.record.failures).toBe(0);
  });

  it('marks a failed slot, and pauses with the reason after 3 failures in a row', async () => {
    const one = await scheduled('UTC', '2025-03-20T00:00:00Z');
    one.poster.state.failPost = missingPermissions();
    for (let week = 0; week < 3; week++) {
      const next = one.prompts.scheduler.nextDue();
      if (!next) throw new Error('expected a next slot');
      one.clock.set(next.at);
      const [result] = await one.prompts.scheduler.runDue(next.at);
      expect(result?.outcome).toBe('failed');
    }
    const status = await one.prompts.status(GUILD);
    expect(status?.record).toMatchObject({
      state: 'paused',
      failures: 3,
      lastError: { kind: 'missing-permissions', code: 50013, stage: 'post' },
    });
    expect(status?.record.pausedReason).toMatch(/3 failed posts in a row: Scratchpad lacks a permission/);
    expect(status?.record.lastPost?.state).toBe('failed');
    expect(one.prompts.scheduler.nextDue()).toBeUndefined();
    expect(one.poster.sent).toHaveLength(0);
  });

  it('a failed post does not use up its prompt, and a success resets the failure count', async () => {
    const one = await scheduled('UTC', '2025-03-20T00:00:00Z');
    one.poster.state.failPost = new PostError('unknown-channel', 'Unknown Channel', 10003);
    const first = one.prompts.scheduler.nextDue();
    if (!first) throw new Error('expected a slot');
    one.clock.set(first.at);
    const [failed] = await one.prompts.scheduler.runDue(first.at);
    one.poster.state.failPost = undefined;
    await followSlots(one, 1);
    expect(failed?.delivery).toMatchObject({ ok: false, promptId: one.poster.sent[0]?.promptId });
    expect((await one.prompts.status(GUILD))?.record.failures).toBe(0);
  });
});

describe('prompt scheduler: cost and ownership', () => {
  it('holds one timer, for the earliest slot of any guild, however many distinct schedules', async () => {
    const clock = mutableClock('2025-03-20T00:00:00Z');
    const one = bot(await openMemory(), clock);
    const guilds = ['100000000000000011', '100000000000000012', '100000000000000013', '100000000000000014'];
    for (const guild of guilds) one.owned.add(guild);
    await one.start();
    for (const guild of guilds.slice(0, 3)) await one.prompts.setup(guild, monday17('Europe/Berlin'));
    await one.prompts.setup(guilds[3] as string, { ...monday17('America/New_York'), weekday: 2, time: '09:00' });
    expect(one.prompts.scheduler.timerCount).toBe(2);
    expect(one.ticks.registered()).toEqual(['*/5 * * * * UTC']);
    // Monday 17:00 Berlin (16:00 UTC) comes first: the timer waits for it.
    expect(one.ticks.pending()).toEqual([Date.parse('2025-03-24T16:00:00Z') - clock.now().getTime()]);
    for (const guild of guilds.slice(0, 3)) await one.prompts.pause(guild);
    // Tuesday 09:00 New York (13:00 UTC) is the head now.
    expect(one.ticks.pending()).toEqual([Date.parse('2025-03-25T13:00:00Z') - clock.now().getTime()]);
    await one.prompts.pause(guilds[3] as string);
    expect([one.prompts.scheduler.timerCount, one.ticks.pending()]).toEqual([1, []]);
  });

  it('leaves guilds another shard owns alone', async () => {
    const clock = mutableClock('2025-03-20T00:00:00Z');
    const store = await openMemory();
    const owner = bot(store, clock);
    await owner.prompts.setup(GUILD, monday17('UTC'));
    const other = bot(store, clock);
    other.owned.clear();
    await other.start();
    expect(other.prompts.scheduler.nextDue()).toBeUndefined();
    clock.set('2025-03-24T17:00:00Z');
    expect(await other.prompts.scheduler.runDue(clock.now())).toEqual([]);
  });
});
