import type * as z from 'zod/mini';
import { type BodyIssue, formatPath, lengthOf } from './issue.js';

type Path = readonly (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** A body issue that keeps the values a choice allowed, so a failed union can list them in one "must be one of". */
interface SpecIssue extends BodyIssue {
  readonly choices?: readonly unknown[];
}

const TYPE_MISMATCH = new Set([
  'BASE_TYPE_STRING',
  'NUMBER_TYPE_COERCE',
  'BASE_TYPE_BOOLEAN',
  'BASE_TYPE_ARRAY',
  'MODEL_TYPE_CONVERT',
  'BASE_TYPE_NULL',
]);

/**
 * Checks a body against one of the spec's zod schemas and reports each failure the way Discord's 50035 does: the
 * path, Discord's code and message for the field, and the stand-in's reason. Integers may be sent as decimal strings
 * (Discord reads bitfields that way and discord.js sends default_member_permissions so); their bounds still apply.
 * When a union fails in every branch, the issues come from the branch whose `type` matched, or are one
 * "must be one of" when none did.
 */
export function specIssues(schema: z.ZodMiniType, body: unknown, origin: string): BodyIssue[] {
  let issues = parse(schema, body);
  const spelled = decimalIntegers(issues, []);
  if (spelled.length > 0) issues = parse(schema, withNumbers(body, spelled));
  return issues.flatMap((issue) => convert(issue, [], origin)).map(({ path, code, message, reason }) => ({ path, code, message, reason }));
}

function parse(schema: z.ZodMiniType, body: unknown): ZodIssue[] {
  const result = schema.safeParse(body, { reportInput: true });
  return result.success ? [] : result.error.issues;
}

function pathOf(at: Path, issue: ZodIssue): Path {
  return [...at, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
}

/** Where a decimal string stands for an integer, in every branch of every union. */
function decimalIntegers(issues: readonly ZodIssue[], at: Path): Path[] {
  return issues.flatMap((issue) => {
    const path = pathOf(at, issue);
    if (issue.code === 'invalid_union') return decimalIntegers(issue.errors.flat(), path);
    const spellsInteger =
      issue.code === 'invalid_type' &&
      (issue.expected === 'number' || issue.expected === 'int') &&
      typeof issue.input === 'string' &&
      /^-?\d+$/.test(issue.input) &&
      Number.isSafeInteger(Number(issue.input));
    return spellsInteger ? [path] : [];
  });
}

function withNumbers(body: unknown, paths: readonly Path[]): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  for (const path of paths) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
    const key = path.at(-1) ?? '';
    parent[key] = Number(parent[key]);
  }
  return copy;
}

function convert(issue: ZodIssue, at: Path, origin: string): SpecIssue[] {
  const path = pathOf(at, issue);
  if (issue.code !== 'invalid_union') return [describe(issue, path, origin)];
  return unionIssues(
    issue.errors.map((branch) => branch.flatMap((inner) => convert(inner, path, origin))),
    path,
    origin,
  );
}

function unionIssues(branches: readonly SpecIssue[][], path: Path, origin: string): SpecIssue[] {
  const choices = choiceMiss(branches, path, origin);
  if (choices) return [choices];
  const plausible = branches.filter((issues) => !issues.some((i) => isDiscriminatorMiss(i, path)));
  return [...(plausible.length > 0 ? plausible : branches)].sort(byClosestMatch)[0] ?? [];
}

/** When every branch failed on its own value (or on its `type` field), one "must be one of" issue says it best. */
function choiceMiss(branches: readonly SpecIssue[][], path: Path, origin: string): SpecIssue | undefined {
  const allConsts = branches.every(
    (issues) => issues.length > 0 && issues.every((i) => i.path.length === path.length && i.code === 'BASE_TYPE_CHOICES'),
  );
  if (allConsts) return choicesIssue(path, branches.flat(), 'value', origin);
  if (!branches.every((issues) => issues.some((i) => isDiscriminatorMiss(i, path)))) return undefined;
  const typeField = [...path, 'type'];
  const typeMisses = branches.flat().filter((i) => i.code === 'BASE_TYPE_CHOICES' && formatPath(i.path) === formatPath(typeField));
  return typeMisses.length > 0 ? choicesIssue(typeField, typeMisses, 'field "type"', origin) : undefined;
}

