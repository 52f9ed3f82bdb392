import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/** What a client child process reports to the bench over IPC. */
export interface ReadyReport {
  readonly type: 'ready';
  /** Milliseconds from this process's start to the client's READY (and, for the bot, its start-up sweeps). */
  readonly sinceStartMs: number;
  readonly guilds: number;
  /** After two full garbage collections. */
  readonly rss: number;
  readonly heapUsed: number;
}

/** bench/clients/content.ts: the content bundle loaded in a fresh process. */
export interface ContentReport {
  readonly type: 'content';
  /** Reading and validating the bundle (YAML + Markdown, zod, cross-checks). */
  readonly loadMs: number;
  /** Building the search indexes (new Content). */
  readonly indexMs: number;
}

/** bench/clients/scheduling.ts: the prompt scheduler holding many active schedules. */
export interface SchedulingReport {
  readonly type: 'scheduling';
  readonly spread: 'typical' | 'worst';
  readonly guilds: number;
  /** The scheduler's own timers: the sweep and the one armed for the head of its due-queue. */
  readonly timers: number;
  /** Live Node timers (process.getActiveResourcesInfo) before and after start(). */
  readonly timersBefore: number;
  readonly timersAfter: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  /** start(): reading every record, queueing it and creating the cron tasks. */
  readonly startMs: number;
  /** One runDue() with nothing due, in microseconds. */
  readonly idleTickUs: number;
}

/** The process's CPU time so far (process.cpuUsage(), µs), asked for around each timed chunk of interactions. */
export interface CpuReport {
  readonly type: 'cpu';
  readonly user: number;
  readonly system: number;
  /** The main JavaScript thread's share of it, µs (Linux only); the rest is V8's compiler and GC helper threads. */
  readonly mainThread: number | null;
}

/** The bot's memory again, after it has answered its first claim (which builds the claim engine). */
export interface MemoryReport {
  readonly type: 'memory';
  readonly rss: number;
  readonly heapUsed: number;
}

export type ChildMessage = ReadyReport | ContentReport | SchedulingReport | CpuReport | MemoryReport;

/** The kinds of client the bench starts, each in its own process. */
export type ClientKind = 'bare' | 'scratchpad' | 'scratchpad-client' | 'cacheless';

export function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Two full collections, then the figures; needs --expose-gc. */
export function memoryNow(): { rss: number; heapUsed: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/**
 * BENCH_CHUNK_PROFILE=<dir>: a V8 CPU profile of each timed chunk alone (start-up and set-up left out), one file per chunk,
 * for finding where an interaction's time goes; the CPU questions come in pairs around each chunk.
 */
const chunkProfiler = process.env.BENCH_CHUNK_PROFILE ? chunkProfiles(process.env.BENCH_CHUNK_PROFILE) : undefined;

function chunkProfiles(dir: string) {
  const session = new Session();
  session.connect();
  let running = false;
  let chunk = 0;
  return {
    toggle() {
      if (!running) {
        // 100 µs between samples: an interaction costs a few hundred µs, and the default 1 ms missed most of them.
        session.post('Profiler.enable', () =>
          session.post('Profiler.setSamplingInterval', { interval: 100 }, () => session.post('Profiler.start')),
        );
      } else {
        const file = join(dir, `${process.pid}.chunk${chunk++}.cpuprofile`);
        session.post('Profiler.stop', (err, result) => {
          if (!err) writeFileSync(file, JSON.stringify(result.profile));
        });
      }
      running = !running;
    },
  };
}

/** The main thread's CPU time so far, µs, from the kernel's per-thread run time (ns); null where /proc has none. */
function mainThreadMicros(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
  } catch {
    return null;
  }
}

/**
 * Resolves once the event loop has spent a whole window idle (or after a second and a half at most): what earlier
 * steps left running (the bot reading the replies to a chunk's set-up, or to its own last interactions) is finished
 * before the CPU time is read, so it is counted with the work it belongs to.
 */
async function quiet(windowMs = 20, limitMs = 1500): Promise<void> {
  const started = performance.now();
  for (;;) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (performance.eventLoopUtilization(before).utilization < 0.02 || performance.now() - started > limitMs) return;
  }
}

/**
 * Exits when the bench says so or goes away; answers its CPU-time questions meanwhile, and, when the process can
 * check a claim, its memory after doing so.
 */
export function exitWith(stop: () => Promise<unknown>, checkClaim?: () => void): void {
  const exit = () => void stop().finally(() => process.exit(0));
  process.on('message', (message) => {
    const type = (message as { type?: string }).type;
    if (type === 'stop') exit();
    if (type === 'cpu') {
      void quiet().then(() => {
        send({ type: 'cpu', ...process.cpuUsage(), mainThread: mainThreadMicros() });
        chunkProfiler?.toggle();
      });
    }
    if (type === 'claim' && checkClaim) {
      checkClaim();
      send({ type: 'memory', ...memoryNow() });
    }
  });
  process.on('disconnect', exit);
}
