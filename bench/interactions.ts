import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { loadProbes, type ProbeSet } from '../scripts/lib/claimProbes.js';
import { loadConfig } from '../src/config.js';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { deployCommands } from '../src/discord/deploy.js';
import { questionView } from '../src/discord/views/quiz.js';
import type { Session } from '../src/quiz/records.js';
import type { Asked } from '../src/quiz/service.js';
import { type GuildFixture, type InteractionHandle, type MessageRecord, type StandIn, startStandIn } from '../testkit/index.js';
import { evaluationSet } from './claims.js';
import { type RunningChild, startClient } from './lib/children.js';
import type { ClientKind } from './lib/protocol.js';
import { type Latency, latencyOf, median } from './lib/stats.js';

/**
 * Interaction throughput and latency: from the stand-in dispatching INTERACTION_CREATE to the client's callback
 * arriving at the stand-in (its 'callback' event, timed with performance.now() in this process). The client runs
 * in its own process; Scratchpad and the bare client see the same guilds, payloads and registered commands.
 */

const GUILDS = 64;
/** Enough (guild, member) pairs for a run's warm-up and timed interactions of one scenario, each from a new pair. */
const MEMBERS_PER_GUILD = 60;
const WARMUP_PROBE_SETS: readonly ProbeSet[] = ['tune', 'dev', 'dev-2', 'dev-3', 'dev-4', 'dev-5'];
const CALLBACK_TIMEOUT_MS = 15_000;

export type ScenarioName = '/summary' | '/claim' | '/source autocomplete' | 'quiz answer';

interface Scenario {
  readonly name: ScenarioName;
  /** The command that must exist in commands/index.ts for the scenario to run. */
  readonly command: string;
  /** A read command: the p99 added-latency target applies. */
  readonly read: boolean;
  /**
   * Builds one interaction per sender index, ready to dispatch (quiz answers need a question message each, made
   * here, untimed); `warmup` for the untimed ones that come first.
   */
  prepare(run: Run, senders: readonly number[], warmup?: boolean): Promise<(() => InteractionHandle)[]>;
}

interface Run {
  readonly kind: ClientKind;
  readonly standIn: StandIn;
  readonly content: Content;
  /** What /claim is asked: the labelled evaluation set's questions, in turn. */
  readonly claimQueries: readonly string[];
  /**
   * What /claim is asked while warming up: tuning probes, none of them a timed question, so the warm-up leaves no
   * timed question in the bot's decision cache.
   */
  readonly warmupClaims: readonly string[];
}

/**
 * Who sends interaction `i`: /claim and /quiz have a per-member cooldown, so every interaction of a scenario in one
 * run comes from a (guild, member) pair that scenario has not used yet (`Contender.used` counts them).
 */
const guildOf = (run: Run, i: number) => run.standIn.guilds()[i % GUILDS]?.id ?? '';
const memberOf = (i: number) => `m${Math.floor(i / GUILDS) % MEMBERS_PER_GUILD}`;
const as = (run: Run, i: number) => ({ guild: guildOf(run, i), member: memberOf(i) });
const repeat = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));

/** The first option of a registered command: /claim's question, whatever its name. */
const firstOption = (name: string) => (commands.find((c) => c.data.name === name)?.data.options?.[0]?.name ?? 'text') as string;

