import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keyv } from 'keyv';
import { STORE_DOWN } from '../../src/discord/errors.js';
import { memberKey } from '../../src/quiz/records.js';
import type { SqliteStore } from '../../src/store/sqliteFile.js';
import { type BotUnderTest, startBot } from '../e2e/harness.js';
import { componentId as button, sqliteUrl, titleOf } from '../e2e/messages.js';
import { isVerdict } from './helpers.js';

/**
 * Dependency faults (issue 10, part 4), shared by test/hardening/dependencies.test.ts and `npm run soak`:
 * Redis stopped and restarted under a quiz, SQLite made read-only or full (SQLite's own `query_only` and
 * `max_page_count`, since this machine runs as root and file modes would not stop it), and bursts of 429 and 5xx
 * from the stand-in. Each returns what it injected and whether the bot survived it.
 */

export interface FaultOutcome {
  readonly fault: string;
  readonly injected: number;
  readonly survived: boolean;
  readonly detail: string;
}

/** A redis-server that keeps its data across a stop (append-only file, fsync always), unlike a plain cache. */
async function durableRedis(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpad-redis-'));
  let child: ChildProcess | undefined;
  const up = () =>
    new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  const until = async (want: boolean) => {
    for (let i = 0; i < 200; i++) {
      if ((await up()) === want) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server on ${port} did not ${want ? 'start' : 'stop'}`);
  };
  const server = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ];
      child = spawn('redis-server', args, { stdio: 'ignore' });
      await until(true);
    },
    async stop() {
      child?.kill('SIGKILL');
      child = undefined;
      await until(false);
    },
  };
  await server.start();
  return server;
}

async function untilValue<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Redis dies between two answers and comes back: "couldn't save", nothing half-written, answering works again. */
export async function redisRestartMidQuiz(port = 23_000 + (process.pid % 5_000)): Promise<FaultOutcome> {
  const redis = await durableRedis(port);
  let bot: BotUnderTest | undefined;
  try {
    bot = await startBot({ storeUrl: redis.url });
    const { standIn } = bot;
    const guild = standIn.guild();
    const { quiz } = bot.app.services;
    const first = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
    const verdict = await standIn.click(first, button(first, 'quiz:answer')).reply();
    const second = await standIn.click(verdict, button(verdict, 'quiz:next')).reply();
    const before = { revision: second.revision, title: titleOf(second) };

    await redis.stop();
    const refused = await standIn.click(second, button(second, 'quiz:answer')).reply();
    const clear = refused.content === STORE_DOWN && refused.ephemeral && second.revision === before.revision;
    await redis.start();
    // No restart of the bot: its client reconnects by itself; the member simply tries again.
    const recovered = await untilValue(async () => {
      const again = await standIn.click(second, button(second, 'quiz:answer')).reply();
      return again.id === second.id && isVerdict(again) ? again : undefined;
    }, 15_000);
    const progress = await quiz.progress.get(memberKey(guild.id, guild.member.id));
    const session = await quiz.sessions.get(memberKey(guild.id, guild.member.id));
    const whole = progress?.answered === 2 && new Set(progress.recent.map((a) => a.id)).size === 2 && session?.answered === true;
    const quarantined = await countQuarantined(bot);
    standIn.assertNoRejections();
    return {
      fault: 'Redis stopped and restarted mid-quiz',
      injected: 1,
      survived: clear && recovered !== undefined && whole && quarantined === 0,
      detail: `refusal ${clear ? 'clear' : `unclear: ${refused.content}`}; recovered without restart: ${recovered !== undefined}; progress ${progress?.answered} answers, quarantined ${quarantined}`,
    };
  } finally {
    await bot?.close().catch(() => undefined);
    await redis.stop();
  }
}

async function countQuarantined(bot: BotUnderTest) {
  let count = 0;
  for await (const _ of bot.app.store.quarantined.entries()) count += 1;
  return count;
}

/** The SQLite file behind the quiz repositories, through one of their keyv adapters (they share one connection). */
function sqliteAdapters(bot: BotUnderTest): SqliteStore[] {
  const repository = bot.app.services.quiz.progress as unknown as { keyv: Keyv };
  return [repository.keyv.store as SqliteStore];
}

/** SQLite refuses writes (read-only, or full): the member hears it, nothing is corrupted, and it works once lifted. */
export async function sqliteRefusesWrites(kind: 'read-only' | 'disk full'): Promise<FaultOutcome> {
  const bot = await startBot({ storeUrl: sqliteUrl('scratchpad-faults-') });
  try {
    const { standIn } = bot;
    const guild = standIn.guild();
    const question = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
    const adapters = sqliteAdapters(bot);
    if (kind === 'read-only') {
      for (const adapter of adapters) await adapter.query('PRAGMA query_only = ON');
    } else {
      for (const adapter of adapters) {
        const [{ page_count: pages } = { page_count: 1 }] = (await adapter.query('PRAGMA page_count')) as { page_count: number }[];
        await adapter.query(`PRAGMA max_page_count = ${pages}`);
      }
      // Fill the free space of the last pages so that any new record needs a page the "disk" no longer has.
      const filler = adapters[0] as SqliteStore;
      for (let i = 0; i < 1_000; i++) {
        try {
          await filler.set(`filler-${i}`, 'x'.repeat(512));
        } catch {
          break;
        }
      }
    }
    const refused = await standIn.click(question, button(question, 'quiz:answer')).reply();
    const clear = refused.content === STORE_DOWN && refused.ephemeral;
    for (const adapter of adapters) {
      if (kind === 'read-only') await adapter.query('PRAGMA query_only = OFF');
      else await adapter.query('PRAGMA max_page_count = 1073741823');
    }
    const verdict = await standIn.click(question, button(question, 'quiz:answer')).reply();
    const answered = isVerdict(verdict);
    const [check] = (await (adapters[0] as SqliteStore).query('PRAGMA integrity_check')) as { integrity_check: string }[];
    const progress = await bot.app.services.quiz.progress.get(memberKey(guild.id, guild.member.id));
    const quarantined = await countQuarantined(bot);
    standIn.assertNoRejections();
    return {
      fault: `SQLite ${kind}`,
      injected: 1,
      survived: clear && answered && check?.integrity_check === 'ok' && progress?.answered === 1 && quarantined === 0,
      detail: `refusal ${clear ? 'clear' : `unclear: ${refused.content}`}; integrity ${check?.integrity_check}; answered after: ${answered}; progress ${progress?.answered}`,
    };
  } finally {
    await bot.close().catch(() => undefined);
  }
}

/** Bursts of 429 and 5xx on every route the bot writes to: it backs off, retries and finishes its work. */
export async function restBursts(bursts = 3): Promise<FaultOutcome> {
  const bot = await startBot({ guilds: [{ name: 'Bursts', channels: ['general', 'prompts'] }] });
  try {
    const { standIn } = bot;
    const guild = standIn.guild();
    const routes = [
      /^POST \/interactions\//,
      /^PATCH \/webhooks\//,
      /^POST \/channels\/\d+\/messages$/,
      /^POST \/channels\/\d+\/messages\/\d+\/threads$/,
    ];
    const handles = [];
    let done = 0;
    for (let burst = 0; burst < bursts; burst++) {
      standIn.clock.advance(5_000); // past the per-member cooldown of /quiz start
      handles.length = 0;
      for (const route of routes) {
        handles.push(standIn.faults.rateLimit(route, { times: 2, retryAfter: 0.2 }));
        handles.push(standIn.faults.serverError(route, { times: 1, status: burst % 2 === 0 ? 502 : 503 }));
      }
      const help = await standIn.slash('help').reply({ timeoutMs: 20_000 });
      await standIn
        .slash('prompts', { channel: guild.channel('prompts').id }, { subcommand: 'setup', member: 'moderator' })
        .reply({ timeoutMs: 20_000 });
      const posted = await standIn.slash('prompts', {}, { subcommand: 'post-now', member: 'moderator' }).reply({ timeoutMs: 20_000 });
      const quiz = await standIn.slash('quiz', {}, { subcommand: 'start', member: 'moderator' }).reply({ timeoutMs: 20_000 });
      const verdict = await standIn.click(quiz, button(quiz, 'quiz:answer'), 'moderator').reply({ timeoutMs: 20_000 });
      if (help.embeds.length > 0 && isVerdict(verdict) && posted.embeds.length + posted.content.length > 0) done += 1;
      for (const handle of handles) handle.remove();
    }
    const promptPosts = standIn.messages(guild.channel('prompts')).filter((m) => m.interactionId === null);
    const rejections = standIn.takeRejections().filter((call) => call.outcome === 'rejected');
    const injected = standIn.calls.filter((call) => call.outcome === 'fault').length;
    return {
      fault: 'bursts of 429 and 5xx',
      injected,
      survived: done === bursts && rejections.length === 0 && promptPosts.length === bursts,
      detail: `${done}/${bursts} bursts finished; ${promptPosts.length} prompt posts; ${rejections.length} rejections`,
    };
  } finally {
    await bot.close().catch(() => undefined);
  }
}
