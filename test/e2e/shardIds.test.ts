import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InteractionHandle, manyGuilds, type StandIn, shardOf, startStandIn } from '../../testkit/index.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { childBotEnv } from './harness.js';
import { BOOT_MS, botLog, deleteKeys, findButton, promptPosts, seedPromptSchedules } from './shardProcesses.js';

/**
 * Shards across machines: two independent `npm start` processes (src/main.ts under tsx, no ShardingManager), one
 * with SHARD_IDS=0 and one with SHARD_IDS=1 of SHARD_COUNT=2, against one stand-in that deals 6 guilds over the
 * two shards, sharing nothing but a real Redis. Every interaction must be answered once, by the process that owns
 * its guild, and every weekly prompt posted once, also after one process is killed (-9) and started again.
 */

const SHARDS = 2;
const log = botLog();
const waitForLog = (msg: string, count: number, shard?: number) => log.waitFor(standIn, msg, count, shard);
const processes = new Map<number, ChildProcess>();
let standIn: StandIn;
let prefix: string;
let env: NodeJS.ProcessEnv;
const handles: InteractionHandle[] = [];

const guildsOf = (shard: number) => standIn.guilds().filter((guild) => shardOf(guild.id, SHARDS) === shard);

function startShard(shard: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...env, SHARD_IDS: String(shard) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  log.read(child.stdout);
  processes.set(shard, child);
}

/** A slash command, kept so the test can check at the end that each was answered exactly once. */
const slash = (...args: Parameters<StandIn['slash']>) => {
  const handle = standIn.slash(...args);
  handles.push(handle);
  return handle;
};

beforeAll(async () => {
  standIn = await startStandIn({ guilds: manyGuilds(6, { channels: 2 }), shardCount: SHARDS, requireRegisteredCommands: true });
  prefix = uniquePrefix();
  env = await childBotEnv(standIn, { url: REDIS_URL, prefix }, { SHARD_COUNT: String(SHARDS) });
  await seedPromptSchedules(standIn, prefix);
  startShard(0);
  startShard(1);
  await waitForLog('prompt catch-up done', SHARDS);
}, BOOT_MS + 10_000);

afterAll(async () => {
  for (const child of processes.values()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await standIn?.close();
  if (prefix) await deleteKeys(prefix);
}, 20_000);

describe('SHARD_IDS: two independent processes, one shard each of 2, one Redis', () => {
  it('each process connects only its own shard and holds only that shard’s guilds', () => {
    expect(guildsOf(0)).toHaveLength(3);
    expect(guildsOf(1)).toHaveLength(3);
    for (const shard of [0, 1]) expect(log.logged('ready', shard)).toEqual([expect.objectContaining({ guilds: 3, shards: [shard] })]);
  });

  it('answers a command in every guild once, from the process that owns the guild', async () => {
    for (const guild of standIn.guilds()) {
      const handle = slash('help', {}, { guild: guild.id });
      expect((await handle.reply()).embeds).toHaveLength(1);
      expect(handle.record.shard).toEqual([shardOf(guild.id, SHARDS), SHARDS]);
    }
  });

  it("posts every guild's weekly prompt once, from the process that owns the guild", async () => {
    for (const guild of standIn.guilds()) await standIn.waitFor(() => promptPosts(standIn, guild).length > 0);
    for (const guild of standIn.guilds()) expect(promptPosts(standIn, guild)).toHaveLength(1);
    const posted = log.logged('prompt posted');
    expect(posted).toHaveLength(6);
    for (const line of posted) expect(line.shards).toEqual([shardOf(line.guildId ?? '', SHARDS)]);
  });

  it('a process killed with -9 and started again answers again, keeps its members’ quiz, and posts nothing twice', async () => {
    const [guild] = guildsOf(1);
    if (!guild) throw new Error('shard 1 holds no guild');
    const question = await slash('quiz', {}, { guild: guild.id, subcommand: 'start' }).reply();
    const verdict = await standIn.click(question, findButton(question, 'quiz:answer')).reply();

    const killed = processes.get(1);
    const exited = killed && once(killed, 'exit');
    killed?.kill('SIGKILL');
    await exited;
    // The other process goes on answering its own guilds meanwhile.
    for (const other of guildsOf(0)) expect((await slash('help', {}, { guild: other.id }).reply()).embeds).toHaveLength(1);

    startShard(1);
    await waitForLog('prompt catch-up done', SHARDS + 1);
    expect(log.logged('prompt catch-up done', 1).at(-1)).toMatchObject({ posted: 0 });
    const next = await standIn.click(verdict, findButton(verdict, 'quiz:next')).reply();
    const second = await standIn.click(next, findButton(next, 'quiz:answer')).reply();
    expect(second.embeds[0]).toMatchObject({ footer: { text: expect.stringMatching(/\/2 right this session/) } });
    for (const g of guildsOf(1)) expect((await slash('help', {}, { guild: g.id }).reply()).embeds).toHaveLength(1);

    for (const g of standIn.guilds()) expect(promptPosts(standIn, g)).toHaveLength(1);
    expect(log.logged('prompt posted')).toHaveLength(6);
  }, 60_000);

  it('answered every interaction exactly once, and the stand-in refused nothing', () => {
    const callbacks = (id: string) => standIn.calls.filter((call) => call.interactionId === id && call.route?.endsWith('/callback'));
    for (const handle of handles) expect(callbacks(handle.id)).toHaveLength(1);
    expect(standIn.rejections).toEqual([]);
  });
});
