import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ANKI_COLUMNS, ANSWERS_HEADER, ankiTsv, answersCsv, MISSES_HEADER, missesCsv } from '../../src/quiz/export.js';
import { insightsOf } from '../../src/quiz/insights.js';
import { applyAnswer, historyOf, withHistoryMoved } from '../../src/quiz/progress.js';
import { emptyProgress, HISTORY_BATCH, HISTORY_KEPT, type History, type Progress, ProgressSchema } from '../../src/quiz/records.js';
import { contentWith, DAY, question } from './fixtures.js';

const tricky = question('tricky', {
  question: 'Which is "right", A or B?',
  choices: ['Right, with a comma', 'Wrong\nacross lines', 'Also wrong'],
});
const easy = question('easy');
const later = question('later', { section: 'results' });
const content = contentWith([tricky, easy, later]);
const start = new Date('2026-11-02T12:00:00Z');

function answers(list: readonly [typeof easy, number, number][]): Progress {
  return list.reduce<Progress>(
    (progress, [q, choice, days], i) =>
      applyAnswer(progress, { id: `a${i}`, question: q, choice, at: new Date(start.getTime() + days * DAY), version: '1.0.0' }).progress,
    emptyProgress(),
  );
}

describe('progress record versions', () => {
  it('upgrades a version 1 record from its recent log', () => {
    const v1 = {
      v: 1,
      answered: 3,
      correct: 1,
      points: 10,
      timeZone: 'Europe/Berlin',
      streak: null,
      questions: {
        tricky: {
          seen: 2,
          right: 0,
          lastSeen: start.toISOString(),
          lastCorrect: false,
          box: 1,
          due: start.toISOString(),
          version: '1.0.0',
        },
        easy: { seen: 1, right: 1, lastSeen: start.toISOString(), lastCorrect: true, box: 0, due: null, version: '1.0.0' },
      },
      weeks: {},
      recent: [
        { id: 'x1', question: 'tricky', choice: 1, correct: false, points: 0, at: start.toISOString(), version: '1.0.0' },
        { id: 'x2', question: 'tricky', choice: 1, correct: false, points: 0, at: start.toISOString(), version: '1.0.0' },
        { id: 'x3', question: 'easy', choice: 0, correct: true, points: 10, at: start.toISOString(), version: '1.0.0' },
      ],
    };
    const upgraded = ProgressSchema.parse(v1);
    expect(upgraded.v).toBe(3);
    expect(upgraded.questions.tricky).toMatchObject({ firstCorrect: false, lastChoice: 1, wrongChoices: { 1: 2 } });
    expect(upgraded.questions.easy).toMatchObject({ firstCorrect: true, lastChoice: 0, wrongChoices: {} });
    expect(upgraded.pending).toHaveLength(3);
    expect(ProgressSchema.parse(upgraded)).toEqual(upgraded);
  });

  it('upgrades a version 2 record: its history waits as pending answers, nothing of it lost', () => {
    const { pending, ...rest } = answers([
      [tricky, 1, 0],
      [easy, 0, 0],
    ]);
    const upgraded = ProgressSchema.parse({ ...rest, v: 2, history: pending });
    expect(upgraded).toEqual({ ...rest, v: 3, pending });
  });

  it('keeps the first try, the chosen wrong answers and per-section weeks', () => {
    const progress = answers([
      [tricky, 1, 0],
      [tricky, 2, 1],
      [tricky, 0, 2],
      [later, 0, 2],
    ]);
    expect(progress.questions.tricky).toMatchObject({ firstCorrect: false, lastChoice: 0, wrongChoices: { 1: 1, 2: 1 } });
    expect(historyOf(progress, undefined).map((a) => a.choice)).toEqual([1, 2, 0, 0]);
    expect(progress.sectionWeeks['2026-W45']).toMatchObject({ setup: { answered: 3, correct: 1 }, results: { answered: 1, correct: 1 } });
  });
});

