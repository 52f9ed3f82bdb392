import { hasChromium, SKIP_MESSAGE } from './chromium.js';

/** Runs once before the browser tests: a machine without Chromium says so instead of skipping silently. */
export default function setup(): void {
  if (!hasChromium) console.warn(`\n${SKIP_MESSAGE}\n`);
}
