import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { bot, CHANNEL, GUILD, memoryStore, mutableClock } from './helpers.js';

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function started(from = '2025-03-20T00:00:00Z') {
  const store = await memoryStore();
  stores.push(store);
  const clock = mutableClock(from);
  const one = bot(store, clock);
  await one.start();
  return { clock, ...one };
}

const setup = { channelId: CHANNEL, weekday: 1, time: '17:00', timezone: 'Europe/Berlin', thread: true };

describe('Prompts service', () => {
  it('setup answers with the first slot after now, never one already past today', async () => {
    const one = await started('2025-03-24T16:30:00Z'); // Monday 17:30 in Berlin: today's slot has passed
    const { nextPost, record } = await one.prompts.setup(GUILD, setup);
    expect(nextPost).toEqual(new Date('2025-03-31T15:00:00Z'));
    expect(record).toMatchObject({ state: 'active', failures: 0, channelId: CHANNEL });
    expect(await one.prompts.scheduler.runDue(one.clock.now())).toEqual([]);
  });

  it('status reports schedule, next post, what is up next and how many are left in the round', async () => {
    const one = await started();
    expect(await one.prompts.status(GUILD)).toBeUndefined();
    await one.prompts.setup(GUILD, setup);
    const status = await one.prompts.status(GUILD);
    expect(status).toMatchObject({ nextPost: new Date('2025-03-24T16:00:00Z'), left: 5, total: 5 });
    const next = one.prompts.scheduler.nextDue();
    if (!next) throw new Error('expected a slot');
    one.clock.set(next.at);
    await one.prompts.scheduler.runDue(next.at);
    const after = await one.prompts.status(GUILD);
    expect(after?.left).toBe(4);
    expect(after?.lastPrompt?.id).toBe(one.poster.sent[0]?.promptId);
    expect(after?.upNext?.id).not.toBe(one.poster.sent[0]?.promptId);
  });

  it('skip passes over the next prompt, and the post that follows uses the one after it', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, setup);
    const upNext = (await one.prompts.status(GUILD))?.upNext?.id;
    const skipped = await one.prompts.skip(GUILD);
    expect(skipped?.skipped.id).toBe(upNext);
    await one.prompts.postNow(GUILD);
    expect(one.poster.sent[0]?.promptId).toBe(skipped?.next?.id);
    expect(one.poster.sent[0]?.promptId).not.toBe(upNext);
  });

  it('pause stops the schedule; resume restarts it from the next slot without posting what passed meanwhile', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, setup);
    const paused = await one.prompts.pause(GUILD);
    expect(paused?.after.state).toBe('paused');
    expect(one.prompts.scheduler.nextDue()).toBeUndefined();
    one.clock.set('2025-03-24T18:00:00Z');
    const resumed = await one.prompts.resume(GUILD);
    expect(resumed).toMatchObject({ before: { state: 'paused' }, after: { state: 'active' }, nextPost: new Date('2025-03-31T15:00:00Z') });
    expect(await one.prompts.scheduler.runDue(one.clock.now())).toEqual([]);
    expect(one.poster.sent).toHaveLength(0);
  });

  it('off switches the schedule off and keeps the record; post-now still works on request', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, setup);
    expect((await one.prompts.off(GUILD))?.after.state).toBe('off');
    expect(one.prompts.scheduler.nextDue()).toBeUndefined();
    const delivery = await one.prompts.postNow(GUILD);
    expect(delivery).toMatchObject({ ok: true, threadId: expect.any(String) });
    const lastPost = (await one.prompts.status(GUILD))?.record.lastPost;
    expect(lastPost?.state).toBe('posted');
    expect(lastPost?.slot).toBeUndefined();
  });

  it('every action on a guild that was never set up answers undefined', async () => {
    const one = await started();
    expect(await one.prompts.pause(GUILD)).toBeUndefined();
    expect(await one.prompts.resume(GUILD)).toBeUndefined();
    expect(await one.prompts.off(GUILD)).toBeUndefined();
    expect(await one.prompts.skip(GUILD)).toBeUndefined();
    expect(await one.prompts.postNow(GUILD)).toBeUndefined();
  });
});
