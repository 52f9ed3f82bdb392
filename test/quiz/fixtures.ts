import { pino } from 'pino';
import type { Clock } from '../../src/clock.js';
import { Content } from '../../src/content/content.js';
import type { Question, Section, Source } from '../../src/content/schema.js';

export const silent = pino({ level: 'silent' });

export function question(id: string, overrides: Partial<Question> = {}): Question {
  return {
    id,
    section: 'setup',
    difficulty: 1,
    question: `Question ${id}?`,
    choices: ['Right', 'Wrong', 'Also wrong'],
    answer: 0,
    explanation: `Because ${id}.`,
    sources: ['paper'],
    ...overrides,
  };
}

const section = (id: string, order: number): Section => ({
  id,
  title: `Section ${id}`,
  order,
  summary: 'Summary.',
  keyPoints: ['a', 'b', 'c'],
  sources: ['paper'],
  claims: [],
  body: 'Body.',
});

const paper: Source = {
  id: 'paper',
  title: 'The paper',
  authors: ['A. Author'],
  date: '2024-12-18',
  url: 'https://example.org/paper',
  kind: 'paper',
  stance: 'reports',
  note: 'The paper.',
  aliases: [],
};

export function contentWith(questions: readonly Question[], version = '1.0.0'): Content {
  return new Content({
    info: { version, updated: '2026-11-24' },
    sections: [section('setup', 1), section('results', 2)],
    sources: [paper],
    claims: [],
    claimWords: { names: [], opposites: [], measures: [] },
    questions,
    prompts: [],
  });
}

export interface FakeClock extends Clock {
  set(at: string | Date): void;
  advance(ms: number): void;
}

export function fakeClock(start = '2026-11-24T12:00:00.000Z'): FakeClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** A random source that always picks the first candidate, so selection is deterministic. */
export const first = () => 0;

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
