/**
 * `npm run bench` (full, about 5–12 minutes) and `npm run bench -- --quick` (under 3 minutes): every figure of
 * docs/benchmarks.md against the local Discord stand-in on loopback, side by side with a bare discord.js client.
 * `-- --only interactions,memory` runs some sections, `-- --scenarios quiz,/claim` some interaction scenarios; `-- --store redis://127.0.0.1:6379` gives the bot another store.
 * Prints the tables and the ratios, writes the raw figures to bench/.build/results-<mode>.json and the latency
 * chart to docs/benchmarks-latency.svg (full runs) or bench/.build/latency-quick.svg.
 * BENCH_CHILD_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' passes node flags to every measured process;
 * BENCH_CHUNK_PROFILE=/tmp/prof writes a CPU profile of each timed chunk alone (no start-up, no set-up).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { type ClaimFigures, measureClaimSearch } from './claims.js';
import { type InteractionFigures, measureInteractions, type ScenarioSummary, summarise } from './interactions.js';
import { latencyChart } from './lib/chart.js';
import { measureScheduler, timeContentLoad } from './lib/children.js';
import type { ClientKind, SchedulingReport } from './lib/protocol.js';
import { mb, median, medianOf, ms, percent, ratio } from './lib/stats.js';
import { GUILD_SHAPE, type MemoryRow, measureMemory } from './memory.js';

const SECTIONS = ['interactions', 'memory', 'startup', 'claims', 'store', 'scheduling'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    store: { type: 'string' },
    scenarios: { type: 'string' },
  },
});
const quick = values.quick === true;
const only = new Set((values.only?.split(',') ?? SECTIONS).map((s) => s.trim()) as Section[]);
const unknown = [...only].filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);

const plan = quick
  ? {
      interactions: { repeats: 2, concurrencies: [1, 64], perSlot: 8, minimum: 100, warmup: 600 },
      memory: { guilds: [1, 5_000], repeats: 1, kinds: ['bare', 'scratchpad-client', 'scratchpad'] as ClientKind[] },
      contentLoads: 3,
      claimRounds: 5,
      store: ['--members', '10', '--answers', '20', '--hot', '100'],
      scheduling: ['typical'] as const,
    }
  : {
      interactions: { repeats: 5, concurrencies: [1, 8, 64], perSlot: 10, minimum: 200, warmup: 1500 },
      memory: {
        guilds: [1, 1_000, 5_000],
        repeats: 3,
        kinds: ['bare', 'scratchpad-client', 'scratchpad', 'cacheless'] as ClientKind[],
      },
      contentLoads: 7,
      claimRounds: 30,
      store: [] as string[],
      scheduling: ['typical', 'worst'] as const,
    };

const TARGETS = { throughputRatio: 0.8, addedP99Ms: 2, memoryRatio: 0.5, cpuRatioRead: 1.25, cpuRatioWrite: 1.5 } as const;
/** Issue 18: a read command may cost 1.25× the bare client's CPU per interaction, a quiz answer (which persists) 1.5×. */
const cpuTarget = (s: ScenarioSummary) => (s.read ? TARGETS.cpuRatioRead : TARGETS.cpuRatioWrite);
const started = performance.now();
const out: string[] = [];
const print = (line = '') => {
  console.log(line);
  out.push(line);
};
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) => {
  print(`| ${head.join(' | ')} |`);
  print(`| ${head.map(() => '---').join(' | ')} |`);
  for (const row of rows) print(`| ${row.join(' | ')} |`);
  print();
};
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

function machine() {
  let redis = 'unknown';
  try {
    redis = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1] ?? redis;
  } catch {
    // not on PATH
  }
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    redis,
    loadBefore: loadavg()
      .map((v) => v.toFixed(2))
      .join(' '),
  };
}

const results: Record<string, unknown> = { mode: quick ? 'quick' : 'full', machine: machine() };
print(`# Scratchpad benchmarks (${quick ? 'quick' : 'full'} run)`);
print();
print(`${JSON.stringify(results.machine)}`);
print();

