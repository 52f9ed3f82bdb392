import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/store.js';
import { bot, CHANNEL, GUILD, HOUR, localWallClock, mutableClock, type Sent, silent } from '../prompts/helpers.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { deleteRedisKeys } from './helpers.js';
import { restartAround, type Scenario } from './restartScenario.js';

/**
 * Schedule torture (issue 10, part 3). A controlled clock; "processes" are separate Prompts services, each on its
 * own connection to one SQLite file or one Redis, stopped and started (a restart) just before, at and just after
 * slots, and across both DST changes in Europe/Berlin, America/New_York and Australia/Sydney, and in Asia/Kolkata.
 * Every group runs four weekly slots, one per scenario (rotated so the DST slot meets each):
 * - around: restarts at slot − 1 min, at the slot and at slot + 1 min, ticking at each → 1 post;
 * - late: down from slot − 1 min until grace − 1 min after the slot → 1 post (the catch-up);
 * - missed: down from slot − 1 min until grace + 1 min after → 0 posts;
 * - around again. On Redis two processes race through every restart and tick.
 * Posts are counted per slot instant; a post outside every slot's grace window is a stray (a duplicate).
 */

export interface TortureOptions {
  /** Groups to run (default all); the quick test runs one. */
  readonly only?: (group: Group) => boolean;
  readonly progress?: (line: string) => void;
}

export interface Group {
  readonly zone: string;
  readonly season: 'spring' | 'autumn';
  readonly time: string;
  readonly store: 'sqlite' | 'redis';
  /** The DST Sunday (or, for Kolkata, the same weekend as Berlin's), local date. */
  readonly sunday: string;
}

export interface TortureReport {
  readonly groups: number;
  readonly restarts: number;
  readonly slots: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly strays: number;
  readonly wallClockMismatches: number;
  readonly problems: readonly string[];
  readonly durationMs: number;
}

const GRACE_HOURS = 12;

const DST: Record<string, { spring: string; autumn: string; springTime: string; autumnTime: string }> = {
  'Europe/Berlin': { spring: '2025-03-30', autumn: '2025-10-26', springTime: '02:30', autumnTime: '02:30' },
  'America/New_York': { spring: '2025-03-09', autumn: '2025-11-02', springTime: '02:30', autumnTime: '01:30' },
  'Australia/Sydney': { spring: '2025-10-05', autumn: '2025-04-06', springTime: '02:30', autumnTime: '02:30' },
  'Asia/Kolkata': { spring: '2025-03-30', autumn: '2025-10-26', springTime: '05:30', autumnTime: '00:15' },
};

export function allGroups(): Group[] {
  return Object.entries(DST).flatMap(([zone, dst]) =>
    (['spring', 'autumn'] as const).flatMap((season) => [
      { zone, season, time: season === 'spring' ? dst.springTime : dst.autumnTime, store: 'sqlite' as const, sunday: dst[season] },
      { zone, season, time: '17:00', store: 'redis' as const, sunday: dst[season] },
    ]),
  );
}

class Process {
  private constructor(
    readonly store: Store,
    readonly one: ReturnType<typeof bot>,
  ) {}

  static async start(url: string, prefix: string, clock: ReturnType<typeof mutableClock>, sent: Sent[][]): Promise<Process> {
    const store = await openStore(url, silent, prefix);
    const one = bot(store, clock, { graceHours: GRACE_HOURS });
    sent.push(one.poster.sent);
    const process = new Process(store, one);
    await one.start();
    return process;
  }

  async tick(at: Date) {
    await this.one.prompts.scheduler.runDue(at);
  }

  async stop() {
    this.one.prompts.scheduler.stop();
    await this.store.close();
  }
}

