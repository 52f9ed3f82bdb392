import { type BodyIssue, formatPath, lengthOf } from './issue.js';
import type { JsonSchema, OpenApiDocument } from './openapiSpec.js';

type Path = readonly (string | number)[];

interface Walk {
  readonly path: Path;
  /** Name of the innermost named schema ($ref) being checked, for the explanation. */
  readonly origin: string;
  readonly out: BodyIssue[];
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
 * A JSON Schema (2020-12 subset used by Discord's OpenAPI 3.1 description) validator that reports issues the way
 * Discord's 50035 errors do. Unions (oneOf / anyOf) pass when any branch passes; Discord's spec uses oneOf for
 * discriminated unions whose branches can overlap, so "exactly one" would reject valid bodies.
 * Integers may be sent as decimal strings (Discord accepts bitfields and snowflakes that way).
 */
export class SchemaValidator {
  constructor(private readonly spec: OpenApiDocument) {}

  validate(schema: JsonSchema, value: unknown, origin = 'request body'): BodyIssue[] {
    const out: BodyIssue[] = [];
    this.check(schema, value, { path: [], origin, out });
    return out;
  }

  private check(schema: JsonSchema, value: unknown, walk: Walk): void {
    if (typeof schema.$ref === 'string') this.check(this.resolve(schema.$ref), value, { ...walk, origin: refName(schema.$ref) });
    if (!this.checkType(schema, value, walk)) return;
    checkChoices(schema, value, walk);
    if (typeof value === 'string') checkString(schema, value, walk);
    if (typeof value === 'number' || (typeof value === 'string' && includesType(schema, 'integer'))) checkNumber(schema, value, walk);
    if (Array.isArray(value)) this.checkArray(schema, value, walk);
    else if (isObject(value)) this.checkObject(schema, value, walk);
    for (const part of schemas(schema.allOf)) this.check(part, value, walk);
    const union = [...schemas(schema.oneOf), ...schemas(schema.anyOf)];
    if (union.length > 0) this.checkUnion(union, value, walk);
  }

  resolve(ref: string): JsonSchema {
    const name = refName(ref);
    const schema = this.spec.components.schemas[name];
    if (!schema) throw new Error(`unresolvable $ref ${ref} in Discord's OpenAPI description`);
    return schema;
  }

  private checkType(schema: JsonSchema, value: unknown, walk: Walk): boolean {
    const types = typeList(schema.type);
    if (types.length === 0 || types.some((t) => matchesType(t, value))) return true;
    const [code, message] = typeMessage(types, value);
    push(walk, [], code, message, `${describe(value)} where ${types.join(' or ')} is expected (${walk.origin})`);
    return false;
  }

  private checkArray(schema: JsonSchema, value: readonly unknown[], walk: Walk): void {
    const [min, max] = [num(schema.minItems), num(schema.maxItems)];
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
      const [code, message] = lengthMessage(min, max);
      push(walk, [], code, message, `${value.length} items; ${walk.origin} allows ${range(min, max)}`);
    }
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
      push(walk, [], 'ARRAY_TYPE_UNIQUE', 'Values must be unique.', `duplicate items (${walk.origin})`);
    }
    if (!isObject(schema.items)) return;
    for (const [i, item] of value.entries()) this.check(schema.items as JsonSchema, item, { ...walk, path: [...walk.path, i] });
  }

