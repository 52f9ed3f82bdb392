import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ClientKind, ContentReport, ReadyReport } from './protocol.js';

const clientsDir = new URL('../clients/', import.meta.url);
const START_TIMEOUT_MS = 120_000;

export interface RunningChild {
  readonly report: ReadyReport;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(fileURLToPath(new URL(script, clientsDir)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function firstMessage<T extends ChildMessage>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench child sent no '${type}' within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.on('message', (message: ChildMessage) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      resolve(message as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench child exited with code ${code} before '${type}'`));
    });
  });
}

/** Starts a client of this kind in its own process, logged in to the stand-in, and waits for its READY report. */
export async function startClient(kind: ClientKind, env: NodeJS.ProcessEnv): Promise<RunningChild> {
  const child = start(kind === 'bare' ? 'bare.ts' : 'scratchpad.ts', { ...env, BENCH_CLIENT: kind });
  const report = await firstMessage<ReadyReport>(child, 'ready');
  return {
    report,
    process: child,
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
  const child = start('content.ts', { CONTENT_DIR: 'content' });
  const report = await firstMessage<ContentReport>(child, 'content');
  if (child.exitCode === null) await once(child, 'exit');
  return report;
}
