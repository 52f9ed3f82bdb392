import { describe, expect, it } from 'vitest';
import { hasChromium } from './chromium.js';
import { browserRunPerFile, channelView, message, option, pickCommand, pickSuggestion, runCommand, screenshot } from './support.js';

/** The playground page in headless Chromium: reading the bundle and checking claims, as a member would. */
describe.skipIf(!hasChromium)('playground: reading and claims', () => {
  const run = browserRunPerFile();

  it('answers /help, listed with its description when typing /', async () => {
    const page = await run().open();
    await page.getByRole('textbox', { name: 'Message' }).fill('/he');
    const listed = page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first();
    expect(await listed.textContent()).toContain('What Scratchpad does');
    await runCommand(page, '/help');
    const reply = message(channelView(page), 'Scratchpad: study the alignment-faking debate');
    await reply.getByText('Only you can see this').waitFor();
    expect(await reply.locator('.message-context').textContent()).toBe('@ada used /help');
    await screenshot(page, 'help');
    await page.close();
  });

  it('/summary: picks a section from the bot’s autocomplete, then pages with Next', async () => {
    const { sections } = run().playground.app.services.content.bundle;
    const [first, second] = [sections[4], sections[5]];
    if (!first || !second) throw new Error('the bundle needs at least 6 sections');
    const page = await run().open();
    await pickCommand(page, '/summary');
    await option(page, 'section').fill(first.title.split(' ').slice(-2).join(' '));
    await pickSuggestion(page, 'section', `${first.order}. ${first.title}`);
    await option(page, 'section').press('Enter');

    const reply = channelView(page)
      .locator('.message')
      .filter({ has: page.locator('.embed-title', { hasText: first.title }) });
    await reply.waitFor();
    expect(await reply.locator('.embed-footer').textContent()).toContain(`Section 5 of ${sections.length}`);
    await reply.getByRole('button', { name: 'Next ▶' }).click();
    // The same (ephemeral) message now shows the next section.
    await channelView(page).locator('.embed-title', { hasText: second.title }).waitFor();
    expect(await channelView(page).locator('.embed-title', { hasText: first.title }).count()).toBe(0);
    const links = channelView(page).locator('.embed a.md-link');
    expect(await links.first().getAttribute('href')).toMatch(/^https?:\/\//);
    await screenshot(page, 'summary', channelView(page).locator('.message').last());

    // Contents, then a section from its select menu.
    await channelView(page).getByRole('button', { name: 'Contents' }).click();
    await channelView(page).getByRole('button', { name: 'Open a section' }).click();
    await channelView(page)
      .getByRole('listbox', { name: 'Open a section' })
      .getByRole('option', { name: new RegExp(`^${first.order}\\. `) })
      .click();
    await channelView(page).locator('.embed-title', { hasText: first.title }).waitFor();
    await page.close();
  });

  it('/claim: checks a claim and shows the verdict card', async () => {
    const claim = [...run().playground.app.services.content.claims.values()][0];
    if (!claim) throw new Error('the bundle has no claims');
    const page = await run().open('ben');
    await runCommand(page, '/claim', { text: claim.claim });
    const reply = message(channelView(page), claim.claim);
    await reply.locator('.embed-title', { hasText: claim.claim }).waitFor();
    const description = await reply.locator('.embed-description').textContent();
    expect(description).toMatch(/Supported|Contested|Misleading|Unsupported|Open question/);
    expect(await reply.getByText('Only you can see this').count()).toBe(0);
    await screenshot(page, 'claim', reply);
    await page.close();
  });
});
