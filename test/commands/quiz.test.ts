import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import progress from '../../commands/progress.js';
import quiz, { matchSections } from '../../commands/quiz.js';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { EXPIRED } from '../../src/discord/errors.js';
import { answerId, nextId, resetId, stopId } from '../../src/discord/quizIds.js';
import { createRouter } from '../../src/discord/router.js';
import type { Services } from '../../src/services.js';
import { fakeInteraction } from '../discord/fakeInteraction.js';

const SOMEONE_ELSE = '600000000000000099'; // the fake interaction's user is 600000000000000001
const contentOf = (answer: { body: unknown } | undefined) => (answer?.body as { content?: string } | undefined)?.content;

describe('/quiz and /progress buttons', () => {
  it('refuses a private quiz or reset button pressed by anyone but its owner, before touching the quiz', async () => {
    const answer = vi.fn();
    const reset = vi.fn();
    const ctx = { log: pino({ level: 'silent' }), quiz: { answer, next: answer, stop: answer, reset } } as unknown as Services;
    const router = createRouter([quiz, progress]);
    const ids = [
      answerId.encode({ session: 'abc', owner: SOMEONE_ELSE, n: 1, choice: 0 }),
      nextId.encode({ session: 'abc', owner: SOMEONE_ELSE }),
      stopId.encode({ session: 'abc', owner: SOMEONE_ELSE }),
      resetId.encode({ owner: SOMEONE_ELSE }),
    ];
    for (const id of ids) {
      const interaction = fakeInteraction('button', id);
      await router.dispatch(ctx, interaction);
      expect(contentOf(interaction.answers[0])).toMatch(/belongs to someone else|Only the member who asked/);
    }
    expect(answer).not.toHaveBeenCalled();
    expect(reset).not.toHaveBeenCalled();
  });

  it('saves no answer from a custom_id that arrives as anything but a button', async () => {
    const answer = vi.fn();
    const ctx = { log: pino({ level: 'silent' }), quiz: { answer } } as unknown as Services;
    const id = answerId.encode({ session: 'abc', owner: '600000000000000001', n: 1, choice: 0 });
    for (const kind of ['select', 'modal'] as const) {
      const interaction = fakeInteraction(kind, id);
      await createRouter([quiz]).dispatch(ctx, interaction);
      expect(contentOf(interaction.answers[0])).toBe(EXPIRED);
    }
    expect(answer).not.toHaveBeenCalled();
  });

  it('suggests sections by id or title, in reading order', async () => {
    const content = new Content(await loadBundleOrThrow('content'));
    expect(matchSections(content, '').map((choice) => choice.value)).toEqual(content.bundle.sections.map((section) => section.id));
    const found = matchSections(content, 'ROLE');
    expect(found.map((choice) => choice.value)).toContain('role-play-objection');
    expect(found.every((choice) => choice.name.length <= 100)).toBe(true);
  });
});
