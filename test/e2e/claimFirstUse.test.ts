import { afterEach, expect, it } from 'vitest';
import { CallbackType } from '../../testkit/index.js';
import { type BotUnderTest, startBot } from './harness.js';

/** The claim engine is built by the first claim decision (src/content/content.ts), not at start-up. */

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const verdictOf = (embeds: unknown[]) => (embeds[0] as { description?: string } | undefined)?.description ?? '';

it('the first /claims defer while the claim engine is built, all are answered once, and later ones reply at once', async () => {
  bot = await startBot();
  const { standIn } = bot;
  expect(bot.app.services.content.claimsReady).toBe(false);

  const first = standIn.slash('claim', { text: 'redwood research co-wrote the alignment faking paper' });
  const second = standIn.slash(
    'claim',
    { text: 'redwood research co-wrote the alignment faking paper', private: true },
    { member: 'moderator' },
  );
  expect((await first.callback()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
  const [firstReply, secondReply] = await Promise.all([first.reply(), second.reply()]);
  expect(verdictOf(firstReply.embeds)).toContain('**✅ Supported**');
  expect(verdictOf(secondReply.embeds)).toBe(verdictOf(firstReply.embeds));
  expect([firstReply.ephemeral, secondReply.ephemeral]).toEqual([false, true]);
  expect(bot.app.services.content.claimsReady).toBe(true);

  standIn.clock.advance(5_000); // past /claim's per-member cooldown
  const later = standIn.slash('claim', { text: 'the model faked alignment' });
  expect((await later.callback()).type).toBe(CallbackType.ChannelMessageWithSource);
});