// 1. Interactions ---------------------------------------------------------------------------------------------
let interactions: InteractionFigures | undefined;
let summaries: ScenarioSummary[] = [];
if (only.has('interactions')) {
  print('## 1. Interactions (median of runs; latency = dispatch → callback at the stand-in, ms)');
  const picked = {
    ...(values.store ? { storeUrl: values.store } : {}),
    ...(values.scenarios ? { scenarios: values.scenarios.split(',') } : {}),
  };
  interactions = await measureInteractions({ ...plan.interactions, ...picked }, (line) => console.log(line));
  summaries = summarise(interactions.results);
  if (interactions.skipped.length > 0) print(`Not measured (command not in commands/index.ts yet): ${interactions.skipped.join(', ')}`);
  table(
    [
      'scenario',
      'c',
      'bare /s',
      'Scratchpad /s',
      'ratio',
      'bare p50/p95/p99',
      'Scratchpad p50/p95/p99',
      'added p99',
      'failed (bare/Scratchpad)',
    ],
    summaries.map((s) => [
      s.scenario,
      s.concurrency,
      s.bare.throughput.toFixed(0),
      s.scratchpad.throughput.toFixed(0),
      ratio(s.throughputRatio),
      `${ms(s.bare.latency.p50)} / ${ms(s.bare.latency.p95)} / ${ms(s.bare.latency.p99)}`,
      `${ms(s.scratchpad.latency.p50)} / ${ms(s.scratchpad.latency.p95)} / ${ms(s.scratchpad.latency.p99)}`,
      ms(s.addedP99),
      `${s.bare.failed} / ${s.scratchpad.failed}`,
    ]),
  );
  print(
    'CPU per interaction answered: process.cpuUsage() (user + system) of each client process over its timed chunks, µs, median of runs',
  );
  print();
  table(
    ['scenario', 'c', 'bare µs', 'Scratchpad µs', 'ratio', 'target', 'main thread (bare / Scratchpad)'],
    summaries.map((s) => [
      s.scenario,
      s.concurrency,
      s.bare.cpuPerInteraction.toFixed(0),
      s.scratchpad.cpuPerInteraction.toFixed(0),
      ratio(s.cpuRatio),
      `≤ ${cpuTarget(s)}×`,
      `${percent(s.bare.mainThreadShare)} / ${percent(s.scratchpad.mainThreadShare)}`,
    ]),
  );
  results.interactions = { raw: interactions.results, summaries, skipped: interactions.skipped };
  const chart = latencyChart(
    [...new Set(summaries.map((s) => s.scenario))].map((scenario) => ({
      scenario,
      points: summaries
        .filter((s) => s.scenario === scenario)
        .map((s) => ({ concurrency: s.concurrency, bare: s.bare.latency, scratchpad: s.scratchpad.latency })),
    })),
    `Median of ${plan.interactions.repeats} runs, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} vCPU shared; npm run bench${quick ? ' -- --quick' : ''}`,
  );
  const chartPath = quick ? 'bench/.build/latency-quick.svg' : 'docs/benchmarks-latency.svg';
  mkdirSync('bench/.build', { recursive: true });
  writeFileSync(chartPath, chart);
  print(`Chart: ${chartPath}`);
  print();
}

// 2. Memory ----------------------------------------------------------------------------------------------------
let memory: MemoryRow[] = [];
if (only.has('memory')) {
  print(`## 2. Memory: RSS after READY and two full GCs (MB), guilds of ${GUILD_SHAPE.channels} channels and ${GUILD_SHAPE.roles} roles`);
  memory = await measureMemory(plan.memory.guilds, plan.memory.repeats, plan.memory.kinds, GUILD_SHAPE);
  const bareAt = (guilds: number) => memory.find((row) => row.guilds === guilds && row.kind === 'bare');
  table(
    ['guilds', 'client', 'RSS MB', 'heap MB', 'RSS / bare'],
    memory.map((row) => [row.guilds, row.kind, mb(row.rss), mb(row.heapUsed), ratio(row.rss / (bareAt(row.guilds)?.rss ?? row.rss))]),
  );
  results.memory = memory;
}

// 3. Start-up --------------------------------------------------------------------------------------------------
if (only.has('startup')) {
  print('## 3. Start-up (ms, median)');
  const loads = [];
  for (let i = 0; i < plan.contentLoads; i++) loads.push(await timeContentLoad());
  const content = medianOf(loads.map(({ loadMs, indexMs }) => ({ loadMs, indexMs, totalMs: loadMs + indexMs })));
  const toReady = interactions?.startupMs ?? [];
  table(
    ['what', 'ms', 'runs'],
    [
      ['content load + validation (fresh process)', ms(content.loadMs, 0), loads.length],
      ['search index (new Content)', ms(content.indexMs, 0), loads.length],
      ['content total', ms(content.totalMs, 0), loads.length],
      [
        'process start → ready (64 guilds, SQLite, bundled on node)',
        toReady.length > 0 ? ms(median(toReady), 0) : 'needs the interactions section',
        toReady.length,
      ],
    ],
  );
  results.startup = { content, loads, toReady };
}

// 4. Claim search ----------------------------------------------------------------------------------------------
let claims: ClaimFigures | undefined;
if (only.has('claims')) {
  print('## 4. Claim decision (findClaim, as /claim runs it)');
  claims = await measureClaimSearch(plan.claimRounds);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  table(
    ['probes', 'p50 µs', 'p99 µs', 'p99 µs cached', 'held-out accuracy', 'confident-wrong'],
    [
      [
        claims.queries,
        claims.p50Us.toFixed(0),
        claims.p99Us.toFixed(0),
        claims.cachedP99Us.toFixed(0),
        pct(claims.accuracy),
        pct(claims.confidentWrong),
      ],
    ],
  );
  results.claims = claims;
}

