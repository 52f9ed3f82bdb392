import { afterEach, describe, expect, it } from 'vitest';
import { memberKey } from '../../src/quiz/records.js';
import { type ReminderSettings, ReminderSettingsSchema, SETTINGS_NAMESPACE } from '../../src/reminders/record.js';
import { DmClosedError, type ReminderMessage, ReminderScheduler, type Timer } from '../../src/reminders/scheduler.js';
import { openStore, type Store } from '../../src/store/store.js';
import { fakeClock, silent } from '../quiz/fixtures.js';

const GUILD = '100000000000000001';
const USER = '300000000000000001';
const HOUR = 3_600_000;
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** A timer that records what it was armed for and never fires by itself. */
function manualTimer() {
  const armed: Date[] = [];
  let live = 0;
  const timer: Timer = {
    set(at) {
      armed.push(at);
      live++;
      return () => void live--;
    },
  };
  return { timer, armed, live: () => live };
}

const settings = (overrides: Partial<ReminderSettings> = {}): ReminderSettings => ({
  v: 1,
  enabled: true,
  threshold: 2,
  time: '09:00',
  quiet: null,
  dmsClosed: false,
  noticePending: false,
  lastSentDay: null,
  lastSlot: null,
  updatedAt: '2026-03-27T00:00:00.000Z',
  ...overrides,
});

interface Setup {
  readonly store?: Store;
  readonly due?: number;
  readonly zone?: string;
  readonly send?: (message: ReminderMessage) => Promise<void>;
}

async function scheduler(start: string, setup: Setup = {}) {
  const store = setup.store ?? (await openStore('memory://', silent));
  if (!setup.store) stores.push(store);
  const clock = fakeClock(start);
  const sent: { at: Date; message: ReminderMessage }[] = [];
  const { timer, armed, live } = manualTimer();
  const repo = store.repository(SETTINGS_NAMESPACE, ReminderSettingsSchema);
  const one = new ReminderScheduler({
    settings: repo,
    claims: store.claims('reminders.sent'),
    clock,
    log: silent,
    graceMs: 2 * HOUR,
    timer,
    zoneOf: async () => setup.zone ?? 'Europe/Berlin',
    dueCount: async () => setup.due ?? 5,
    membersOf: async () => [USER],
  });
  let owned = true;
  const runtime = {
    owns: () => owned,
    send: async (message: ReminderMessage) => {
      await setup.send?.(message);
      sent.push({ at: clock.now(), message });
    },
  };
  const own = (yes: boolean) => {
    owned = yes;
  };
  return { one, clock, sent, armed, live, repo, store, runtime, own };
}

/** Runs the queue at each due instant for `days` days, moving the clock there. */
async function followDays(s: Awaited<ReturnType<typeof scheduler>>, days: number) {
  const outcomes: string[] = [];
  for (let i = 0; i < days; i++) {
    const next = s.one.nextDue();
    if (!next) break;
    expect(await s.one.runDue(new Date(next.at.getTime() - 1))).toEqual([]);
    s.clock.set(next.at);
    outcomes.push(...(await s.one.runDue(next.at)).map((r) => r.outcome));
  }
  return outcomes;
}

