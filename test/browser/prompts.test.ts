import { describe, expect, it } from 'vitest';
import { hasChromium } from './chromium.js';
import { actAs, browserRunPerFile, channelView, message, runCommand, screenshot, setUpWeeklyPrompts, threadPanel } from './support.js';

/** Weekly prompts in the playground page: the Manage Server gate, setup, and the clock control's jump. */
describe.skipIf(!hasChromium)('playground: weekly prompts', () => {
  const run = browserRunPerFile();

  it('a member without Manage Server is refused /prompts', async () => {
    const page = await run().open('ada');
    await runCommand(page, '/prompts status');
    const refusal = message(channelView(page), 'You need the Manage Server permission to use this.');
    await refusal.getByText('Only you can see this').waitFor();
    await screenshot(page, 'prompts-refused');
    await page.close();
  });

  it('a moderator sets up weekly prompts; "jump to next post" shows the post and its thread', async () => {
    const page = await run().open('ada');
    await actAs(page, 'maya');
    await setUpWeeklyPrompts(page);
    expect(await channelView(page).locator('.message-context').last().textContent()).toBe('@maya used /prompts');

    const nextPost = page.getByTestId('next-post');
    await nextPost.getByText('Next post:').waitFor();
    const due = run().playground.app.services.prompts.scheduler.nextDue();
    expect(due?.guildId).toBe(run().playground.standIn.guild().id);

    await page.getByRole('button', { name: 'Jump to next post' }).click();
    await page.getByRole('status').getByText('the weekly prompt is posted').waitFor();
    const post = channelView(page)
      .locator('.message')
      .filter({ has: page.locator('.embed-footer', { hasText: 'Weekly discussion prompt' }) });
    await post.waitFor();
    expect(run().playground.standIn.clock.now()).toBeGreaterThanOrEqual(due?.at.getTime() ?? Number.POSITIVE_INFINITY);

    const title = (await post.locator('.embed-title').textContent()) ?? '';
    await post.locator('.thread-chip').click();
    await threadPanel(page)
      .locator('.panel-title', { hasText: title.slice(0, 40) })
      .waitFor();
    await threadPanel(page).locator('.embed-title', { hasText: title }).waitFor();
    await page
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('button', { name: /^Thread / })
      .waitFor();
    await screenshot(page, 'prompts-jump', post);
    await page.close();
  });
});
