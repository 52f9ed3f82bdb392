import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type CacheType,
  type ChannelType,
  type CommandInteractionOption,
  type CommandInteractionOptionResolver,
  DiscordjsErrorCodes,
  DiscordjsTypeError,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { Expired, Refusal } from './errors.js';

/**
 * Command definitions are plain `as const` objects in Discord's own JSON shape, so the handler's arguments are
 * typed from the definition itself (in the manner of yuudachi's `ArgumentsOf`) and read once, by the router.
 */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type OptionData = DeepReadonly<APIApplicationCommandBasicOption>;
export interface SubcommandData {
  readonly type: ApplicationCommandOptionType.Subcommand;
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionData[];
}
/** A slash command as sent to Discord, less what `defineCommand` adds (permissions, contexts). */
export type CommandData = Omit<
  DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>,
  'options' | 'default_member_permissions' | 'contexts'
> & { readonly options?: readonly OptionData[] | readonly SubcommandData[] };

type Channel<C extends CacheType> = NonNullable<CommandInteractionOption<C>['channel']>;
type User<C extends CacheType> = NonNullable<CommandInteractionOption<C>['user']>;
type Choice<O> = O extends { readonly choices: readonly { readonly value: infer V }[] } ? V : never;

type ValueOf<O, C extends CacheType> = O extends { readonly type: ApplicationCommandOptionType.String }
  ? [Choice<O>] extends [never]
    ? string
    : Choice<O>
  : O extends { readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
    ? [Choice<O>] extends [never]
      ? number
      : Choice<O>
    : O extends { readonly type: ApplicationCommandOptionType.Boolean }
      ? boolean
      : O extends { readonly type: ApplicationCommandOptionType.User }
        ? User<C>
        : O extends { readonly type: ApplicationCommandOptionType.Channel }
          ? Channel<C>
          : never;

/** The arguments a list of options gives a handler: `null` for an optional option the member left out. */
export type ArgumentsOf<Options, C extends CacheType = CacheType> = [Options] extends [readonly OptionData[]]
  ? { readonly [O in Options[number] as O['name']]: O extends { readonly required: true } ? ValueOf<O, C> : ValueOf<O, C> | null }
  : Record<string, never>;

type Options = Omit<CommandInteractionOptionResolver, 'getMessage' | 'getFocused'>;

function read(options: Options, option: OptionData): unknown {
  const required = option.required === true;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return options.getString(option.name, required);
    case ApplicationCommandOptionType.Integer:
      return options.getInteger(option.name, required);
    case ApplicationCommandOptionType.Number:
      return options.getNumber(option.name, required);
    case ApplicationCommandOptionType.Boolean:
      return options.getBoolean(option.name, required);
    case ApplicationCommandOptionType.User:
      return options.getUser(option.name, required);
    case ApplicationCommandOptionType.Channel:
      return options.getChannel(option.name, required, option.channel_types as readonly ChannelType[] | undefined);
    default:
      throw new Error(`Option type ${option.type} of "${option.name}" has no reader yet.`);
  }
}

/**
 * Discord's client keeps to a definition's choices and bounds, but a payload from an older definition or from
 * elsewhere may not: such a value is refused here, so the type the handler sees is the truth.
 */
function assertWithinDefinition(option: OptionData, value: unknown): void {
  if (value === null) return;
  const choices = 'choices' in option ? option.choices : undefined;
  if (choices && !choices.some((choice) => choice.value === value)) {
    throw new Refusal(`Pick a **${option.name}** from the list.`);
  }
  const min = 'min_value' in option ? option.min_value : undefined;
  const max = 'max_value' in option ? option.max_value : undefined;
  if (typeof value === 'number' && ((min !== undefined && value < min) || (max !== undefined && value > max))) {
    throw new Refusal(`**${option.name}** must be between ${min ?? '…'} and ${max ?? '…'}.`);
  }
}

/** An option or modal field that does not match the definition: the member's client still had an older version of it. */
const OUTDATED = new Set<string>([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldNotFound,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldType,
  DiscordjsErrorCodes.ModalSubmitInteractionFieldEmpty,
]);

function expiredIfOutdated<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof DiscordjsTypeError && OUTDATED.has(err.code)) throw new Expired(err.message);
    throw err;
  }
}

/** Reads every option the definition declares, typed by it; an option of an older definition is Expired. */
export function readArguments<Args>(definition: readonly OptionData[] | undefined, options: Options): Args {
  const entries = (definition ?? []).map((option) => {
    const value = expiredIfOutdated(() => read(options, option));
    assertWithinDefinition(option, value);
    return [option.name, value] as const;
  });
  return Object.fromEntries(entries) as Args;
}

/** The text fields a modal handler reads; a modal without one (sent by an older version) is Expired. */
export function readModalFields<F extends string>(
  fields: readonly F[],
  interaction: ModalSubmitInteraction,
): { readonly [Field in F]: string } {
  const values = fields.map((field) => [field, expiredIfOutdated(() => interaction.fields.getTextInputValue(field))] as const);
  return Object.fromEntries(values) as { readonly [Field in F]: string };
}