const scenarios: readonly Scenario[] = [
  {
    name: '/summary',
    command: 'summary',
    read: true,
    prepare: async (run, senders) => {
      const sections = run.content.bundle.sections;
      return senders.map((i) => () => run.standIn.slash('summary', { section: sections[i % sections.length]?.id ?? '' }, as(run, i)));
    },
  },
  {
    name: '/claim',
    command: 'claim',
    read: true,
    prepare: async (run, senders, warmup) => {
      const option = firstOption('claim');
      const queries = warmup ? run.warmupClaims : run.claimQueries;
      return senders.map((i) => () => run.standIn.slash('claim', { [option]: queries[i % queries.length] ?? '' }, as(run, i)));
    },
  },
  {
    name: '/source autocomplete',
    command: 'source',
    read: true,
    prepare: async (run, senders) => {
      const partial = ['green', 'anthr', 'hubin', 'revie', 'sleeper', '2412'];
      return senders.map(
        (i) => () => run.standIn.autocomplete('source', { query: partial[i % partial.length] ?? '' }, { focused: 'query', ...as(run, i) }),
      );
    },
  },
  {
    name: 'quiz answer',
    command: 'quiz',
    read: false,
    prepare: async (run, senders) => {
      const { standIn } = run;
      if (run.kind === 'bare') {
        // The bare client has no quiz: it answers, with its fixed line, a click on a question message the bench posts
        // (as the bot) with the body Scratchpad's own question has, so discord.js parses the same payload in both.
        const body = JSON.parse(JSON.stringify(questionView(run.content, benchQuestion(run.content), 'bench'))) as QuestionBody;
        const button = answerButton(body);
        const messages = await Promise.all(
          standIn.guilds().map((guild) => postQuestion(standIn, standIn.guild(guild.id).channel().id, body)),
        );
        return senders.map((i) => () => standIn.click(messages[i % GUILDS] ?? '', button, memberOf(i)));
      }
      // One fresh private-quiz question per answer, each its own (guild, member) session, made before the timing starts.
      const questions = await inParallel(senders.length, 16, (k) =>
        standIn.slash('quiz', {}, { ...as(run, senders[k] ?? 0), subcommand: 'start' }).reply(),
      );
      return questions.map((message) => () => standIn.click(message, answerButton(message)));
    },
  },
];

type QuestionBody = Pick<MessageRecord, 'components'>;

function benchQuestion(content: Content): Asked {
  const question = [...content.questions.values()][0];
  if (!question) throw new Error('the bundle has no quiz question');
  const session: Session = {
    v: 1,
    id: 'bench',
    section: null,
    difficulty: null,
    asked: [question.id],
    answered: false,
    right: 0,
    points: 0,
    startedAt: new Date().toISOString(),
  };
  return { session, question, n: 1, reason: 'new' };
}

function answerButton(message: QuestionBody): string {
  const rows = message.components as { components?: { custom_id?: string }[] }[];
  const id = rows.flatMap((row) => row.components ?? []).find((c) => c.custom_id?.startsWith('quiz:answer'))?.custom_id;
  if (!id) throw new Error(`no quiz answer button in: ${JSON.stringify(message).slice(0, 600)}`);
  return id;
}

async function postQuestion(standIn: StandIn, channelId: string, body: QuestionBody): Promise<string> {
  const rest = new REST({ api: standIn.apiUrl }).setToken(standIn.token);
  return ((await rest.post(Routes.channelMessages(channelId), { body })) as { id: string }).id;
}

async function inParallel<T>(count: number, concurrency: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await run(i);
  };
  await Promise.all(repeat(Math.min(concurrency, count), worker));
  return results;
}

export interface LoadResult {
  readonly scenario: ScenarioName;
  readonly kind: ClientKind;
  readonly concurrency: number;
  /** Interactions answered per second. */
  readonly throughput: number;
  readonly latency: Latency;
  /** Interactions not answered in time or answered with a callback the stand-in rejected. */
  readonly failed: number;
  /** The client process's CPU time (user + system) during the timed chunks over the interactions answered, µs. */
  readonly cpuPerInteraction: number;
  /** The main thread's part of that CPU (NaN where the OS does not tell); the rest is V8's compiler and GC threads. */
  readonly mainThreadShare: number;
}

/** A cooldown refusal is fast and would flatter the figures; the sender scheme avoids them, this catches a slip. */
const coolingDown = (handle: InteractionHandle) =>
  /^Easy there/.test((handle.record.callback?.data as { content?: string } | null)?.content ?? '');

