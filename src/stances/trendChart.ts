import { type ChartSpec, chartPng } from '../charts/render.js';
import type { Trend } from './reveal.js';

/**
 * The group's final stances per week as stacked bars, one colour per position in the question's order. Weeks with
 * too few stances to split are left out of the picture (the text beside it counts them).
 */
export function trendSpec(trend: Trend): ChartSpec | undefined {
  const values = trend.points.flatMap((point, index) =>
    (point.shares ?? []).map((share) => ({
      week: point.week,
      order: index,
      position: share.position.label,
      rank: trend.positions.findIndex((position) => position.id === share.position.id),
      members: share.count,
    })),
  );
  if (values.length === 0) return undefined;
  return {
    // The question heads the message beside the image; a long one would be cut short in the picture.
    title: 'Final stances by week',
    width: Math.max(240, new Set(values.map((value) => value.week)).size * 56),
    height: 220,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'week', type: 'ordinal', sort: { field: 'order' }, title: 'Week', axis: { labelAngle: 0 } },
      y: { field: 'members', type: 'quantitative', stack: 'normalize', title: 'Share of final stances', axis: { format: '%' } },
      color: {
        field: 'position',
        type: 'nominal',
        title: 'Position',
        legend: { labelLimit: 260 },
        sort: trend.positions.map((position) => position.label),
        scale: { scheme: 'tableau10' },
      },
      order: { field: 'rank' },
      tooltip: [{ field: 'position' }, { field: 'members' }],
    },
  };
}

/** The trend as a PNG, or undefined when no week has enough stances to draw. */
export async function trendPng(trend: Trend): Promise<Buffer | undefined> {
  const spec = trendSpec(trend);
  return spec && chartPng(spec);
}
