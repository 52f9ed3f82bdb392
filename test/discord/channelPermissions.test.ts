import { OverwriteType, PermissionFlagsBits as P, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { computeChannelPermissions } from '../../src/discord/channelPermissions.js';

const GUILD = 'g1';
const BOT = 'bot';
const bits = (...flags: bigint[]) => String(flags.reduce((all, flag) => all | flag, 0n));
const roles = [
  { id: GUILD, permissions: bits(P.ViewChannel, P.SendMessages) },
  { id: 'botRole', permissions: bits(P.EmbedLinks) },
  { id: 'admin', permissions: bits(P.Administrator) },
];
const compute = (over: Partial<Parameters<typeof computeChannelPermissions>[0]> = {}) =>
  computeChannelPermissions({
    guildId: GUILD,
    ownerId: 'someone',
    member: { id: BOT, roles: ['botRole'] },
    roles,
    overwrites: [],
    ...over,
  });
const has = (granted: bigint, flag: bigint) => (granted & flag) === flag;

describe('computeChannelPermissions (Discord’s documented algorithm)', () => {
  it('starts from @everyone and the member’s roles', () => {
    const granted = compute();
    expect([has(granted, P.ViewChannel), has(granted, P.SendMessages), has(granted, P.EmbedLinks), has(granted, P.ManageGuild)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('gives everything to the owner and to Administrator, whatever the overwrites', () => {
    const deny = [{ id: GUILD, type: OverwriteType.Role, allow: '0', deny: bits(P.ViewChannel) }];
    expect(compute({ ownerId: BOT, overwrites: deny })).toBe(PermissionsBitField.All);
    expect(compute({ member: { id: BOT, roles: ['admin'] }, overwrites: deny })).toBe(PermissionsBitField.All);
  });

  it('applies @everyone, then the roles together (allow over deny), then the member’s own overwrite', () => {
    const overwrites = [
      { id: GUILD, type: OverwriteType.Role, allow: '0', deny: bits(P.SendMessages) },
      { id: 'botRole', type: OverwriteType.Role, allow: bits(P.SendMessages), deny: bits(P.EmbedLinks) },
    ];
    expect(has(compute({ overwrites }), P.SendMessages)).toBe(true);
    expect(has(compute({ overwrites }), P.EmbedLinks)).toBe(false);
    const own = { id: BOT, type: OverwriteType.Member, allow: bits(P.EmbedLinks), deny: bits(P.SendMessages) };
    const granted = compute({ overwrites: [...overwrites, own] });
    expect([has(granted, P.SendMessages), has(granted, P.EmbedLinks)]).toEqual([false, true]);
  });

  it('a role overwrite of a role the member lacks does nothing; losing View Channel loses everything', () => {
    const other = [{ id: 'admin', type: OverwriteType.Role, allow: '0', deny: bits(P.SendMessages) }];
    expect(has(compute({ overwrites: other }), P.SendMessages)).toBe(true);
    const hidden = [{ id: BOT, type: OverwriteType.Member, allow: '0', deny: bits(P.ViewChannel) }];
    expect(compute({ overwrites: hidden })).toBe(0n);
  });
});
