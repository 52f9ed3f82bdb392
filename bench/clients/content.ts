import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { send } from '../lib/protocol.js';

/** The content bundle as start-up loads it, timed in a fresh process: load + validation, then the search index. */
const started = performance.now();
const bundle = await loadBundleOrThrow(process.env.CONTENT_DIR ?? 'content');
const loaded = performance.now();
new Content(bundle);
send({ type: 'content', loadMs: loaded - started, indexMs: performance.now() - loaded });
process.disconnect?.();
