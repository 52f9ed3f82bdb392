import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };

/** Every TypeScript source the product and its tools are made of. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const code = ['src', 'commands', 'scripts', 'playground', 'testkit', 'bench'].flatMap(sources).map((path) => readFileSync(path, 'utf8'));
const imported = (name: string) =>
  code.some((text) =>
    [`from '${name}'`, `from '${name}/`, `import('${name}')`, `import('${name}/`, `require('${name}')`].some((form) => text.includes(form)),
  );
const runByScript = (name: string) => Object.values(pkg.scripts).some((script) => script.split(/\s+/).includes(name));

describe('package.json', () => {
  it('lists no dependency that nothing imports (or runs, as npm scripts run tsx)', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !imported(name) && !runByScript(name));
    expect(unused).toEqual([]);
  });
});
