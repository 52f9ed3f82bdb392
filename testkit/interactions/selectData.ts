import { apiChannel, apiMember, apiRole, apiUser } from '../world/apiShapes.js';
import type { World } from '../world/world.js';
import { ComponentType } from './componentLookup.js';
import type { Invocation } from './interactionPayload.js';

/** `values` and, for user/role/mentionable/channel selects, the `resolved` objects discord.js reads. */
export function selectData(
  world: World,
  invocation: Invocation,
  componentType: number,
  values: readonly string[],
): Record<string, unknown> {
  if (componentType === ComponentType.StringSelect) return { values: [...values] };
  const resolved: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown) => {
    resolved[kind] ??= {};
    (resolved[kind] as Record<string, unknown>)[id] = value;
  };
  for (const id of values) {
    const user = world.users.get(id);
    const role = invocation.guild.roles.find((r) => r.id === id);
    const channel = world.channels.get(id);
    if (user && (componentType === ComponentType.UserSelect || componentType === ComponentType.MentionableSelect)) {
      put('users', id, apiUser(user));
      const member = world.member(invocation.guild.id, id);
      if (member) {
        const { user: _user, ...rest } = apiMember(world, member);
        put('members', id, { ...rest, permissions: String(world.permissionsIn(invocation.channel.id, id)) });
      }
    } else if (role && (componentType === ComponentType.RoleSelect || componentType === ComponentType.MentionableSelect)) {
      put('roles', id, apiRole(role));
    } else if (channel && componentType === ComponentType.ChannelSelect) {
      put('channels', id, { ...apiChannel(channel), permissions: String(world.permissionsIn(id, invocation.userId)) });
    } else {
      throw new Error(
        `select value ${id} is no ${componentType === ComponentType.ChannelSelect ? 'channel' : 'user or role'} of guild ${invocation.guild.name}`,
      );
    }
  }
  return { values: [...values], resolved };
}
