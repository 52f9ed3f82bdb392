import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/store.js';
import { GUILD, memoryStore, mutableClock, silent } from '../prompts/helpers.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { member, STANCE, stanceBot, stanceContent, weekly } from './helpers.js';

const stores: Store[] = [];
const bots: ReturnType<typeof stanceBot>[] = [];
afterEach(async () => {
  for (const one of bots.splice(0)) one.stop();
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function started(store?: Store, clock = mutableClock('2026-03-02T12:00:00Z')) {
  const shared = store ?? (await memoryStore());
  if (!store) stores.push(shared);
  const one = stanceBot(shared, clock, await stanceContent());
  bots.push(one);
  await one.start();
  return { ...one, store: shared, clock };
}

/** A bot with prompts set up and the first weekly post out; resolves to its message id too. */
async function firstPost() {
  const one = await started();
  await one.prompts.setup(GUILD, weekly);
  const messageId = await one.nextPost();
  return { ...one, messageId };
}

describe('taking a stance', () => {
  it('opens a round on a post with a stance question, closing at the next scheduled post', async () => {
    const one = await firstPost();
    const round = await one.stances.rounds.get(`${GUILD}/${one.messageId}`);
    expect(round).toMatchObject({
      promptId: 'a',
      state: 'open',
      stance: STANCE,
      openedAt: '2026-03-02T17:00:00.000Z',
      closesAt: '2026-03-09T17:00:00.000Z',
    });
    expect(one.shown.ballots.at(-1)?.messageId).toBe(one.messageId);
  });

  it('keeps the first and the latest choice, and counts each member once', async () => {
    const one = await firstPost();
    const first = await one.stances.take(GUILD, one.messageId, member(1), 'yes');
    expect(first).toMatchObject({ ok: true, label: 'Yes', changed: false });
    one.clock.advance(60_000);
    const changed = await one.stances.take(GUILD, one.messageId, member(1), 'no');
    expect(changed).toMatchObject({ ok: true, label: 'No', changed: true });
    const round = changed.ok ? changed.round : undefined;
    expect(round?.members[member(1)]).toMatchObject({ first: 'yes', final: 'no' });
    expect(Object.keys(round?.members ?? {})).toHaveLength(1);
  });

  it('refuses an unknown position or post as unknown, and a closed round as closed', async () => {
    const one = await firstPost();
    expect(await one.stances.take(GUILD, one.messageId, member(1), 'maybe')).toEqual({ ok: false, reason: 'unknown' });
    expect(await one.stances.take(GUILD, '1', member(1), 'yes')).toEqual({ ok: false, reason: 'unknown' });
    await one.nextPost();
    expect(await one.stances.take(GUILD, one.messageId, member(1), 'yes')).toEqual({ ok: false, reason: 'closed' });
  });

  it('a post whose ballot cannot be shown still stands, and members can still take a stance', async () => {
    const one = await started();
    one.shown.display.showBallot = async () => {
      throw new Error('Missing Access');
    };
    await one.prompts.setup(GUILD, weekly);
    const messageId = await one.nextPost();
    expect(one.poster.sent).toHaveLength(1);
    expect(await one.stances.take(GUILD, messageId, member(1), 'yes')).toMatchObject({ ok: true });
  });

  it('opens no round when a moderator turned stances off, or the prompt asks no question', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, weekly);
    await one.stances.configure(GUILD, { enabled: false });
    const off = await one.nextPost();
    expect(await one.stances.rounds.get(`${GUILD}/${off}`)).toBeUndefined();
    await one.stances.configure(GUILD, { enabled: true });
    for (const _ of ['b', 'c', 'd']) await one.nextPost();
    const plain = await one.nextPost();
    expect(one.poster.sent.at(-1)?.promptId).toBe('plain');
    expect(await one.stances.rounds.get(`${GUILD}/${plain}`)).toBeUndefined();
  });
});

