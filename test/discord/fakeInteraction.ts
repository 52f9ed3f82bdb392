import {
  type CommandInteractionOption,
  CommandInteractionOptionResolver,
  ComponentType,
  type Interaction,
  ModalSubmitFields,
  PermissionsBitField,
} from 'discord.js';

export type FakeKind = 'command' | 'autocomplete' | 'button' | 'select' | 'modal';

export interface FakeOptions {
  readonly guild?: boolean;
  readonly permissions?: bigint[];
  /** The command's options as discord.js hands them over (a subcommand first, with its own options). */
  readonly options?: CommandInteractionOption[];
  /** A modal's text inputs, by custom_id. */
  readonly fields?: Readonly<Record<string, string>>;
  /** A menu's chosen values. */
  readonly values?: string[];
}

/** discord.js's own option resolver and modal fields, so reads fail with the errors a real payload gives. */
const optionResolver = (options: CommandInteractionOption[]) => Reflect.construct(CommandInteractionOptionResolver, [null, options, {}]);
const modalFields = (fields: Readonly<Record<string, string>>) =>
  Reflect.construct(ModalSubmitFields, [
    Object.entries(fields).map(([customId, value]) => ({
      type: ComponentType.Label,
      component: { type: ComponentType.TextInput, customId, value },
    })),
  ]);

/**
 * Just enough of an interaction for the router and the boundary, which branch on the kind, read options and
 * answer. Everything a command does with a real interaction is tested end to end against the Discord stand-in.
 */
export function fakeInteraction(kind: FakeKind, name: string, options: FakeOptions = {}) {
  const answers: { via: string; body: unknown }[] = [];
  const record = (via: string) => async (body: unknown) => {
    answers.push({ via, body });
  };
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
    options: optionResolver(options.options ?? []),
    fields: modalFields(options.fields ?? {}),
    values: options.values ?? [],
    answers,
    inGuild: () => options.guild !== false,
    isChatInputCommand: () => kind === 'command',
    isCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isStringSelectMenu: () => kind === 'select',
    isMessageComponent: () => kind === 'button' || kind === 'select',
    isModalSubmit: () => kind === 'modal',
    isRepliable: () => kind !== 'autocomplete',
    async reply(body: unknown) {
      if (fake.replied) throw new Error('already replied');
      fake.replied = true;
      answers.push({ via: 'reply', body });
    },
    followUp: record('followUp'),
    respond: record('respond'),
    update: record('update'),
    showModal: record('showModal'),
  };
  return fake as typeof fake & Interaction;
}
