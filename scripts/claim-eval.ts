import { resolve } from 'node:path';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { type Half, judgeAll, loadProbes, report } from './lib/claimProbes.js';

/**
 * `npm run claim:eval [-- tune|held-out] [-- --misses]`: /claim's figures on the probe set with the confusion
 * matrix, and the tuning half's misses. Held-out misses are listed only with --misses: whoever tunes cards or
 * thresholds must not read them.
 */
const halves: Half[] = process.argv.includes('held-out') ? ['held-out'] : process.argv.includes('tune') ? ['tune'] : ['tune', 'held-out'];
const content = new Content(await loadBundleOrThrow(resolve(process.env.CONTENT_DIR || 'content')));
for (const half of halves) {
  const misses = half === 'tune' || process.argv.includes('--misses');
  console.log(report(half, judgeAll(content, await loadProbes(half)), { misses }));
}
