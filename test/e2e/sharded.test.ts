import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createClient, type RedisClientType } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { createLogger } from '../../src/log.js';
import { Prompts } from '../../src/prompts/service.js';
import { openStore } from '../../src/store/store.js';
import { type GuildRecord, type MessageRecord, manyGuilds, type StandIn, shardOf, startStandIn } from '../../testkit/index.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { botEnv } from './harness.js';

/**
 * `npm run start:sharded` for real: src/sharded.ts runs in a child process (tsx), its ShardingManager forks two
 * shard processes, and both log in to a stand-in in this process that deals 6 guilds over the 2 shards. The
 * shards share nothing but a real Redis (under a prefix no other run uses).
 *
 * Time: the shard processes read the wall clock, which this test cannot move. So the weekly prompts are set up
 * the way a bot that was offline at post time finds them: every guild's schedule was created an hour ago (by the
 * same Prompts service `/prompts setup` calls, in this process, on the shared Redis) for a slot two minutes ago,
 * inside the grace window. Each shard must post the slot of its own guilds at start-up and nobody else's; the
 * restarted shard must post nothing again. The live cron tick runs the same runDue() (test/prompts/scheduler.test.ts).
 */

interface LogLine {
  readonly msg?: string;
  readonly shard?: number;
  readonly shards?: number[];
  readonly pid?: number;
  readonly guildId?: string;
  readonly [key: string]: unknown;
}

const SHARDS = 2;
const BOOT_MS = 90_000;

let standIn: StandIn;
let manager: ChildProcess;
let prefix: string;
const lines: LogLine[] = [];

const logged = (msg: string, shard?: number) =>
  lines.filter((line) => line.msg === msg && (shard === undefined || line.shard === shard || line.shards?.includes(shard)));
const shardPid = (shard: number) => logged('shard process started', shard).at(-1)?.pid;
const guildsOf = (shard: number) => standIn.guilds().filter((guild) => shardOf(guild.id, SHARDS) === shard);
const promptPosts = (guild: GuildRecord): MessageRecord[] =>
  standIn.messages(standIn.guild(guild.id).channel('general')).filter((m) => m.interactionId === null && m.authorId === standIn.bot.id);
const waitForLog = (msg: string, count: number, shard?: number) =>
  standIn.waitFor(() => logged(msg, shard).length >= count, {
    timeoutMs: BOOT_MS,
    description: `${count}× "${msg}"${shard === undefined ? '' : ` from shard ${shard}`} in the bot's log`,
    context: dump,
  });
const dump = () => lines.map((line) => `  ${JSON.stringify(line)}`).join('\n');

function readLines(stream: NodeJS.ReadableStream) {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts.filter(Boolean)) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        lines.push({ msg: part });
      }
    }
  });
}

/** The prompt schedules of every guild, created an hour ago for a slot two minutes ago (see the note at the top). */
async function seedPromptSchedules(guilds: readonly GuildRecord[]) {
  const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  const log = createLogger('silent');
  const store = await openStore(REDIS_URL, log, prefix);
  const content = new Content(await loadBundleOrThrow('content'));
  const anHourBefore = { now: () => new Date(slot.getTime() - 3_600_000) };
  const prompts = new Prompts({ store, content, clock: anHourBefore, log, graceMs: 12 * 3_600_000 });
  const time = slot.toISOString().slice(11, 16);
  const weekday = slot.getUTCDay() === 0 ? 7 : slot.getUTCDay();
  for (const guild of guilds) {
    const channelId = standIn.guild(guild.id).channel('general').id;
    await prompts.setup(guild.id, { channelId, weekday, time, timezone: 'UTC', thread: true });
  }
  await store.close();
}

async function deleteKeys() {
  const redis = createClient({ url: REDIS_URL }) as RedisClientType;
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}.*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
}