function choicesIssue(path: Path, misses: readonly SpecIssue[], what: string, origin: string): SpecIssue {
  const values = [...new Set(misses.flatMap((i) => i.choices ?? []))];
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  return {
    path,
    code: what === 'value' ? 'BASE_TYPE_CHOICES' : 'UNION_TYPE_CHOICES',
    message: `Value of ${what} must be one of (${list}).`,
    reason: `${formatPath(path)} is none of ${list} (${origin})`,
    choices: values,
  };
}

function isDiscriminatorMiss(issue: SpecIssue, path: Path): boolean {
  if (issue.path.length === path.length) return TYPE_MISMATCH.has(issue.code);
  return (
    issue.path.length === path.length + 1 &&
    issue.path[path.length] === 'type' &&
    (issue.code === 'BASE_TYPE_CHOICES' || TYPE_MISMATCH.has(issue.code))
  );
}

function byClosestMatch(a: readonly SpecIssue[], b: readonly SpecIssue[]): number {
  const depth = (issues: readonly SpecIssue[]) => Math.max(...issues.map((i) => i.path.length));
  return depth(b) - depth(a) || a.length - b.length;
}

/** Discord's code and message for one failed check, and why in words. */
function describe(issue: ZodIssue, path: Path, origin: string): SpecIssue {
  const [code, message, why, choices] = explain(issue);
  return { path, code, message, reason: `${formatPath(path)}: ${why} (${origin})`, ...(choices ? { choices } : {}) };
}

type Explanation = [code: string, message: string, why: string, choices?: readonly unknown[]];

function explain(issue: ZodIssue): Explanation {
  switch (issue.code) {
    case 'invalid_type':
      return typeMismatch(issue.expected, issue.input);
    case 'too_big':
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint' ? outOfRange(issue) : badLength(issue);
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return ['BASE_TYPE_CHOICES', `Value must be one of (${list}).`, `${show(issue.input)} is none of ${list}`, issue.values];
    }
    case 'invalid_format':
      return issue.format === 'url'
        ? ['URL_TYPE_INVALID_URL', 'Not a well formed URL.', `${show(issue.input)} is not a URL`]
        : [
            'STRING_TYPE_REGEX',
            'String value did not match validation regex.',
            `${show(issue.input)} does not match ${issue.pattern ?? issue.format}`,
          ];
    default:
      return ['BASE_TYPE_INVALID', 'Invalid value.', `${show(issue.input)} fails the check ${issue.code}`];
  }
}

function typeMismatch(expected: string, input: unknown): Explanation {
  if (input === undefined || expected === 'nonoptional') return ['BASE_TYPE_REQUIRED', 'This field is required', 'missing'];
  const why = `${show(input)} where ${expected} is expected`;
  if (input === null) return ['BASE_TYPE_REQUIRED', 'This field is required', why];
  const shown = JSON.stringify(input)?.slice(0, 40) ?? String(input);
  switch (expected) {
    case 'string':
      return ['BASE_TYPE_STRING', `Could not interpret "${shown}" as string.`, why];
    case 'int':
    case 'number':
    case 'bigint':
      return ['NUMBER_TYPE_COERCE', `Value "${shown}" is not int.`, why];
    case 'boolean':
      return ['BASE_TYPE_BOOLEAN', 'Must be either true or false.', why];
    case 'array':
      return ['BASE_TYPE_ARRAY', 'Must be an array.', why];
    case 'object':
    case 'record':
      return ['MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType', why];
    default:
      return ['BASE_TYPE_NULL', 'Must be null.', why];
  }
}

function badLength(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): Explanation {
  const { input } = issue;
  const [count, unit] = typeof input === 'string' ? [lengthOf(input), 'characters'] : [Array.isArray(input) ? input.length : 0, 'items'];
  if (issue.code === 'too_big') {
    return ['BASE_TYPE_MAX_LENGTH', `Must be ${issue.maximum} or fewer in length.`, `${count} ${unit}; at most ${issue.maximum}`];
  }
  return ['BASE_TYPE_MIN_LENGTH', `Must be ${issue.minimum} or more in length.`, `${count} ${unit}; at least ${issue.minimum}`];
}

function outOfRange(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): Explanation {
  if (issue.code === 'too_big') {
    return [
      'NUMBER_TYPE_MAX',
      `int value should be less than or equal to ${issue.maximum}.`,
      `${show(issue.input)} is above ${issue.maximum}`,
    ];
  }
  return [
    'NUMBER_TYPE_MIN',
    `int value should be greater than or equal to ${issue.minimum}.`,
    `${show(issue.input)} is below ${issue.minimum}`,
  ];
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
