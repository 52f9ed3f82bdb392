import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { DMS_CLOSED_NOTICE } from '../../src/discord/reminderNotice.js';
import { memberKey } from '../../src/quiz/records.js';
import { type MessageRecord, manualClock } from '../../testkit/index.js';
import { attachmentText } from '../../testkit/world/attachments.js';
import { type BotUnderTest, startBot } from './harness.js';
import { componentId, embedOf, sqliteUrl } from './messages.js';

const MINUTE = 60_000;

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function started(at: string) {
  bot = await startBot({ clock: manualClock(Date.parse(at)), storeUrl: sqliteUrl() }); // SQLite, so a restart keeps the records (memory:// starts empty)
  return bot;
}

/** The member misses `count` questions (recorded as a quiz would), then their first reviews come due. */
async function missQuestions(b: BotUnderTest, count: number, user = b.standIn.guild().member.id) {
  const { quiz, content } = b.app.services;
  const guild = b.standIn.guild().id;
  for (const [i, question] of content.bundle.questions.slice(0, count).entries()) {
    const wrong = (question.answer + 1) % question.choices.length;
    await quiz.record(guild, user, {
      id: `seed.${i}`,
      question,
      choice: wrong,
      at: new Date(b.standIn.clock.now()),
      version: content.version,
    });
  }
  b.standIn.clock.advance(11 * MINUTE);
}

/** Moves both clocks to `at` and runs the reminder queue there, as the one timer would. */
async function runRemindersAt(b: BotUnderTest, at: string) {
  b.standIn.clock.set(Date.parse(at));
  return b.app.services.reminders.scheduler.runDue(new Date(at));
}

describe('review reminders end to end', () => {
  it('DMs at 09:00 Berlin time once a day across the spring DST change and a restart, and starts a review from the DM', async () => {
    const b = await started('2026-03-26T20:00:00Z');
    const { standIn } = b;
    await missQuestions(b, 3);
    await standIn.slash('progress', { zone: 'Europe/Berlin' }, { subcommand: 'timezone' }).reply();
    const settings = await standIn.slash('progress', { on: true, reviews: 2, time: '9am' }, { subcommand: 'reminders' }).reply();
    expect(embedOf(settings).description).toContain('daily at 09:00');
    expect(settings.allowedMentions).toEqual({ parse: [] });

    await runRemindersAt(b, '2026-03-27T07:59:00Z');
    expect(standIn.dms()).toEqual([]);
    await runRemindersAt(b, '2026-03-27T08:00:00Z');
    await standIn.waitFor(() => standIn.dms().length === 1);
    await b.restart();
    await runRemindersAt(b, '2026-03-27T08:30:00Z');
    await runRemindersAt(b, '2026-03-28T08:00:00Z');
    await standIn.waitFor(() => standIn.dms().length === 2);
    await runRemindersAt(b, '2026-03-29T06:59:00Z');
    expect(standIn.dms()).toHaveLength(2);
    await runRemindersAt(b, '2026-03-29T07:00:00Z'); // 09:00 CEST, the first day of summer time
    await standIn.waitFor(() => standIn.dms().length === 3);
    expect(standIn.dms().map((m) => new Date(m.createdAt).toISOString())).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);

    const reminder = standIn.dms().at(-1) as MessageRecord;
    expect(embedOf(reminder).title).toBe('3 reviews due');
    expect(reminder.allowedMentions).toEqual({ parse: [] });
    const question = await standIn.clickInDm(reminder, componentId(reminder, /^Start review$/)).reply();
    expect(question.id).toBe(reminder.id);
    expect(embedOf(question).title).toBe('Review 1 · 3 left');
    const verdict = await standIn.clickInDm(question, componentId(question, 0)).reply();
    expect(embedOf(verdict).title).toMatch(/Right|Not quite/);
  });

  it('turns the reminder off when the member closed DMs and says so once, in their next private reply', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const { standIn } = b;
    await missQuestions(b, 2);
    standIn.closeDms('member');
    await standIn.slash('progress', { on: true, reviews: 1, time: '18:00' }, { subcommand: 'reminders' }).reply();
    await runRemindersAt(b, '2026-06-01T18:00:00Z');
    await standIn.waitFor(
      async () => (await b.app.services.reminders.state(standIn.guild().id, standIn.guild().member.id))?.settings.dmsClosed,
    );
    expect(standIn.dms()).toEqual([]);
    expect(standIn.rejections).toEqual([]);

    const next = standIn.slash('progress', {}, { subcommand: 'show' });
    expect((await next.reply()).ephemeral).toBe(true);
    const notice = await next.followUp(0);
    expect(notice).toMatchObject({ content: DMS_CLOSED_NOTICE, ephemeral: true });
    const after = standIn.slash('progress', {}, { subcommand: 'reminders' });
    expect(embedOf(await after.reply()).description).toContain('off: your DMs were closed to me');
    expect(after.followUps()).toEqual([]);
    await runRemindersAt(b, '2026-06-02T16:00:00Z');
    expect(standIn.calls.filter((c) => c.error?.code === 50007)).toHaveLength(1);
  });

  it('turning reminders back on before hearing the notice drops it', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const { standIn } = b;
    await missQuestions(b, 1);
    standIn.closeDms('member');
    await standIn.slash('progress', { on: true, reviews: 1, time: '18:00' }, { subcommand: 'reminders' }).reply();
    await runRemindersAt(b, '2026-06-01T18:00:00Z');
    const key = [standIn.guild().id, standIn.guild().member.id] as const;
    await standIn.waitFor(async () => (await b.app.services.reminders.state(...key))?.settings.dmsClosed);
    standIn.openDms('member');
    const again = standIn.slash('progress', { on: true }, { subcommand: 'reminders' });
    expect(embedOf(await again.reply()).description).toContain('**Status:** on');
    expect(again.followUps()).toEqual([]);
    expect((await b.app.services.reminders.state(...key))?.settings).toMatchObject({ enabled: true, noticePending: false });
  });
});

