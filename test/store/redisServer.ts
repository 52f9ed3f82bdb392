import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';

/** A throwaway real redis-server on loopback, so a test can stop and restart Redis under the bot. */
export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

async function until(check: () => Promise<boolean>, attempts = 100) {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not change state in time');
}

export async function startRedisServer(port = 20_000 + (process.pid % 10_000)): Promise<RedisServer> {
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await until(() => listening(port));
    },
    async stop() {
      child?.kill('SIGKILL');
      child = undefined;
      await until(async () => !(await listening(port)));
    },
  };
  await server.start();
  return server;
}