  private checkObject(schema: JsonSchema, value: Record<string, unknown>, walk: Walk): void {
    const properties = isObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
    for (const key of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (value[key] === undefined) push(walk, [key], 'BASE_TYPE_REQUIRED', 'This field is required', `${key} is missing (${walk.origin})`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const sub = properties[key] ?? (isObject(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : undefined);
      if (sub) this.check(sub, child, { ...walk, path: [...walk.path, key] });
    }
    const count = Object.keys(value).length;
    const maxProps = num(schema.maxProperties);
    if (maxProps !== undefined && count > maxProps) {
      push(
        walk,
        [],
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${maxProps} or fewer in length.`,
        `${count} keys; at most ${maxProps} (${walk.origin})`,
      );
    }
  }

  private checkUnion(branches: readonly JsonSchema[], value: unknown, walk: Walk): void {
    const results = branches.map((branch) => {
      const out: BodyIssue[] = [];
      this.check(branch, value, { ...walk, out });
      return out;
    });
    if (results.some((issues) => issues.length === 0)) return;
    const choices = this.choiceMiss(branches, results, walk, value);
    if (choices) {
      walk.out.push(choices);
      return;
    }
    const plausible = results.filter((issues) => !issues.some((i) => isDiscriminatorMiss(i, walk.path)));
    const best = [...(plausible.length > 0 ? plausible : results)].sort(byClosestMatch)[0] ?? [];
    walk.out.push(...best);
  }

  /** When every branch failed on its `type` (or on its const), one "must be one of" issue says it best. */
  private choiceMiss(branches: readonly JsonSchema[], results: readonly BodyIssue[][], walk: Walk, value: unknown): BodyIssue | undefined {
    const allConsts = results.every(
      (issues) => issues.length > 0 && issues.every((i) => i.path.length === walk.path.length && i.code === 'BASE_TYPE_CHOICES'),
    );
    if (allConsts) {
      const values = branches.flatMap((b) => this.constsOf(b));
      if (values.length > 0) return choicesIssue(walk, [], values, 'value');
    }
    const allDiscriminators = results.every((issues) => issues.some((i) => isDiscriminatorMiss(i, walk.path)));
    if (!allDiscriminators || !isObject(value)) return undefined;
    const values = branches.flatMap((b) => this.discriminatorsOf(b));
    return values.length > 0 ? choicesIssue(walk, ['type'], values, 'field "type"') : undefined;
  }

  private constsOf(schema: JsonSchema): unknown[] {
    const target = typeof schema.$ref === 'string' ? this.resolve(schema.$ref) : schema;
    if ('const' in target) return [target.const];
    return Array.isArray(target.enum) ? target.enum : [];
  }

  private discriminatorsOf(schema: JsonSchema): unknown[] {
    const target = typeof schema.$ref === 'string' ? this.resolve(schema.$ref) : schema;
    const type = isObject(target.properties) ? (target.properties as Record<string, JsonSchema>).type : undefined;
    return type ? this.constsOf(type) : [];
  }
}

function choicesIssue(walk: Walk, sub: Path, values: readonly unknown[], what: string): BodyIssue {
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  const path = [...walk.path, ...sub];
  return {
    path,
    code: sub.length > 0 ? 'UNION_TYPE_CHOICES' : 'BASE_TYPE_CHOICES',
    message: `Value of ${what} must be one of (${list}).`,
    reason: `${formatPath(path)} is none of ${list} (${walk.origin})`,
  };
}

function isDiscriminatorMiss(issue: BodyIssue, path: Path): boolean {
  if (issue.path.length === path.length) return TYPE_MISMATCH.has(issue.code);
  return (
    issue.path.length === path.length + 1 &&
    issue.path[path.length] === 'type' &&
    (issue.code === 'BASE_TYPE_CHOICES' || TYPE_MISMATCH.has(issue.code))
  );
}

function byClosestMatch(a: readonly BodyIssue[], b: readonly BodyIssue[]): number {
  const depth = (issues: readonly BodyIssue[]) => Math.max(...issues.map((i) => i.path.length));
  return depth(b) - depth(a) || a.length - b.length;
}

function checkChoices(schema: JsonSchema, value: unknown, walk: Walk): void {
  if ('const' in schema && schema.const !== value) {
    push(
      walk,
      [],
      'BASE_TYPE_CHOICES',
      `Value must be one of (${JSON.stringify(schema.const)}).`,
      `${describe(value)} is not ${JSON.stringify(schema.const)} (${walk.origin})`,
    );
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    const list = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    push(walk, [], 'BASE_TYPE_CHOICES', `Value must be one of (${list}).`, `${describe(value)} is none of ${list} (${walk.origin})`);
  }
}

function checkString(schema: JsonSchema, value: string, walk: Walk): void {
  const [min, max] = [num(schema.minLength), num(schema.maxLength)];
  if (min !== undefined || max !== undefined) {
    const length = value.length <= (max ?? Number.POSITIVE_INFINITY) && value.length >= (min ?? 0) * 2 ? null : lengthOf(value);
    if (length !== null && ((min !== undefined && length < min) || (max !== undefined && length > max))) {
      const [code, message] = lengthMessage(min, max);
      push(walk, [], code, message, `${length} characters; ${walk.origin} allows ${range(min, max)}`);
    }
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    push(
      walk,
      [],
      'STRING_TYPE_REGEX',
      'String value did not match validation regex.',
      `${describe(value)} does not match ${schema.pattern} (${walk.origin})`,
    );
  }
}

function checkNumber(schema: JsonSchema, value: number | string, walk: Walk): void {
  const [min, max] = [num(schema.minimum), num(schema.maximum)];
  if (min !== undefined && compare(value, min) < 0) {
    push(walk, [], 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`, `${value} is below ${min} (${walk.origin})`);
  }
  if (max !== undefined && compare(value, max) > 0) {
    push(walk, [], 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`, `${value} is above ${max} (${walk.origin})`);
  }
}

function compare(value: number | string, bound: number): number {
  if (typeof value === 'number' && (!Number.isInteger(value) || !Number.isInteger(bound) || Number.isSafeInteger(value)))
    return value - bound;
  const [a, b] = [BigInt(value), BigInt(bound)];
  return a === b ? 0 : a < b ? -1 : 1;
}

function lengthMessage(min: number | undefined, max: number | undefined): [string, string] {
  if (min !== undefined && min > 0 && max !== undefined) return ['BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`];
  if (max !== undefined) return ['BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`];
  return ['BASE_TYPE_MIN_LENGTH', `Must be ${min ?? 0} or more in length.`];
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && min > 0 && max !== undefined) return `${min} to ${max}`;
  return max !== undefined ? `at most ${max}` : `at least ${min ?? 0}`;
}

function typeMessage(types: readonly string[], value: unknown): [string, string] {
  if (value === null) return ['BASE_TYPE_REQUIRED', 'This field is required'];
  const expected = types.find((t) => t !== 'null') ?? 'null';
  const shown = JSON.stringify(value)?.slice(0, 40) ?? String(value);
  switch (expected) {
    case 'string':
      return ['BASE_TYPE_STRING', `Could not interpret "${shown}" as string.`];
    case 'integer':
      return ['NUMBER_TYPE_COERCE', `Value "${shown}" is not int.`];
    case 'number':
      return ['NUMBER_TYPE_COERCE', `Value "${shown}" is not a number.`];
    case 'boolean':
      return ['BASE_TYPE_BOOLEAN', 'Must be either true or false.'];
    case 'array':
      return ['BASE_TYPE_ARRAY', 'Must be an array.'];
    case 'object':
      return ['MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'];
    default:
      return ['BASE_TYPE_NULL', 'Must be null.'];
  }
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

function push(walk: Walk, sub: Path, code: string, message: string, reason: string): void {
  const path = [...walk.path, ...sub];
  walk.out.push({ path, code, message, reason: `${formatPath(path)}: ${reason}` });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  return String(value);
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? (type as string[]) : [];
}

function includesType(schema: JsonSchema, type: string): boolean {
  return typeList(schema.type).includes(type);
}

function schemas(list: unknown): JsonSchema[] {
  return Array.isArray(list) ? (list as JsonSchema[]) : [];
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
