import type { InteractionStore } from './interactions/interactionRecord.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MessageRecord, UserRecord } from './world/records.js';
import type { World } from './world/world.js';

export interface InteractionSummary {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly dispatchedAt: number;
  readonly callbackType: number | null;
  readonly originalMessageId: string | null;
  readonly followUpIds: readonly string[];
}

/** The whole model as plain JSON (for the playground's first paint; later changes arrive as events). */
export interface StandInSnapshot {
  readonly bot: UserRecord;
  readonly users: UserRecord[];
  readonly guilds: GuildRecord[];
  readonly channels: ChannelRecord[];
  readonly messages: MessageRecord[];
  readonly commands: CommandRecord[];
  readonly interactions: InteractionSummary[];
}

export function snapshotOf(world: World, interactions: InteractionStore): StandInSnapshot {
  const guildIds = [...world.guilds.keys()];
  return structuredClone({
    bot: world.bot,
    users: [...world.users.values()],
    guilds: [...world.guilds.values()],
    channels: [...world.channels.values()],
    messages: [...world.messages.values()].filter((m) => !m.deleted),
    commands: [null, ...guildIds].flatMap((id) => world.commands(id)),
    interactions: interactions.all().map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      guildId: r.guildId,
      channelId: r.channelId,
      userId: r.userId,
      dispatchedAt: r.dispatchedAt,
      callbackType: r.callback?.type ?? null,
      originalMessageId: r.originalMessageId,
      followUpIds: [...r.followUpIds],
    })),
  });
}
