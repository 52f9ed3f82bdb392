import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/log.js';
import { historyOf } from '../../src/quiz/progress.js';
import {
  HISTORY_KEPT,
  HistorySchema,
  MembersSchema,
  memberKey,
  ProgressSchema,
  ReportsSchema,
  RoundSchema,
  SessionSchema,
} from '../../src/quiz/records.js';
import { ReviewSessionSchema } from '../../src/quiz/review.js';
import { ReminderSettingsSchema, SETTINGS_NAMESPACE } from '../../src/reminders/record.js';
import { ROUNDS_NAMESPACE, StanceRoundSchema, roundKey as stanceRoundKey } from '../../src/stances/records.js';
import { openStore } from '../../src/store/store.js';
import type { InteractionHandle, MessageRecord, StandIn } from '../../testkit/index.js';
import { startStandIn } from '../../testkit/index.js';
import { childBotEnv } from '../e2e/harness.js';
import { customIdsOf as idsOf } from '../e2e/messages.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { deleteRedisKeys, isVerdict } from './helpers.js';

/**
 * Kill -9 under load (issue 10, part 2). The bot runs as `npm start` does (src/main.ts in a child process, tsx),
 * logged in to a stand-in in this process. Members answer private-quiz questions without pause and one channel
 * round runs; at a random moment the child gets SIGKILL. The ledger holds every answer whose verdict reached the
 * stand-in (its callback was accepted), and every stance a member was shown "You chose …" for on the weekly post.
 * After each kill, with the store opened here under the bot's prefix: every acknowledged answer is in that member's
 * progress, each member's stored stance is the last acknowledged one (or one sent after it, unacknowledged), every
 * stored record parses (nothing quarantined), and after the restart no channel round is left overdue.
 */

export interface KillOptions {
  readonly store: 'sqlite' | 'redis';
  readonly cycles: number;
  readonly members?: number;
  /** Random load time before each kill, ms. */
  readonly loadMs?: readonly [number, number];
  readonly seed?: number;
  readonly progress?: (line: string) => void;
}

export interface KillReport {
  readonly store: 'sqlite' | 'redis';
  readonly cycles: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly stancesAcknowledged: number;
  readonly stancesLost: number;
  readonly remindersAcknowledged: number;
  readonly remindersLost: number;
  readonly lostDetail: string[];
  readonly unparsable: number;
  readonly stuckRounds: number;
  readonly roundsClosedOrResumed: number;
  readonly readyMs: { readonly median: number; readonly max: number };
  readonly durationMs: number;
}

interface LogLine {
  readonly msg?: string;
  readonly level?: number;
  readonly [key: string]: unknown;
}

const READY_TIMEOUT_MS = 60_000;