describe('the reveal', () => {
  it('the next post closes the round and reveals the distribution once', async () => {
    const one = await firstPost();
    for (const [n, position] of [
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
    ] as const)
      await one.stances.take(GUILD, one.messageId, member(n), position);
    await one.stances.take(GUILD, one.messageId, member(2), 'partly');
    await one.nextPost();
    expect(one.shown.reveals).toHaveLength(1);
    const { reveal, round } = one.shown.reveals[0] ?? {};
    expect(round?.messageId).toBe(one.messageId);
    expect(reveal).toMatchObject({ kind: 'distribution', total: 3, changed: 1 });
    expect(await one.stances.closeDue()).toBe(0);
    expect(one.shown.reveals).toHaveLength(1);
    expect(await one.stances.rounds.get(`${GUILD}/${one.messageId}`)).toMatchObject({ state: 'closed', reveal: { state: 'posted' } });
  });

  it('with fewer than 3 stances reveals only the count', async () => {
    const one = await firstPost();
    await one.stances.take(GUILD, one.messageId, member(1), 'yes');
    await one.stances.take(GUILD, one.messageId, member(2), 'no');
    await one.nextPost();
    expect(one.shown.reveals.map((shown) => shown.reveal)).toEqual([{ kind: 'count', total: 2 }]);
  });

  it('a restart straddling the close reveals once: at start-up, and never again', async () => {
    const one = await firstPost();
    await one.stances.take(GUILD, one.messageId, member(1), 'yes');
    one.stop();
    one.clock.set('2026-03-10T09:00:00Z'); // past the close, and past the grace window for the missed post
    const again = await started(one.store, one.clock);
    expect(again.shown.reveals.map((shown) => shown.round.messageId)).toEqual([one.messageId]);
    again.stop();
    const third = await started(one.store, one.clock);
    await third.stances.closeDue();
    expect(third.shown.reveals).toEqual([]);
  });

  it('two processes on one store closing the same round reveal it once: the claim decides', async () => {
    const one = await firstPost();
    const other = await started(one.store, one.clock);
    one.clock.set('2026-03-09T17:00:00Z');
    const [a, b] = await Promise.all([one.stances.closeDue(), other.stances.closeDue()]);
    expect(a + b).toBe(1);
    expect(one.shown.reveals.length + other.shown.reveals.length).toBe(1);
  });

  it('two shard processes on one Redis closing the same round reveal it once', async () => {
    const prefix = uniquePrefix();
    const [storeA, storeB] = await Promise.all([openStore(REDIS_URL, silent, prefix), openStore(REDIS_URL, silent, prefix)]);
    stores.push(storeA, storeB);
    const clock = mutableClock('2026-03-02T12:00:00Z');
    const one = await started(storeA, clock);
    await one.prompts.setup(GUILD, weekly);
    await one.nextPost();
    const other = await started(storeB, clock);
    clock.set('2026-03-09T17:00:00Z');
    const [a, b] = await Promise.all([one.stances.closeDue(), other.stances.closeDue()]);
    expect(a + b).toBe(1);
    expect(one.shown.reveals.length + other.shown.reveals.length).toBe(1);
  });

  it('a moderator-set number of days closes the round then, not at the next post', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, weekly);
    await one.stances.configure(GUILD, { days: 10 });
    const messageId = await one.nextPost();
    expect((await one.stances.rounds.get(`${GUILD}/${messageId}`))?.closesAt).toBe('2026-03-12T17:00:00.000Z');
    await one.nextPost();
    expect(one.shown.reveals).toEqual([]);
    one.clock.set('2026-03-12T17:00:00Z');
    expect(await one.stances.closeDue()).toBe(1);
    expect(one.shown.reveals.map((shown) => shown.round.messageId)).toEqual([messageId]);
  });
});

describe('over the course', () => {
  it("shows a member their own stances week by week, and the group's trend with small weeks withheld", async () => {
    const one = await firstPost();
    for (const n of [1, 2, 3]) await one.stances.take(GUILD, one.messageId, member(n), n === 3 ? 'no' : 'yes');
    const second = await one.nextPost();
    await one.stances.take(GUILD, second, member(1), 'partly');
    await one.stances.take(GUILD, second, member(1), 'no');
    await one.nextPost();

    const history = await one.stances.history(GUILD, member(1));
    expect(history.map((entry) => [entry.week, entry.title, entry.first?.id, entry.final?.id])).toEqual([
      ['2026-W10', 'Prompt a', 'yes', 'yes'],
      ['2026-W11', 'Prompt b', 'partly', 'no'],
    ]);
    const trend = await one.stances.trend(GUILD, STANCE.id);
    expect(trend?.points.map((point) => [point.week, point.total, point.shares?.map((share) => share.count)])).toEqual([
      ['2026-W10', 3, [2, 0, 1]],
      ['2026-W11', 1, undefined],
    ]);
    expect(await one.stances.askedQuestions(GUILD)).toEqual([{ id: STANCE.id, question: STANCE.question }]);
  });

  it('/progress reset deletes a member’s stances everywhere and withdraws their pending suggestions', async () => {
    const one = await firstPost();
    await one.stances.take(GUILD, one.messageId, member(1), 'yes');
    await one.stances.take(GUILD, one.messageId, member(2), 'no');
    await one.suggestions.suggest(GUILD, member(1), {
      title: 'A question of mine',
      text: 'Is the scratchpad a window or a stage, really?',
    });
    expect(await one.stances.reset(GUILD, member(1))).toEqual({ stances: 1, suggestions: 1 });
    expect(await one.stances.history(GUILD, member(1))).toEqual([]);
    expect(await one.stances.history(GUILD, member(2))).toHaveLength(1);
    expect(await one.suggestions.pending(GUILD)).toEqual([]);
  });
});

