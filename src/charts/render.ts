/**
 * Charts as PNG images for Discord attachments, shared by every feature that draws one (stance trends, stats).
 *
 * A Vega-Lite spec is compiled to Vega (vega-lite), rendered headless to SVG (vega's own SVG renderer, no DOM or
 * canvas needed) and rasterised with resvg (@resvg/resvg-js, a prebuilt native binary from npm). Well-kept
 * libraries instead of hand-drawn SVG: axes, scales and legends are their problem, not ours. Nothing is fetched
 * at run time; text uses the system's fonts (resvg falls back to drawing no glyphs when none are installed, so
 * callers always put the numbers beside the image as text too).
 */
import type { TopLevelSpec } from 'vega-lite';

/**
 * The libraries load with the first chart, not at start-up: they are about 19 MB of resident memory in every bot
 * process, and most processes draw a chart rarely (a moderator's /quiz stats or /stance trend) or never.
 */
const libraries = () => Promise.all([import('@resvg/resvg-js'), import('vega'), import('vega-lite')]);

export type ChartSpec = TopLevelSpec;

export interface PngOptions {
  /** Pixel density: 2 draws a 400-unit-wide chart 800 pixels wide, sharp on high-density screens. */
  readonly scale?: number;
  readonly background?: string;
}

/** The chart as an SVG document. Throws when the spec does not compile. */
export async function chartSvg(spec: ChartSpec): Promise<string> {
  const [, { parse, View }, { compile }] = await libraries();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG image. Throws when the spec does not compile. */
export async function chartPng(spec: ChartSpec, options: PngOptions = {}): Promise<Buffer> {
  const svg = await chartSvg(spec);
  const [{ Resvg }] = await libraries();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: options.background ?? '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
