import {
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Services } from '../services.js';
import type { CustomId } from './customId.js';
import { Expired } from './errors.js';
import { type ArgumentsOf, type CommandData, type OptionData, readArguments, readModalFields, type SubcommandData } from './options.js';

/**
 * How a command is declared. The router owns the interaction's shape and its refusals, so a handler only does
 * its job:
 *
 * ```ts
 * const data = { name: 'quiz', description: '…', options: [{ type: Subcommand, name: 'start', … }] } as const satisfies CommandData;
 * export default defineCommand({
 *   data,                                   // Discord's JSON, `as const`: handler arguments are typed from it
 *   requires: ManageGuild,                  // optional: hides the whole command from members, re-checked at run time
 *   subcommands: {                          // one entry per subcommand of `data` (or `run` + `cooldown` without any)
 *     start: { cooldown: 3, run: (ctx, interaction, { section, difficulty }) => … },
 *     reports: { requires: ManageGuild, run: listReports },   // run-time check only: Discord hides whole commands
 *   },
 *   autocomplete: (ctx, interaction) => …,
 *   components: [button(answerId, answer), select(closeReportsId, close, { requires: ManageGuild }), modal(formId, ['reason'], file)],
 * });
 * ```
 *
 * Every handler gets a guild interaction of its declared kind; a custom_id that does not decode, a component of
 * another kind, an option or modal field the definition no longer has: all are answered "expired" before any
 * handler runs. Throw `Refusal` (or a domain `QuizRefusal`) to answer with a message, `Expired` for "expired".
 */
export type InGuild = 'cached' | 'raw';
export type SlashInteraction = ChatInputCommandInteraction<InGuild>;
export type ButtonClick = ButtonInteraction<InGuild>;
export type MenuChoice = StringSelectMenuInteraction<InGuild>;
export type ModalSubmit = ModalSubmitInteraction<InGuild>;
export type ComponentInteraction = ButtonClick | MenuChoice | ModalSubmit;

export type Handler<I, A> = (ctx: Services, interaction: I, args: A) => Promise<unknown>;

interface Gate {
  /** Permission the member needs, checked by the router before the handler runs. */
  readonly requires?: bigint;
}

/** A slash command without subcommands, or one subcommand. */
export interface SlashSpec<A> extends Gate {
  /** Seconds a member waits between two uses, for routes that cost real work (search, quiz starts). */
  readonly cooldown?: number;
  readonly run: Handler<SlashInteraction, A>;
}

/** A subcommand's arguments, for handlers written apart from `defineCommand`: `SubcommandArgs<typeof data, 'setup'>`. */
export type SubcommandArgs<D extends CommandData, Name extends string> = ArgumentsOf<
  Extract<D['options'] extends readonly (infer O)[] ? O : never, { readonly name: Name }> extends { readonly options?: infer Options }
    ? Options
    : never,
  InGuild
>;
/** The arguments of a command without subcommands. */
export type CommandArgs<D extends CommandData> = ArgumentsOf<D['options'], InGuild>;

type SubcommandsOf<D extends CommandData> = D['options'] extends readonly SubcommandData[] ? D['options'][number]['name'] : never;

interface BaseSpec<D extends CommandData> {
  readonly data: D;
  /** Permission for the whole command: Discord's default member permission (hidden from members) and a run-time check. */
  readonly requires?: bigint;
  autocomplete?(ctx: Services, interaction: AutocompleteInteraction<InGuild>): Promise<unknown>;
  readonly components?: readonly ComponentRoute[];
}
type Spec<D extends CommandData> = [SubcommandsOf<D>] extends [never]
  ? BaseSpec<D> & Omit<SlashSpec<CommandArgs<D>>, 'requires'>
  : BaseSpec<D> & { readonly subcommands: { readonly [Name in SubcommandsOf<D>]: SlashSpec<SubcommandArgs<D, Name>> } };

export interface SlashRoute extends Gate {
  /** `/quiz start`, as members type it (cooldown messages and keys). */
  readonly usage: string;
  readonly cooldown?: number;
  run(ctx: Services, interaction: SlashInteraction): Promise<unknown>;
}

