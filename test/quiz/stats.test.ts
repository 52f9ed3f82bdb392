import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/content/schema.js';
import { applyAnswer } from '../../src/quiz/progress.js';
import { emptyProgress, type Progress, type Report } from '../../src/quiz/records.js';
import { groupStats } from '../../src/quiz/stats.js';
import { statsChartSpec } from '../../src/quiz/statsChart.js';
import { contentWith, DAY, question } from './fixtures.js';

const tricky = question('tricky');
const easy = question('easy', { section: 'results' });
const content = contentWith([tricky, easy]);
const now = new Date('2026-11-24T12:00:00Z');
const card = { id: 'the-card', claim: 'The claim that addresses it.', sections: ['setup'] } as Claim;

function member(choices: readonly [typeof tricky, number, number][]): Progress {
  return choices.reduce<Progress>(
    (p, [q, choice, daysAgo], i) =>
      applyAnswer(p, { id: `x${i}`, question: q, choice, at: new Date(now.getTime() - daysAgo * DAY), version: '1.0.0' }).progress,
    emptyProgress(),
  );
}

const report: Report = { id: 1, question: 'tricky', user: '3', reason: 'Unclear', at: now.toISOString(), version: '1.0.0', status: 'open' };

describe('group stats', () => {
  const members = [
    member([
      [tricky, 1, 0],
      [easy, 0, 0],
    ]),
    member([
      [tricky, 1, 8],
      [tricky, 2, 1],
    ]),
    member([[easy, 1, 20]]),
    emptyProgress(),
  ];
  const claims: [string, string][] = [];
  const stats = groupStats(content, members, [report], now, (q, wrong) => {
    claims.push([q.id, wrong]);
    return card;
  });

  it('ranks the most-missed questions with their most-chosen wrong answer and its claim card', () => {
    expect(stats.members).toBe(3);
    expect(stats.mostMissed.map((m) => [m.question.id, m.missed, m.seen])).toEqual([
      ['tricky', 3, 3],
      ['easy', 1, 2],
    ]);
    expect(stats.mostMissed[0]?.wrong).toEqual({ choice: 1, count: 2, misconception: true });
    expect(stats.mostMissed[0]?.claim).toBe(card);
    expect(stats.mostMissed[1]?.wrong).toEqual({ choice: 1, count: 1, misconception: false });
    expect(stats.mostMissed[1]?.claim).toBeNull();
    expect(claims).toEqual([['tricky', 'Wrong']]);
  });

  it('averages mastery per section over members who answered there, counts members per week, passes reports on', () => {
    expect(stats.sections.map((s) => [s.section, s.members])).toEqual([
      ['setup', 2],
      ['results', 2],
    ]);
    expect(stats.sections[1]?.mastery).toBeCloseTo(0.5);
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks.at(-1)).toEqual({ week: '2026-W48', members: 2, answers: 3 });
    expect(stats.weeks.at(-2)).toEqual({ week: '2026-W47', members: 1, answers: 1 });
    expect(stats.openReports).toEqual([report]);
  });

  it('draws a chart spec that Vega-Lite compiles', () => {
    const spec = statsChartSpec(stats, (id) => `Section ${id}`);
    expect(() => compile(spec)).not.toThrow();
    expect(JSON.stringify(spec)).toContain('Section setup');
  });
});
