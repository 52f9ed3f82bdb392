import { resolve } from 'node:path';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { type Half, judgeAll, loadProbes, report } from './lib/claimProbes.js';

/**
 * `npm run claim:eval [-- tune|dev|held-out] [--misses]`: /claim's figures on the probe sets with the confusion
 * matrix, and the tuning sets' misses. Held-out misses are listed only with --misses: whoever tunes cards or
 * thresholds must not read them.
 */
const all: Half[] = ['tune', 'dev', 'held-out'];
const chosen = all.filter((half) => process.argv.includes(half));
const halves = chosen.length > 0 ? chosen : all;
const content = new Content(await loadBundleOrThrow(resolve(process.env.CONTENT_DIR || 'content')));
for (const half of halves) {
  const misses = half !== 'held-out' || process.argv.includes('--misses');
  console.log(report(half, judgeAll(content, await loadProbes(half)), { misses }));
}
