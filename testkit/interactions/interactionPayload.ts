import type { StandInCore } from '../core.js';
import { apiChannel, apiMember } from '../world/apiShapes.js';
import type { ChannelRecord, GuildRecord } from '../world/records.js';

export interface Invocation {
  readonly guild: GuildRecord;
  readonly channel: ChannelRecord;
  readonly userId: string;
  readonly locale: string;
}

/**
 * The fields every guild interaction carries. discord.js reads all of them when it builds its interaction
 * objects: entitlements (it reduces over them), authorizing_integration_owners, the channel object,
 * member.permissions and app_permissions (permission bitfields), locale and guild_locale.
 */
export function interactionBase(
  core: StandInCore,
  invocation: Invocation,
  id: string,
  token: string,
  type: number,
): Record<string, unknown> {
  const { world } = core;
  const { guild, channel, userId } = invocation;
  const member = world.member(guild.id, userId);
  if (!member) throw new Error(`user ${userId} is not a member of guild ${guild.name}`);
  return {
    id,
    application_id: core.applicationId,
    type,
    token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.locale, features: [] },
    channel_id: channel.id,
    channel: apiChannel(channel),
    member: { ...apiMember(world, member), permissions: String(world.permissionsIn(channel.id, userId)) },
    app_permissions: String(world.permissionsIn(channel.id, world.bot.id)),
    locale: invocation.locale,
    guild_locale: guild.locale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}
