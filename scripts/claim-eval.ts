import { resolve } from 'node:path';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { type Half, judgeAll, loadProbes, report } from './lib/claimProbes.js';

/** `npm run claim:eval [-- tune|held-out]`: /claim's figures on the probe set, with the confusion matrix and misses. */
const halves: Half[] = process.argv.includes('held-out') ? ['held-out'] : process.argv.includes('tune') ? ['tune'] : ['tune', 'held-out'];
const content = new Content(await loadBundleOrThrow(resolve(process.env.CONTENT_DIR || 'content')));
for (const half of halves) console.log(report(half, judgeAll(content, await loadProbes(half))));
