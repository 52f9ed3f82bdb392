import { mb } from './lib/stats.js';
import { measureMemory } from './memory.js';

const t = Date.now();
const rows = await measureMemory([1, 1000, 5000], 1);
for (const r of rows) console.log(r.guilds, r.kind, mb(r.rss), mb(r.heapUsed));
console.log('took', Date.now() - t);
