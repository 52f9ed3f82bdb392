import { commands } from '../../commands/index.js';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { exitWith, memoryNow, send } from '../lib/protocol.js';

/**
 * The whole bot as `npm start` runs it: src/main.ts `run(env)` is `startApp(loadConfig(env), commands)` (imported apart here
 * because a bundled main.ts would take itself for the entry point). discord.js reads SHARD_COUNT from the environment.
 */
const app = await startApp(loadConfig(process.env), commands);
const sinceStartMs = performance.now();
send({ type: 'ready', sinceStartMs, guilds: app.client.guilds.cache.size, ...memoryNow() });
exitWith(
  () => app.stop(),
  () => app.services.content.findClaim('did claude fake alignment in the free tier?'),
);