export interface ComponentRoute extends Gate {
  readonly kind: 'button' | 'select' | 'modal';
  /** Also clickable in a DM with the bot (a reminder's buttons): the route takes its guild from the custom_id. */
  readonly dm?: boolean;
  readonly id: CustomId<never, unknown>;
  /** The handler bound to this interaction's arguments; throws Expired for an id that does not decode or another kind. */
  bind(interaction: ComponentInteraction): (ctx: Services) => Promise<unknown>;
}

export interface Command {
  readonly data: CommandData;
  readonly requires?: bigint;
  /** By subcommand name; '' for a command without subcommands. */
  readonly routes: ReadonlyMap<string, SlashRoute>;
  autocomplete?(ctx: Services, interaction: AutocompleteInteraction<InGuild>): Promise<unknown>;
  readonly components: readonly ComponentRoute[];
}

function slashRoute<A>(usage: string, options: readonly OptionData[] | undefined, spec: SlashSpec<A>): SlashRoute {
  return { ...spec, usage, run: (ctx, interaction) => spec.run(ctx, interaction, readArguments<A>(options, interaction.options)) };
}

function routesOf(data: CommandData, spec: object): Map<string, SlashRoute> {
  if (!('subcommands' in spec))
    return new Map([['', slashRoute(`/${data.name}`, data.options as readonly OptionData[], spec as SlashSpec<never>)]]);
  const subcommands = spec.subcommands as Record<string, SlashSpec<never>>;
  return new Map(
    (data.options as readonly SubcommandData[]).map((sub) => {
      const handler = subcommands[sub.name];
      if (!handler) throw new Error(`/${data.name} ${sub.name} has no handler.`);
      return [sub.name, slashRoute(`/${data.name} ${sub.name}`, sub.options, handler)];
    }),
  );
}

export function defineCommand<const D extends CommandData>(spec: Spec<D>): Command {
  const { data, requires, autocomplete, components = [] } = spec as BaseSpec<D>;
  return {
    data,
    routes: routesOf(data, spec),
    components,
    ...(requires === undefined ? {} : { requires }),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

/** What `npm run deploy-commands` registers: the definition, guild-only, with its default member permission. */
export function commandJson(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    ...(command.data as RESTPostAPIChatInputApplicationCommandsJSONBody),
    type: ApplicationCommandType.ChatInput,
    contexts: [InteractionContextType.Guild],
    ...(command.requires === undefined ? {} : { default_member_permissions: String(command.requires) }),
  };
}

function component<I extends ComponentInteraction, T>(
  kind: ComponentRoute['kind'],
  is: (interaction: ComponentInteraction) => interaction is I,
  id: CustomId<never, T>,
  run: Handler<I, T>,
  gate: Gate,
): ComponentRoute {
  return {
    ...gate,
    kind,
    id,
    bind(interaction) {
      const args = id.decode(interaction.customId);
      if (args === undefined || !is(interaction)) throw new Expired(`not a ${kind} of ${id.prefix}`);
      return (ctx) => run(ctx, interaction, args);
    },
  };
}

export const button = <T>(id: CustomId<never, T>, run: Handler<ButtonClick, T>, gate: Gate = {}) =>
  component('button', (i): i is ButtonClick => i.isButton(), id, run, gate);

/** A button of a private message that may sit in a DM or in a guild; `run` gets the interaction either way. */
export type AnywhereClick = ButtonInteraction;

export const dmButton = <T>(id: CustomId<never, T>, run: Handler<AnywhereClick, T>): ComponentRoute => ({
  ...component<ButtonClick, T>('button', (i): i is ButtonClick => i.isButton(), id, run, {}),
  dm: true,
});

export const select = <T>(id: CustomId<never, T>, run: Handler<MenuChoice, T>, gate: Gate = {}) =>
  component('select', (i): i is MenuChoice => i.isStringSelectMenu(), id, run, gate);

/** A modal submit; the text fields it reads are declared, so a modal from an older version is "expired". */
export const modal = <T, const F extends string>(
  id: CustomId<never, T>,
  fields: readonly F[],
  run: Handler<ModalSubmit, T & { readonly [Field in F]: string }>,
  gate: Gate = {},
) =>
  component(
    'modal',
    (i): i is ModalSubmit => i.isModalSubmit(),
    id,
    (ctx, interaction, args) => run(ctx, interaction, { ...args, ...readModalFields(fields, interaction) }),
    gate,
  );