// 5. Store -----------------------------------------------------------------------------------------------------
if (only.has('store')) {
  print('## 5. Store: quiz answers per second (bench/store-answers.ts)');
  if (!existsSync('bench/store-answers.ts')) print('bench/store-answers.ts is missing; section skipped.');
  else {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/store-answers.ts', ...plan.store], { encoding: 'utf8' });
    const rows = output.split('\n').filter((line) => /^\| (sqlite|redis) /.test(line));
    print(`Command: tsx bench/store-answers.ts ${plan.store.join(' ')}`.trim());
    print();
    print('| backend | load | answers | seconds | answers/s | lost updates |');
    print('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) print(row);
    print();
    results.store = rows;
  }
}

// 6. Scheduling ------------------------------------------------------------------------------------------------
if (only.has('scheduling')) {
  print('## 6. Scheduling: the prompt scheduler with 10,000 active schedules (fresh process, records in Redis)');
  const reports: SchedulingReport[] = [];
  for (const spread of plan.scheduling) reports.push(await measureScheduler(10_000, spread));
  table(
    [
      'spread',
      'guilds',
      'scheduler timers',
      'timers before → after',
      'heap MB before → after',
      'RSS MB before → after',
      'start() ms',
      'idle tick µs',
    ],
    reports.map((r) => [
      r.spread,
      r.guilds,
      r.timers,
      `${r.timersBefore} → ${r.timersAfter}`,
      `${mb(r.heapBefore)} → ${mb(r.heapAfter)}`,
      `${mb(r.rssBefore)} → ${mb(r.rssAfter)}`,
      r.startMs.toFixed(0),
      r.idleTickUs.toFixed(1),
    ]),
  );
  results.scheduling = reports;
}

// Ratios and targets -------------------------------------------------------------------------------------------
print('## Ratios and targets');
const rows: (string | number)[][] = [];
for (const s of summaries) {
  rows.push([
    `${s.scenario} CPU per interaction, c=${s.concurrency}`,
    ratio(s.cpuRatio),
    `≤ ${cpuTarget(s)}×`,
    verdict(s.cpuRatio <= cpuTarget(s)),
  ]);
  rows.push([
    `${s.scenario} throughput, c=${s.concurrency}`,
    ratio(s.throughputRatio),
    `≥ ${TARGETS.throughputRatio}×`,
    verdict(s.throughputRatio >= TARGETS.throughputRatio),
  ]);
  if (s.read && s.concurrency === 1)
    rows.push([
      `${s.scenario} added p99, c=1`,
      `${ms(s.addedP99, 2)} ms`,
      `≤ ${TARGETS.addedP99Ms} ms`,
      verdict(s.addedP99 <= TARGETS.addedP99Ms),
    ]);
}
const largest = Math.max(...memory.map((row) => row.guilds), 0);
const rssOf = (kind: MemoryRow['kind']) => memory.find((row) => row.guilds === largest && row.kind === kind)?.rss;
const bareRss = rssOf('bare');
for (const kind of ['scratchpad-client', 'scratchpad', 'scratchpad after a /claim', 'cacheless'] as const) {
  const rss = rssOf(kind);
  if (rss && bareRss)
    rows.push([
      `RSS ${kind} / bare, ${largest} guilds`,
      ratio(rss / bareRss),
      `≤ ${TARGETS.memoryRatio}×`,
      verdict(rss / bareRss <= TARGETS.memoryRatio),
    ]);
}
if (claims)
  rows.push(
    ['claim decision p99', `${(claims.p99Us / 1000).toFixed(2)} ms`, '≤ 5 ms', verdict(claims.p99Us <= 5_000)],
    ['claim held-out accuracy', `${(claims.accuracy * 100).toFixed(1)}%`, '≥ 95% (issue 14)', verdict(claims.accuracy >= 0.95)],
    ['claim confident-wrong', `${(claims.confidentWrong * 100).toFixed(1)}%`, '≤ 2% (issue 14)', verdict(claims.confidentWrong <= 0.02)],
  );
if (rows.length > 0) table(['figure', 'value', 'target', ''], rows);

const minutes = (performance.now() - started) / 60_000;
print(
  `Finished in ${minutes.toFixed(1)} min; load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')} at the end (${results.machine && (results.machine as { loadBefore: string }).loadBefore} at the start).`,
);
results.seconds = (performance.now() - started) / 1000;
mkdirSync('bench/.build', { recursive: true });
writeFileSync(`bench/.build/results-${quick ? 'quick' : 'full'}.json`, JSON.stringify(results, null, 2));
writeFileSync(`bench/.build/results-${quick ? 'quick' : 'full'}.md`, `${out.join('\n')}\n`);
process.exit(0);
