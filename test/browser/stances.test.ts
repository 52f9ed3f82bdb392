import { describe, expect, it } from 'vitest';
import { hasChromium } from './chromium.js';
import {
  actAs,
  browserRunPerFile,
  channelView,
  message,
  option,
  pickCommand,
  pickSuggestion,
  screenshot,
  setUpWeeklyPrompts,
  threadPanel,
} from './support.js';

/**
 * Debate rounds in the playground page: a moderator sets up prompts, three members take stances, one changes,
 * "Jump to next post" closes the round, the thread shows the reveal, and the moderator's trend shows the chart.
 */
describe.skipIf(!hasChromium)('playground: debate rounds', () => {
  const run = browserRunPerFile();

  it('members take stances privately; the next post reveals the split in the thread; the trend is a chart', async () => {
    const { playground } = run();
    const page = await run().open('maya');
    await setUpWeeklyPrompts(page);
    const guildId = playground.standIn.guild().id;
    for (let upNext = await playground.app.services.prompts.status(guildId); !upNext?.upNext?.stance; ) {
      await playground.app.services.prompts.skip(guildId);
      upNext = await playground.app.services.prompts.status(guildId);
    }
    const stance = (await playground.app.services.prompts.status(guildId))?.upNext?.stance;
    const [first, second] = stance?.positions ?? [];
    if (!stance || !first || !second) throw new Error('no stance question up next');

    await page.getByRole('button', { name: 'Jump to next post' }).click();
    const latest = channelView(page)
      .locator('.message')
      .filter({ has: page.locator('.embed-footer', { hasText: 'Weekly discussion prompt' }) })
      .last();
    await latest.getByText('Where do you stand?').waitFor();
    // Pinned by id: after the next jump the latest post is another one.
    const post = channelView(page).locator(`.message[data-message-id="${await latest.getAttribute('data-message-id')}"]`);

    for (const [member, label] of [
      ['ada', first.label],
      ['ben', first.label],
      ['cleo', second.label],
      ['ben', second.label],
    ] as const) {
      await actAs(page, member);
      await post.getByRole('button', { name: label, exact: true }).click();
      await message(channelView(page), /You (chose|changed your stance to)/)
        .locator('.ephemeral-note')
        .waitFor();
    }
    await message(channelView(page), `You changed your stance to ${second.label}`).waitFor();
    await post.getByText('3 members took a stance so far').waitFor();
    await screenshot(page, 'stances-ballot', post);

    await actAs(page, 'maya');
    await page.getByRole('button', { name: 'Jump to next post' }).click();
    await post.getByText('Stances are closed.').waitFor();
    await post.locator('.thread-chip').click();
    const reveal = message(threadPanel(page), 'Where the group stood');
    await reveal.waitFor();
    await reveal.getByText('1 of 3 members').waitFor();
    expect(await reveal.locator('.embed-field-name').allTextContents()).toEqual(
      expect.arrayContaining(['First stances', 'Final stances', 'Changed their mind']),
    );
    await screenshot(page, 'stances-reveal', reveal);
    await page.getByRole('button', { name: 'Close thread' }).click();

    await pickCommand(page, '/stance trend');
    await option(page, 'question').fill(stance.question.slice(0, 12));
    await pickSuggestion(page, 'question', stance.question.slice(0, 100));
    await option(page, 'question').press('Enter');
    const trend = message(channelView(page), 'Final stances per closed round');
    const chart = trend.locator('img.embed-image');
    await chart.waitFor();
    expect(await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(300);
    await screenshot(page, 'stances-trend', trend);
    await page.close();
  });
});
