import { describe, expect, it } from 'vitest';
import { applyAnswer, summarize } from '../../src/quiz/progress.js';
import { emptyProgress, type Progress } from '../../src/quiz/records.js';
import { currentStreak, extendStreak } from '../../src/quiz/streak.js';
import { question } from './fixtures.js';

const q = question('a');

function answerAt(progress: Progress | undefined, iso: string, id = iso): Progress {
  return applyAnswer(progress, { id, question: q, choice: 0, at: new Date(iso), version: '1.0.0' }).progress;
}

const streakOn = (progress: Progress, iso: string) => summarize(progress, [], [], new Date(iso)).streak;

describe('streak', () => {
  it('counts days in a row with at least one answer', () => {
    let p = answerAt(undefined, '2026-11-20T10:00:00Z');
    p = answerAt(p, '2026-11-20T18:00:00Z'); // same day: no change
    expect(p.streak).toEqual({ day: '2026-11-20', length: 1, best: 1 });
    p = answerAt(p, '2026-11-21T09:00:00Z');
    p = answerAt(p, '2026-11-22T23:59:00Z');
    expect(p.streak).toEqual({ day: '2026-11-22', length: 3, best: 3 });
  });

  it('survives until the member misses a whole day, then starts again', () => {
    let p = answerAt(undefined, '2026-11-20T10:00:00Z');
    p = answerAt(p, '2026-11-21T10:00:00Z');
    expect(streakOn(p, '2026-11-22T20:00:00Z')).toEqual({ current: 2, best: 2 }); // not answered today yet
    expect(streakOn(p, '2026-11-23T00:01:00Z')).toEqual({ current: 0, best: 2 }); // missed the 22nd
    p = answerAt(p, '2026-11-23T08:00:00Z');
    expect(p.streak).toEqual({ day: '2026-11-23', length: 1, best: 2 });
  });

  it('counts days in the member’s time zone, not in UTC', () => {
    // 09:00 and then 11:00 the next morning in Sydney (UTC+11 in November) are two days in a row there,
    // but in UTC they fall on the 20th and the 22nd.
    const sydney = { ...emptyProgress(), timeZone: 'Australia/Sydney' };
    let p = answerAt(sydney, '2026-11-20T22:00:00Z'); // 21 Nov, 09:00 in Sydney
    p = answerAt(p, '2026-11-22T00:00:00Z'); // 22 Nov, 11:00 in Sydney
    expect(p.streak).toEqual({ day: '2026-11-22', length: 2, best: 2 });

    let utc = answerAt(undefined, '2026-11-20T22:00:00Z');
    utc = answerAt(utc, '2026-11-22T00:00:00Z');
    expect(utc.streak?.length).toBe(1);
  });

  it('does not count two answers late on one local evening as two days', () => {
    // 23:30 and 00:30 UTC are one evening in New York (UTC-5).
    const newYork = { ...emptyProgress(), timeZone: 'America/New_York' };
    let p = answerAt(newYork, '2026-11-20T23:30:00Z');
    p = answerAt(p, '2026-11-21T00:30:00Z');
    expect(p.streak).toEqual({ day: '2026-11-20', length: 1, best: 1 });
    expect(streakOn(p, '2026-11-22T03:00:00Z').current).toBe(1); // still the 21st in New York
  });

  it('ignores an answer stamped before the last counted day', () => {
    const streak = { day: '2026-11-21', length: 2, best: 2 };
    expect(extendStreak(streak, '2026-11-20')).toBe(streak);
    expect(currentStreak(null, '2026-11-21')).toBe(0);
  });
});
