import { ApplicationCommandOptionType as OptionType } from 'discord-api-types/v10';
import type { CommandOptionDefinition, CommandRecord } from '../server/protocol.js';

/** One line of the "/" list: a command, or one subcommand of it, as Discord's client lists them. */
export interface CommandEntry {
  readonly key: string;
  readonly name: string;
  /** 'name' or 'group name', as the interaction sends it. */
  readonly subcommand?: string;
  /** '/quiz start' */
  readonly usage: string;
  readonly description: string;
  readonly options: readonly CommandOptionDefinition[];
  /** Set when the command declares default member permissions (Discord hides it from members without them). */
  readonly permissions: string | null;
}

const isNested = (option: CommandOptionDefinition) => option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup;

export function commandEntries(records: readonly CommandRecord[]): CommandEntry[] {
  return records
    .flatMap(({ definition }) => {
      const permissions = definition.default_member_permissions == null ? null : String(definition.default_member_permissions);
      const base = { name: definition.name, permissions };
      const options = definition.options ?? [];
      if (!options.some(isNested)) {
        return [{ ...base, key: definition.name, usage: `/${definition.name}`, description: definition.description ?? '', options }];
      }
      return options.flatMap((option) => {
        const leaves =
          option.type === OptionType.SubcommandGroup
            ? (option.options ?? []).map((sub) => ({ sub, path: `${option.name} ${sub.name}` }))
            : [{ sub: option, path: option.name }];
        return leaves.map(({ sub, path }) => ({
          ...base,
          key: `${definition.name} ${path}`,
          subcommand: path,
          usage: `/${definition.name} ${path}`,
          description: sub.description ?? '',
          options: sub.options ?? [],
        }));
      });
    })
    .sort((a, b) => a.usage.localeCompare(b.usage));
}

/** Entries whose name starts with what was typed after "/", then those that merely contain it. */
export function matchEntries(entries: readonly CommandEntry[], typed: string): CommandEntry[] {
  const query = typed.trim().toLowerCase();
  const starts = entries.filter((entry) => entry.usage.slice(1).startsWith(query));
  const contains = entries.filter((entry) => !starts.includes(entry) && entry.usage.includes(query));
  return [...starts, ...contains];
}

/** Manage Server, the one permission a Scratchpad command declares. */
export const MANAGE_GUILD = 1n << 5n;

export function permissionNote(entry: CommandEntry): string | undefined {
  if (entry.permissions === null) return undefined;
  return (BigInt(entry.permissions) & MANAGE_GUILD) !== 0n ? 'Manage Server' : 'special permissions';
}
