import { afterEach, describe, expect, it } from 'vitest';
import { STORE_DOWN } from '../../src/discord/errors.js';
import { memberKey } from '../../src/quiz/records.js';
import { roundKey } from '../../src/quiz/rounds.js';
import type { MessageRecord } from '../../testkit/index.js';
import { startRedisServer } from '../store/redisServer.js';
import { type BotUnderTest, startBot } from './harness.js';
import { componentId, componentsOf, embedOf, fieldOf, sqliteUrl } from './messages.js';

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const threeMembers = { guilds: [{ name: 'Study group', members: [{ username: 'ann' }, { username: 'bob' }, { username: 'cat' }] }] };

describe('quiz end to end (real discord.js client against the stand-in)', () => {
  it('runs a private quiz of 3 questions in one ephemeral message, then stops', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const guild = standIn.guild();
    const { quiz, content } = bot.app.services;
    const currentQuestion = async () => {
      const session = await quiz.sessions.get(memberKey(guild.id, guild.member.id));
      const question = content.questions.get(session?.asked.at(-1) ?? '');
      if (!question) throw new Error('no current question');
      return question;
    };

    let message = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
    expect(message.ephemeral).toBe(true);
    expect(message.allowedMentions).toEqual({ parse: [] });
    const seen: string[] = [];
    const plan = [true, false, true];
    for (const [index, right] of plan.entries()) {
      expect(embedOf(message).title).toBe(`Question ${index + 1}`);
      const question = await currentQuestion();
      seen.push(question.id);
      const choice = right ? question.answer : (question.answer + 1) % question.choices.length;
      const verdict = await standIn.click(message, componentId(message, choice)).reply();
      expect(verdict.id).toBe(message.id); // the same message shows the verdict
      expect(embedOf(verdict).title).toMatch(right ? /^✅ Right/ : /^❌ Not quite/);
      expect(fieldOf(verdict, 'Correct answer')).toContain(question.choices[question.answer]);
      expect(fieldOf(verdict, 'Why')).toBe(question.explanation.slice(0, 1024));
      expect(fieldOf(verdict, 'Sources')).toMatch(/\]\(https?:\/\//);
      expect(componentsOf(verdict).map((b) => b.label)).toEqual(['Next question', 'Stop', 'Report a problem with this question']);
      message = await standIn.click(verdict, componentId(verdict, index < plan.length - 1 ? /^Next/ : /^Stop$/)).reply();
    }
    expect(new Set(seen).size).toBe(3);
    expect(embedOf(message).title).toBe('Quiz stopped');
    expect(embedOf(message).description).toContain('You got **2** of 3 right');
    expect(message.components).toEqual([]);
    expect(await quiz.summary(guild.id, guild.member.id)).toMatchObject({ answered: 3, correct: 2 });
    const progress = await quiz.progress.get(memberKey(guild.id, guild.member.id));
    expect(progress?.recent.map((answer) => answer.version)).toEqual([content.version, content.version, content.version]);
  });

  it('runs a channel round: first answers count, the reveal edits the question, everyone is scored', async () => {
    bot = await startBot(threeMembers);
    const { standIn } = bot;
    const guild = standIn.guild();
    const channel = guild.channel();
    const { rounds, content, quiz } = bot.app.services;
    const idOf = (name: string) => guild.record.members.find((m) => standIn.user(m.userId)?.username === name)?.userId ?? '';
    const [ann, bob, cat] = [idOf('ann'), idOf('bob'), idOf('cat')];

    const started = await standIn.slash('quiz', { questions: 1, seconds: 20 }, { subcommand: 'channel', member: 'ann' }).reply();
    expect(started.ephemeral).toBe(false);
    expect(started.content).toContain('started a quiz round');
    const posted = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Question 1 of 1');
    expect(posted.allowedMentions).toEqual({ parse: [] });
    const round = await rounds.rounds.get(roundKey(guild.id, channel.id));
    const question = content.questions.get(round?.questions[0] ?? '');
    if (!question) throw new Error('no round question');
    const wrong = (question.answer + 1) % question.choices.length;

    const again = await standIn.slash('quiz', {}, { subcommand: 'channel', member: 'bob' }).reply();
    expect(again.content).toContain('already running');

    const lockedAnn = await standIn.click(posted, componentId(posted, question.answer), 'ann').reply();
    expect(lockedAnn.ephemeral).toBe(true);
    expect(lockedAnn.content).toContain('Answer locked in');
    await standIn.click(posted, componentId(posted, wrong), 'bob').reply();
    await standIn.click(posted, componentId(posted, question.answer), 'cat').reply();
    const second = await standIn.click(posted, componentId(posted, wrong), 'cat').reply();
    expect(second.content).toContain('first answer is the one that counts');

    const postedRevision = posted.revision; // message records are live: keep what was shown before the reveal
    standIn.clock.advance(20_000);
    const late = await standIn.click(posted, componentId(posted, question.answer), 'member').reply();
    expect(late.content).toBe('This question has closed.');
    await rounds.runDue();

    const revealed = await standIn.waitFor(() => {
      const m = standIn.message(posted.id);
      return m && m.revision > postedRevision ? m : undefined;
    });
    expect(fieldOf(revealed, 'Correct answer')).toContain(question.choices[question.answer]);
    expect(fieldOf(revealed, 'Why')).toBe(question.explanation.slice(0, 1024));
    expect(fieldOf(revealed, /^Got it right \(2 of 3\)$/)).toBe(`<@${ann}>\n<@${cat}>`);
    expect(embedOf(revealed).description).toMatch(
      new RegExp(`${question.choices[question.answer]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*2 votes`),
    );
    expect(componentsOf(revealed).map((b) => b.label)).toEqual(['Report a problem with this question']);
    expect(revealed.pings.users ?? []).toEqual([]);
    const summary = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Quiz round over');
    expect(embedOf(summary).description).toContain(`<@${ann}>`);

    expect(await quiz.summary(guild.id, ann)).toMatchObject({ answered: 1, correct: 1 });
    expect(await quiz.summary(guild.id, bob)).toMatchObject({ answered: 1, correct: 0 });
    expect(await quiz.summary(guild.id, cat)).toMatchObject({ answered: 1, correct: 1 });
    expect(await rounds.rounds.get(roundKey(guild.id, channel.id))).toBeUndefined();
  });

  it('answers a stale button after the round closed with "this question has closed" and changes nothing', async () => {
    bot = await startBot(threeMembers);
    const { standIn } = bot;
    const guild = standIn.guild();
    const channel = guild.channel();
    await standIn.slash('quiz', { questions: 1, seconds: 10 }, { subcommand: 'channel', member: 'ann' }).reply();
    const posted = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Question 1 of 1');
    const shown = { buttons: componentsOf(posted).length, revision: posted.revision };
    // The reveal edit fails (Discord keeps answering 500), so the closed question still shows its buttons.
    const failing = standIn.faults.serverError(`PATCH /channels/${channel.id}/messages/${posted.id}`, { times: 20 });
    standIn.clock.advance(10_000);
    await bot.app.services.rounds.runDue();
    await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Quiz round over');
    failing.remove();
    expect(posted.revision).toBe(shown.revision);
    expect(componentsOf(posted)).toHaveLength(shown.buttons);
    expect(embedOf(posted).title).toBe('Question 1 of 1');

    const stale = await standIn.click(posted, componentId(posted, 0), 'bob').reply();
    expect(stale.ephemeral).toBe(true);
    expect(stale.content).toBe('This question has closed.');
    const bob = guild.record.members.find((m) => standIn.user(m.userId)?.username === 'bob')?.userId ?? '';
    expect((await bot.app.services.quiz.summary(guild.id, bob)).answered).toBe(0);
    expect(await bot.app.services.rounds.rounds.get(roundKey(guild.id, channel.id))).toBeUndefined();
  });

  it('keeps a round across a restart: an open one goes on, an overdue one is revealed and closed', async () => {
    bot = await startBot({ ...threeMembers, storeUrl: sqliteUrl() });
    const { standIn } = bot;
    const guild = standIn.guild();
    const channel = guild.channel();
    await standIn.slash('quiz', { questions: 3, seconds: 30 }, { subcommand: 'channel', member: 'ann' }).reply();
    const first = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Question 1 of 3');
    await standIn.click(first, componentId(first, 0), 'ann').reply();

    await bot.restart(); // still open: re-armed
    standIn.clock.advance(30_000);
    await bot.app.services.rounds.runDue();
    const secondQuestion = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Question 2 of 3');
    expect(embedOf(standIn.message(first.id) as MessageRecord).description).toContain('Closed · 1 answer');
    await standIn.click(secondQuestion, componentId(secondQuestion, 0), 'bob').reply();

    standIn.clock.advance(60_000); // the bot restarts only after the deadline has passed
    await bot.restart();
    const summary = await standIn.waitForMessage(channel, (m) => embedOf(m)?.title === 'Quiz round over');
    expect(embedOf(summary).description).toContain('The bot restarted, so the round ended after question 2 of 3.');
    expect(embedOf(standIn.message(secondQuestion.id) as MessageRecord).description).toContain('Closed · 1 answer');
    const bob = guild.record.members.find((m) => standIn.user(m.userId)?.username === 'bob')?.userId ?? '';
    expect((await bot.app.services.quiz.summary(guild.id, bob)).answered).toBe(1);
    expect(await bot.app.services.rounds.rounds.get(roundKey(guild.id, channel.id))).toBeUndefined();
  });

  it('shows /progress and /leaderboard, and /progress reset deletes only after the confirmation', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const guild = standIn.guild();
    const { quiz, content } = bot.app.services;
    const asked = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
    const session = await quiz.sessions.get(memberKey(guild.id, guild.member.id));
    const question = content.questions.get(session?.asked[0] ?? '');
    await standIn.click(asked, componentId(asked, question?.answer ?? 0)).reply();

    const progress = await standIn.slash('progress', {}, { subcommand: 'show' }).reply();
    expect(progress.ephemeral).toBe(true);
    expect(fieldOf(progress, 'Answered')).toBe('1');
    expect(fieldOf(progress, 'Accuracy')).toBe('100%');
    expect(fieldOf(progress, 'Streak')).toBe('1 day · best 1 day');
    expect(fieldOf(progress, 'Due for review')).toBe('0');
    expect(embedOf(progress).description).toMatch(/`[▰▱]{10}` +\d+% /);
    const ofOther = await standIn.slash('progress', { member: guild.member.id }, { subcommand: 'show', member: 'moderator' }).reply();
    expect(fieldOf(ofOther, 'Answered')).toBe('1');

    const board = await standIn.slash('leaderboard', { period: 'all-time' }, { member: 'moderator' }).reply();
    expect(board.ephemeral).toBe(false);
    expect(embedOf(board).description).toContain(`**1.** <@${guild.member.id}>`);
    expect(embedOf(board).description).toContain(`<@${guild.moderator.id}> has no points yet.`);
    expect(board.pings.users ?? []).toEqual([]);
    const weekly = await standIn.slash('leaderboard', {}).reply();
    expect(embedOf(weekly).title).toMatch(/this week/);
    expect(embedOf(weekly).description).toContain(`<@${guild.member.id}> is **#1** of 1`);

    const confirm = await standIn.slash('progress', {}, { subcommand: 'reset' }).reply();
    const kept = await standIn.click(confirm, componentId(confirm, /^Keep it$/)).reply();
    expect(embedOf(kept).title).toBe('Kept');
    expect((await quiz.summary(guild.id, guild.member.id)).answered).toBe(1);

    const confirmAgain = await standIn.slash('progress', {}, { subcommand: 'reset' }).reply();
    expect(confirmAgain.ephemeral).toBe(true);
    const done = await standIn.click(confirmAgain, componentId(confirmAgain, /^Delete my progress$/)).reply();
    expect(embedOf(done).title).toBe('Progress deleted');
    const after = await standIn.slash('progress', {}, { subcommand: 'show' }).reply();
    expect(fieldOf(after, 'Answered')).toBe('0');
    const empty = await standIn.slash('leaderboard', { period: 'all-time' }).reply();
    expect(embedOf(empty).description).toContain('No points yet');
  });

  it('files a report through the modal, lists it for moderators only, and closes it', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const asked = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
    const verdict = await standIn.click(asked, componentId(asked, 0)).reply();
    const opener = standIn.click(verdict, componentId(verdict, /^Report a problem/));
    const modal = await opener.modal();
    expect(modal.title).toBe('Report a problem with this question');
    const thanks = await standIn.submitModal(opener, { reason: 'The explanation cites the wrong figure.' }).reply();
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toContain('report #1');

    const refused = await standIn.slash('quiz', {}, { subcommand: 'reports' }).reply();
    expect(refused.content).toContain('Manage Server');
    const list = await standIn.slash('quiz', {}, { subcommand: 'reports', member: 'moderator' }).reply();
    expect(list.ephemeral).toBe(true);
    expect(embedOf(list).title).toBe('Open question reports (1)');
    expect(embedOf(list).description).toContain('The explanation cites the wrong figure.');
    expect(embedOf(list).description).toContain(`<@${standIn.guild().member.id}>`);
    const menuId = componentId(list, 0);
    const closed = await standIn.select(list, menuId, ['1'], 'moderator').reply();
    expect(embedOf(closed).description).toBe('No open reports.');
  });

  it('tells the member it could not save when Redis is down, and changes nothing', async () => {
    const redis = await startRedisServer(22_000 + (process.pid % 5_000));
    try {
      bot = await startBot({ storeUrl: redis.url });
      const { standIn } = bot;
      const asked = await standIn.slash('quiz', {}, { subcommand: 'start' }).reply();
      const shown = { revision: asked.revision, title: embedOf(asked).title };
      await redis.stop();
      const failed = await standIn.click(asked, componentId(asked, 0)).reply();
      expect(failed.ephemeral).toBe(true);
      expect(failed.id).not.toBe(asked.id);
      expect(failed.content).toBe(STORE_DOWN);
      expect(asked.revision).toBe(shown.revision); // the question is untouched
      expect(embedOf(asked).title).toBe(shown.title);
    } finally {
      await bot?.close();
      bot = undefined;
      await redis.stop();
    }
  });
});