function lcg(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Resolves with the handle's value, or undefined once `stop` fires or the wait fails (the bot died mid-answer). */
async function settle<T>(wait: Promise<T>, stop: Promise<void>): Promise<T | undefined> {
  return Promise.race([wait.catch(() => undefined), stop.then(() => undefined)]);
}

class Bot {
  readonly lines: LogLine[] = [];
  private child: ChildProcess | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Starts src/main.ts; resolves with the ms from spawn to its "ready" line once rounds and prompts are resumed. */
  async start(): Promise<number> {
    const from = Date.now();
    const seen = this.lines.length;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const part of parts.filter(Boolean)) {
        try {
          this.lines.push(JSON.parse(part) as LogLine);
        } catch {
          this.lines.push({ msg: part });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => this.lines.push({ msg: `stderr: ${chunk.toString()}`, level: 60 }));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!this.lines.slice(seen).some((line) => line.msg === 'prompt catch-up done' || line.msg === 'prompt scheduler failed to start')) {
      if (child.exitCode !== null) throw new Error(`the bot exited during start-up:\n${this.dump(seen)}`);
      if (Date.now() > deadline) throw new Error(`the bot was not ready after ${READY_TIMEOUT_MS} ms:\n${this.dump(seen)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - from;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  errors(): LogLine[] {
    return this.lines.filter((line) => (line.level ?? 0) >= 50);
  }

  private dump(from: number) {
    return this.lines
      .slice(from)
      .map((line) => `  ${JSON.stringify(line).slice(0, 400)}`)
      .join('\n');
  }
}

/** One member answering private-quiz questions until told to stop; every acknowledged answer goes to the ledger. */
async function member(standIn: StandIn, user: string, ledger: Map<string, string[]>, stop: Promise<void>, isStopped: () => boolean) {
  let shown: MessageRecord | undefined;
  const ask = async (handle: InteractionHandle) => settle(handle.reply({ timeoutMs: 4_000 }), stop);
  while (!isStopped()) {
    try {
      if (!shown) {
        shown = await ask(standIn.slash('quiz', {}, { subcommand: 'start', member: user }));
        if (shown && !idsOf(shown).some((id) => id.startsWith('quiz:'))) shown = undefined; // a refusal (cooldown, store down)
        if (!shown) await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const ids = idsOf(shown);
      const answer = ids.find((id) => id.startsWith('quiz:answer:'));
      if (answer) {
        const handle = standIn.click(shown, answer, user);
        const callback = await settle(handle.callback({ timeoutMs: 4_000 }), stop);
        const after = callback ? standIn.message(shown.id) : undefined;
        if (callback?.type === 7 && after && isVerdict(after)) {
          const [, , session, owner, n] = answer.split(':');
          const list = ledger.get(owner ?? '') ?? [];
          list.push(`s.${session}.${n}`);
          ledger.set(owner ?? '', list);
          shown = after;
        } else if (!callback) {
          shown = undefined;
        }
        continue;
      }
      const next = ids.find((id) => id.startsWith('quiz:next:'));
      shown = next ? await ask(standIn.click(shown, next, user)) : undefined;
    } catch {
      shown = undefined; // a message gone or a component disabled after a kill: start again
    }
  }
}

/** Per member: the last stance confirmed to them, and what they clicked after it without a confirmation. */
type StanceLedger = Map<string, { acked: string | undefined; sentSince: string[]; count: number }>;

/** One member taking and changing stances on the weekly post until told to stop; confirmed ones go to the ledger. */
async function stanceTaker(
  standIn: StandIn,
  user: string,
  postId: string,
  ledger: StanceLedger,
  stop: Promise<void>,
  isStopped: () => boolean,
  random: () => number,
) {
  while (!isStopped()) {
    const post = standIn.message(postId);
    const ids = post ? idsOf(post).filter((id) => id.startsWith('stance:take:')) : [];
    const id = ids[Math.floor(random() * ids.length)];
    if (!post || !id) return;
    const entry = ledger.get(user) ?? { acked: undefined, sentSince: [], count: 0 };
    ledger.set(user, entry);
    const position = id.split(':')[2] ?? '';
    entry.sentSince.push(position);
    const reply = await settle(standIn.click(post, id, user).reply({ timeoutMs: 4_000 }), stop).catch(() => undefined);
    if (reply && /^You (chose|changed)/.test(reply.content)) {
      entry.acked = position;
      entry.sentSince = [];
      entry.count += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Per member: the last reminder threshold confirmed to them, and what they sent after it without a confirmation. */
type ReminderLedger = Map<string, { acked: number | undefined; sentSince: number[]; count: number }>;

/** One member changing their review-reminder settings until told to stop; confirmed ones go to the ledger. */
async function reminderSetter(
  standIn: StandIn,
  user: string,
  ledger: ReminderLedger,
  stop: Promise<void>,
  isStopped: () => boolean,
  random: () => number,
) {
  while (!isStopped()) {
    const entry = ledger.get(user) ?? { acked: undefined, sentSince: [], count: 0 };
    ledger.set(user, entry);
    const reviews = 1 + Math.floor(random() * 50);
    entry.sentSince.push(reviews);
    const handle = standIn.slash('progress', { on: true, reviews }, { subcommand: 'reminders', member: user });
    const reply = await settle(handle.reply({ timeoutMs: 4_000 }), stop).catch(() => undefined);
    const description = (reply?.embeds[0] as { description?: string } | undefined)?.description ?? '';
    if (description.includes(`at least **${reviews}** review`)) {
      entry.acked = reviews;
      entry.sentSince = [];
      entry.count += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A weekly post with stance buttons (post-now again while the prompt drawn asks no stance question). */
async function stancePost(standIn: StandIn): Promise<string> {
  const moderator = (subcommand: string, options = {}) => standIn.slash('prompts', options, { member: 'moderator', subcommand }).reply();
  await moderator('setup', { channel: standIn.guild().channel('general').id });
  for (let attempt = 0; attempt < 5; attempt++) {
    const since = standIn.clock.now();
    await moderator('post-now');
    const post = await standIn
      .waitFor(
        () =>
          standIn
            .messages(standIn.guild().channel('general'))
            .find((m) => m.createdAt >= since && idsOf(m).some((id) => id.startsWith('stance:take:'))),
        { timeoutMs: 3_000 },
      )
      .catch(() => undefined);
    if (post) return post.id;
  }
  throw new Error('no weekly post with stance buttons after 5 posts');
}

export async function runKillCycles(options: KillOptions): Promise<KillReport> {
  const started = Date.now();
  const random = lcg(options.seed ?? 42);
  const [minLoad, maxLoad] = options.loadMs ?? [1_500, 4_000];
  const memberCount = options.members ?? 6;
  const standIn = await startStandIn({
    guilds: [
      { name: 'Load', members: Array.from({ length: memberCount }, (_, i) => ({ username: `m${i}` })), channels: ['general', 'rounds'] },
    ],
    requireRegisteredCommands: true,
    strict: false,
    waitTimeoutMs: 10_000,
  });
  const prefix = uniquePrefix();
  const storeUrl =
    options.store === 'redis' ? REDIS_URL : `sqlite://${join(mkdtempSync(join(tmpdir(), 'scratchpad-kill-')), 'store.sqlite')}`;
  const env = await childBotEnv(standIn, { url: storeUrl, prefix });
  const guild = standIn.guild();
  const users = guild.record.members.map((m) => m.userId).filter((id) => standIn.user(id)?.username.startsWith('m'));
  const ledger = new Map<string, string[]>();
  const stances: StanceLedger = new Map();
  const reminders: ReminderLedger = new Map();
  let lostReminders = 0;
  let postId = '';
  let lostStances = 0;
  const lostDetail: string[] = [];
  const readyMs: number[] = [];
  let unparsable = 0;
  let lostAnswers = 0;
  let stuckRounds = 0;
  let roundsSeen = 0;
  const bot = new Bot(env);
  const log = createLogger('silent');

  const verify = async (cycle: number) => {
    const store = await openStore(storeUrl, log, prefix);
    try {
      const progress = store.repository('quiz.progress', ProgressSchema);
      const history = store.repository('quiz.history', HistorySchema);
      for (const [user, acked] of ledger) {
        const stored = await progress.get(memberKey(guild.id, user));
        // The answers moved to the history log and those still pending are written together: none dropped, none twice.
        const logged = historyOf(stored, await history.get(memberKey(guild.id, user))).length;
        if (logged !== Math.min(stored?.answered ?? 0, HISTORY_KEPT)) {
          lostAnswers += 1;
          lostDetail.push(`cycle ${cycle}: ${user} has ${stored?.answered ?? 0} answers counted and ${logged} in the history`);
        }
        const recent = new Set(stored?.recent.map((answer) => answer.id) ?? []);
        // Progress keeps the latest RECENT_ANSWERS answers verbatim (round answers and unacknowledged ones among
        // them); the count covers older ones. From the oldest acknowledged answer still kept, every later one must be.
        const first = acked.findIndex((id) => recent.has(id));
        const missing = first === -1 ? acked.slice(-1) : acked.slice(first).filter((id) => !recent.has(id));
        const shortfall = Math.max(missing.length, acked.length - (stored?.answered ?? 0));
        lostAnswers += shortfall;
        if (shortfall > 0) {
          lostDetail.push(
            `cycle ${cycle}: ${user} acknowledged ${acked.length}, stored ${stored?.answered ?? 0}; missing ${missing.join(', ')}`,
          );
        }
      }
      const round = await store.repository(ROUNDS_NAMESPACE, StanceRoundSchema).get(stanceRoundKey(guild.id, postId));
      for (const [user, { acked, sentSince }] of stances) {
        const stored = round?.members[user]?.final;
        if (acked === undefined || (stored !== undefined && [acked, ...sentSince].includes(stored))) continue;
        lostStances += 1;
        lostDetail.push(`cycle ${cycle}: ${user} was told they chose ${acked}, stored ${stored ?? 'nothing'}`);
      }
      const settings = store.repository(SETTINGS_NAMESPACE, ReminderSettingsSchema);
      for (const [user, { acked, sentSince }] of reminders) {
        const stored = (await settings.get(memberKey(guild.id, user)))?.threshold;
        if (acked === undefined || (stored !== undefined && [acked, ...sentSince].includes(stored))) continue;
        lostReminders += 1;
        lostDetail.push(`cycle ${cycle}: ${user} was shown a reminder at ${acked} reviews, stored ${stored ?? 'nothing'}`);
      }
      for (const [name, schema] of [
        ['stances.rounds', StanceRoundSchema],
        ['quiz.progress', ProgressSchema],
        ['quiz.history', HistorySchema],
        ['quiz.sessions', SessionSchema],
        ['quiz.members', MembersSchema],
        ['quiz.reports', ReportsSchema],
        ['quiz.rounds', RoundSchema],
        ['quiz.reviews', ReviewSessionSchema],
        [SETTINGS_NAMESPACE, ReminderSettingsSchema],
      ] as const) {
        for await (const _ of store.repository(name, schema).entries()) {
          // entries() parses every record and sets aside (quarantines) any that does not parse
        }
      }
      for await (const [key, record] of store.quarantined.entries()) {
        unparsable += 1;
        lostDetail.push(`cycle ${cycle}: unparsable record ${key}: ${record.reason}`);
        await store.quarantined.delete(key);
      }
    } finally {
      await store.close();
    }
  };

  const roundsOverdue = async () => {
    const store = await openStore(storeUrl, log, prefix);
    try {
      let overdue = 0;
      for await (const [, round] of store.repository('quiz.rounds', RoundSchema).entries()) {
        roundsSeen += 1;
        if (Date.parse(round.deadline) < Date.now() - 10_000) overdue += 1;
      }
      return overdue;
    } finally {
      await store.close();
    }
  };

  try {
    readyMs.push(await bot.start());
    postId = await stancePost(standIn);
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      let stopped = false;
      let release: () => void = () => {};
      const stop = new Promise<void>((resolve) => {
        release = resolve;
      });
      const round = standIn.slash(
        'quiz',
        { questions: 10, seconds: 10 },
        { subcommand: 'channel', member: users[0] ?? 'member', channel: 'rounds' },
      );
      const loops = users.flatMap((user) => [
        member(standIn, user, ledger, stop, () => stopped),
        stanceTaker(standIn, user, postId, stances, stop, () => stopped, random),
        reminderSetter(standIn, user, reminders, stop, () => stopped, random),
      ]);
      const roundClicks = (async () => {
        await settle(round.callback({ timeoutMs: 4_000 }), stop);
        while (!stopped) {
          const question = standIn.messages(guild.channel('rounds')).findLast((m) => idsOf(m).some((id) => id.startsWith('quiz:round:')));
          const id = question && idsOf(question).find((candidate) => candidate.startsWith('quiz:round:'));
          if (question && id) {
            const user = users[Math.floor(random() * users.length)] ?? 'member';
            await settle(standIn.click(question, id, user).callback({ timeoutMs: 4_000 }), stop).catch(() => undefined);
          }
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      })().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, minLoad + random() * (maxLoad - minLoad)));
      await bot.kill('SIGKILL');
      stopped = true;
      release();
      await Promise.all([...loops, roundClicks]);
      await verify(cycle);
      readyMs.push(await bot.start());
      await new Promise((resolve) => setTimeout(resolve, 300));
      const overdue = await roundsOverdue();
      stuckRounds += overdue;
      const acknowledged = [...ledger.values()].reduce((sum, list) => sum + list.length, 0);
      options.progress?.(
        `kill ${options.store}: cycle ${cycle}/${options.cycles}, ${acknowledged} answers acknowledged, ${lostDetail.length} problems, ready in ${readyMs.at(-1)} ms`,
      );
    }
    // Let the last round finish its current question so the final check sees it moved on, then stop for good.
    await bot.kill('SIGTERM');
    await verify(options.cycles + 1);
  } finally {
    await bot.kill('SIGKILL');
    await standIn.close();
    if (options.store === 'redis') await deleteRedisKeys(prefix);
  }
  const sorted = [...readyMs].sort((a, b) => a - b);
  const errorLines = bot.errors().filter((line) => !/^stderr: (npm warn|\(node)/.test(String(line.msg)));
  for (const line of errorLines) lostDetail.push(`error log: ${JSON.stringify(line).slice(0, 300)}`);
  return {
    store: options.store,
    cycles: options.cycles,
    acknowledged: [...ledger.values()].reduce((sum, list) => sum + list.length, 0),
    lost: lostAnswers,
    stancesAcknowledged: [...stances.values()].reduce((sum, entry) => sum + entry.count, 0),
    stancesLost: lostStances,
    remindersAcknowledged: [...reminders.values()].reduce((sum, entry) => sum + entry.count, 0),
    remindersLost: lostReminders,
    lostDetail,
    unparsable,
    stuckRounds,
    roundsClosedOrResumed: roundsSeen,
    readyMs: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 },
    durationMs: Date.now() - started,
  };
}
