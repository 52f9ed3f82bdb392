import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberKey } from '../../src/quiz/records.js';
import { CLAIMS_NAMESPACE, ReminderSettingsSchema, SETTINGS_NAMESPACE } from '../../src/reminders/record.js';
import { type ReminderMessage, ReminderScheduler } from '../../src/reminders/scheduler.js';
import { localDay } from '../../src/reminders/timing.js';
import { openStore, type Store } from '../../src/store/store.js';
import { HOUR, mutableClock, silent } from '../prompts/helpers.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { deleteRedisKeys } from './helpers.js';
import { restartAround, type Scenario } from './restartScenario.js';

/**
 * Review-reminder torture (issue 17), beside the prompts' schedule torture: the reminder scheduler on one SQLite
 * file or one Redis, restarted just before, at and just after each daily reminder, over the five days around both
 * DST changes of Europe/Berlin, America/New_York and Australia/Sydney (and Asia/Kolkata, which has none), with a
 * reminder time inside the DST night (02:30) and an ordinary one (09:00). On Redis two processes race through every
 * restart and tick. Days rotate through: restarts around the time (1 DM), down until grace − 1 min (1 DM, the
 * catch-up), down until grace + 1 min (0 DMs). DMs are counted per member-local day; two on one day is a duplicate.
 */
export interface ReminderGroup {
  readonly zone: string;
  readonly season: 'spring' | 'autumn';
  readonly time: string;
  readonly store: 'sqlite' | 'redis';
  /** The DST Sunday (local date). */
  readonly sunday: string;
}

export interface ReminderTortureReport {
  readonly groups: number;
  readonly restarts: number;
  readonly days: number;
  readonly sent: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly problems: readonly string[];
  readonly durationMs: number;
}

const GRACE_MS = 3 * HOUR;
const GUILD = '100000000000000001';
const USER = '300000000000000001';
const DAYS = 5;

const DST: Record<string, { spring: string; autumn: string }> = {
  'Europe/Berlin': { spring: '2025-03-30', autumn: '2025-10-26' },
  'America/New_York': { spring: '2025-03-09', autumn: '2025-11-02' },
  'Australia/Sydney': { spring: '2025-10-05', autumn: '2025-04-06' },
  'Asia/Kolkata': { spring: '2025-03-30', autumn: '2025-10-26' },
};

export function allReminderGroups(): ReminderGroup[] {
  return Object.entries(DST).flatMap(([zone, dst]) =>
    (['spring', 'autumn'] as const).flatMap((season) =>
      ['02:30', '09:00'].map((time) => ({
        zone,
        season,
        time,
        store: time === '09:00' ? ('redis' as const) : ('sqlite' as const),
        sunday: dst[season],
      })),
    ),
  );
}

const label = (g: ReminderGroup) => `${g.zone} ${g.season} ${g.time} ${g.store}`;

class Process {
  private constructor(
    readonly store: Store,
    readonly scheduler: ReminderScheduler,
  ) {}

  static async start(url: string, prefix: string, clock: ReturnType<typeof mutableClock>, zone: string, sent: Date[]) {
    const store = await openStore(url, silent, prefix);
    const scheduler = new ReminderScheduler({
      settings: store.repository(SETTINGS_NAMESPACE, ReminderSettingsSchema),
      claims: store.claims(CLAIMS_NAMESPACE),
      clock,
      log: silent,
      graceMs: GRACE_MS,
      timer: { set: () => () => {} },
      zoneOf: async () => zone,
      dueCount: async () => 5,
      membersOf: async () => [USER],
    });
    await scheduler.start({ owns: () => true, send: async (_message: ReminderMessage) => void sent.push(clock.now()) });
    return new Process(store, scheduler);
  }

  async stop() {
    this.scheduler.stop();
    await this.store.close();
  }
}

async function runGroup(group: ReminderGroup, index: number, state: { restarts: number; problems: string[] }) {
  const url = group.store === 'redis' ? REDIS_URL : `sqlite://${join(mkdtempSync(join(tmpdir(), 'scratchpad-remind-')), 'store.sqlite')}`;
  const prefix = uniquePrefix();
  const racers = group.store === 'redis' ? 2 : 1;
  const first = new Date(Date.parse(`${group.sunday}T12:00:00Z`) - 3 * 24 * HOUR);
  const clock = mutableClock(first);
  const sent: Date[] = [];
  let processes: Process[] = [];
  const startAll = async () => {
    processes = await Promise.all(Array.from({ length: racers }, () => Process.start(url, prefix, clock, group.zone, sent)));
    state.restarts += racers;
  };
  const stopAll = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    processes = [];
  };
  const tickAll = () => Promise.all(processes.map((p) => p.scheduler.runDue(clock.now())));

  const seed = await openStore(url, silent, prefix);
  await seed.repository(SETTINGS_NAMESPACE, ReminderSettingsSchema).set(memberKey(GUILD, USER), {
    v: 1,
    enabled: true,
    threshold: 1,
    time: group.time,
    quiet: null,
    dmsClosed: false,
    noticePending: false,
    lastSentDay: null,
    lastSlot: null,
    updatedAt: first.toISOString(),
  });
  await seed.close();
  await startAll();

  const order: Scenario[] = ['around', 'late', 'missed'];
  const expected: { slot: Date; day: Scenario }[] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = order[(index + d) % order.length] as Scenario;
    const next = processes[0]?.scheduler.nextDue();
    if (!next) {
      state.problems.push(`${label(group)}: nothing scheduled after ${clock.now().toISOString()}`);
      break;
    }
    const slot = next.at;
    expected.push({ slot, day });
    await restartAround(slot, day, GRACE_MS, clock, { startAll, stopAll, tickAll });
  }
  await stopAll();
  if (group.store === 'redis') await deleteRedisKeys(prefix);
  return { expected, sent };
}

export async function runReminderTorture(options: { only?: (g: ReminderGroup) => boolean; progress?: (line: string) => void } = {}) {
  const started = Date.now();
  const all = allReminderGroups();
  const groups = all.filter(options.only ?? (() => true));
  const state = { restarts: 0, problems: [] as string[] };
  let days = 0;
  let sentTotal = 0;
  let duplicates = 0;
  let missing = 0;
  for (const group of groups) {
    const { expected, sent } = await runGroup(group, all.indexOf(group), state);
    sentTotal += sent.length;
    const perDay = new Map<string, number>();
    for (const at of sent) perDay.set(localDay(at, group.zone), (perDay.get(localDay(at, group.zone)) ?? 0) + 1);
    for (const [day, count] of perDay)
      if (count > 1) {
        duplicates += count - 1;
        state.problems.push(`${label(group)}: ${count} reminders on ${day}`);
      }
    for (const { slot, day } of expected) {
      days += 1;
      const inWindow = sent.filter((at) => at >= slot && at.getTime() <= slot.getTime() + GRACE_MS).length;
      const want = day === 'missed' ? 0 : 1;
      if (inWindow < want) missing += want - inWindow;
      if (inWindow !== want) state.problems.push(`${label(group)}: ${slot.toISOString()} (${day}) sent ${inWindow}×, expected ${want}`);
    }
    options.progress?.(`reminders: ${label(group)} done, ${state.restarts} restarts so far`);
  }
  const report: ReminderTortureReport = {
    groups: groups.length,
    restarts: state.restarts,
    days,
    sent: sentTotal,
    duplicates,
    missing,
    problems: state.problems,
    durationMs: Date.now() - started,
  };
  return report;
}