describe('member suggestions', () => {
  const idea = { title: 'Would you trust the scratchpad?', text: 'If you could read every scratchpad, would you trust what it says?' };

  it('validates the text and limits pending suggestions per member', async () => {
    const one = await started();
    const short = await one.suggestions.suggest(GUILD, member(1), { title: 'Hm', text: 'too short' });
    expect(short).toMatchObject({ ok: false, reason: 'invalid' });
    const lonely = await one.suggestions.suggest(GUILD, member(1), { ...idea, question: 'Trust it?', positions: ['Yes'] });
    expect(lonely).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: ['positions a stance question needs 2 to 5 positions, one per line'],
    });
    for (const _ of [1, 2, 3]) expect((await one.suggestions.suggest(GUILD, member(1), idea)).ok).toBe(true);
    expect(await one.suggestions.suggest(GUILD, member(1), idea)).toEqual({ ok: false, reason: 'limit' });
    expect((await one.suggestions.suggest(GUILD, member(2), idea)).ok).toBe(true);
  });

  it('an approved suggestion is posted next, credited, with its own stance question; then the rotation resumes', async () => {
    const one = await started();
    await one.prompts.setup(GUILD, weekly);
    const made = await one.suggestions.suggest(GUILD, member(7), { ...idea, question: 'Trust it?', positions: ['Yes', 'No'] });
    const id = made.ok ? made.suggestion.id : 0;
    const approved = await one.suggestions.approve(GUILD, id, member(9), {
      ...idea,
      title: 'Would you trust a scratchpad?',
      question: 'Trust it?',
      positions: ['Yes', 'No', 'Depends'],
    });
    expect(approved).toMatchObject({ ok: true, suggestion: { status: 'approved', title: 'Would you trust a scratchpad?' } });
    expect((await one.prompts.status(GUILD))?.upNext?.id).toBe(`suggestion-${id}`);
    expect((await one.prompts.skip(GUILD))?.next?.id).toBe(`suggestion-${id}`); // skips the bundle's next, not the suggestion
    const messageId = await one.nextPost();
    expect(one.poster.sent.map((sent) => sent.promptId)).toEqual([`suggestion-${id}`]);
    const round = await one.stances.rounds.get(`${GUILD}/${messageId}`);
    expect(round?.stance.positions.map((position) => position.label)).toEqual(['Yes', 'No', 'Depends']);
    await one.nextPost();
    expect(one.poster.sent.map((sent) => sent.promptId)).toEqual([`suggestion-${id}`, 'b']);
    expect(await one.suggestions.get(GUILD, id)).toMatchObject({ status: 'posted' });
  });

  it('a declined suggestion tells its author once, with the reason', async () => {
    const one = await started();
    const made = await one.suggestions.suggest(GUILD, member(7), idea);
    const id = made.ok ? made.suggestion.id : 0;
    expect(await one.suggestions.decline(GUILD, id, member(9), '  Covered   by week 3 ')).toMatchObject({
      status: 'declined',
      reason: 'Covered by week 3',
    });
    expect(await one.suggestions.decline(GUILD, id, member(9), 'again')).toBeUndefined();
    expect((await one.suggestions.notices(GUILD, member(7))).map((item) => item.reason)).toEqual(['Covered by week 3']);
    expect(await one.suggestions.notices(GUILD, member(7))).toEqual([]);
    expect(await one.suggestions.approve(GUILD, id, member(9))).toEqual({ ok: false, reason: 'gone' });
  });
});
