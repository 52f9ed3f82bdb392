import type { StandInCore } from '../../core.js';
import { apiChannel, apiMember, apiRole } from '../../world/apiShapes.js';
import type { GuildRecord } from '../../world/records.js';
import { ApiError, apiErrors } from '../apiError.js';
import { channelForBot } from '../channelAccess.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';

/**
 * What a bot without channel, role and member caches asks for: a channel (View Channel needed, as on Discord),
 * a guild's roles and one member, so it can work out its permissions in a channel it was not told about.
 */
export function guildRoutes(core: StandInCore): Route[] {
  return [
    { method: 'GET', template: '/channels/{channel_id}', auth: 'bot', handle: (r) => channel(core, r) },
    { method: 'GET', template: '/guilds/{guild_id}/roles', auth: 'bot', handle: (r) => roles(core, r) },
    { method: 'GET', template: '/guilds/{guild_id}/members/{user_id}', auth: 'bot', handle: (r) => member(core, r) },
  ];
}

function channel(core: StandInCore, { params }: RouteRequest): RouteResponse {
  return { status: 200, body: apiChannel(channelForBot(core, params.channel_id ?? '', [])) };
}

/** A guild the bot is in; Discord answers 10004 for any other. */
function guildOfBot(core: StandInCore, guildId: string): GuildRecord {
  const guild = core.world.guilds.get(guildId);
  if (!guild || !core.world.member(guildId, core.world.bot.id)) throw apiErrors.unknownGuild(`the bot is in no guild ${guildId}`);
  return guild;
}

function roles(core: StandInCore, { params }: RouteRequest): RouteResponse {
  return { status: 200, body: guildOfBot(core, params.guild_id ?? '').roles.map(apiRole) };
}

function member(core: StandInCore, { params }: RouteRequest): RouteResponse {
  const guild = guildOfBot(core, params.guild_id ?? '');
  const found = core.world.member(guild.id, params.user_id ?? '');
  if (!found) throw new ApiError(404, 10007, 'Unknown Member', `no member ${params.user_id} in guild ${guild.id}`);
  return { status: 200, body: apiMember(core.world, found) };
}