describe('review round, export and stats end to end', () => {
  it('/quiz review says when nothing is due, then re-asks a miss until right and ends with what moved up', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const { standIn } = b;
    const empty = await standIn.slash('quiz', {}, { subcommand: 'review' }).reply();
    expect(embedOf(empty).title).toBe('No reviews due');
    await missQuestions(b, 2);
    const { content, reviews } = b.app.services;
    const key = memberKey(standIn.guild().id, standIn.guild().member.id);
    const current = async () => content.questions.get((await reviews.sessions.get(key))?.queue[0] ?? '');

    let message = await standIn.slash('quiz', {}, { subcommand: 'review' }).reply();
    expect(message.ephemeral).toBe(true);
    const shown: string[] = [];
    for (const right of [false, true, true]) {
      const question = await current();
      if (!question) throw new Error('no current review question');
      shown.push(question.id);
      const choice = right ? question.answer : (question.answer + 1) % question.choices.length;
      const verdict = await standIn.click(message, componentId(message, choice)).reply();
      message = await standIn.click(verdict, componentId(verdict, /^(Next|Finish)$/)).reply();
    }
    expect(shown[2]).toBe(shown[0]);
    expect(embedOf(message).title).toBe('Review round done');
    expect(embedOf(message).description).toContain('Right at the first try: **1** of 2');
    expect(embedOf(message).description).toContain('Moved up a box');
    expect(embedOf(message).description).toContain('Conquered in this round');
  });

  it('/progress export attaches a CSV that parses back and an Anki TSV', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const { standIn } = b;
    await missQuestions(b, 2);
    const reply = await standIn.slash('progress', {}, { subcommand: 'export' }).reply();
    expect(reply.ephemeral).toBe(true);
    const rows = parse(attachmentText(reply, 'scratchpad-answers.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const [first] = b.app.services.content.bundle.questions;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ question_id: first?.id, question: first?.question, result: 'wrong', explanation: first?.explanation });
    const misses = parse(attachmentText(reply, 'scratchpad-misses.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(misses.map((m) => m.still_in_review)).toEqual(['yes', 'yes']);
    const anki = attachmentText(reply, 'scratchpad-anki.tsv').trimEnd().split('\n');
    expect(anki[0]).toBe('#separator:tab');
    expect(anki.filter((line) => !line.startsWith('#')).map((line) => line.split('\t').length)).toEqual([3, 3]);
  });

  it('/quiz stats shows a moderator the figures and a chart, and refuses a member', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const { standIn } = b;
    await missQuestions(b, 3);
    await missQuestions(b, 2, standIn.guild().moderator.id);
    const refused = await standIn.slash('quiz', {}, { subcommand: 'stats' }).reply();
    expect(refused.content).toContain('Manage Server');
    const stats = await standIn.slash('quiz', {}, { subcommand: 'stats', member: 'moderator' }).reply();
    expect(stats.content).toBe('');
    expect(stats.ephemeral).toBe(true);
    expect(embedOf(stats).description).toContain('missed 2 of 2');
    expect(embedOf(stats).fields?.map((f) => f.name)).toEqual([
      'Mastery per section (members who answered there)',
      'Participation per week',
      'Open reports (0)',
    ]);
    expect(embedOf(stats).image?.url).toBe('attachment://quiz-stats.png');
    const png = (stats.attachments as { filename?: string; data?: string }[]).find((a) => a.filename === 'quiz-stats.png');
    expect(
      Buffer.from(png?.data ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('/help', () => {
  it('lists the learning-loop commands, every command line whole', async () => {
    const b = await started('2026-06-01T12:00:00Z');
    const help = await b.standIn.slash('help').reply();
    const fields = (embedOf(help).fields ?? []).filter((f) => /commands$/i.test(f.name));
    const listed = fields.map((f) => f.value).join('\n');
    for (const usage of ['/quiz review', '/quiz stats', '/progress reminders', '/progress export'])
      expect(listed).toContain(`\`${usage}\``);
    expect(listed.split('\n')).toHaveLength(b.app.services.catalog.length);
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
  });
});
