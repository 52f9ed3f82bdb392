import type { Question } from '../content/schema.js';

/** Harder questions are worth more; a wrong answer scores nothing. */
export const POINTS: Readonly<Record<Question['difficulty'], number>> = { 1: 10, 2: 20, 3: 30 };

export interface Graded {
  readonly question: Question;
  readonly choice: number;
  readonly correct: boolean;
  readonly points: number;
}

export function grade(question: Question, choice: number): Graded {
  const correct = question.answer === choice;
  return { question, choice, correct, points: correct ? POINTS[question.difficulty] : 0 };
}
