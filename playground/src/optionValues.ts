import { ApplicationCommandOptionType as OptionType } from 'discord-api-types/v10';
import type { Choice, CommandOptionDefinition, OptionValue } from '../server/protocol.js';

/** What a field of the composer holds: the text shown, and the value of the suggestion picked for it, if any. */
export interface FieldValue {
  readonly text: string;
  readonly picked?: Choice;
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

/** Channels and members an option of that type can name. */
export interface Pickable {
  readonly channels: readonly Named[];
  readonly members: readonly Named[];
}

export type Resolved = { readonly ok: true; readonly value: OptionValue | undefined } | { readonly ok: false; readonly problem: string };

const ok = (value: OptionValue | undefined): Resolved => ({ ok: true, value });
const problem = (option: CommandOptionDefinition, text: string): Resolved => ({ ok: false, problem: `${option.name}: ${text}` });

/** Suggestions of an option that has a fixed set of values (choices, true/false, channels, members). */
export function fixedChoices(option: CommandOptionDefinition, pickable: Pickable): Choice[] | undefined {
  if (option.choices && option.choices.length > 0) return option.choices;
  if (option.type === OptionType.Boolean)
    return [
      { name: 'True', value: 'true' },
      { name: 'False', value: 'false' },
    ];
  if (option.type === OptionType.Channel) return pickable.channels.map((c) => ({ name: `#${c.name}`, value: c.id }));
  if (option.type === OptionType.User || option.type === OptionType.Mentionable)
    return pickable.members.map((m) => ({ name: `@${m.name}`, value: m.id }));
  return undefined;
}

export function filterChoices(choices: readonly Choice[], typed: string): Choice[] {
  const query = typed.trim().toLowerCase().replace(/^[#@]/, '');
  return choices.filter((c) => c.name.toLowerCase().replace(/^[#@]/, '').includes(query) || String(c.value).toLowerCase() === query);
}

/** The value the interaction sends for a field, as Discord's client would type it; a problem instead of a guess. */
export function resolveOption(option: CommandOptionDefinition, field: FieldValue | undefined, pickable: Pickable): Resolved {
  const text = field?.text.trim() ?? '';
  if (text === '') return option.required ? problem(option, 'fill this in') : ok(undefined);
  const picked = field?.picked && field.picked.name === field.text ? field.picked.value : undefined;
  const fixed = fixedChoices(option, pickable);
  if (fixed) {
    const match = picked !== undefined ? fixed.find((c) => c.value === picked) : uniqueMatch(fixed, text);
    if (!match) return problem(option, `pick one of ${fixed.map((c) => c.name).join(', ')}`);
    return ok(typed(option, match.value));
  }
  const value = picked ?? text;
  if (option.type === OptionType.Integer || option.type === OptionType.Number) {
    const number = Number(value);
    if (!Number.isFinite(number) || (option.type === OptionType.Integer && !Number.isInteger(number)))
      return problem(option, option.type === OptionType.Integer ? 'a whole number' : 'a number');
    return ok(number);
  }
  return ok(String(value));
}

function uniqueMatch(choices: readonly Choice[], text: string): Choice | undefined {
  const query = text.toLowerCase().replace(/^[#@]/, '');
  const exact = choices.find((c) => c.name.toLowerCase().replace(/^[#@]/, '') === query || String(c.value).toLowerCase() === query);
  if (exact) return exact;
  const starting = choices.filter((c) => c.name.toLowerCase().replace(/^[#@]/, '').startsWith(query));
  return starting.length === 1 ? starting[0] : undefined;
}

function typed(option: CommandOptionDefinition, value: string | number): OptionValue {
  if (option.type === OptionType.Boolean) return value === 'true';
  if (option.type === OptionType.Integer || option.type === OptionType.Number) return Number(value);
  return value;
}
