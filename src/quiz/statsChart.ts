import type { TopLevelSpec } from 'vega-lite';
import type { GroupStats } from './stats.js';

const TITLE_MAX = 28;
const short = (text: string) => (text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1)}…`);

/**
 * The picture of /quiz stats as a Vega-Lite spec: mastery per section across the group beside members and
 * answers per week. Rendering is the caller's (src/charts/render.ts), so this stays a plain, testable value.
 */
export function statsChartSpec(stats: GroupStats, sectionTitle: (id: string) => string): TopLevelSpec {
  const mastery = stats.sections.map((s) => ({
    section: short(sectionTitle(s.section)),
    mastery: Math.round(s.mastery * 100),
    members: s.members,
  }));
  const weeks = stats.weeks.map((w) => ({ week: w.week.slice(5), members: w.members, answers: w.answers }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: 'DejaVu Sans', view: { stroke: null } },
    hconcat: [
      {
        title: 'Mastery per section (% across members)',
        width: 260,
        height: { step: 18 },
        data: { values: mastery },
        mark: { type: 'bar', color: '#5865f2' },
        encoding: {
          y: { field: 'section', type: 'nominal', sort: null, title: null },
          x: { field: 'mastery', type: 'quantitative', scale: { domain: [0, 100] }, title: '%' },
          tooltip: [{ field: 'members', type: 'quantitative' }],
        },
      },
      {
        title: 'Members answering per week',
        width: 260,
        height: 200,
        data: { values: weeks },
        mark: { type: 'bar', color: '#57f287' },
        encoding: {
          x: { field: 'week', type: 'ordinal', sort: null, title: 'ISO week' },
          y: { field: 'members', type: 'quantitative', title: 'members', axis: { tickMinStep: 1 } },
        },
      },
    ],
  };
}
