import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.js';
import { applyAnswer } from '../../src/quiz/progress.js';
import type { Progress } from '../../src/quiz/records.js';
import { pickNext, sample } from '../../src/quiz/select.js';
import { DAY, first, MINUTE, question } from './fixtures.js';

const start = new Date('2026-11-24T12:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

/** Answers in order, one minute apart: `[id, right?]`. */
function answered(questions: readonly Question[], answers: readonly [string, boolean][]): Progress | undefined {
  let progress: Progress | undefined;
  answers.forEach(([id, right], index) => {
    const q = questions.find((candidate) => candidate.id === id) as Question;
    progress = applyAnswer(progress, {
      id: `a${index}`,
      question: q,
      choice: right ? q.answer : q.answer + 1,
      at: at(index * MINUTE),
      version: '1.0.0',
    }).progress;
  });
  return progress;
}

const ids = (questions: readonly Question[], history: Progress | undefined, now: Date, exclude: string[] = []) => {
  const order: string[] = [];
  const asked = new Set(exclude);
  for (;;) {
    const picked = pickNext(questions, history?.questions ?? {}, { now, exclude: asked, random: first });
    if (!picked) return order;
    asked.add(picked.question.id);
    order.push(`${picked.reason}:${picked.question.id}`);
  }
};

describe('pickNext', () => {
  const bank = ['a', 'b', 'c', 'd', 'e'].map((id) => question(id));

  it('asks unseen questions before repeating any', () => {
    const history = answered(bank, [
      ['a', true],
      ['b', true],
    ]);
    expect(ids(bank, history, at(DAY))).toEqual(['new:c', 'new:d', 'new:e', 'again:a', 'again:b']);
  });

  it('puts due reviews of missed questions first, lowest box then longest overdue', () => {
    const history = answered(bank, [
      ['a', false], // box 1, due at +10 min
      ['b', false], // box 1, due at +11 min
      ['c', false],
      ['c', true], // c moved up to box 2: due a day later
      ['d', true],
    ]);
    // 20 minutes in: a and b are due, c waits a day, e is unseen; c was last seen before d.
    expect(ids(bank, history, at(20 * MINUTE))).toEqual(['review:a', 'review:b', 'new:e', 'again:c', 'again:d']);
    // Two days in, c is due too but sits in a higher box than a and b.
    expect(ids(bank, history, at(2 * DAY))).toEqual(['review:a', 'review:b', 'review:c', 'new:e', 'again:d']);
  });

  it('does not bring a miss back before its review is due', () => {
    const history = answered(bank, [['a', false]]);
    expect(ids(bank, history, at(5 * MINUTE))[0]).toBe('new:b');
    expect(ids(bank, history, at(10 * MINUTE))[0]).toBe('review:a');
  });

  it('repeats the least recently seen once everything has been seen', () => {
    const history = answered(bank, [
      ['c', true],
      ['a', true],
      ['e', true],
      ['b', true],
      ['d', true],
    ]);
    expect(ids(bank, history, at(DAY))).toEqual(['again:c', 'again:a', 'again:e', 'again:b', 'again:d']);
  });

  it('filters by section and difficulty', () => {
    const mixed = [
      question('easy-setup'),
      question('hard-setup', { difficulty: 3 }),
      question('easy-results', { section: 'results' }),
      question('hard-results', { section: 'results', difficulty: 3 }),
    ];
    const only = (filter: Parameters<typeof pickNext>[2]['filter']) => {
      const order: string[] = [];
      for (;;) {
        const picked = pickNext(mixed, {}, { now: start, filter, exclude: new Set(order), random: first });
        if (!picked) return order;
        order.push(picked.question.id);
      }
    };
    expect(only({})).toHaveLength(4);
    expect(only({ section: 'results' })).toEqual(['easy-results', 'hard-results']);
    expect(only({ difficulty: 3 })).toEqual(['hard-setup', 'hard-results']);
    expect(only({ section: 'results', difficulty: 1 })).toEqual(['easy-results']);
    expect(only({ section: 'nowhere' })).toEqual([]);
  });

  it('never repeats a question within a session, even a due review', () => {
    const history = answered(bank, [['a', false]]);
    expect(ids(bank, history, at(DAY), ['a'])).not.toContain('review:a');
    expect(ids(bank, history, at(DAY), ['a', 'b', 'c', 'd', 'e'])).toEqual([]);
  });

  it('skips questions that left the bundle but keeps their history', () => {
    const history = answered(bank, [
      ['a', false],
      ['b', true],
    ]);
    const updated = [question('b'), question('c'), question('f')]; // a removed, f added
    expect(ids(updated, history, at(DAY))).toEqual(['new:c', 'new:f', 'again:b']);
    expect(history?.questions.a?.box).toBe(1);
  });
});

describe('sample', () => {
  it('returns distinct questions, at most as many as exist', () => {
    const bank = ['a', 'b', 'c'].map((id) => question(id));
    const picked = sample(bank, 2);
    expect(new Set(picked.map((q) => q.id)).size).toBe(2);
    expect(sample(bank, 10)).toHaveLength(3);
  });
});
