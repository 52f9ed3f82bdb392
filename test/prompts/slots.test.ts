import { describe, expect, it } from 'vitest';
import { describeSchedule, nextSlot, parseClockTime, previousSlot, slotsBetween, type WeeklySchedule } from '../../src/prompts/slots.js';
import { localWallClock } from './helpers.js';

const monday17 = (timezone: string): WeeklySchedule => ({ weekday: 1, time: '17:00', timezone });
const utc = (iso: string) => new Date(iso);

/** The next `count` slots after `from`, as UTC ISO strings. */
function slotsAfter(schedule: WeeklySchedule, from: string, count: number): string[] {
  const out: string[] = [];
  for (let at = utc(from); out.length < count; ) {
    at = nextSlot(schedule, at);
    out.push(at.toISOString());
  }
  return out;
}

describe('weekly slots', () => {
  it('Monday 17:00 Europe/Berlin is 17:00 local on both sides of the March change (30 March 2025)', () => {
    expect(slotsAfter(monday17('Europe/Berlin'), '2025-03-17T00:00:00Z', 3)).toEqual([
      '2025-03-17T16:00:00.000Z', // CET, UTC+1
      '2025-03-24T16:00:00.000Z',
      '2025-03-31T15:00:00.000Z', // CEST, UTC+2
    ]);
  });

  it('Monday 17:00 Europe/Berlin is 17:00 local on both sides of the October change (26 October 2025)', () => {
    expect(slotsAfter(monday17('Europe/Berlin'), '2025-10-19T00:00:00Z', 3)).toEqual([
      '2025-10-20T15:00:00.000Z',
      '2025-10-27T16:00:00.000Z',
      '2025-11-03T16:00:00.000Z',
    ]);
  });

  it('America/New_York changes on other dates (9 March and 2 November 2025)', () => {
    const schedule = monday17('America/New_York');
    expect(slotsAfter(schedule, '2025-03-02T00:00:00Z', 2)).toEqual(['2025-03-03T22:00:00.000Z', '2025-03-10T21:00:00.000Z']);
    expect(slotsAfter(schedule, '2025-10-26T00:00:00Z', 2)).toEqual(['2025-10-27T21:00:00.000Z', '2025-11-03T22:00:00.000Z']);
    // Between the American and the European change the two cities are 5 hours apart, not 6.
    expect(
      nextSlot(schedule, utc('2025-03-16T00:00:00Z')).getTime() -
        nextSlot(monday17('Europe/Berlin'), utc('2025-03-16T00:00:00Z')).getTime(),
    ).toBe(5 * 3_600_000);
  });

  it('a zone without DST (Asia/Tokyo) keeps the same UTC instant all year', () => {
    const slots = slotsAfter(monday17('Asia/Tokyo'), '2025-01-01T00:00:00Z', 52);
    expect(new Set(slots.map((slot) => slot.slice(11)))).toEqual(new Set(['08:00:00.000Z']));
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'])(
    'every slot through 2025 and 2026 in %s is Monday 17:00 on the local wall clock',
    (zone) => {
      for (const slot of slotsAfter(monday17(zone), '2025-01-01T00:00:00Z', 104))
        expect(localWallClock(utc(slot), zone)).toBe('Monday 17:00');
    },
  );

  it('previousSlot includes the slot instant itself and nextSlot excludes it', () => {
    const schedule = monday17('Europe/Berlin');
    const slot = utc('2025-03-31T15:00:00Z');
    expect(previousSlot(schedule, slot)).toEqual(slot);
    expect(previousSlot(schedule, new Date(slot.getTime() - 1))).toEqual(utc('2025-03-24T16:00:00Z'));
    expect(nextSlot(schedule, slot)).toEqual(utc('2025-04-07T15:00:00Z'));
    expect(nextSlot(schedule, new Date(slot.getTime() - 1))).toEqual(slot);
  });

  it('a local time missing on the spring-forward night moves forward by the gap', () => {
    const sunday0230: WeeklySchedule = { weekday: 7, time: '02:30', timezone: 'Europe/Berlin' };
    expect(nextSlot(sunday0230, utc('2025-03-29T00:00:00Z'))).toEqual(utc('2025-03-30T01:30:00Z')); // 03:30 CEST
    expect(nextSlot(sunday0230, utc('2025-03-30T01:30:00Z'))).toEqual(utc('2025-04-06T00:30:00Z')); // 02:30 CEST
  });

  it('counts the slots in a range week by week', () => {
    const schedule = monday17('Europe/Berlin');
    expect(slotsBetween(schedule, utc('2025-03-20T00:00:00Z'), utc('2025-04-14T15:00:00Z'))).toBe(4);
    expect(slotsBetween(schedule, utc('2025-03-24T16:00:00Z'), utc('2025-03-24T16:00:00Z'))).toBe(0);
  });

  it('describes a schedule readably', () => {
    expect(describeSchedule(monday17('Europe/Berlin'))).toBe('Mondays at 17:00 (Europe/Berlin)');
  });
});

describe('clock times', () => {
  it.each([
    ['17:00', '17:00'],
    ['9:30', '09:30'],
    ['5pm', '17:00'],
    ['5:30 PM', '17:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['17h', '17:00'],
    ['17.45', '17:45'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseClockTime(input)).toBe(expected);
  });

  it.each(['24:00', '17:60', '13pm', 'noon', '', '7:5'])('refuses %s', (input) => {
    expect(parseClockTime(input)).toBeUndefined();
  });
});

describe('slots: a wall-clock time that exists twice', () => {
  it('is the same (later) instant seen from before and from after the fall-back change', () => {
    const berlin = { weekday: 7, time: '02:30', timezone: 'Europe/Berlin' };
    expect(nextSlot(berlin, new Date('2025-10-23T12:00:00Z')).toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(previousSlot(berlin, new Date('2025-10-26T12:00:00Z')).toISOString()).toBe('2025-10-26T01:30:00.000Z');
    const sydney = { weekday: 7, time: '02:30', timezone: 'Australia/Sydney' };
    expect(nextSlot(sydney, new Date('2025-04-03T12:00:00Z')).toISOString()).toBe('2025-04-05T16:30:00.000Z');
  });
});
