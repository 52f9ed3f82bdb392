import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../../src/content/content.js';
import type { StanceRound } from '../../src/stances/records.js';
import { openStore, type Store } from '../../src/store/store.js';
import { CHANNEL, GUILD, HOUR, mutableClock, silent } from '../prompts/helpers.js';
import { member, stanceBot, stanceContent } from '../stances/helpers.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { deleteRedisKeys } from './helpers.js';
import { restartAround, type Scenario } from './restartScenario.js';

/**
 * Reveal torture (issue 16): the schedule torture's restarts, around the close of a stance round instead of a
 * post. A round opens on each weekly post (or on /prompts post-now when the slot before was missed), three members
 * take stances, and the "processes" (scheduler and stance rounds on one SQLite file, or two racing on one Redis)
 * stop and start just before, at and just after its close, or come back late or past the grace window. Whatever
 * happens to the next post, every round whose close has passed is revealed exactly once, and none is left open.
 */

export interface RevealTortureReport {
  readonly rounds: number;
  readonly closed: number;
  readonly restarts: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly problems: readonly string[];
}

const GRACE_MS = 12 * HOUR; // the grace window of stanceBot's scheduler
const SCENARIOS: readonly Scenario[] = ['around', 'late', 'missed', 'around'];

class Process {
  private constructor(
    private readonly store: Store,
    readonly one: ReturnType<typeof stanceBot>,
  ) {}

  static async start(url: string, prefix: string, clock: ReturnType<typeof mutableClock>, content: Content): Promise<Process> {
    const store = await openStore(url, silent, prefix);
    const one = stanceBot(store, clock, content);
    await one.start(); // reveals rounds that closed while it was down, then posts a slot missed within grace
    return new Process(store, one);
  }

  get revealed(): string[] {
    return this.one.shown.reveals.map((shown) => shown.round.messageId);
  }

  async tick(at: Date) {
    await this.one.prompts.scheduler.runDue(at);
    await this.one.stances.closeDue(at);
  }

  async stop() {
    this.one.stop();
    await this.store.close();
  }
}

async function roundsIn(process: Process): Promise<StanceRound[]> {
  const rounds: StanceRound[] = [];
  for await (const [, round] of process.one.stances.rounds.entries()) rounds.push(round);
  return rounds;
}

export async function runRevealTorture(store: 'sqlite' | 'redis'): Promise<RevealTortureReport> {
  const url = store === 'redis' ? REDIS_URL : `sqlite://${join(mkdtempSync(join(tmpdir(), 'scratchpad-reveal-')), 'store.sqlite')}`;
  const prefix = uniquePrefix();
  const racers = store === 'redis' ? 2 : 1;
  const clock = mutableClock('2025-03-26T12:00:00Z'); // the Wednesday before Berlin's spring-forward night
  const content = await stanceContent();
  const revealed: string[] = [];
  let restarts = 0;
  let processes: Process[] = [];
  const fleet = {
    startAll: async () => {
      processes = await Promise.all(Array.from({ length: racers }, () => Process.start(url, prefix, clock, content)));
      restarts += racers;
    },
    stopAll: async () => {
      for (const process of processes) revealed.push(...process.revealed);
      await Promise.all(processes.map((process) => process.stop()));
      processes = [];
    },
    tickAll: () => Promise.all(processes.map((process) => process.tick(clock.now()))),
  };
  const first = (): Process => {
    const [process] = processes;
    if (!process) throw new Error('no process is running');
    return process;
  };

  const problems: string[] = [];
  await fleet.startAll();
  // Sundays 02:30 in Berlin: the first close falls in the hour the clocks skip.
  await first().one.prompts.setup(GUILD, { channelId: CHANNEL, weekday: 7, time: '02:30', timezone: 'Europe/Berlin', thread: false });
  for (const process of processes.slice(1)) await process.one.prompts.scheduler.track(GUILD);
  for (const scenario of SCENARIOS) {
    let round = (await roundsIn(first())).find((candidate) => candidate.state === 'open');
    if (!round) {
      const delivery = await first().one.prompts.postNow(GUILD);
      round = delivery?.ok ? await first().one.stances.rounds.get(`${GUILD}/${delivery.messageId}`) : undefined;
    }
    if (!round) {
      problems.push(`${store}: no round to close before the ${scenario} restarts`);
      break;
    }
    for (const n of [0, 1, 2]) await first().one.stances.take(GUILD, round.messageId, member(n), round.stance.positions[n % 2]?.id ?? '');
    await restartAround(new Date(round.closesAt), scenario, GRACE_MS, clock, fleet);
  }
  const rounds = await roundsIn(first());
  await fleet.stopAll();
  if (store === 'redis') await deleteRedisKeys(prefix);

  let duplicates = 0;
  let missing = 0;
  const due = rounds.filter((round) => Date.parse(round.closesAt) <= clock.now().getTime());
  for (const round of rounds) {
    const times = revealed.filter((id) => id === round.messageId).length;
    const want = due.includes(round) ? 1 : 0;
    duplicates += Math.max(0, times - want);
    missing += Math.max(0, want - times);
    if (times !== want) problems.push(`${store}: round ${round.messageId} (closes ${round.closesAt}) revealed ${times}×, expected ${want}`);
    if (want === 1 && round.state !== 'closed') problems.push(`${store}: round ${round.messageId} is still ${round.state} after its close`);
  }
  return { rounds: rounds.length, closed: due.length, restarts, duplicates, missing, problems };
}
