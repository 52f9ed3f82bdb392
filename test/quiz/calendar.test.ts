import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, isoWeek } from '../../src/quiz/calendar.js';

describe('calendar', () => {
  it('gives the calendar day in the member’s own time zone', () => {
    const at = new Date('2026-11-24T23:30:00Z');
    expect(dayIn(at, 'UTC')).toBe('2026-11-24');
    expect(dayIn(at, 'Europe/Berlin')).toBe('2026-11-25');
    expect(dayIn(at, 'America/Los_Angeles')).toBe('2026-11-24');
    expect(dayIn(new Date('2026-11-24T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-23');
  });

  it('agrees with luxon’s zone math hour by hour across DST changes and the date line', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const start = Date.parse('2026-03-07T00:00:00Z');
    for (const zone of zones) {
      for (let hour = 0; hour < 24 * 60; hour += 7) {
        const at = new Date(start + hour * 3_600_000);
        expect(dayIn(at, zone), `${at.toISOString()} ${zone}`).toBe(DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd'));
      }
    }
  });

  it('changes day at midnight to the second, even between two answers of one minute remembered', () => {
    const at = (iso: string) => new Date(iso);
    expect(dayIn(at('2026-03-28T23:59:05Z'), 'Asia/Kolkata')).toBe('2026-03-29');
    expect(dayIn(at('2026-03-28T18:29:10Z'), 'Asia/Kolkata')).toBe('2026-03-28');
    expect(dayIn(at('2026-03-28T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-03-28');
    expect(dayIn(at('2026-03-28T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-29');
    expect(dayIn(at('2026-03-28T18:29:30Z'), 'Asia/Kolkata')).toBe('2026-03-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('numbers ISO weeks from Monday, with the year of the week’s Thursday', () => {
    expect(isoWeek(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48'); // a Monday
    expect(isoWeek(new Date('2026-11-22T23:59:59Z'))).toBe('2026-W47'); // the Sunday before
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01'); // a Monday that belongs to 2025
  });

  it('agrees with luxon on every ISO week and next day for thirty years', () => {
    const start = Date.parse('2010-01-01T13:00:00Z');
    for (let day = 0; day < 365 * 30; day++) {
      const at = new Date(start + day * 86_400_000);
      const utc = DateTime.fromJSDate(at, { zone: 'utc' });
      expect(isoWeek(at), at.toISOString()).toBe(utc.toFormat("kkkk-'W'WW"));
      expect(addDays(utc.toFormat('yyyy-MM-dd'), 1)).toBe(utc.plus({ days: 1 }).toFormat('yyyy-MM-dd'));
    }
  });

  it('refuses a zone that does not exist rather than guessing a day', () => {
    expect(() => dayIn(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
