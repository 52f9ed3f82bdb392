import { describe, expect, it } from 'vitest';
import { roster } from '../../playground/server/roster.js';
import { hasChromium } from './chromium.js';
import { actAs, browserRunPerFile, channelView, message, runCommand, screenshot } from './support.js';

/**
 * The learning loop in the playground page: a review reminder arrives in ada's DMs after "Jump to next reminder",
 * its button starts a review round there, /progress export shows its files, and the moderator's /quiz stats
 * shows the chart.
 */
describe.skipIf(!hasChromium)('playground: reviews, reminders, export and stats', () => {
  const run = browserRunPerFile();

  it('a reminder DM starts a review round; export lists the files; stats show the chart to a moderator', async () => {
    const { playground } = run();
    const { standIn, app } = playground;
    const guild = standIn.guild().id;
    const ada = roster.find((m) => m.username === 'ada')?.id ?? '';
    const page = await run().open('ada');
    const ids = playground.app.services.content.bundle.questions.slice(0, 3);
    for (const [i, question] of ids.entries()) {
      const wrong = (question.answer + 1) % question.choices.length;
      const at = new Date(standIn.clock.now());
      await app.services.quiz.record(guild, ada, { id: `seed.${i}`, question, choice: wrong, at, version: app.services.content.version });
    }
    standIn.clock.advance(11 * 60_000);

    await runCommand(page, '/progress reminders', { on: 'true', reviews: '1', time: '9am' });
    await message(channelView(page), 'Review reminders').getByText('daily at 09:00').waitFor();
    await page.getByRole('button', { name: 'Jump to next reminder' }).click();
    await page.getByRole('status').filter({ hasText: 'reminder(s) sent by DM' }).waitFor();
    await page.getByRole('button', { name: /Direct messages/ }).click();
    const dms = page.locator('aside.dm-panel');
    const reminder = message(dms, '3 reviews due');
    await reminder.waitFor();
    await screenshot(page, 'reminder-dm', reminder);

    await reminder.getByRole('button', { name: 'Start review' }).click();
    const round = message(dms, 'Review 1 · 3 left');
    await round.waitFor();
    await round.locator('.action-row').first().getByRole('button').first().click();
    await message(dms, /Right|Not quite/)
      .getByRole('button', { name: 'Next' })
      .waitFor();
    await screenshot(page, 'review-round', message(dms, /Right|Not quite/));
    await page.getByRole('button', { name: 'Close direct messages' }).click();

    await runCommand(page, '/progress export');
    const exported = message(channelView(page), 'Your quiz data');
    await exported.locator('.attachment-file').first().waitFor();
    expect(await exported.locator('.attachment-name').allTextContents()).toEqual([
      'scratchpad-answers.csv',
      'scratchpad-misses.csv',
      'scratchpad-anki.tsv',
    ]);
    await screenshot(page, 'export', exported);

    await actAs(page, 'maya');
    await runCommand(page, '/quiz stats');
    const stats = message(channelView(page), 'What the group is learning');
    await stats.locator('img.embed-image').waitFor();
    await stats.getByText('Most-missed questions').waitFor();
    await screenshot(page, 'quiz-stats', stats.locator('.embed-field-name').first());
  });
});
