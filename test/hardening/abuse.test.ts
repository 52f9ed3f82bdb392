import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { memberKey } from '../../src/quiz/records.js';
import { roundKey } from '../../src/quiz/rounds.js';
import { type MessageRecord, manualClock, mayPing } from '../../testkit/index.js';
import { type BotUnderTest, startBot } from '../e2e/harness.js';
import { componentId as button, customIdsOf as idsOf } from '../e2e/messages.js';

/** Abuse and security (issue 10, part 5): cooldowns, answer spam, forged custom_ids, click-time permissions, token, bundle text. */

const embedText = (message: MessageRecord) => JSON.stringify(message.embeds);

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let bot: BotUnderTest;
beforeAll(async () => {
  // The bot's every line at trace level, unscrubbed (no secrets given), so a token anywhere in them would show. Time moves
  // only when a test moves it: the cooldowns are measured against it, however long the first /claim takes to warm up.
  bot = await startBot({
    clock: manualClock(),
    guilds: [
      { name: 'Home', members: [{ username: 'ann' }, { username: 'bob' }] },
      { name: 'Elsewhere', members: [{ username: 'ann' }] },
    ],
    log: createLogger('trace', [], capture),
  });
  expect(bot.standIn.token.length).toBeGreaterThan(8);
});
afterAll(async () => {
  await bot?.close();
});

describe('per-member cooldowns', () => {
  it('/claim and /quiz start answer "try again in N s" to a member who repeats them at once, and no one else', async () => {
    const { standIn } = bot;
    const first = await standIn.slash('claim', { text: 'The model faked alignment' }, { member: 'ann' }).reply();
    expect(first.content).not.toMatch(/Easy there/);
    const again = await standIn.slash('claim', { text: 'The model faked alignment' }, { member: 'ann' }).reply();
    expect(again.ephemeral).toBe(true);
    expect(again.content).toMatch(/^Easy there: try `\/claim` again in [1-5] s\.$/);
    const other = await standIn.slash('claim', { text: 'The model faked alignment' }, { member: 'bob' }).reply();
    expect(other.content).not.toMatch(/Easy there/);

    await standIn.slash('quiz', {}, { subcommand: 'start', member: 'bob' }).reply();
    const twice = await standIn.slash('quiz', {}, { subcommand: 'start', member: 'bob' }).reply();
    expect(twice.content).toMatch(/^Easy there: try `\/quiz start` again in [1-3] s\.$/);
    standIn.clock.advance(5_000);
    const later = await standIn.slash('claim', { text: 'The model faked alignment' }, { member: 'ann' }).reply();
    expect(later.content).not.toMatch(/Easy there/);
  });
});

describe('forged and replayed custom_ids', () => {
  it('cannot answer for another member, reveal an answer early, or reach another guild', async () => {
    const { standIn } = bot;
    const home = standIn.guild('Home');
    const elsewhere = standIn.guild('Elsewhere');
    const { quiz } = bot.app.services;
    standIn.clock.advance(5_000);
    const question = await standIn.slash('quiz', {}, { subcommand: 'start', member: 'member' }).reply();
    const answer = button(question, 'quiz:answer');
    const before = await quiz.sessions.get(memberKey(home.id, home.member.id));

    // Another member sends the owner's id (as if copied from a screenshot or a modified client).
    const forged = await standIn
      .rawInteraction({ type: 3, data: { custom_id: answer, component_type: 2 }, member: 'moderator', source: question })
      .reply();
    expect(forged.content).toMatch(/belongs to someone else/);
    expect(await quiz.sessions.get(memberKey(home.id, home.member.id))).toEqual(before);
    expect(await quiz.progress.get(memberKey(home.id, home.member.id))).toBeUndefined();

    // A forged "Next" before answering shows the same question again: no verdict, no correct answer.
    const [, , session, owner] = answer.split(':');
    const next = `quiz:next:${session}:${owner}`;
    const early = await standIn
      .rawInteraction({ type: 3, data: { custom_id: next, component_type: 2 }, member: 'member', source: question })
      .reply();
    expect(embedText(early)).not.toMatch(/Correct answer/);
    expect(idsOf(early).some((id) => id.startsWith('quiz:answer'))).toBe(true);

    // The same ids sent from another guild (the member is in both) find no session there and change nothing here.
    const general = elsewhere.channel();
    for (const id of idsOf(question)) {
      const handle = standIn.rawInteraction({
        type: 3,
        data: { custom_id: id, component_type: 2 },
        guild: elsewhere.id,
        channel: general.id,
        member: 'member',
        source: question,
      });
      const callback = await handle.callback();
      expect(JSON.stringify(callback.data)).not.toMatch(/Correct answer/);
    }
    expect(await quiz.sessions.get(memberKey(home.id, home.member.id))).toEqual(before);
    expect(await quiz.progress.get(memberKey(elsewhere.id, elsewhere.member.id))).toBeUndefined();

    // Deleting someone else's progress through a forged reset id.
    const reset = `progress:reset:${home.member.id}`;
    const refused = await standIn
      .rawInteraction({ type: 3, data: { custom_id: reset, component_type: 2 }, member: 'moderator', source: question })
      .reply();
    expect(refused.content).toMatch(/Only the member who asked/);
    standIn.assertNoRejections();
  });

  it('counts answer spam in a channel round once', async () => {
    const { standIn } = bot;
    const home = standIn.guild('Home');
    const channel = home.channel();
    await standIn.slash('quiz', { questions: 1, seconds: 10 }, { subcommand: 'channel', member: 'owner' }).reply();
    const posted = await standIn.waitForMessage(channel, (m) => idsOf(m).some((id) => id.startsWith('quiz:round:')));
    const ids = idsOf(posted).filter((id) => id.startsWith('quiz:round:'));
    const clicks = Array.from({ length: 30 }, (_, i) => standIn.click(posted, ids[i % ids.length] ?? '', 'ann').reply());
    const replies = await Promise.all(clicks);
    expect(replies.filter((r) => /Answer locked in/.test(r.content))).toHaveLength(1);
    const round = await bot.app.services.rounds.rounds.get(roundKey(home.id, channel.id));
    expect(Object.keys(round?.answers ?? {})).toHaveLength(1);
    standIn.clock.advance(10_000);
    await bot.app.services.rounds.runDue();
    await standIn.waitFor(() => bot.app.services.rounds.rounds.get(roundKey(home.id, channel.id)).then((r) => r === undefined));
    const ann = home.record.members.find((m) => standIn.user(m.userId)?.username === 'ann')?.userId ?? '';
    expect((await bot.app.services.quiz.summary(home.id, ann)).answered).toBe(1);
  });
});