/** A deferred reply (5) or update (6): the bot still has work to do after its callback. */
const DEFERRED = new Set([5, 6]);

/**
 * Dispatches every interaction, `concurrency` in flight at a time, timing each from dispatch to its callback. With
 * `settle`, an interaction the bot deferred is waited for until its reply is shown: a warm-up must leave the bot idle,
 * or work it deferred (the first /claim builds the claim engine, about a second of CPU) lands on the chunks timed next.
 */
async function load(run: Run, fires: readonly (() => InteractionHandle)[], concurrency: number, settle = false) {
  const waiting = new Map<string, (at: number) => void>();
  const onCallback = (record: { id: string }) => waiting.get(record.id)?.(performance.now());
  // A callback the stand-in refused (e.g. after Discord's 3 seconds) ends that interaction at once, as a failure.
  const onRejection = (call: { interactionId: string | null }) => call.interactionId && waiting.get(call.interactionId)?.(Number.NaN);
  run.standIn.events.on('callback', onCallback);
  run.standIn.events.on('rejection', onRejection);
  const samples: number[] = [];
  let failed = 0;
  const started = performance.now();
  await inParallel(fires.length, concurrency, async (i) => {
    let resolve: (at: number) => void = () => {};
    const answered = new Promise<number>((r) => {
      resolve = r;
    });
    const sent = performance.now();
    const handle = (fires[i] as () => InteractionHandle)();
    waiting.set(handle.id, resolve);
    const timeout = new Promise<number>((r) => setTimeout(() => r(Number.NaN), CALLBACK_TIMEOUT_MS).unref());
    const at = await Promise.race([answered, timeout]);
    waiting.delete(handle.id);
    if (settle && DEFERRED.has(handle.record.callback?.type ?? 0)) await handle.reply().catch(() => undefined);
    if (Number.isNaN(at) || handle.rejections().length > 0 || coolingDown(handle)) failed++;
    else samples.push(at - sent);
  });
  const elapsed = performance.now() - started;
  run.standIn.events.off('callback', onCallback);
  run.standIn.events.off('rejection', onRejection);
  run.standIn.takeRejections();
  return { samples, failed, elapsed };
}

function guildFixtures(): GuildFixture[] {
  return repeat(GUILDS, (i) => ({
    name: `Bench ${i + 1}`,
    channels: ['general'],
    members: repeat(MEMBERS_PER_GUILD, (j) => ({ username: `m${j}` })),
  }));
}

export interface InteractionOptions {
  readonly repeats: number;
  readonly concurrencies: readonly number[];
  /** Interactions per in-flight slot at each concurrency (at least `minimum` in all). */
  readonly perSlot: number;
  readonly minimum: number;
  /**
   * Untimed interactions per scenario before any is timed. Long enough for V8 to have compiled the hot paths: with
   * 60, its compiler threads still spent a third of either process's CPU during the timed chunks (docs/benchmarks.md).
   */
  readonly warmup: number;
  /** Scratchpad's STORE_URL; default SQLite in a temporary folder, as `npm start` defaults to SQLite. */
  readonly storeUrl?: string;
  /** Only the scenarios whose name contains one of these (`--scenarios quiz`, for a profile of one); default all. */
  readonly scenarios?: readonly string[];
}

export interface InteractionFigures {
  readonly results: LoadResult[];
  /** Scenarios whose command is not in commands/index.ts yet. */
  readonly skipped: ScenarioName[];
  /** Scratchpad's process start to ready with these guilds, per run. */
  readonly startupMs: number[];
}

/** One client process with its own stand-in, and how many (guild, member) senders each scenario has used. */
interface Contender {
  readonly run: Run;
  readonly child: RunningChild;
  readonly used: Map<ScenarioName, number>;
  close(): Promise<void>;
}

