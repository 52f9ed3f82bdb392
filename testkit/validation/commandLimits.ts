import { type BodyIssue, lengthOf } from './issue.js';
import { asArray, asRecord, limitIssue } from './limitIssue.js';

type Path = readonly (string | number)[];

const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
export const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
export const COMMAND_TOTAL_MAX = 8000;
const COUNT_MAX: Record<number, number> = { 1: 100, 2: 15, 3: 15 };

/** Documented command-registration rules (bulk overwrite): names, descriptions, option order, sizes, duplicates. */
export function commandListIssues(body: unknown): BodyIssue[] {
  const commands = asArray(body);
  return [...commands.flatMap((c, i) => commandIssues(c, [i])), ...duplicateIssues(commands), ...countIssues(commands)];
}

export function commandIssues(body: unknown, at: Path): BodyIssue[] {
  const command = asRecord(body);
  const type = typeof command.type === 'number' ? command.type : CHAT_INPUT;
  const issues = [...nameIssues(command.name, [...at, 'name'], type === CHAT_INPUT)];
  if (type === CHAT_INPUT) {
    issues.push(...descriptionIssues(command.description, [...at, 'description']));
    issues.push(...optionsIssues(asArray(command.options), [...at, 'options'], 0));
  }
  const size = commandSize(command);
  if (size > COMMAND_TOTAL_MAX) {
    issues.push(
      limitIssue(
        at,
        'APPLICATION_COMMAND_TOO_LARGE',
        `Command exceeds maximum size (${COMMAND_TOTAL_MAX})`,
        `names, descriptions and choices add up to ${size} characters; at most ${COMMAND_TOTAL_MAX}`,
      ),
    );
  }
  return issues;
}

function nameIssues(name: unknown, at: Path, lowercase: boolean): BodyIssue[] {
  if (typeof name !== 'string') return [];
  if (!COMMAND_NAME.test(name)) {
    return [
      limitIssue(at, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid', `"${name}" does not match ${COMMAND_NAME.source}`),
    ];
  }
  if (lowercase && name !== name.toLowerCase()) {
    return [limitIssue(at, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid', `"${name}" must be lowercase`)];
  }
  return [];
}

function descriptionIssues(description: unknown, at: Path): BodyIssue[] {
  const length = typeof description === 'string' ? lengthOf(description) : 0;
  if (length >= 1 && length <= 100) return [];
  return [
    limitIssue(
      at,
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
      `a slash command or option needs a description of 1 to 100 characters, got ${length}`,
    ),
  ];
}

function optionsIssues(options: readonly unknown[], at: Path, depth: number): BodyIssue[] {
  const issues: BodyIssue[] = [];
  let optionalSeen = false;
  const names = new Set<string>();
  options.forEach((raw, i) => {
    const option = asRecord(raw);
    const here = [...at, i];
    issues.push(...nameIssues(option.name, [...here, 'name'], true), ...descriptionIssues(option.description, [...here, 'description']));
    if (typeof option.name === 'string' && names.has(option.name)) {
      issues.push(
        limitIssue(
          [...here, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
          `option "${option.name}" appears twice`,
        ),
      );
    }
    names.add(String(option.name));
    const nested = option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP;
    if (nested) issues.push(...nestingIssues(option, here, depth));
    if (!nested && option.required === true && optionalSeen) {
      issues.push(
        limitIssue(
          [...here, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
          `required option "${String(option.name)}" follows an optional one`,
        ),
      );
    }
    if (!nested && option.required !== true) optionalSeen = true;
    issues.push(...choiceIssues(option, here));
  });
  return issues;
}

function nestingIssues(option: Record<string, unknown>, at: Path, depth: number): BodyIssue[] {
  const children = asArray(option.options);
  const allowed = option.type === SUB_COMMAND_GROUP ? depth === 0 : depth <= 1;
  const issues = allowed
    ? []
    : [
        limitIssue(
          [...at, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Invalid nesting',
          'subcommand groups sit only at the top level, subcommands at most inside one group',
        ),
      ];
  if (option.type === SUB_COMMAND_GROUP && children.some((c) => asRecord(c).type !== SUB_COMMAND)) {
    issues.push(
      limitIssue(
        [...at, 'options'],
        'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
        'Invalid nesting',
        'a subcommand group holds only subcommands',
      ),
    );
  }
  return [...issues, ...optionsIssues(children, [...at, 'options'], depth + 1)];
}

function choiceIssues(option: Record<string, unknown>, at: Path): BodyIssue[] {
  const choices = asArray(option.choices);
  const issues: BodyIssue[] = [];
  if (choices.length > 0 && option.autocomplete === true) {
    issues.push(
      limitIssue(
        [...at, 'autocomplete'],
        'APPLICATION_COMMAND_OPTIONS_CHOICES_AUTOCOMPLETE',
        'Autocomplete cannot be enabled on an option with choices',
        'an option has either choices or autocomplete',
      ),
    );
  }
  choices.forEach((choice, i) => {
    const value = asRecord(choice).value;
    if (typeof value === 'string' && lengthOf(value) > 100) {
      issues.push(
        limitIssue(
          [...at, 'choices', i, 'value'],
          'BASE_TYPE_MAX_LENGTH',
          'Must be 100 or fewer in length.',
          `${lengthOf(value)} characters; a string choice value is limited to 100`,
        ),
      );
    }
  });
  return issues;
}

function commandSize(command: Record<string, unknown>): number {
  const text = (v: unknown) => (typeof v === 'string' ? lengthOf(v) : 0);
  const options = (list: unknown): number =>
    asArray(list).reduce<number>((sum, raw) => {
      const o = asRecord(raw);
      const choices = asArray(o.choices).reduce<number>((n, c) => n + text(asRecord(c).name) + String(asRecord(c).value ?? '').length, 0);
      return sum + text(o.name) + text(o.description) + choices + options(o.options);
    }, 0);
  return text(command.name) + text(command.description) + options(command.options);
}

function duplicateIssues(commands: readonly unknown[]): BodyIssue[] {
  const seen = new Set<string>();
  return commands.flatMap((raw, i) => {
    const c = asRecord(raw);
    const key = `${String(c.type ?? CHAT_INPUT)}:${String(c.name)}`;
    const duplicate = seen.has(key);
    seen.add(key);
    return duplicate
      ? [
          limitIssue(
            [i, 'name'],
            'APPLICATION_COMMANDS_DUPLICATE_NAME',
            'Application command names must be unique',
            `two commands are named "${String(c.name)}"`,
          ),
        ]
      : [];
  });
}

function countIssues(commands: readonly unknown[]): BodyIssue[] {
  const counts = new Map<number, number>();
  for (const raw of commands) {
    const type = Number(asRecord(raw).type ?? CHAT_INPUT);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].flatMap(([type, n]) => {
    const max = COUNT_MAX[type];
    return max !== undefined && n > max
      ? [limitIssue([], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`, `${n} commands of type ${type}; at most ${max}`)]
      : [];
  });
}
