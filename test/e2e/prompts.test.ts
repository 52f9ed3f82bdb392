import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { backends } from '../store/backends.js';
import { type BotUnderTest, startBot } from './harness.js';
import { embedOf, fieldOf } from './messages.js';
import { NEXT_SLOT, promptsCommand, SETUP_AT, SLOT } from './promptWeek.js';

/**
 * /prompts end to end: the real bot (src/main.ts run(env)) against the Discord stand-in. Time is the stand-in's
 * clock, which the bot reads; "the cron tick at the slot" is `scheduler.runDue()`, the function node-cron calls.
 */
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const HOUR = 3_600_000;
const sqlite = backends.find((backend) => backend.name === 'sqlite');

async function boot(options: { store?: 'sqlite'; noSendChannel?: boolean } = {}) {
  const closed = [
    { name: 'read-only', bot: { deny: ['SendMessages' as const] } },
    { name: 'announcements', everyone: { deny: ['SendMessages' as const] } },
    { name: 'staff', bot: { deny: ['ViewChannel' as const] } },
  ];
  const channels = ['general', ...(options.noSendChannel ? closed : [])];
  bot = await startBot({ guilds: [{ channels }], ...(options.store ? { storeUrl: sqlite?.url() } : {}) });
  bot.standIn.clock.set(SETUP_AT);
  return bot;
}

const prompts = (subcommand: string, options: Record<string, string | number | boolean> = {}, member = 'moderator') =>
  promptsCommand(bot, subcommand, options, member);

/** Posts (not replies) the bot made in a channel. */
const postsIn = (channelId: string) =>
  bot?.standIn.messages(channelId).filter((message) => !message.ephemeral && message.embeds.length > 0) ?? [];

async function setUp(channelId: string) {
  const reply = await prompts('setup', { channel: channelId, timezone: 'Europe/Berlin' }).reply();
  expect(reply.content).toContain('Weekly discussion prompts are set');
  return reply;
}

/**
 * The bot goes down: its scheduler stops, so no tick can run while the test moves time; the harness's
 * restart() then stops the rest and starts a fresh process on the same store.
 */
const goingDown = () => bot?.app.services.prompts.scheduler.stop();

/** What node-cron does at a slot: move time there and run the due work. */
async function tickAt(at: number) {
  if (!bot) throw new Error('no bot');
  bot.standIn.clock.set(at);
  return bot.app.services.prompts.scheduler.runDue();
}