describe('reminder scheduler', () => {
  it('sends once a day at the local time across the spring DST change, with one timer armed', async () => {
    const s = await scheduler('2026-03-27T00:00:00Z');
    await s.repo.set(memberKey(GUILD, USER), settings());
    await s.one.start(s.runtime);
    expect(await followDays(s, 3)).toEqual(['sent', 'sent', 'sent']);
    expect(s.sent.map((x) => x.at.toISOString())).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
    expect(s.live()).toBe(1);
    expect(s.armed.at(-1)?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('skips a day with fewer reviews due than the threshold', async () => {
    const s = await scheduler('2026-03-27T00:00:00Z', { due: 1 });
    await s.repo.set(memberKey(GUILD, USER), settings());
    await s.one.start(s.runtime);
    expect(await followDays(s, 2)).toEqual(['skipped', 'skipped']);
    expect(s.sent).toEqual([]);
  });

  it('never sends twice for one day over a restart or a second process on the same store', async () => {
    const store = await openStore('memory://', silent);
    stores.push(store);
    const first = await scheduler('2026-03-27T08:00:00Z', { store });
    await first.repo.set(memberKey(GUILD, USER), settings());
    const second = await scheduler('2026-03-27T08:00:00Z', { store });
    const [a, b] = await Promise.all([first.one.start(first.runtime), second.one.start(second.runtime)]);
    expect([...(a ?? []), ...(b ?? [])].map((r) => r.outcome).sort()).toEqual(['sent', 'taken']);
    const restarted = await scheduler('2026-03-27T08:30:00Z', { store });
    expect(await restarted.one.start(restarted.runtime)).toEqual([]);
    expect(first.sent.length + second.sent.length + restarted.sent.length).toBe(1);
    expect(restarted.one.nextDue()?.at.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('sends a reminder missed while offline within the grace window, and skips an older one', async () => {
    const late = await scheduler('2026-03-27T09:30:00Z');
    await late.repo.set(memberKey(GUILD, USER), settings());
    expect((await late.one.start(late.runtime)).map((r) => r.outcome)).toEqual(['sent']);
    const tooLate = await scheduler('2026-03-27T12:00:00Z');
    await tooLate.repo.set(memberKey(GUILD, USER), settings());
    expect((await tooLate.one.start(tooLate.runtime)).map((r) => r.outcome)).toEqual(['missed']);
    expect(tooLate.sent).toEqual([]);
  });

  it('turns the reminder off when DMs are closed and leaves one notice', async () => {
    const s = await scheduler('2026-03-27T08:00:00Z', {
      send: async () => {
        throw new DmClosedError('Cannot send messages to this user');
      },
    });
    await s.repo.set(memberKey(GUILD, USER), settings());
    expect((await s.one.start(s.runtime)).map((r) => r.outcome)).toEqual(['dms-closed']);
    expect(await s.repo.get(memberKey(GUILD, USER))).toMatchObject({ enabled: false, dmsClosed: true, noticePending: true });
    expect(s.one.nextDue()).toBeUndefined();
    expect(await s.one.takeNotice(GUILD, USER)).toBe(true);
    expect(await s.one.takeNotice(GUILD, USER)).toBe(false);
    expect((await s.repo.get(memberKey(GUILD, USER)))?.noticePending).toBe(false);
  });

  it('forgets the notice when the member turns reminders back on before hearing it', async () => {
    const s = await scheduler('2026-03-27T10:00:00Z');
    await s.repo.set(memberKey(GUILD, USER), settings({ enabled: false, dmsClosed: true, noticePending: true }));
    await s.one.start(s.runtime);
    s.one.dropNotice(GUILD, USER);
    expect(s.one.hasNotice(GUILD, USER)).toBe(false);
    expect(await s.one.takeNotice(GUILD, USER)).toBe(false);
  });

  it('keeps a pending notice over a restart', async () => {
    const s = await scheduler('2026-03-27T10:00:00Z');
    await s.repo.set(memberKey(GUILD, USER), settings({ enabled: false, dmsClosed: true, noticePending: true }));
    await s.one.start(s.runtime);
    expect(s.one.hasNotice(GUILD, USER)).toBe(true);
  });

  it('queues the reminders of a guild that arrives on this shard after start-up', async () => {
    const s = await scheduler('2026-03-27T00:00:00Z');
    await s.repo.set(memberKey(GUILD, USER), settings());
    s.own(false);
    await s.one.start(s.runtime);
    expect(s.one.nextDue()).toBeUndefined();
    s.own(true);
    await s.one.trackGuild(GUILD);
    expect(s.one.nextDue()?.at.toISOString()).toBe('2026-03-27T08:00:00.000Z');
  });

  it('moves a reminder inside quiet hours to their end', async () => {
    const s = await scheduler('2026-03-27T00:00:00Z');
    await s.repo.set(memberKey(GUILD, USER), settings({ time: '06:00', quiet: { from: '22:00', to: '07:30' } }));
    await s.one.start(s.runtime);
    expect(s.one.nextDue()?.at.toISOString()).toBe('2026-03-27T06:30:00.000Z');
  });
});
