import { describe, expect, it } from 'vitest';
import { type ChartSpec, chartPng, chartSvg } from '../../src/charts/render.js';

const bars: ChartSpec = {
  width: 200,
  height: 100,
  data: {
    values: [
      { week: 'W1', members: 3 },
      { week: 'W2', members: 5 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'week', type: 'nominal' }, y: { field: 'members', type: 'quantitative' } },
};

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('chart rendering', () => {
  it('draws a Vega-Lite spec as SVG with its data in it', async () => {
    const svg = await chartSvg(bars);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('W2');
    expect(svg.match(/role-mark/g)?.length).toBeGreaterThan(0);
  });

  it('rasterises it to a PNG at the requested density', async () => {
    const png = await chartPng(bars, { scale: 2 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = pngSize(png);
    const single = pngSize(await chartPng(bars, { scale: 1 }));
    expect(size.width).toBe(single.width * 2);
    expect(size.height).toBe(single.height * 2);
  });

  it('rejects a spec that does not compile', async () => {
    await expect(chartSvg({ mark: 'no-such-mark' } as unknown as ChartSpec)).rejects.toThrow();
  });
});
