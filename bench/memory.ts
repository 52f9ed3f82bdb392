import { manyGuilds, startStandIn } from '../testkit/index.js';
import { startClient } from './lib/children.js';
import type { ClientKind } from './lib/protocol.js';
import { medianOf } from './lib/stats.js';

/** Discord closes a shard that would hold more than 2,500 guilds (4011), so larger fixtures log in with more shards. */
const shardsFor = (guilds: number) => Math.max(1, Math.ceil(guilds / 2_500));

/** A realistic server (issue 18): 30 channels and 25 roles besides @everyone, the moderator and the bot's role. */
export const GUILD_SHAPE = { channels: 30, roles: 25 } as const;

export interface MemoryRow {
  readonly guilds: number;
  readonly kind: ClientKind | 'scratchpad after a /claim';
  readonly rss: number;
  readonly heapUsed: number;
}

/**
 * RSS after READY (two full GCs) of each client kind, each in a fresh process, against guilds of this shape. `bare`: discord.js on default caching; `scratchpad-client`: src/discord/client.ts alone; `scratchpad`:
 * the whole bot, also after it has answered one /claim (which builds the claim engine); `cacheless`: the experiment in
 * bench/clients/cacheless.ts.
 */
export async function measureMemory(
  guildCounts: readonly number[],
  repeats: number,
  kinds: readonly ClientKind[],
  shape: { readonly channels: number; readonly roles: number },
): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  for (const guilds of guildCounts) {
    const shards = shardsFor(guilds);
    const standIn = await startStandIn({ guilds: manyGuilds(guilds, shape), shardCount: shards, strict: false });
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.apiUrl,
      SHARD_COUNT: String(shards),
      STORE_URL: 'memory://',
      LOG_LEVEL: 'silent',
      CONTENT_DIR: 'content',
    };
    const runs = new Map<MemoryRow['kind'], { rss: number; heapUsed: number }[]>();
    const record = (kind: MemoryRow['kind'], figures: { rss: number; heapUsed: number }) =>
      runs.set(kind, [...(runs.get(kind) ?? []), figures]);
    // Kinds alternate within each repeat, so a burst of load on the machine hits every kind alike.
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const kind of kinds) {
        const child = await startClient(kind, env);
        console.log(`  ${String(guilds).padStart(5)} guilds  ${kind.padEnd(17)} ${Math.round(child.report.rss / 1_048_576)} MB RSS`);
        if (child.report.guilds !== guilds) throw new Error(`${kind} became ready with ${child.report.guilds} of ${guilds} guilds`);
        record(kind, { rss: child.report.rss, heapUsed: child.report.heapUsed });
        // The claim engine is built by the first /claim: what the bot weighs once it has answered one.
        if (kind === 'scratchpad') record('scratchpad after a /claim', await child.memoryAfterClaim());
        await child.stop();
      }
    }
    await standIn.close();
    for (const kind of runs.keys()) rows.push({ guilds, kind, ...medianOf(runs.get(kind) ?? []) });
  }
  return rows;
}
