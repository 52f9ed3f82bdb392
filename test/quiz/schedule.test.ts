import { describe, expect, it } from 'vitest';
import { isDue, REVIEW_AFTER_MS, reschedule } from '../../src/quiz/schedule.js';
import { DAY, MINUTE } from './fixtures.js';

const at = new Date('2026-11-24T12:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms).toISOString();

describe('Leitner schedule', () => {
  it('keeps a question answered right the first time out of review', () => {
    expect(reschedule(undefined, true, at)).toEqual({ box: 0, due: null });
  });

  it('puts a miss in box 1, due again in ten minutes', () => {
    expect(reschedule(undefined, false, at)).toEqual({ box: 1, due: later(10 * MINUTE) });
    expect(reschedule({ box: 4, due: later(0) }, false, at)).toEqual({ box: 1, due: later(10 * MINUTE) });
    expect(reschedule({ box: 0, due: null }, false, at)).toEqual({ box: 1, due: later(10 * MINUTE) });
  });

  it('moves a right review up one box with a longer wait, and out of review after the last box', () => {
    expect(reschedule({ box: 1, due: later(0) }, true, at)).toEqual({ box: 2, due: later(DAY) });
    expect(reschedule({ box: 2, due: later(0) }, true, at)).toEqual({ box: 3, due: later(3 * DAY) });
    expect(reschedule({ box: 4, due: later(0) }, true, at)).toEqual({ box: 5, due: later(REVIEW_AFTER_MS[5] ?? 0) });
    expect(reschedule({ box: 5, due: later(0) }, true, at)).toEqual({ box: 0, due: null });
  });

  it('is due once its time has come, never while out of review', () => {
    const entry = reschedule(undefined, false, at);
    expect(isDue(entry, new Date(at.getTime() + 9 * MINUTE))).toBe(false);
    expect(isDue(entry, new Date(at.getTime() + 10 * MINUTE))).toBe(true);
    expect(isDue({ box: 0, due: null }, new Date(at.getTime() + 100 * DAY))).toBe(false);
  });
});
