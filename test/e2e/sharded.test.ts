import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyGuilds, type StandIn, shardOf, startStandIn } from '../../testkit/index.js';
import { REDIS_URL, uniquePrefix } from '../store/backends.js';
import { childBotEnv } from './harness.js';
import { BOOT_MS, botLog, deleteKeys, findButton, promptPosts, seedPromptSchedules } from './shardProcesses.js';

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

const SHARDS = 2;

let standIn: StandIn;
let manager: ChildProcess;
let prefix: string;
const { lines, logged, dump, read, waitFor } = botLog();
const waitForLog = (msg: string, count: number, shard?: number) => waitFor(standIn, msg, count, shard);

const shardPid = (shard: number) => logged('shard process started', shard).at(-1)?.pid;
const guildsOf = (shard: number) => standIn.guilds().filter((guild) => shardOf(guild.id, SHARDS) === shard);

beforeAll(async () => {
  standIn = await startStandIn({
    guilds: manyGuilds(6, { channels: 2 }),
    shardCount: SHARDS,
    requireRegisteredCommands: true,
    waitTimeoutMs: 20_000,
  });
  prefix = uniquePrefix();
  const env = await childBotEnv(
    standIn,
    { url: REDIS_URL, prefix },
    {
      SHARD_COUNT: String(SHARDS),
      SHARD_SPAWN_DELAY_MS: '0',
    },
  );
  await seedPromptSchedules(standIn, prefix);
  manager = spawn(process.execPath, ['--import', 'tsx', 'src/sharded.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  read(manager.stdout);
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
  if (prefix) await deleteKeys(prefix);
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
    for (const guild of standIn.guilds()) await standIn.waitFor(() => promptPosts(standIn, guild).length > 0);
    for (const guild of standIn.guilds()) expect(promptPosts(standIn, guild)).toHaveLength(1);
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
    for (const g of standIn.guilds()) expect(promptPosts(standIn, g)).toHaveLength(1);
    expect(logged('prompt posted')).toHaveLength(6);
  }, 60_000);
});
