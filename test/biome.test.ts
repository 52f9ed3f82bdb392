import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Override {
  readonly includes: string[];
  readonly linter: { rules: { style: { noRestrictedImports: { options: { patterns: { group: string[] }[] } } } } };
}

const biome = JSON.parse(readFileSync('biome.json', 'utf8')) as { overrides: Override[] };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
const forbidden = (override: Override) => override.linter.rules.style.noRestrictedImports.options.patterns.flatMap((p) => p.group);
const srcRules = biome.overrides.filter((override) => override.includes.some((glob) => glob.startsWith('src/')));

describe('the lint rule on what src/ may import', () => {
  it('forbids every dev dependency in every part of src/ (a new one cannot slip into the product)', () => {
    const devDependencies = Object.keys(pkg.devDependencies).filter((name) => !name.startsWith('@types/'));
    expect(srcRules.length).toBeGreaterThanOrEqual(3);
    for (const rule of srcRules) expect(forbidden(rule)).toEqual(expect.arrayContaining(devDependencies));
  });

  it('forbids the test kit and the playground everywhere in src/, and commands/ everywhere but the entry point', () => {
    for (const rule of srcRules) expect(forbidden(rule)).toEqual(expect.arrayContaining(['**/testkit/**', '**/playground/**']));
    const entry = srcRules.filter((rule) => rule.includes.includes('src/main.ts'));
    expect(entry).toHaveLength(1);
    for (const rule of srcRules) expect(forbidden(rule).includes('**/commands/**')).toBe(!entry.includes(rule));
  });
});
