import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildMessage, ClientKind, ContentReport, CpuReport, MemoryReport, ReadyReport, SchedulingReport } from './protocol.js';

const START_TIMEOUT_MS = 120_000;
const buildDir = fileURLToPath(new URL('../.build/', import.meta.url));
const entries = ['bare', 'scratchpad', 'scratchpad-client', 'cacheless', 'content', 'scheduling'] as const;
type Entry = (typeof entries)[number];

let built: Promise<unknown> | undefined;

/**
 * Every child runs as an esbuild bundle on plain node, as a built deployment would: under tsx each process also
 * carries the loader's worker thread (about 25 MB RSS), which would blur the memory comparison.
 */
function buildChildren(): Promise<unknown> {
  built ??= build({
    entryPoints: entries.map((entry) => fileURLToPath(new URL(`../clients/${entry}.ts`, import.meta.url))),
    outdir: buildDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return built;
}

export interface RunningChild {
  readonly report: ReadyReport;
  readonly process: ChildProcess;
  /** CPU time so far, µs: the whole process, and its main thread where the OS tells it (else null). */
  cpuMicros(): Promise<{ total: number; main: number | null }>;
  /** The whole bot only: its memory after checking one claim (two full GCs). */
  memoryAfterClaim(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

async function start(entry: Entry, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  await buildChildren();
  return fork(`${buildDir}${entry}.mjs`, [], {
    execArgv: ['--expose-gc', ...(process.env.BENCH_CHILD_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_CHUNK_PROFILE: process.env.BENCH_CHUNK_PROFILE, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function firstMessage<T extends ChildMessage>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench child sent no '${type}' within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`bench child exited with code ${code} before '${type}'`));
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('exit', exited);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', exited);
  });
}

/** Starts a client of this kind in its own process, logged in to the stand-in, and waits for its READY report. */
export async function startClient(kind: ClientKind, env: NodeJS.ProcessEnv): Promise<RunningChild> {
  const child = await start(kind, env);
  const report = await firstMessage<ReadyReport>(child, 'ready');
  return {
    report,
    process: child,
    async cpuMicros() {
      const answer = firstMessage<CpuReport>(child, 'cpu');
      child.send({ type: 'cpu' });
      const { user, system, mainThread } = await answer;
      return { total: user + system, main: mainThread };
    },
    async memoryAfterClaim() {
      const answer = firstMessage<MemoryReport>(child, 'memory');
      child.send({ type: 'claim' });
      const { rss, heapUsed } = await answer;
      return { rss, heapUsed };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Loads the content bundle in a fresh process and returns its timings. */
export async function timeContentLoad(): Promise<ContentReport> {
  const child = await start('content', { CONTENT_DIR: 'content' });
  const exited = once(child, 'exit');
  const report = await firstMessage<ContentReport>(child, 'content');
  await exited;
  return report;
}

/** The prompt scheduler with `guilds` active schedules, in a fresh process (bench/clients/scheduling.ts). */
export async function measureScheduler(guilds: number, spread: SchedulingReport['spread']): Promise<SchedulingReport> {
  const child = await start('scheduling', { BENCH_GUILDS: String(guilds), BENCH_SPREAD: spread, CONTENT_DIR: 'content' });
  const exited = once(child, 'exit');
  const report = await firstMessage<SchedulingReport>(child, 'scheduling');
  await exited;
  return report;
}
