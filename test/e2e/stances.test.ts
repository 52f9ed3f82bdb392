import { afterEach, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../testkit/index.js';
import { backends } from '../store/backends.js';
import { type BotUnderTest, startBot } from './harness.js';
import { componentsOf, embedOf, fieldOf, titleOf } from './messages.js';
import { NEXT_SLOT, promptsCommand, SETUP_AT, SLOT } from './promptWeek.js';

/**
 * Debate rounds end to end: the real bot against the Discord stand-in. Members take stances with the buttons on
 * the weekly post; the next post (scheduler.runDue at the slot, as node-cron calls it) closes the round and the
 * reveal appears in the post's thread.
 */
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const MEMBERS = ['ada', 'ben', 'cleo'] as const;
const sqlite = backends.find((backend) => backend.name === 'sqlite');

function world() {
  if (!bot) throw new Error('no bot');
  return bot;
}

async function boot(store?: 'sqlite') {
  bot = await startBot({
    guilds: [{ members: MEMBERS.map((username) => ({ username })) }],
    ...(store ? { storeUrl: sqlite?.url() } : {}),
  });
  bot.standIn.clock.set(SETUP_AT);
  return bot;
}

const prompts = (subcommand: string, options: Record<string, string | number | boolean> = {}, member = 'moderator') =>
  promptsCommand(bot, subcommand, options, member);

/** Sets up weekly prompts with threads, skipping ahead until the next prompt asks a stance question. */
async function setUp() {
  const { standIn, app } = world();
  await prompts('setup', { channel: standIn.guild().channel().id, timezone: 'Europe/Berlin' }).reply();
  for (;;) {
    const upNext = (await app.services.prompts.status(standIn.guild().id))?.upNext;
    if (upNext?.stance) return upNext;
    await prompts('skip').reply();
  }
}

async function tickAt(at: number) {
  world().standIn.clock.set(at);
  return world().app.services.prompts.scheduler.runDue();
}

/** The weekly post once its stance buttons are on it. */
async function ballotAt(slot: number): Promise<MessageRecord> {
  const { standIn } = world();
  await tickAt(slot);
  return standIn.waitFor(
    () =>
      standIn
        .messages(standIn.guild().channel().id)
        .find((message) => !message.ephemeral && componentsOf(message).length > 0 && message.createdAt >= slot),
    { description: 'the weekly post with stance buttons' },
  );
}

const take = (post: MessageRecord, position: string, member: string) =>
  world()
    .standIn.click(world().standIn.message(post.id) ?? post, `stance:take:${position}`, member)
    .reply();

const revealsIn = (threadId: string) =>
  world()
    .standIn.messages(threadId)
    .filter((message) => message.embeds.length > 0 && titleOf(message).startsWith('Where the group stood'));

function threadOf(post: MessageRecord): string {
  const thread = world()
    .standIn.threads(world().standIn.guild().channel().id)
    .find((each) => each.thread?.starterMessageId === post.id);
  if (!thread) throw new Error('the post has no thread');
  return thread.id;
}

/** A bot with weekly prompts set up and the first post out with its stance buttons. */
async function openRound(store?: 'sqlite') {
  const { standIn } = await boot(store);
  const prompt = await setUp();
  const stance = prompt.stance;
  const [first, second] = stance?.positions ?? [];
  if (!stance || !first || !second) throw new Error('the prompt has no stance question');
  return { standIn, prompt, stance, first, second, post: await ballotAt(SLOT) };
}

describe('taking a stance', () => {
  it('shows the positions as buttons, confirms privately, lets a member change, and the post shows only the count', async () => {
    const { prompt, post, first, second } = await openRound();
    expect(componentsOf(post).map((button) => button.label)).toEqual(prompt.stance?.positions.map((position) => position.label));
    expect(post.content).toContain(prompt.stance?.question.slice(0, 40));
    expect(post.allowedMentions).toEqual({ parse: [] });

    const chosen = await take(post, first.id, 'ada');
    expect(chosen.ephemeral).toBe(true);
    expect(chosen.content).toContain(`You chose **${first.label}**`);
    expect(chosen.content).toContain(`<t:${NEXT_SLOT / 1000}:F>`);
    const changed = await take(post, second.id, 'ada');
    expect(changed.content).toContain(`You changed your stance to **${second.label}**`);
    await take(post, first.id, 'ben');

    const { standIn } = world();
    const counted = await standIn.waitFor(
      () => standIn.message(post.id)?.content.includes('2 members took a stance') && standIn.message(post.id),
    );
    expect(counted?.content).not.toContain('ada');
    const mine = await standIn.slash('stance', {}, { member: 'ada', subcommand: 'mine' }).reply();
    expect(mine.ephemeral).toBe(true);
    expect(embedOf(mine).description).toContain(`${first.label} → **${second.label}** (changed)`);
  });
});

describe('moderator settings', () => {
  it('a moderator turns stances off: the next weekly post has no buttons; a member may not change it', async () => {
    const { standIn } = await boot();
    await setUp();
    const refused = await standIn.slash('prompts', { enabled: false }, { member: 'ada', subcommand: 'stances' }).reply();
    expect(refused.content).toMatch(/Manage Server/);
    const off = await prompts('stances', { enabled: false }).reply();
    expect(off.content).toMatch(/^Stance questions are off/);
    await tickAt(SLOT);
    const [post] = await standIn.waitFor(() => {
      const posts = standIn.messages(standIn.guild().channel().id).filter((message) => !message.ephemeral && message.embeds.length > 0);
      return posts.length > 0 && posts;
    });
    expect(post && componentsOf(post)).toEqual([]);
    const on = await prompts('stances', { enabled: true, days: 3 }).reply();
    expect(on.content).toMatch(/closes 3 days after the post/);
  });
});

describe('the reveal', () => {
  it('with 3 or more stances: first and final split and who changed, in the thread, once', async () => {
    const { post, first: yes, second: other } = await openRound();
    await take(post, yes.id, 'ada');
    await take(post, yes.id, 'ben');
    await take(post, other.id, 'cleo');
    await take(post, other.id, 'ben');

    await tickAt(NEXT_SLOT);
    const { standIn } = world();
    const [reveal] = await standIn.waitFor(() => revealsIn(threadOf(post)).length === 1 && revealsIn(threadOf(post)));
    if (!reveal) throw new Error('no reveal');
    expect(fieldOf(reveal, 'First stances')).toContain(`${yes.label}\n\`███████░░░\` 2 (67%)`);
    expect(fieldOf(reveal, 'Final stances')).toContain('1 (33%)');
    expect(fieldOf(reveal, 'Changed their mind')).toBe(`1 of 3 members\n${yes.label} → ${other.label}: 1`);
    expect(reveal.allowedMentions).toEqual({ parse: [] });
    const closed = standIn.message(post.id);
    expect(closed && componentsOf(closed)).toEqual([]);
    expect(closed?.content).toMatch(/^\*\*Stances are closed\.\*\* 3 members took a stance/);

    expect(() => take(post, yes.id, 'ada')).toThrow(/no component/); // the closed post has no buttons left
    await tickAt(NEXT_SLOT + 60_000);
    expect(revealsIn(threadOf(post))).toHaveLength(1);
  });

  it('with fewer than 3 stances shows only the count', async () => {
    const { post, first } = await openRound();
    await take(post, first.id, 'ada');
    await tickAt(NEXT_SLOT);
    const { standIn } = world();
    const [reveal] = await standIn.waitFor(() => revealsIn(threadOf(post)).length === 1 && revealsIn(threadOf(post)));
    expect(reveal && embedOf(reveal).fields?.map((field) => field.name)).not.toContain('First stances');
    expect(reveal && fieldOf(reveal, 'Stances')).toMatch(/^1 member took a stance\. With fewer than 3 the split stays private/);
  });

  it('a restart straddling the close reveals exactly once', async () => {
    const { standIn, post, first } = await openRound('sqlite');
    for (const member of MEMBERS) await take(post, first.id, member);
    world().app.services.prompts.scheduler.stop(); // down just before the close …
    world().app.services.stances.stop();
    standIn.clock.set(NEXT_SLOT + 60_000);
    await world().restart(); // … and back just after it
    await standIn.waitFor(() => revealsIn(threadOf(post)).length === 1);
    await world().restart();
    await tickAt(NEXT_SLOT + 120_000);
    await world().app.services.stances.closeDue();
    expect(revealsIn(threadOf(post))).toHaveLength(1);
  });
});

describe('over the course', () => {
  it('a moderator gets the trend of a stance question as a PNG chart with the numbers as text', async () => {
    const { standIn, stance, post, first } = await openRound();
    for (const member of MEMBERS) await take(post, first.id, member);
    await tickAt(NEXT_SLOT);
    await standIn.waitFor(() => revealsIn(threadOf(post)).length === 1);

    const choices = await standIn
      .autocomplete('stance', { question: '' }, { member: 'moderator', subcommand: 'trend', focused: 'question' })
      .choices();
    expect(choices).toContainEqual({ name: stance.question.slice(0, 100), value: stance.id });
    const trend = await standIn.slash('stance', { question: stance.id }, { member: 'moderator', subcommand: 'trend' }).reply();
    expect(trend.ephemeral).toBe(true);
    const embed = embedOf(trend);
    expect(embed.description).toContain(`**2025-W13** (`);
    expect(embed.description).toContain(`${first.label} 3`);
    expect(embed.image?.url).toBe('attachment://stance-trend.png');
    const [file] = trend.attachments as { filename: string; data: string }[];
    expect(file?.filename).toBe('stance-trend.png');
    expect(
      Buffer.from(file?.data ?? '', 'base64')
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');

    const refused = await standIn.slash('stance', { question: stance.id }, { member: 'ada', subcommand: 'trend' }).reply();
    expect(refused.content).toMatch(/Manage Server/);
  });
});

describe('member suggestions', () => {
  const idea = {
    title: 'Would you trust a scratchpad?',
    text: 'If you could read every scratchpad a model wrote, would you trust what it says about why it acted?',
    question: 'Trust the scratchpad?',
    positions: 'Yes\nNo\nDepends',
  };

  it('a member suggests; a moderator approves it and it is the next post, credited, with its stance buttons', async () => {
    const { standIn } = await boot();
    await setUp();
    const opener = standIn.slash('prompts', {}, { member: 'ada', subcommand: 'suggest' });
    expect((await opener.modal()).title).toBe('Suggest a weekly discussion prompt');
    const thanks = await standIn.submitModal(opener, { ...idea, title: '@everyone look' }, 'ada').reply();
    expect(thanks.content).toMatch(/^Thanks: suggestion #1 is waiting/);

    const review = await prompts('suggestions').reply();
    expect(embedOf(review).title).toBe('#1 · @\u200beveryone look');
    const approved = await standIn.click(review, 'stance:approve:1', 'moderator').reply();
    expect(approved.content).toMatch(/^Approved #1/);
    expect(standIn.dms('ada').at(-1)?.content).toMatch(/was approved/);

    const post = await ballotAt(SLOT);
    expect(embedOf(post).title).toBe('@\u200beveryone look');
    expect(fieldOf(post, 'Suggested by')).toBe(`<@${await memberId('ada')}>`);
    expect(componentsOf(post).map((button) => button.label)).toEqual(['Yes', 'No', 'Depends']);
    const status = await prompts('status').reply();
    expect(fieldOf(status, 'Last post')).toMatch(/^\[@\u200beveryone look\]\(/);
  });

  it('a moderator declines with a reason; the member is told privately, by DM or else at their next use', async () => {
    const { standIn } = await boot();
    const form = standIn.slash('prompts', {}, { member: 'ben', subcommand: 'suggest' });
    await form.modal();
    await standIn.submitModal(form, idea, 'ben').reply();
    standIn.closeDms('ben');
    const review = await prompts('suggestions').reply();
    const opener = standIn.click(review, 'stance:decline:1', 'moderator');
    await opener.modal();
    const declined = await standIn.submitModal(opener, { reason: 'Week 3 covers this' }, 'moderator').reply();
    expect(declined.content).toMatch(/^Declined #1/);
    expect(standIn.dms('ben')).toEqual([]);
    const mine = await standIn.slash('stance', {}, { member: 'ben', subcommand: 'mine' }).reply();
    expect(mine.content).toContain('was declined: Week 3 covers this');
    const again = await standIn.slash('stance', {}, { member: 'ben', subcommand: 'mine' }).reply();
    expect(again.content ?? '').not.toContain('declined');
  });

  it('a moderator edits a suggestion in the prefilled form and approves the edited version', async () => {
    const { standIn, app } = await boot();
    const form = standIn.slash('prompts', {}, { member: 'cleo', subcommand: 'suggest' });
    await form.modal();
    await standIn.submitModal(form, idea, 'cleo').reply();
    const review = await prompts('suggestions').reply();
    const opener = standIn.click(review, 'stance:edit:1', 'moderator');
    expect(JSON.stringify((await opener.modal()).components)).toContain(idea.title);
    const edited = await standIn
      .submitModal(opener, { ...idea, title: 'Can a scratchpad be trusted?', positions: 'Yes\nNo' }, 'moderator')
      .reply();
    expect(edited.content).toMatch(/^Approved #1/);
    expect(edited.content).toContain('No suggestions are waiting for review.');
    expect(await app.services.suggestions.get(standIn.guild().id, 1)).toMatchObject({
      status: 'approved',
      title: 'Can a scratchpad be trusted?',
      positions: ['Yes', 'No'],
    });
  });

  it('a member cannot review suggestions', async () => {
    const { standIn } = await boot();
    const refused = await standIn.slash('prompts', {}, { member: 'ada', subcommand: 'suggestions' }).reply();
    expect(refused.content).toMatch(/Manage Server/);
  });
});

async function memberId(username: string): Promise<string> {
  const user = world()
    .standIn.snapshot()
    .users.find((each) => each.username === username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}
