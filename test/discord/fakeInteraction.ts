import { type Interaction, PermissionsBitField } from 'discord.js';

export type FakeKind = 'command' | 'autocomplete' | 'button' | 'modal';

/**
 * Just enough of an interaction for the router and the boundary, which only branch on the kind and answer.
 * Everything a command does with a real interaction is tested end to end against the Discord stand-in.
 */
export function fakeInteraction(kind: FakeKind, name: string, options: { guild?: boolean; permissions?: bigint[] } = {}) {
  const answers: { via: string; body: unknown }[] = [];
  const fake = {
    id: '900000000000000001',
    guildId: options.guild === false ? null : '800000000000000001',
    channelId: '700000000000000001',
    user: { id: '600000000000000001' },
    type: 2,
    commandName: name,
    customId: name,
    replied: false,
    deferred: false,
    memberPermissions: options.guild === false ? null : new PermissionsBitField(options.permissions ?? []),
    answers,
    inGuild: () => options.guild !== false,
    isChatInputCommand: () => kind === 'command',
    isCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isStringSelectMenu: () => false,
    isMessageComponent: () => kind === 'button',
    isModalSubmit: () => kind === 'modal',
    isRepliable: () => kind !== 'autocomplete',
    async reply(body: unknown) {
      if (fake.replied) throw new Error('already replied');
      fake.replied = true;
      answers.push({ via: 'reply', body });
    },
    async followUp(body: unknown) {
      answers.push({ via: 'followUp', body });
    },
    async respond(body: unknown) {
      answers.push({ via: 'respond', body });
    },
  };
  return fake as typeof fake & Interaction;
}
