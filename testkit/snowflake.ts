import type { StandInClock } from './clock.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
const MAX_INCREMENT = 0xfff;

export function snowflakeAt(epochMs: number, increment = 0): string {
  return (((BigInt(Math.floor(epochMs)) - DISCORD_EPOCH) << 22n) | BigInt(increment & MAX_INCREMENT)).toString();
}

export function timestampOf(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Ids for things created "now" (messages, interactions, threads…): time-ordered, unique, up to 4096 per ms. */
export class SnowflakeSource {
  private lastMs = 0;
  private increment = 0;

  constructor(private readonly clock: StandInClock) {}

  next(): string {
    const now = Math.floor(this.clock.now());
    if (now > this.lastMs) {
      this.lastMs = now;
      this.increment = 0;
    } else if (++this.increment > MAX_INCREMENT) {
      this.lastMs += 1;
      this.increment = 0;
    }
    return snowflakeAt(this.lastMs, this.increment);
  }
}

/**
 * Guild ids one millisecond apart, so that (id >> 22) % n deals guilds round-robin over the shards, as
 * real guild ids (created at different times) spread over shards.
 */
export class SpreadSnowflakes {
  private nextMs: number;

  constructor(startMs: number) {
    this.nextMs = Math.floor(startMs);
  }

  next(): string {
    const id = snowflakeAt(this.nextMs);
    this.nextMs += 1;
    return id;
  }
}
