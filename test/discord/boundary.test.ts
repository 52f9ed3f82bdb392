import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { guarded } from '../../src/discord/boundary.js';
import { EXPIRED, Expired, Refusal, STORE_DOWN } from '../../src/discord/errors.js';
import { QuizRefusal } from '../../src/quiz/errors.js';
import { StoreUnavailableError } from '../../src/store/backend.js';
import { fakeInteraction } from './fakeInteraction.js';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

const body = (answer: { body: unknown } | undefined) => answer?.body as { content: string; flags: number; allowedMentions: unknown };

describe('error boundary', () => {
  it('replies ephemerally with a reference when nothing was answered yet, and logs once with context', async () => {
    const { log, lines } = capturingLogger();
    const interaction = fakeInteraction('command', 'demo');
    await guarded(interaction, log, async () => {
      throw new Error('database exploded');
    });
    expect(interaction.answers).toHaveLength(1);
    expect(interaction.answers[0]?.via).toBe('reply');
    expect(body(interaction.answers[0]).content).toBe(`Something went wrong (ref ${interaction.id}). Please try again.`);
    expect(body(interaction.answers[0]).flags).toBe(64);
    expect(body(interaction.answers[0]).allowedMentions).toEqual({ parse: [] });
    const errors = lines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ref: interaction.id, guild: interaction.guildId, user: interaction.user.id, command: '/demo' });
  });

  it('follows up when the handler had already answered', async () => {
    const { log } = capturingLogger();
    const interaction = fakeInteraction('command', 'demo');
    await guarded(interaction, log, async () => {
      await interaction.reply({ content: 'working on it' });
      throw new Error('then failed');
    });
    expect(interaction.answers.map((answer) => answer.via)).toEqual(['reply', 'followUp']);
  });

  it('shows the text of an expected refusal and logs it as info, not error', async () => {
    const { log, lines } = capturingLogger();
    const interaction = fakeInteraction('command', 'demo');
    await guarded(interaction, log, async () => {
      throw new Refusal('Pick a section first.');
    });
    expect(body(interaction.answers[0]).content).toBe('Pick a section first.');
    expect(lines.some((line) => line.level === 50)).toBe(false);
  });

  it('answers an outdated interaction with "expired" and a quiz refusal with its own text', async () => {
    const { log, lines } = capturingLogger();
    const stale = fakeInteraction('button', 'demo:gone');
    await guarded(stale, log, async () => Promise.reject(new Expired('no route')));
    expect(body(stale.answers[0]).content).toBe(EXPIRED);
    const refused = fakeInteraction('button', 'quiz:next');
    await guarded(refused, log, async () => Promise.reject(new QuizRefusal('This quiz has ended.')));
    expect(body(refused.answers[0]).content).toBe('This quiz has ended.');
    expect(lines.some((line) => line.level === 50)).toBe(false);
  });

  it('never rejects, even when the error reply itself fails', async () => {
    const { log, lines } = capturingLogger();
    const interaction = fakeInteraction('command', 'demo');
    interaction.reply = async () => {
      throw new Error('Unknown interaction');
    };
    await expect(guarded(interaction, log, async () => Promise.reject(new Error('boom')))).resolves.toBeUndefined();
    expect(lines.some((line) => line.msg === 'error reply failed')).toBe(true);
  });
});

describe('error boundary and the store', () => {
  it('tells the member nothing was saved when the store is down, for any command', async () => {
    const { log, lines } = capturingLogger();
    const interaction = fakeInteraction('command', 'prompts');
    await guarded(interaction, log, async () => {
      throw new StoreUnavailableError('writing prompts/123 failed: connection refused');
    });
    expect(body(interaction.answers[0]).content).toBe(STORE_DOWN);
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual(['store unavailable']);
    expect(lines.some((line) => line.level === 50)).toBe(false);
  });
});
