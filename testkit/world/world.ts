import type { StandInClock } from '../clock.js';
import type { StandInEvents } from '../events.js';
import { computePermissions } from '../permissions.js';
import type { SnowflakeSource } from '../snowflake.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MemberRecord, MessageRecord, UserRecord } from './records.js';

const GLOBAL_SCOPE = 'global';

/** The model: users, guilds, channels (threads included), messages and registered commands. */
export class World {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord>();
  private readonly messagesByChannel = new Map<string, MessageRecord[]>();
  private readonly threadIds = new Set<string>();
  private readonly commandsByScope = new Map<string, CommandRecord[]>();

  constructor(
    readonly ids: SnowflakeSource,
    readonly clock: StandInClock,
    readonly events: StandInEvents,
    readonly bot: UserRecord,
  ) {
    this.users.set(bot.id, bot);
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.guilds.get(guildId)?.members.find((m) => m.userId === userId);
  }

  /** A user's permissions in a channel (a thread uses its parent's overwrites), as Discord computes them. */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.channels.get(channelId);
    const guild = channel && this.guilds.get(channel.guildId);
    const member = guild?.members.find((m) => m.userId === userId);
    if (!channel || !guild || !member) return 0n;
    const overwriteSource = channel.thread && channel.parentId ? this.channels.get(channel.parentId) : channel;
    return computePermissions(
      { userId, roleIds: member.roleIds, isOwner: guild.ownerId === userId },
      {
        guildId: guild.id,
        rolePermissions: new Map(guild.roles.map((r) => [r.id, BigInt(r.permissions)])),
        overwrites: overwriteSource?.overwrites ?? [],
      },
    );
  }

  addChannel(channel: ChannelRecord): void {
    this.channels.set(channel.id, channel);
    if (!channel.thread) return;
    this.threadIds.add(channel.id);
    this.events.publish('thread', channel);
  }

  threads(parentId?: string): ChannelRecord[] {
    const threads = [...this.threadIds].flatMap((id) => this.channels.get(id) ?? []);
    return parentId === undefined ? threads : threads.filter((t) => t.parentId === parentId);
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    const list = this.messagesByChannel.get(message.channelId) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channelId, list);
    const channel = this.channels.get(message.channelId);
    if (channel) {
      channel.lastMessageId = message.id;
      channel.messageCount += 1;
    }
    this.events.publish('message', message);
  }

  touchMessage(message: MessageRecord): void {
    message.revision += 1;
    message.editedAt = this.clock.now();
    this.events.publish('messageUpdate', message);
  }

  deleteMessage(message: MessageRecord): void {
    message.deleted = true;
    const remaining = (this.messagesByChannel.get(message.channelId) ?? []).filter((m) => m.id !== message.id);
    this.messagesByChannel.set(message.channelId, remaining);
    this.events.publish('messageDelete', message);
  }

  /** Forgets every message but `keep` (history only: nothing is announced to the bot). */
  forgetMessages(keep: ReadonlySet<string>): void {
    for (const [id] of this.messages) if (!keep.has(id)) this.messages.delete(id);
    for (const [channelId, list] of this.messagesByChannel)
      this.messagesByChannel.set(
        channelId,
        list.filter((m) => keep.has(m.id)),
      );
  }

  messagesIn(channelId: string): MessageRecord[] {
    return [...(this.messagesByChannel.get(channelId) ?? [])];
  }

  commands(guildId: string | null): CommandRecord[] {
    return this.commandsByScope.get(guildId ?? GLOBAL_SCOPE) ?? [];
  }

  setCommands(guildId: string | null, commands: CommandRecord[]): void {
    this.commandsByScope.set(guildId ?? GLOBAL_SCOPE, commands);
    this.events.publish('commands', { guildId });
  }

  /** The command a user in this guild would see under this name: a guild command wins over a global one. */
  findCommand(name: string, guildId: string): CommandRecord | undefined {
    return this.commands(guildId).find((c) => c.definition.name === name) ?? this.commands(null).find((c) => c.definition.name === name);
  }
}
