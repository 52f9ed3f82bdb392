import { describe, expect, it } from 'vitest';
import { effectiveTime, inQuietHours, localDay, nextReminder, slotOn } from '../../src/reminders/timing.js';

const at = (iso: string) => new Date(iso);
const daily = (time: string, quiet: { from: string; to: string } | null = null, lastSentDay: string | null = null) => ({
  time,
  quiet,
  lastSentDay,
});

describe('quiet hours', () => {
  it('covers a range within one day and one that wraps midnight', () => {
    expect(inQuietHours('12:30', { from: '12:00', to: '14:00' })).toBe(true);
    expect(inQuietHours('14:00', { from: '12:00', to: '14:00' })).toBe(false);
    expect(inQuietHours('23:30', { from: '22:00', to: '07:00' })).toBe(true);
    expect(inQuietHours('06:59', { from: '22:00', to: '07:00' })).toBe(true);
    expect(inQuietHours('07:00', { from: '22:00', to: '07:00' })).toBe(false);
    expect(inQuietHours('10:00', null)).toBe(false);
  });

  it('moves a reminder inside quiet hours to their end', () => {
    expect(effectiveTime({ time: '06:00', quiet: { from: '22:00', to: '07:30' } })).toBe('07:30');
    expect(effectiveTime({ time: '09:00', quiet: { from: '22:00', to: '07:30' } })).toBe('09:00');
  });
});

describe('next reminder', () => {
  it('is today at the chosen time when that is still ahead, else tomorrow', () => {
    expect(nextReminder(daily('18:00'), 'Europe/Berlin', at('2026-06-10T10:00:00Z'))).toEqual(at('2026-06-10T16:00:00Z'));
    expect(nextReminder(daily('18:00'), 'Europe/Berlin', at('2026-06-10T16:00:00Z'))).toEqual(at('2026-06-11T16:00:00Z'));
  });

  it('skips the local day already reminded (at most one a day)', () => {
    const timing = daily('18:00', null, '2026-06-10');
    expect(nextReminder(timing, 'Europe/Berlin', at('2026-06-10T10:00:00Z'))).toEqual(at('2026-06-11T16:00:00Z'));
  });

  it('keeps the wall-clock time across the spring and autumn DST changes', () => {
    // Berlin: CET (UTC+1) until 29 March 2026, CEST (UTC+2) until 25 October 2026.
    expect(nextReminder(daily('09:00'), 'Europe/Berlin', at('2026-03-28T09:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'));
    expect(nextReminder(daily('09:00'), 'Europe/Berlin', at('2026-03-27T09:00:00Z'))).toEqual(at('2026-03-28T08:00:00Z'));
    expect(nextReminder(daily('09:00'), 'Europe/Berlin', at('2026-10-24T08:00:00Z'))).toEqual(at('2026-10-25T08:00:00Z'));
  });

  it('moves a time that does not exist on the spring-forward night on by the gap, once', () => {
    // New York skips 02:00–03:00 on 8 March 2026.
    const slot = nextReminder(daily('02:30'), 'America/New_York', at('2026-03-07T12:00:00Z'));
    expect(slot).toEqual(at('2026-03-08T07:30:00Z'));
    expect(localDay(slot, 'America/New_York')).toBe('2026-03-08');
    expect(nextReminder(daily('02:30'), 'America/New_York', slot)).toEqual(at('2026-03-09T06:30:00Z'));
  });

  it('gives a time that exists twice on the fall-back night one instant', () => {
    // New York repeats 01:00–02:00 on 1 November 2026.
    const slot = slotOn('2026-11-01', daily('01:30'), 'America/New_York');
    expect(nextReminder(daily('01:30'), 'America/New_York', slot)).toEqual(at('2026-11-02T06:30:00Z'));
  });
});
