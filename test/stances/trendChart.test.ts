import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/render.js';
import type { Trend } from '../../src/stances/reveal.js';
import { trendPng, trendSpec } from '../../src/stances/trendChart.js';
import { STANCE } from './helpers.js';

const [yes, partly, no] = STANCE.positions as [(typeof STANCE.positions)[0], (typeof STANCE.positions)[0], (typeof STANCE.positions)[0]];
const shares = (counts: readonly number[]) => [yes, partly, no].map((position, index) => ({ position, count: counts[index] ?? 0 }));

const trend: Trend = {
  stanceId: STANCE.id,
  question: STANCE.question,
  positions: STANCE.positions,
  points: [
    { week: '2026-W10', title: 'Prompt a', total: 4, shares: shares([3, 1, 0]) },
    { week: '2026-W11', title: 'Prompt b', total: 2, shares: undefined },
    { week: '2026-W12', title: 'Prompt c', total: 5, shares: shares([1, 2, 2]) },
  ],
};

describe('the trend chart', () => {
  it('draws the weeks with a split, in order, and leaves out weeks with too few stances', async () => {
    const spec = trendSpec(trend);
    if (!spec) throw new Error('expected a chart');
    const svg = await chartSvg(spec);
    expect(svg).toContain('2026-W10');
    expect(svg).toContain('2026-W12');
    expect(svg).not.toContain('2026-W11');
    expect(svg).toContain('Partly');
  });

  it('is a PNG, or nothing when no week can be split', async () => {
    const png = await trendPng(trend);
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await trendPng({ ...trend, points: [{ week: '2026-W11', title: 'b', total: 2, shares: undefined }] })).toBeUndefined();
  });
});
