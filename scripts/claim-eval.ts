import { resolve } from 'node:path';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { judgeAll, loadProbes, probeSets, report } from './lib/claimProbes.js';

/**
 * `npm run claim:eval [-- tune|dev|dev-2|…|dev-72|held-out] [--misses]`: /claim's figures on the probe sets with the
 * confusion matrix, and the tuning sets' misses. Held-out misses are listed only with --misses: whoever tunes cards
 * or thresholds must not read them.
 */
const chosen = probeSets.filter((set) => process.argv.includes(set));
const content = new Content(await loadBundleOrThrow(resolve(process.env.CONTENT_DIR || 'content')));
for (const set of chosen.length > 0 ? chosen : probeSets) {
  const misses = set !== 'held-out' || process.argv.includes('--misses');
  console.log(report(set, judgeAll(content, await loadProbes(set)), { misses }));
}
