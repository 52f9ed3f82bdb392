import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_PORT, type Playground, startPlayground } from './playground.js';

const Port = z.coerce.number().int().min(0).max(65_535);

/** `npm run playground`: no token, no .env, no Discord application; Ctrl-C stops everything. */
async function main() {
  const rawPort = process.env.PLAYGROUND_PORT || String(DEFAULT_PORT);
  const port = Port.safeParse(rawPort);
  if (!port.success) {
    console.error(`PLAYGROUND_PORT must be a port number (0–65535), got "${rawPort}".`);
    process.exit(1);
  }
  console.log('Starting the Scratchpad playground: a local stand-in for Discord, the real bot, and a page to drive it…');
  let playground: Playground;
  try {
    playground = await startPlayground({ port: port.data });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port.data} is in use. Set PLAYGROUND_PORT to another port, e.g. PLAYGROUND_PORT=5171 npm run playground.`
        : `The playground could not start: ${(err as Error).message}`,
    );
    process.exit(1);
  }
  console.log(`\n  Scratchpad playground: ${playground.url}\n\n  Open it in a browser and type / in the composer. Ctrl-C stops it.\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the playground…`);
    await playground.close().catch((err: unknown) => console.error(`Shutdown failed: ${(err as Error).message}`));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
