import { createClient, type RedisClientType } from '@keyv/redis';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { createLogger } from '../../src/log.js';
import { Prompts } from '../../src/prompts/service.js';
import { openStore } from '../../src/store/store.js';
import type { GuildRecord, MessageRecord, StandIn } from '../../testkit/index.js';
import { REDIS_URL } from '../store/backends.js';

/** What the sharded end-to-end tests share: the bot processes' JSON log, the seeded prompt schedules, clean-up. */

/** How long a bot process may take to start (tsx compiles on start; the machine is shared). */
export const BOOT_MS = 90_000;

export interface LogLine {
  readonly msg?: string;
  readonly shard?: number;
  readonly shards?: number[];
  readonly pid?: number;
  readonly guildId?: string;
  readonly [key: string]: unknown;
}

/** Collects the JSON lines bot processes write on stdout. */
export function botLog() {
  const lines: LogLine[] = [];
  const logged = (msg: string, shard?: number) =>
    lines.filter((line) => line.msg === msg && (shard === undefined || line.shard === shard || line.shards?.includes(shard)));
  const dump = () => lines.map((line) => `  ${JSON.stringify(line)}`).join('\n');
  return {
    lines,
    read(stream: NodeJS.ReadableStream | null) {
      let buffer = '';
      stream?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        for (const part of parts.filter(Boolean)) {
          try {
            lines.push(JSON.parse(part) as LogLine);
          } catch {
            lines.push({ msg: part });
          }
        }
      });
    },
    logged,
    dump,
    /** Waits until `msg` was logged `count` times (by this shard's process, when given). */
    waitFor: (standIn: StandIn, msg: string, count: number, shard?: number) =>
      standIn.waitFor(() => logged(msg, shard).length >= count, {
        timeoutMs: BOOT_MS,
        description: `${count}× "${msg}"${shard === undefined ? '' : ` from shard ${shard}`} in the bot's log`,
        context: dump,
      }),
  };
}

/** The bot's weekly posts (not replies) in a guild's #general. */
export const promptPosts = (standIn: StandIn, guild: GuildRecord): MessageRecord[] =>
  standIn.messages(standIn.guild(guild.id).channel('general')).filter((m) => m.interactionId === null && m.authorId === standIn.bot.id);

/**
 * The processes read the wall clock, which a test cannot move, so every guild's prompt schedule is set up the way a
 * bot that was offline at post time finds it: created an hour ago (by the Prompts service `/prompts setup` calls,
 * on the shared Redis) for a slot two minutes ago, inside the grace window. Each process posts at start-up.
 */
export async function seedPromptSchedules(standIn: StandIn, prefix: string) {
  const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  const log = createLogger('silent');
  const store = await openStore(REDIS_URL, log, prefix);
  const content = new Content(await loadBundleOrThrow('content'));
  const anHourBefore = { now: () => new Date(slot.getTime() - 3_600_000) };
  const prompts = new Prompts({ store, content, clock: anHourBefore, log, graceMs: 12 * 3_600_000 });
  const time = slot.toISOString().slice(11, 16);
  const weekday = slot.getUTCDay() === 0 ? 7 : slot.getUTCDay();
  for (const guild of standIn.guilds()) {
    const channelId = standIn.guild(guild.id).channel('general').id;
    await prompts.setup(guild.id, { channelId, weekday, time, timezone: 'UTC', thread: true });
  }
  await store.close();
}

/** Deletes every key under the test's prefix from the shared Redis. */
export async function deleteKeys(prefix: string) {
  const redis = createClient({ url: REDIS_URL }) as RedisClientType;
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}.*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
}

export function findButton(message: MessageRecord, prefix: string): string {
  const ids = (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).map((component) => component.custom_id ?? ''),
  );
  const id = ids.find((candidate) => candidate.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button on message ${message.id} (buttons: ${ids.join(', ')})`);
  return id;
}
