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

/**
 * The first /claim builds the claim engine (about a second alone); beside the probe-set test's ~23,000 decisions on a
 * slow 2-core machine it took over the stand-in's default 10 s, so these wait longer. Correctness, not speed.
 */
const WAIT_MS = 60_000;

async function ask(text: string): Promise<MessageRecord> {
  bot ??= await startBot({ waitTimeoutMs: WAIT_MS });
  const message = await bot.standIn.slash('claim', { text }).reply();
  bot.standIn.clock.advance(5_000); // past /claim's per-member cooldown
  return message;
}

describe('/claim judges the sentence the member typed', { timeout: WAIT_MS + 30_000 }, () => {
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

  it('a reversed claim gets the verdict the evidence gives the reversal, not the card’s', async () => {
    const message = await ask('the RL training got rid of the alignment faking reasoning');
    expect(description(message)).toContain('**❌ Unsupported**');
    expect(description(message)).toContain('says the opposite of the claim card');
  });

  it('a true statement near a false card is judged by the card that states it', async () => {
    const message = await ask('the model was told which conversations would be used to train it');
    expect(description(message)).toContain('**✅ Supported**');
    expect(description(message)).toContain('This is the claim card');
  });

  it('a misspelt question about the core result gets the core result', async () => {
    const message = await ask('did claude fake alignmnet in the free teir');
    expect(description(message)).toContain('**✅ Supported**');
    expect((message.embeds[0] as { footer?: { text?: string } }).footer?.text).toContain('claude-faked-alignment-to-avoid-retraining');
  });

  it('the same sentence asked again, publicly or privately, gets the same answer', async () => {
    const first = await ask('the RL training got rid of the alignment faking reasoning');
    const again = await ask('the RL training got rid of the alignment faking reasoning');
    expect(again.embeds).toEqual(first.embeds);
    expect(again.components).toEqual(first.components);
    const privately = await bot?.standIn
      .slash('claim', { text: 'the RL training got rid of the alignment faking reasoning', private: true })
      .reply();
    expect(privately?.ephemeral).toBe(true);
    expect(privately?.embeds).toEqual(first.embeds);
    expect(again.ephemeral).toBe(false);
  });

  it('a sentence it cannot relate to one card gets "not sure" and a menu of cards, no verdict', async () => {
    const message = await ask('claude is basically the same as every other chatbot');
    expect(title(message)).not.toMatch(/Supported|Unsupported/);
    expect(description(message)).not.toMatch(/\*\*(✅|⚖️|⚠️|❌|❓)/);
  });
});
