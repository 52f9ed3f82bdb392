import { describe, expect, it } from 'vitest';
import { PostError } from '../../src/prompts/poster.js';
import {
  FAILURES_BEFORE_PAUSE,
  failureRecord,
  type PromptSchedule,
  withError,
  withFailedPost,
  withMissed,
  withPosted,
  withPostStarted,
  withThread,
} from '../../src/prompts/record.js';

const schedule: PromptSchedule = {
  v: 1,
  channelId: '700000000000000001',
  weekday: 1,
  time: '17:00',
  timezone: 'Europe/Berlin',
  thread: true,
  state: 'active',
  activeSince: '2025-03-20T12:00:00.000Z',
  rotation: { queue: ['a', 'b'], used: [] },
  failures: 0,
};
const SLOT = new Date('2025-03-24T16:00:00.000Z');
const NOW = new Date('2025-03-24T16:00:01.000Z');
const denied = new PostError('missing-permissions', 'Missing Permissions', 50013);

describe('schedule record updates', () => {
  it('notes missed slots once, and never moves back before what was handled', () => {
    const missed = withMissed(schedule, SLOT, 2);
    expect(missed).toMatchObject({ lastSlot: SLOT.toISOString(), missed: { count: 2, latest: SLOT.toISOString() } });
    expect(withMissed(missed, new Date(SLOT.getTime() - 1), 1)).toBe(missed);
    expect(withMissed(missed, new Date(SLOT.getTime() + 1), 1).missed?.count).toBe(3);
  });

  it('records a post as under way, then posted with its thread, taking the prompt out of the round', () => {
    const started = withPostStarted(schedule, { rotation: schedule.rotation, promptId: 'a', slot: SLOT, at: NOW.toISOString() });
    expect(started).toMatchObject({
      lastSlot: SLOT.toISOString(),
      lastPost: { promptId: 'a', state: 'posting', slot: SLOT.toISOString() },
    });
    const posted = withThread(withPosted({ ...started, failures: 2 }, '900000000000000001', 'a'), '900000000000000002');
    expect(posted).toMatchObject({
      failures: 0,
      lastPost: { state: 'posted', messageId: '900000000000000001', threadId: '900000000000000002' },
    });
    expect(posted.rotation).toEqual({ queue: ['b'], used: ['a'] });
    expect(withPosted(started, '900000000000000001', undefined).rotation).toEqual(schedule.rotation);
  });

  it('keeps the previous post when there is no prompt to start', () => {
    const last = { promptId: 'x', channelId: schedule.channelId, state: 'posted' as const, at: NOW.toISOString() };
    expect(
      withPostStarted({ ...schedule, lastPost: last }, { rotation: schedule.rotation, promptId: undefined, slot: undefined, at: '' })
        .lastPost,
    ).toBe(last);
  });

  it(`pauses an active schedule at the ${FAILURES_BEFORE_PAUSE}rd scheduled failure in a row; post-now failures do not count`, () => {
    let record = schedule;
    for (let n = 1; n < FAILURES_BEFORE_PAUSE; n++) record = withFailedPost(record, failureRecord(denied, 'post', SLOT, NOW));
    expect(record).toMatchObject({
      state: 'active',
      failures: FAILURES_BEFORE_PAUSE - 1,
      lastError: { kind: 'missing-permissions', code: 50013 },
    });
    expect(withFailedPost(record, failureRecord(denied, 'post', undefined, NOW)).failures).toBe(FAILURES_BEFORE_PAUSE - 1);
    const paused = withFailedPost(record, failureRecord(denied, 'post', SLOT, NOW));
    expect(paused.state).toBe('paused');
    expect(paused.pausedReason).toMatch(new RegExp(`^Paused after ${FAILURES_BEFORE_PAUSE} failed posts in a row: `));
    expect(withFailedPost({ ...record, state: 'off' }, failureRecord(denied, 'post', SLOT, NOW)).state).toBe('off');
  });

  it('marks a post still under way as failed, and records a thread error without counting it', () => {
    const started = withPostStarted(schedule, { rotation: schedule.rotation, promptId: 'a', slot: SLOT, at: NOW.toISOString() });
    expect(withFailedPost(started, failureRecord(denied, 'post', SLOT, NOW)).lastPost?.state).toBe('failed');
    const threadFailed = withError(started, failureRecord(denied, 'thread', SLOT, NOW));
    expect(threadFailed).toMatchObject({ failures: 0, lastError: { stage: 'thread', at: NOW.toISOString(), slot: SLOT.toISOString() } });
  });
});
