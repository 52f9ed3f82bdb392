import { measureInteractions } from './interactions.js';
await measureInteractions({ repeats: 1, concurrencies: [1, 64], perSlot: 10, minimum: 100, warmup: 20 }, (l) => console.log(l));