async function runGroup(group: Group, index: number, report: { restarts: number; problems: string[] }) {
  const url = group.store === 'redis' ? REDIS_URL : `sqlite://${join(mkdtempSync(join(tmpdir(), 'scratchpad-dst-')), 'store.sqlite')}`;
  const prefix = uniquePrefix();
  const racers = group.store === 'redis' ? 2 : 1;
  const sunday = new Date(`${group.sunday}T12:00:00Z`);
  const clock = mutableClock(new Date(sunday.getTime() - 3 * 24 * HOUR));
  const sent: Sent[][] = [];
  let processes: Process[] = [];
  const startAll = async () => {
    processes = await Promise.all(Array.from({ length: racers }, () => Process.start(url, prefix, clock, sent)));
    report.restarts += racers;
  };
  const stopAll = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    processes = [];
  };
  const tickAll = () => Promise.all(processes.map((p) => p.tick(clock.now())));

  await startAll();
  await processes[0]?.one.prompts.setup(GUILD, { channelId: CHANNEL, weekday: 7, time: group.time, timezone: group.zone, thread: false });
  for (const p of processes.slice(1)) await p.one.prompts.scheduler.track(GUILD);

  const order: Scenario[] = ['around', 'late', 'missed', 'around'];
  const rotated = [...order.slice(index % 3), ...order.slice(0, index % 3)];
  const expected: { slot: Date; scenario: Scenario }[] = [];
  for (const scenario of rotated) {
    const next = processes[0]?.one.prompts.scheduler.nextDue();
    if (!next) {
      report.problems.push(`${label(group)}: nothing scheduled after ${clock.now().toISOString()}`);
      break;
    }
    const slot = next.at;
    expected.push({ slot, scenario });
    await restartAround(slot, scenario, GRACE_HOURS * HOUR, clock, { startAll, stopAll, tickAll });
  }
  await stopAll();
  if (group.store === 'redis') await deleteRedisKeys(prefix);

  const posts = sent.flat();
  const counted = expected.map(({ slot, scenario }) => {
    const inWindow = posts.filter((p) => p.at >= slot && p.at.getTime() <= slot.getTime() + GRACE_HOURS * HOUR);
    return { slot, scenario, posts: inWindow.length };
  });
  const strays = posts.filter((p) => !expected.some(({ slot }) => p.at >= slot && p.at.getTime() <= slot.getTime() + GRACE_HOURS * HOUR));
  if (strays.length > 0)
    report.problems.push(
      `${label(group)}: posts at ${strays.map((p) => p.at.toISOString()).join(', ')}; slots ${expected.map(({ slot, scenario }) => `${slot.toISOString()} ${scenario}`).join(', ')}`,
    );
  const mismatches = expected.filter(({ slot }) => {
    const wall = localWallClock(slot, group.zone);
    // A local time that does not exist on a spring-forward night is posted at the first instant after the gap.
    return wall !== `Sunday ${group.time}` && localDate(slot, group.zone) !== group.sunday;
  });
  return {
    counted,
    strays: strays.length,
    mismatches: mismatches.map(({ slot }) => `${label(group)}: slot ${slot.toISOString()} is ${localWallClock(slot, group.zone)} local`),
  };
}

const label = (group: Group) => `${group.zone} ${group.season} ${group.time} ${group.store}`;
const localDate = (at: Date, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);

export async function runScheduleTorture(options: TortureOptions = {}): Promise<TortureReport> {
  const started = Date.now();
  const all = allGroups();
  const groups = all.filter(options.only ?? (() => true));
  const state = { restarts: 0, problems: [] as string[] };
  let slots = 0;
  let duplicates = 0;
  let missing = 0;
  let strays = 0;
  let wallClockMismatches = 0;
  for (const group of groups) {
    const result = await runGroup(group, all.indexOf(group), state);
    for (const { slot, scenario, posts } of result.counted) {
      slots += 1;
      const want = scenario === 'missed' ? 0 : 1;
      if (posts > want) duplicates += posts - want;
      if (posts < want) missing += want - posts;
      if (posts !== want)
        state.problems.push(`${label(group)}: slot ${slot.toISOString()} (${scenario}) posted ${posts}×, expected ${want}`);
    }
    strays += result.strays;
    if (result.strays > 0) state.problems.push(`${label(group)}: ${result.strays} post(s) outside every slot's window`);
    wallClockMismatches += result.mismatches.length;
    state.problems.push(...result.mismatches);
    options.progress?.(`schedule: ${label(group)} done, ${state.restarts} restarts so far`);
  }
  return {
    groups: groups.length,
    restarts: state.restarts,
    slots,
    duplicates,
    missing,
    strays,
    wallClockMismatches,
    problems: state.problems,
    durationMs: Date.now() - started,
  };
}