describe('/prompts setup', () => {
  it('an admin sets it up and sees the next post as a Discord timestamp', async () => {
    const { standIn } = await boot();
    const reply = await prompts('setup', {
      channel: standIn.guild().channel().id,
      day: 1,
      time: '17:00',
      timezone: 'Europe/Berlin',
    }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.content).toContain('Mondays at 17:00 (Europe/Berlin)');
    expect(reply.content).toContain(`<t:${SLOT / 1000}:F>`);
    const status = await prompts('status').reply();
    expect(fieldOf(status, 'Next post')).toContain(`<t:${SLOT / 1000}:F>`);
    expect(fieldOf(status, 'State')).toBe('Active');
  });

  it('a member without Manage Server is refused, and nothing is saved', async () => {
    const { standIn } = await boot();
    const reply = await prompts('setup', { channel: standIn.guild().channel().id }, 'member').reply();
    expect(reply.content).toMatch(/Manage Server/);
    expect(await bot?.app.services.prompts.status(standIn.guild().id)).toBeUndefined();
  });

  it('refuses an unknown time zone with a suggestion, and autocompletes zones', async () => {
    const { standIn } = await boot();
    const reply = await prompts('setup', { channel: standIn.guild().channel().id, timezone: 'Europe/Berln' }).reply();
    expect(reply.content).toMatch(/not an IANA time zone.*Europe\/Berlin/);
    const choices = await standIn
      .autocomplete(
        'prompts',
        { channel: standIn.guild().channel().id, timezone: 'new york' },
        { member: 'moderator', subcommand: 'setup', focused: 'timezone' },
      )
      .choices();
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
  });

  it('names the permissions it lacks in the channel instead of saving a schedule that would fail', async () => {
    const { standIn } = await boot({ noSendChannel: true });
    const reply = await prompts('setup', { channel: standIn.guild().channel('read-only').id }).reply();
    expect(reply.content).toMatch(/missing \*\*Send Messages\*\*/);
    expect(await bot?.app.services.prompts.status(standIn.guild().id)).toBeUndefined();
  });

  it('checks the channel through the API, with no channel, role or member cache: @everyone overwrites and hidden channels', async () => {
    const { standIn, app } = await boot({ noSendChannel: true });
    const everyoneDenied = await prompts('setup', { channel: standIn.guild().channel('announcements').id }).reply();
    expect(everyoneDenied.content).toMatch(/missing \*\*Send Messages\*\*/);
    const hidden = await prompts('setup', { channel: standIn.guild().channel('staff').id }).reply();
    expect(hidden.content).toMatch(/cannot see that channel/);
    expect(await app.services.prompts.status(standIn.guild().id)).toBeUndefined();
    await setUp(standIn.guild().channel().id);
    const guild = app.client.guilds.cache.get(standIn.guild().id);
    expect([app.client.channels.cache.size, guild?.channels.cache.size, guild?.roles.cache.size, guild?.members.cache.size]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});

describe('weekly posting', () => {
  it('posts at the slot, with a thread named after the prompt, and status links to it', async () => {
    const { standIn, app } = await boot();
    const channel = standIn.guild().channel();
    await setUp(channel.id);
    expect(await tickAt(SLOT - 1000)).toEqual([]);
    expect(postsIn(channel.id)).toHaveLength(0);

    await tickAt(SLOT);
    const [post] = postsIn(channel.id);
    if (!post) throw new Error('expected the weekly post');
    const title = embedOf(post).title;
    const prompt = [...app.services.content.prompts.values()].find((candidate) => candidate.title === title);
    expect(prompt).toBeDefined();
    expect(fieldOf(post, 'Follow-up questions')).toContain(prompt?.followUps[0]);
    expect(fieldOf(post, 'Sources')).toMatch(/\]\(https?:\/\//);
    expect(post.allowedMentions).toEqual({ parse: [] });
    const threads = standIn.threads(channel.id);
    expect(threads.map((thread) => [thread.name, thread.thread?.starterMessageId])).toEqual([[title, post.id]]);

    const status = await prompts('status').reply();
    expect(fieldOf(status, 'Last post')).toContain(`/channels/${standIn.guild().id}/${channel.id}/${post.id}`);
    expect(fieldOf(status, 'Next post')).toContain(`<t:${NEXT_SLOT / 1000}:F>`);
    expect(fieldOf(status, 'Rotation')).toMatch(
      new RegExp(`^${app.services.content.prompts.size - 1} of ${app.services.content.prompts.size} prompts left`),
    );
  });

  it('a restart across the slot boundary produces exactly one post', async () => {
    const { standIn } = await boot({ store: 'sqlite' });
    const channel = standIn.guild().channel();
    await setUp(channel.id);
    standIn.clock.set(SLOT - 30_000);
    goingDown(); // down just before the slot …
    standIn.clock.set(SLOT + 60_000);
    await bot?.restart(); // … and back just after it: the start-up catch-up posts it
    await standIn.waitFor(() => postsIn(channel.id).length === 1);
    await bot?.restart(); // a second restart, and more ticks, post nothing more
    await tickAt(SLOT + 120_000);
    await Promise.all([tickAt(SLOT + 180_000), bot?.app.services.prompts.scheduler.runDue()]);
    expect(postsIn(channel.id)).toHaveLength(1);
    expect(standIn.threads(channel.id)).toHaveLength(1);
  });

  it('a slot missed while down is caught up once within the grace window; an older one is skipped and shown', async () => {
    const { standIn } = await boot({ store: 'sqlite' });
    const channel = standIn.guild().channel();
    await setUp(channel.id);
    goingDown();
    standIn.clock.set(SLOT + 3 * HOUR);
    await bot?.restart();
    await standIn.waitFor(() => postsIn(channel.id).length === 1);
    await bot?.restart();
    await tickAt(SLOT + 4 * HOUR);
    expect(postsIn(channel.id)).toHaveLength(1);

    goingDown();
    standIn.clock.set(NEXT_SLOT + 13 * HOUR); // past the default 12-hour grace window
    await bot?.restart();
    expect(postsIn(channel.id)).toHaveLength(1);
    const status = await prompts('status').reply();
    expect(fieldOf(status, 'Missed')).toMatch(/^1 post skipped because the bot was offline/);
  });

  it('a channel where the bot lost Send Messages: the failure shows in status, and the third pauses the schedule', async () => {
    const { standIn } = await boot();
    const channel = standIn.guild().channel();
    await setUp(channel.id);
    channel.overwrites.push({ id: standIn.bot.id, type: 1, allow: '0', deny: String(PermissionFlagsBits.SendMessages) });

    const [first] = await tickAt(SLOT);
    expect(first?.outcome).toBe('failed');
    let status = await prompts('status').reply();
    expect(fieldOf(status, 'Last error')).toMatch(/lacks a permission.*Discord error 50013/);
    expect(fieldOf(status, 'Last error')).toMatch(/1 scheduled post\(s\) failed in a row/);

    await tickAt(NEXT_SLOT);
    await tickAt(NEXT_SLOT + 7 * 24 * HOUR);
    status = await prompts('status').reply();
    expect(fieldOf(status, 'State')).toMatch(/^Paused\. Paused after 3 failed posts in a row: Scratchpad lacks a permission/);
    expect(fieldOf(status, 'Next post')).toMatch(/not scheduled/);
    expect(postsIn(channel.id)).toHaveLength(0);

    const refused = standIn.calls.filter((call) => call.route === 'POST /channels/{channel_id}/messages');
    expect(refused.map((call) => [call.status, call.error?.code])).toEqual([
      [403, 50013],
      [403, 50013],
      [403, 50013],
    ]);
    expect((await standIn.slash('help').reply()).embeds).toHaveLength(1); // still answering
  });
});

describe('moderator controls', () => {
  it('post-now, skip, pause, resume and off', async () => {
    const { standIn, app } = await boot();
    const channel = standIn.guild().channel();
    expect((await prompts('status').reply()).content).toMatch(/not set up/);
    await setUp(channel.id);

    const upNext = (await app.services.prompts.status(standIn.guild().id))?.upNext?.title;
    const skipped = await prompts('skip').reply();
    expect(skipped.content).toContain(`Skipped “${upNext}”`);

    const posted = await prompts('post-now').reply();
    expect(posted.content).toMatch(/^Posted \[/);
    const [post] = postsIn(channel.id);
    expect(post && embedOf(post).title).not.toBe(upNext);
    expect(standIn.threads(channel.id)).toHaveLength(1);

    expect((await prompts('pause').reply()).content).toMatch(/paused/);
    expect(await tickAt(SLOT)).toEqual([]);
    expect((await prompts('resume').reply()).content).toContain(`<t:${NEXT_SLOT / 1000}:F>`);
    expect((await prompts('off').reply()).content).toMatch(/off/);
    expect(app.services.prompts.scheduler.nextDue()).toBeUndefined();
    expect(postsIn(channel.id)).toHaveLength(1);
  });
});