async function startContender(kind: ClientKind, shared: Omit<Run, 'kind' | 'standIn'>, storeUrl: string | undefined): Promise<Contender> {
  const standIn = await startStandIn({ guilds: guildFixtures(), strict: false, waitTimeoutMs: CALLBACK_TIMEOUT_MS });
  const storeDir = mkdtempSync(join(tmpdir(), 'scratchpad-bench-'));
  const close = async () => {
    await standIn.close();
    rmSync(storeDir, { recursive: true, force: true });
  };
  try {
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      STORE_URL: storeUrl ?? `sqlite://${join(storeDir, 'bench.sqlite')}`,
      CONTENT_DIR: 'content',
      LOG_LEVEL: 'silent',
      SHARD_COUNT: '1',
    };
    // Both clients see the same registered commands, so the stand-in builds the same payloads for both.
    await deployCommands(loadConfig(env), commands);
    const child = await startClient(kind, env);
    return {
      run: { kind, standIn, ...shared },
      child,
      used: new Map(),
      async close() {
        await child.stop();
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The next `count` (guild, member) senders this scenario has not used on this client. */
function senders(contender: Contender, scenario: ScenarioName, count: number): number[] {
  const from = contender.used.get(scenario) ?? 0;
  if (from + count > GUILDS * MEMBERS_PER_GUILD) throw new Error(`${scenario}: more interactions than (guild, member) pairs`);
  contender.used.set(scenario, from + count);
  return repeat(count, (k) => from + k);
}

/** Interactions split into this many chunks that alternate between the clients: 4 at concurrency 1, else 2. */
const chunksAt = (concurrency: number) => (concurrency === 1 ? 4 : 2);

/**
 * Side by side: both clients run at once, each against its own stand-in, and every (scenario, concurrency) is run
 * in chunks that alternate between them (which one goes first alternating too), so a burst of load from elsewhere
 * on the machine falls on both alike. Every scenario is warmed up on both before anything is timed. Each repeat
 * starts fresh processes.
 */
export async function measureInteractions(options: InteractionOptions, log: (line: string) => void): Promise<InteractionFigures> {
  const available = new Set(commands.map((c) => c.data.name));
  const wanted = (s: Scenario) => options.scenarios?.some((part) => s.name.includes(part)) ?? true;
  const active = scenarios.filter((s) => available.has(s.command) && wanted(s));
  const skipped = scenarios.filter((s) => !available.has(s.command)).map((s) => s.name);
  const shared = {
    content: new Content(await loadBundleOrThrow('content')),
    claimQueries: (await evaluationSet()).map((entry) => entry.q),
    warmupClaims: (await Promise.all(WARMUP_PROBE_SETS.map(loadProbes))).flat().map((probe) => probe.q),
  };
  const results: LoadResult[] = [];
  const startupMs: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const bare = await startContender('bare', shared, options.storeUrl);
    const scratchpad = await startContender('scratchpad', shared, options.storeUrl).catch(async (err: unknown) => {
      await bare.close();
      throw err;
    });
    startupMs.push(scratchpad.child.report.sinceStartMs);
    const both = [bare, scratchpad];
    try {
      for (const scenario of active) {
        for (const contender of both) {
          const fires = await scenario.prepare(contender.run, senders(contender, scenario.name, options.warmup), true);
          await load(contender.run, fires, 8, true);
        }
      }
      for (const scenario of active) {
        for (const concurrency of options.concurrencies) {
          const chunks = chunksAt(concurrency);
          const perChunk = Math.ceil(Math.max(options.minimum, concurrency * options.perSlot) / chunks);
          const totals = new Map(both.map((c) => [c, { samples: [] as number[], failed: 0, elapsed: 0, cpu: 0, main: 0 }]));
          for (let chunk = 0; chunk < chunks; chunk++) {
            for (const contender of (r + chunk) % 2 === 0 ? both : [...both].reverse()) {
              const fires = await scenario.prepare(contender.run, senders(contender, scenario.name, perChunk));
              const before = await contender.child.cpuMicros();
              const { samples, failed, elapsed } = await load(contender.run, fires, concurrency);
              const after = await contender.child.cpuMicros();
              const total = totals.get(contender);
              if (!total) continue;
              total.samples.push(...samples);
              total.failed += failed;
              total.elapsed += elapsed;
              total.cpu += after.total - before.total;
              total.main += after.main !== null && before.main !== null ? after.main - before.main : Number.NaN;
            }
          }
          for (const [contender, { samples, failed, elapsed, cpu, main }] of totals) {
            const result = {
              throughput: (samples.length / elapsed) * 1000,
              latency: latencyOf(samples),
              failed,
              cpuPerInteraction: cpu / Math.max(samples.length, 1),
              mainThreadShare: main / Math.max(cpu, 1),
            };
            results.push({ scenario: scenario.name, kind: contender.run.kind, concurrency, ...result });
            log(
              `  ${contender.run.kind.padEnd(10)} ${scenario.name.padEnd(20)} c=${String(concurrency).padStart(2)}  ${result.throughput.toFixed(0).padStart(5)}/s  p50 ${result.latency.p50.toFixed(2)} p99 ${result.latency.p99.toFixed(2)} ms  ${result.cpuPerInteraction.toFixed(0)} µs CPU${failed ? `  ${failed} failed` : ''}`,
            );
          }
        }
      }
    } finally {
      await bare.close();
      await scratchpad.close();
    }
  }
  return { results, skipped, startupMs };
}

interface Side {
  readonly throughput: number;
  readonly latency: Latency;
  readonly failed: number;
  /** µs of process CPU per interaction answered. */
  readonly cpuPerInteraction: number;
  readonly mainThreadShare: number;
}

export interface ScenarioSummary {
  readonly scenario: ScenarioName;
  readonly read: boolean;
  readonly concurrency: number;
  readonly bare: Side;
  readonly scratchpad: Side;
  /** Scratchpad's throughput over the bare client's. */
  readonly throughputRatio: number;
  /** Scratchpad's CPU per interaction over the bare client's. */
  readonly cpuRatio: number;
  /** Scratchpad's p99 minus the bare client's, ms. */
  readonly addedP99: number;
}

/** Medians over the repeats, side by side. */
export function summarise(results: readonly LoadResult[]): ScenarioSummary[] {
  const keys = [...new Set(results.map((r) => `${r.scenario}|${r.concurrency}`))];
  return keys.map((key) => {
    const [scenario, concurrency] = key.split('|') as [ScenarioName, string];
    const of = (kind: ClientKind) => {
      const runs = results.filter((r) => r.scenario === scenario && r.concurrency === Number(concurrency) && r.kind === kind);
      return {
        throughput: median(runs.map((r) => r.throughput)),
        latency: {
          p50: median(runs.map((r) => r.latency.p50)),
          p95: median(runs.map((r) => r.latency.p95)),
          p99: median(runs.map((r) => r.latency.p99)),
        },
        failed: runs.reduce((sum, r) => sum + r.failed, 0),
        cpuPerInteraction: median(runs.map((r) => r.cpuPerInteraction)),
        mainThreadShare: median(runs.map((r) => r.mainThreadShare)),
      };
    };
    const bare = of('bare');
    const scratchpad = of('scratchpad');
    return {
      scenario,
      read: scenarios.find((s) => s.name === scenario)?.read ?? false,
      concurrency: Number(concurrency),
      bare,
      scratchpad,
      throughputRatio: scratchpad.throughput / Math.max(bare.throughput, 1e-9),
      cpuRatio: scratchpad.cpuPerInteraction / Math.max(bare.cpuPerInteraction, 1e-9),
      addedP99: scratchpad.latency.p99 - bare.latency.p99,
    };
  });
}
