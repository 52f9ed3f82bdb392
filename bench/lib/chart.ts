/**
 * The latency chart of docs/benchmarks.md, as a plain SVG string: one panel per scenario, latency (log scale)
 * against concurrency (log scale), p50 solid and p99 dashed, the bare client in grey and Scratchpad in blue.
 */
export interface ChartSeries {
  readonly scenario: string;
  /** Concurrency → median latency in ms. */
  readonly points: readonly { readonly concurrency: number; readonly bare: Percentiles; readonly scratchpad: Percentiles }[];
}

interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

const PANEL = { width: 300, height: 220, left: 52, right: 12, top: 34, bottom: 40 } as const;
const COLOURS = { bare: '#8a8a8a', scratchpad: '#2f6fdf' } as const;
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(series: ChartSeries, x0: number, y0: number): string {
  const values = series.points.flatMap((p) => [p.bare.p50, p.bare.p99, p.scratchpad.p50, p.scratchpad.p99]).filter((v) => v > 0);
  const low = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const concurrencies = series.points.map((p) => p.concurrency);
  const cMin = Math.min(...concurrencies);
  const cMax = Math.max(...concurrencies, cMin * 2);
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const x = (c: number) => x0 + PANEL.left + ((Math.log(c) - Math.log(cMin)) / (Math.log(cMax) - Math.log(cMin))) * plotW;
  const y = (ms: number) =>
    y0 + PANEL.top + plotH - ((Math.log10(Math.max(ms, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * plotH;
  const parts: string[] = [
    `<text x="${x0 + PANEL.width / 2}" y="${y0 + 18}" text-anchor="middle" font-weight="bold">${xml(series.scenario)}</text>`,
    `<rect x="${x0 + PANEL.left}" y="${y0 + PANEL.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#ccc"/>`,
  ];
  for (let tick = low; tick <= high; tick *= 10) {
    parts.push(
      `<line x1="${x0 + PANEL.left}" x2="${x0 + PANEL.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
      `<text x="${x0 + PANEL.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick >= 1 ? tick : tick.toFixed(1)}</text>`,
    );
  }
  for (const c of concurrencies) {
    parts.push(`<text x="${x(c)}" y="${y0 + PANEL.top + plotH + 16}" text-anchor="middle">${c}</text>`);
  }
  parts.push(
    `<text x="${x0 + PANEL.left + plotW / 2}" y="${y0 + PANEL.height - 6}" text-anchor="middle" fill="#555">concurrency</text>`,
    `<text transform="translate(${x0 + 14} ${y0 + PANEL.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#555">ms</text>`,
  );
  for (const kind of ['bare', 'scratchpad'] as const) {
    for (const [p, dash] of [
      ['p50', ''],
      ['p99', ' stroke-dasharray="5 4"'],
    ] as const) {
      const path = series.points.map((point) => `${x(point.concurrency).toFixed(1)},${y(point[kind][p]).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${path}" fill="none" stroke="${COLOURS[kind]}" stroke-width="2"${dash}/>`);
      for (const point of series.points) {
        parts.push(`<circle cx="${x(point.concurrency).toFixed(1)}" cy="${y(point[kind][p]).toFixed(1)}" r="3" fill="${COLOURS[kind]}"/>`);
      }
    }
  }
  return parts.join('\n');
}

export function latencyChart(series: readonly ChartSeries[], caption: string): string {
  const columns = Math.min(2, Math.max(1, series.length));
  const rows = Math.ceil(series.length / columns);
  const width = columns * PANEL.width;
  const height = rows * PANEL.height + 56;
  const legend = [
    ['bare discord.js client', COLOURS.bare, ''],
    ['Scratchpad', COLOURS.scratchpad, ''],
    ['p50', '#333', ''],
    ['p99', '#333', ' stroke-dasharray="5 4"'],
  ]
    .map(
      ([label, colour, dash], i) =>
        `<line x1="${12 + i * 150}" x2="${40 + i * 150}" y1="${height - 30}" y2="${height - 30}" stroke="${colour}" stroke-width="2"${dash}/>` +
        `<text x="${46 + i * 150}" y="${height - 26}">${xml(label ?? '')}</text>`,
    )
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...series.map((s, i) => panel(s, (i % columns) * PANEL.width, Math.floor(i / columns) * PANEL.height)),
    legend,
    `<text x="12" y="${height - 8}" fill="#555">${xml(caption)}</text>`,
    '</svg>',
  ].join('\n');
}