describe('the history log', () => {
  const many = (count: number) =>
    answers(Array.from({ length: count }, (_, i) => [i % 2 === 0 ? tricky : easy, i % 3, i / 10] as [typeof easy, number, number]));

  it('leaves the log alone until a batch is pending, then moves the batch there in the same write', () => {
    const before = many(HISTORY_BATCH - 1);
    expect(withHistoryMoved(before, undefined)).toEqual([before, undefined]);
    const full = many(HISTORY_BATCH);
    const [progress, log] = withHistoryMoved(full, undefined);
    expect(progress.pending).toEqual([]);
    expect(log?.answers).toEqual(full.pending);
    expect(historyOf(progress, log)).toEqual(historyOf(full, undefined));
  });

  it('keeps the latest HISTORY_KEPT answers across the log and the pending ones, oldest first', () => {
    let log: History | undefined;
    let progress = emptyProgress();
    const total = HISTORY_KEPT + 2 * HISTORY_BATCH + 7;
    for (let i = 0; i < total; i++) {
      const q = i % 2 === 0 ? tricky : easy;
      progress = applyAnswer(progress, {
        id: `h${i}`,
        question: q,
        choice: i % 3,
        at: new Date(start.getTime() + i * 60_000),
        version: '1',
      }).progress;
      [progress, log] = withHistoryMoved(progress, log);
    }
    const kept = historyOf(progress, log);
    expect(kept).toHaveLength(HISTORY_KEPT);
    expect(kept.at(-1)?.at).toBe(new Date(start.getTime() + (total - 1) * 60_000).toISOString());
    expect(progress.pending.length).toBeLessThan(HISTORY_BATCH);
  });
});

describe('insights', () => {
  it('first-try accuracy, per-section recent against before, and the hardest questions', () => {
    const progress = answers([
      [tricky, 1, 0],
      [easy, 0, 0],
      [tricky, 1, 40],
      [tricky, 0, 41],
    ]);
    const now = new Date(start.getTime() + 41 * DAY);
    const insights = insightsOf(progress, ['setup', 'results'], content.bundle.questions, now);
    expect(insights.firstTry).toEqual({ answered: 2, correct: 1, share: 0.5 });
    expect(insights.sections[0]).toEqual({
      section: 'setup',
      recent: { answered: 2, correct: 1, share: 0.5 },
      before: { answered: 2, correct: 1, share: 0.5 },
    });
    expect(insights.sections[1]?.recent.share).toBeNull();
    expect(insights.hardest.map((h) => [h.question.id, h.seen - h.right])).toEqual([['tricky', 2]]);
  });
});

describe('export', () => {
  const progress = answers([
    [tricky, 1, 0],
    [easy, 0, 0],
  ]);

  it('writes answers as RFC 4180 CSV that a CSV reader gets back field for field', () => {
    const text = answersCsv(content, historyOf(progress, undefined));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...ANSWERS_HEADER]);
    expect(rows[0]).toMatchObject({
      question: 'Which is "right", A or B?',
      your_answer: 'B. Wrong\nacross lines',
      correct_answer: 'A. Right, with a comma',
      result: 'wrong',
      sources: 'https://example.org/paper',
    });
    expect(rows[1]).toMatchObject({ question_id: 'easy', result: 'right' });
  });

  it('lists misses with the most-chosen wrong answer', () => {
    const rows = parse(missesCsv(content, progress), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...MISSES_HEADER]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      question_id: 'tricky',
      your_most_chosen_wrong_answer: 'B. Wrong\nacross lines',
      still_in_review: 'yes',
    });
  });

  it('writes missed questions as Anki notes: headers, three tab-separated HTML fields, no raw newline in a field', () => {
    const lines = ankiTsv(content, progress).trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Scratchpad',
      `#columns:${ANKI_COLUMNS.join('\t')}`,
      '#tags column:3',
    ]);
    expect(lines).toHaveLength(7);
    const fields = lines[6]?.split('\t') ?? [];
    expect(fields).toHaveLength(3);
    expect(fields[0]).toBe('Which is &quot;right&quot;, A or B?<br><br>A. Right, with a comma<br>B. Wrong across lines<br>C. Also wrong');
    expect(fields[1]).toBe("<b>A. Right, with a comma</b><br><br>Because tricky.<br><br><a href='https://example.org/paper'>The paper</a>");
    expect(fields[2]).toBe('scratchpad scratchpad::setup');
  });
});