beforeAll(async () => {
  standIn = await startStandIn({
    guilds: manyGuilds(6, { channels: 2 }),
    shardCount: SHARDS,
    requireRegisteredCommands: true,
    waitTimeoutMs: 20_000,
  });
  prefix = uniquePrefix();
  const env = await botEnv(standIn, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    STORE_URL: REDIS_URL,
    STORE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    SHARD_COUNT: String(SHARDS),
    SHARD_SPAWN_DELAY_MS: '0',
  });
  await seedPromptSchedules(standIn.guilds());
  manager = spawn(process.execPath, ['--import', 'tsx', 'src/sharded.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (manager.stdout) readLines(manager.stdout);
  manager.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await waitForLog('prompt catch-up done', SHARDS);
}, BOOT_MS + 10_000);

afterAll(async () => {
  const pids = lines.filter((line) => line.msg === 'shard process started').map((line) => line.pid);
  if (manager && manager.exitCode === null) {
    const exited = once(manager, 'exit');
    manager.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  // A shard the manager could not stop (it was killed too soon) must not outlive the test.
  for (const pid of pids) {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await standIn?.close();
  if (prefix) await deleteKeys();
}, 20_000);

describe('sharded mode (npm run start:sharded) against the stand-in, 2 shard processes and Redis', () => {
  it('runs one process per shard, each holding only its own guilds', () => {
    expect(new Set([shardPid(0), shardPid(1)]).size).toBe(2);
    expect(guildsOf(0)).toHaveLength(3);
    expect(guildsOf(1)).toHaveLength(3);
    for (const shard of [0, 1]) expect(logged('ready', shard)).toEqual([expect.objectContaining({ guilds: 3, shards: [shard] })]);
  });

  it('answers slash commands in every guild, each on the shard that owns it', async () => {
    for (const guild of standIn.guilds()) {
      const handle = standIn.slash('help', {}, { guild: guild.id });
      expect((await handle.reply()).embeds).toHaveLength(1);
      expect(handle.record.shard).toEqual([shardOf(guild.id, SHARDS), SHARDS]);
    }
  });

  it("posts every guild's weekly prompt exactly once, from the shard that owns the guild", async () => {
    for (const guild of standIn.guilds()) await standIn.waitFor(() => promptPosts(guild).length > 0);
    for (const guild of standIn.guilds()) expect(promptPosts(guild)).toHaveLength(1);
    const posted = logged('prompt posted');
    expect(posted).toHaveLength(6);
    for (const line of posted) expect(line.shards).toEqual([shardOf(line.guildId ?? '', SHARDS)]);
    expect(standIn.threads()).toHaveLength(6);
  });

  it('kills a shard process mid-run: it is respawned, answers again, loses no answer and posts nothing twice', async () => {
    const [guild] = guildsOf(1);
    if (!guild) throw new Error('shard 1 holds no guild');
    const member = { guild: guild.id };

    // A private quiz answered before the crash…
    const question = await standIn.slash('quiz', {}, { ...member, subcommand: 'start' }).reply();
    const answer = findButton(question, 'quiz:answer');
    const verdict = await standIn.click(question, answer).reply();
    expect(verdict.embeds).toHaveLength(1);
    // …and an answer locked in to a public round that is still open when the shard dies.
    const round = standIn.slash('quiz', { questions: 1, seconds: 10 }, { ...member, channel: 'channel-2', subcommand: 'channel' });
    await round.reply();
    const roundQuestion = await standIn.waitForMessage(standIn.guild(guild.id).channel('channel-2'), (m) => m.components.length > 0);
    const askedRevision = roundQuestion.revision;
    const locked = await standIn.click(roundQuestion, findButton(roundQuestion, 'quiz:round')).reply();
    expect(locked.content).toMatch(/Answer locked in/);

    const before = shardPid(1);
    process.kill(before ?? 0, 'SIGKILL');
    await waitForLog('shard exited', 1, 1);
    await waitForLog('prompt catch-up done', SHARDS + 1);
    expect(shardPid(1)).not.toBe(before);

    // The respawned shard answers, and carries on the private quiz the dead one started.
    const next = await standIn.click(verdict, findButton(verdict, 'quiz:next')).reply();
    const second = await standIn.click(next, findButton(next, 'quiz:answer')).reply();
    expect(second.embeds[0]).toMatchObject({ footer: { text: expect.stringMatching(/\/2 right this session/) } });
    // The round answer locked in before the crash is counted when the new process reveals the question.
    // The click can reach the bot before the HTTP answer to the question's post does, so the kill may land before
    // the question's message id was stored: then the new process posts the reveal as a new message instead of
    // editing the question. Either way the reveal must appear, once, with the answer counted.
    const channel = standIn.guild(guild.id).channel('channel-2');
    const revealOf = () =>
      roundQuestion.revision > askedRevision
        ? roundQuestion
        : standIn.messages(channel).find((m) => m.id !== roundQuestion.id && JSON.stringify(m.embeds).includes('1 answer'));
    const revealed = await standIn.waitFor(revealOf, {
      description: 'the round question to be revealed',
      context: dump,
    });
    expect(JSON.stringify(revealed.embeds)).toContain('1 answer');
    const progress = await standIn.slash('progress', {}, { ...member, subcommand: 'show' }).reply();
    const fields = (progress.embeds[0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields.find((field) => field.name === 'Answered')?.value).toBe('3');

    // The restart ran the prompt catch-up again, and nothing was posted twice.
    expect(logged('prompt catch-up done', 1).at(-1)).toMatchObject({ posted: 0 });
    for (const g of standIn.guilds()) expect(promptPosts(g)).toHaveLength(1);
    expect(logged('prompt posted')).toHaveLength(6);
  }, 60_000);
});

function findButton(message: MessageRecord, prefix: string): string {
  const ids = (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).map((component) => component.custom_id ?? ''),
  );
  const id = ids.find((candidate) => candidate.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button on message ${message.id} (buttons: ${ids.join(', ')})`);
  return id;
}
