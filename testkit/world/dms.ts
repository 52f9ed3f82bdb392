import type { ChannelRecord } from './records.js';
import type { World } from './world.js';

/** Discord's channel type of a direct message between the bot and one user. */
export const DM_CHANNEL_TYPE = 1;

/**
 * Direct messages between the bot and users: one DM channel per user (Discord returns the same channel on every
 * "create DM"), and the users who do not accept DMs from the bot (a message to them gets 50007). DM channels
 * live in the world's channel map, with no guild, so messages and interaction replies work as in any channel.
 */
export class DmDirectory {
  private readonly byUser = new Map<string, ChannelRecord>();
  private readonly recipients = new Map<string, string>();
  private readonly closed = new Set<string>();

  constructor(private readonly world: World) {}

  channelFor(userId: string): ChannelRecord {
    const existing = this.byUser.get(userId);
    if (existing) return existing;
    const channel: ChannelRecord = {
      id: this.world.ids.next(),
      guildId: '',
      type: DM_CHANNEL_TYPE,
      name: `dm-${this.world.users.get(userId)?.username ?? userId}`,
      position: 0,
      parentId: null,
      topic: null,
      rateLimitPerUser: 0,
      overwrites: [],
      lastMessageId: null,
      messageCount: 0,
      thread: null,
    };
    this.world.addChannel(channel);
    this.byUser.set(userId, channel);
    this.recipients.set(channel.id, userId);
    return channel;
  }

  /** The DM channel's user, or undefined when the channel is not a DM. */
  recipientOf(channelId: string): string | undefined {
    return this.recipients.get(channelId);
  }

  existingChannel(userId: string): ChannelRecord | undefined {
    return this.byUser.get(userId);
  }

  /** The user turned off "allow direct messages" for the bot's servers (or blocked it). */
  close(userId: string): void {
    this.closed.add(userId);
  }

  open(userId: string): void {
    this.closed.delete(userId);
  }

  accepts(userId: string): boolean {
    return !this.closed.has(userId);
  }
}

const directories = new WeakMap<World, DmDirectory>();

/** The world's DM directory, created on first use. */
export function dmsOf(world: World): DmDirectory {
  let directory = directories.get(world);
  if (!directory) {
    directory = new DmDirectory(world);
    directories.set(world, directory);
  }
  return directory;
}
