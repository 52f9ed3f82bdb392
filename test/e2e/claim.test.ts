import { afterEach, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../testkit/index.js';
import { type BotUnderTest, startBot } from './harness.js';

/** The sentences issue 14 opened with, through the real client and the stand-in: no confident wrong verdict. */

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const description = (message: MessageRecord) => (message.embeds[0] as { description?: string }).description ?? '';
const title = (message: MessageRecord) => (message.embeds[0] as { title?: string }).title ?? '';

async function ask(text: string): Promise<MessageRecord> {
  bot ??= await startBot();
  const message = await bot.standIn.slash('claim', { text }).reply();
  bot.standIn.clock.advance(5_000); // past /claim's per-member cooldown
  return message;
}

describe('/claim judges the sentence the member typed', () => {
  it('a true statement that reverses a false card is supported, and says why', async () => {
    const message = await ask('redwood research co-wrote the alignment faking paper');
    expect(description(message)).toContain('**✅ Supported**');
    expect(description(message)).toContain('says the opposite of the claim card');
    expect(description(message)).toMatch(/Anthropic and Redwood Research/);
  });

  it('an off-topic question sharing a word with a card is not covered', async () => {
    const message = await ask("what's the best graphics card for gaming");
    expect(title(message)).toBe('The study bundle does not cover this');
  });

  it.each([
    ['the RL training got rid of the alignment faking reasoning', '✅ Supported'],
    ['the model was told which conversations would be used to train it', '❌ Unsupported'],
  ])('"%s" never gets the nearest card’s verdict (%s): it is unsure and offers cards', async (text, wrong) => {
    const message = await ask(text);
    expect(description(message)).not.toContain(wrong);
    expect(title(message)).toBe("I'm not sure which claim you mean");
    expect((message.components[0] as { components?: { custom_id?: string }[] }).components?.[0]?.custom_id).toBe('claim:open');
  });

  it('a misspelt question about the core result is not declined as uncovered', async () => {
    const message = await ask('did claude fake alignmnet in the free teir');
    expect(title(message)).not.toBe('The study bundle does not cover this');
    expect(description(message)).not.toMatch(/❌ Unsupported|⚠️ Misleading/);
  });
});
