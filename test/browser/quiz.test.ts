import { describe, expect, it } from 'vitest';
import { roster } from '../../playground/server/roster.js';
import { memberKey } from '../../src/quiz/records.js';
import { roundKey } from '../../src/quiz/rounds.js';
import { hasChromium } from './chromium.js';
import { browserRunPerFile, channelView, message, openChannel, runCommand, screenshot } from './support.js';

/** Quizzes in the playground page: a private one answered by clicking, and a channel round between two members. */
describe.skipIf(!hasChromium)('playground: quizzes', () => {
  const run = browserRunPerFile();

  /** The index of the right choice of a member's current private question, read from the bot's store. */
  async function rightAnswer(username: string): Promise<number> {
    const { quiz, content } = run().playground.app.services;
    const member = roster.find((m) => m.username === username);
    const session = await quiz.sessions.get(memberKey(run().playground.standIn.guild().id, member?.id ?? ''));
    const question = content.questions.get(session?.asked.at(-1) ?? '');
    if (!question) throw new Error(`${username} has no current question`);
    return question.answer;
  }

  /** The index of the right choice of the round question running in a channel. */
  async function roundAnswer(channelName: string): Promise<number> {
    const { rounds, content } = run().playground.app.services;
    const guild = run().playground.standIn.guild();
    const round = await rounds.rounds.get(roundKey(guild.id, guild.channel(channelName).id));
    const question = content.questions.get(round?.questions[0] ?? '');
    if (!question) throw new Error(`no round question in #${channelName}`);
    return question.answer;
  }

  it('a private quiz: the question only you see, answered by clicking, then the verdict', async () => {
    const page = await run().open();
    await runCommand(page, '/quiz start');
    const question = channelView(page)
      .locator('.message')
      .filter({ has: page.locator('.embed-title', { hasText: 'Question 1' }) });
    await question.getByText('Only you can see this').waitFor();
    await question
      .locator('.action-row .button')
      .nth(await rightAnswer('ada'))
      .click();
    const verdict = channelView(page).locator('.embed-title', { hasText: /^✅ Right/ });
    await verdict.waitFor();
    const answered = channelView(page).locator('.message').last();
    expect(await answered.locator('.embed-field-name').allTextContents()).toEqual(
      expect.arrayContaining(['Correct answer', 'Why', 'Sources']),
    );
    expect(await answered.getByRole('button').allTextContents()).toEqual(
      expect.arrayContaining(['Next question', 'Stop', 'Report a problem with this question']),
    );
    await screenshot(page, 'quiz', answered);

    // "Report a problem" opens the bot's modal as a dialog; submitting it sends the modal back to the bot.
    await answered.getByRole('button', { name: 'Report a problem with this question' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a problem with this question' });
    await dialog.getByLabel('What is wrong with this question?').fill('The explanation cites the wrong appendix.');
    await screenshot(page, 'quiz-report');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await message(channelView(page), /Thanks: report #\d+ is with the moderators/).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.close();
  });

  it('a channel round: two members answer in two tabs, and the reveal scores both', async () => {
    const ada = await run().open('ada');
    await openChannel(ada, 'quiz-night');
    await runCommand(ada, '/quiz channel', { questions: '1', seconds: '10' });
    const posted = (page: typeof ada) =>
      channelView(page)
        .locator('.message')
        .filter({ has: page.locator('.embed-title', { hasText: 'Question 1 of 1' }) });
    await posted(ada).waitFor();
    const right = await roundAnswer('quiz-night');
    await posted(ada).locator('.action-row .button').nth(right).click();
    await message(channelView(ada), 'Answer locked in').waitFor();

    const ben = await run().open('ben');
    await openChannel(ben, 'quiz-night');
    await posted(ben)
      .locator('.action-row .button')
      .nth(right === 0 ? 1 : 0)
      .click();
    await message(channelView(ben), 'Answer locked in').waitFor();
    // Each sees only their own "locked in" answer.
    expect(await channelView(ben).getByText('Answer locked in').count()).toBe(1);

    // The round's timer (10 s of real time) reveals the answer and scores both members.
    const over = channelView(ada)
      .locator('.message')
      .filter({ has: ada.locator('.embed-title', { hasText: 'Quiz round over' }) });
    await over.waitFor({ timeout: 40_000 });
    const revealed = posted(ada);
    expect(await revealed.locator('.embed-field-name').allTextContents()).toEqual(expect.arrayContaining(['Correct answer']));
    const scores = revealed.locator('.embed-field').filter({ hasText: 'Got it right (1 of 2)' });
    expect(await scores.locator('.mention').allTextContents()).toEqual(['@ada']);
    await screenshot(ada, 'quiz-round', revealed);
    await ben.close();
    await ada.close();
  });
});