describe('admin-only components re-check permissions at click time', () => {
  it('closing reports needs Manage Server when the menu is used, not only when it was shown', async () => {
    const { standIn } = bot;
    const home = standIn.guild('Home');
    standIn.clock.advance(5_000);
    const asked = await standIn.slash('quiz', {}, { subcommand: 'start', member: 'member' }).reply();
    const verdict = await standIn.click(asked, button(asked, 'quiz:answer')).reply();
    const opener = standIn.click(verdict, button(verdict, 'quiz:report'));
    await opener.modal();
    await standIn.submitModal(opener, { reason: 'Typo in choice B' }).reply();
    const list = await standIn.slash('quiz', {}, { subcommand: 'reports', member: 'moderator' }).reply();
    const menu = button(list, 'quiz:closereports');
    // The moderator lost Manage Server after the list was shown; and a member without it sends the same menu.
    for (const spec of [{ member: 'moderator', memberPermissions: '0' }, { member: 'member' }]) {
      const refused = await standIn
        .rawInteraction({ type: 3, data: { custom_id: menu, component_type: 3, values: ['1'] }, source: list, ...spec })
        .reply();
      expect(refused.content).toMatch(/Manage Server/);
    }
    expect(await bot.app.services.reports.open(home.id)).toHaveLength(1);
  });
});

describe('secrets and mentions', () => {
  it('never writes the token in a log line or a reply', async () => {
    const { standIn } = bot;
    const { token } = standIn;
    // The real logger scrubs a secret wherever it appears, even inside an error message or a header.
    const scrubbed: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        scrubbed.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('trace', [token], sink);
    log.error({ err: new Error(`login failed for ${token}`), headers: { authorization: `Bot ${token}` }, token }, `token ${token}`);
    expect(scrubbed.join('')).not.toContain(token);
    expect(scrubbed.join('')).toContain('[REDACTED]');
    // Everything the bot logged at trace level and every message it sent during this file.
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(token);
    for (const guild of standIn.guilds())
      for (const channelId of guild.channelIds)
        for (const message of standIn.messages(channelId)) expect(JSON.stringify(message)).not.toContain(token);
  });

  it('bundle text with @everyone, @here and raw mentions pings nobody', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpad-bundle-'));
    cpSync('content', dir, { recursive: true });
    const mentions = ' @everyone @here <@123456789012345678> <@&123456789012345678>';
    const sections = join(dir, 'sections');
    for (const file of readdirSync(sections)) {
      const path = join(sections, file);
      const text = readFileSync(path, 'utf8');
      // Append to every body paragraph (after the front matter) so summaries and sections carry the mentions.
      const [front, ...body] = text.split(/\n---\n/);
      writeFileSync(path, body.length > 0 ? `${front}\n---\n${body.join('\n---\n').replace(/\.\n/, `.${mentions}\n`)}` : text);
    }
    const mentionBot = await startBot({ env: { CONTENT_DIR: dir } });
    try {
      const { standIn } = mentionBot;
      const shown: MessageRecord[] = [];
      const contents = await standIn.slash('summary').reply();
      shown.push(contents);
      const firstSection = mentionBot.app.services.content.bundle.sections[0]?.id ?? '';
      shown.push(await standIn.slash('summary', { section: firstSection }).reply());
      // The contents' menu opens a section too: that path must not ping either.
      const opened = await standIn.select(contents, button(contents, 'summary:open'), [firstSection]).reply();
      expect(opened.embeds).toEqual(shown[1]?.embeds);
      shown.push(opened);
      shown.push(await standIn.slash('help').reply());
      expect(shown.some((m) => JSON.stringify(m).includes('@everyone') || JSON.stringify(m).includes('<@123456789012345678>'))).toBe(true);
      for (const message of shown) {
        expect(message.pings.users ?? []).toEqual([]);
        expect(message.pings.roles ?? []).toEqual([]);
        expect(message.pings.everyone).toBe(false);
        expect(mayPing(message.allowedMentions)).toBe(false);
      }
    } finally {
      await mentionBot.close();
    }
  });
});
