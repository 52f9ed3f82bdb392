import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where code, tests, scripts and their configuration live. */
const SCANNED = [
  'src',
  'commands',
  'testkit',
  'test',
  'scripts',
  'bench',
  'playground',
  '.ci',
  'package.json',
  'vitest.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'biome.json',
];
/** Installed or generated, not written here. */
const SKIPPED = new Set(['node_modules', '.build', join('.ci', 'results.json')]);
/**
 * A path into the folder of reference material that sits beside this checkout on the team's machines and nowhere
 * else: its name after a parent step or between slashes, or the parent step and its name as two path parts.
 */
const OUTSIDE_THE_REPOSITORY = /\.\.\/shared\b|\/shared\/|['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/;

function filesUnder(path: string): string[] {
  const rel = relative(ROOT, path);
  if (SKIPPED.has(rel) || SKIPPED.has(rel.split('/').at(-1) ?? '')) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

function offenders(): string[] {
  return SCANNED.flatMap((entry) => filesUnder(join(ROOT, entry))).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (OUTSIDE_THE_REPOSITORY.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('a fresh clone has everything its code and tests read', () => {
  it('recognises a path to the reference folder beside the checkout, however it is spelled', () => {
    const beside = `..${'/'}shared`;
    const spellings = [
      `resolve(here, '../../${beside}/discord-api-spec/openapi.json')`,
      `readFileSync('/work/${'shared'}/style/README.md')`,
      `join(root, '..', ${"'shared'"}, 'x')`,
    ];

    expect(spellings.filter((line) => OUTSIDE_THE_REPOSITORY.test(line))).toEqual(spellings);
    expect(OUTSIDE_THE_REPOSITORY.test("a store shared by several shards; './sharedStore.js'")).toBe(false);
  });

  it('no code, test, script or configuration reads outside the repository', () => {
    expect(offenders()).toEqual([]);
  });
});
