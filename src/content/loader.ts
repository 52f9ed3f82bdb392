import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { crossCheck } from './crossCheck.js';
import {
  type Bundle,
  BundleInfoSchema,
  ClaimsFileSchema,
  type Phrasings,
  PhrasingsFileSchema,
  PromptsFileSchema,
  QuizFileSchema,
  type Section,
  SectionSchema,
  SourcesFileSchema,
} from './schema.js';

/** One problem in the bundle, printed as `file › path: message`. */
export interface ContentProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export const formatProblem = ({ file, path, message }: ContentProblem) => (path ? `${file} › ${path}: ${message}` : `${file}: ${message}`);

export type LoadResult = { ok: true; bundle: Bundle } | { ok: false; problems: ContentProblem[] };

export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The content bundle is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

class Collector {
  readonly problems: ContentProblem[] = [];

  add(file: string, path: string, message: string) {
    this.problems.push({ file, path, message });
  }

  validate<S extends z.ZodType>(file: string, schema: S, value: unknown): z.output<S> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) this.add(file, formatPath(issue.path), issue.message);
    return undefined;
  }
}

async function readText(dir: string, file: string, problems: Collector): Promise<string | undefined> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch {
    problems.add(file, '', 'file is missing');
    return undefined;
  }
}

function parseYamlText(file: string, text: string, problems: Collector): unknown {
  try {
    return parseYaml(text);
  } catch (err) {
    problems.add(file, '', `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function loadYaml<S extends z.ZodType>(dir: string, file: string, schema: S, problems: Collector): Promise<z.output<S> | undefined> {
  const text = await readText(dir, file, problems);
  if (text === undefined) return undefined;
  const value = parseYamlText(file, text, problems);
  return value === undefined ? undefined : problems.validate(file, schema, value);
}

/** A file the bundle may leave out reads as the schema's defaults. */
async function loadOptionalYaml<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: Collector,
): Promise<z.output<S> | undefined> {
  const present = await access(join(dir, file)).then(
    () => true,
    () => false,
  );
  return present ? loadYaml(dir, file, schema, problems) : schema.parse({});
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

async function loadSection(dir: string, file: string, problems: Collector): Promise<Section | undefined> {
  const text = await readText(dir, file, problems);
  if (text === undefined) return undefined;
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    problems.add(file, '', 'must start with YAML front matter between --- lines');
    return undefined;
  }
  const front = parseYamlText(file, match[1] ?? '', problems);
  if (front === undefined || typeof front !== 'object' || front === null) return undefined;
  return problems.validate(file, SectionSchema, { ...front, body: (match[2] ?? '').trim() });
}

async function sectionFiles(dir: string, problems: Collector): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'sections'));
    return names
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `sections/${name}`);
  } catch {
    problems.add('sections/', '', 'folder is missing');
    return [];
  }
}

/**
 * The cards with members' phrasings added: a claim's to its aliases, a misreading's as another misreading with the
 * same kind, verdict and note, after the card's own (the first opposite one stays the reversed claim).
 */
export function withPhrasings(bundle: Bundle, { phrasings, misreadings }: Phrasings): Bundle {
  const claims = bundle.claims.map((claim) => {
    const rephrased = (misreadings[claim.id] ?? []).flatMap(({ of, text }) => {
      const misreading = claim.misreadings.find((candidate) => candidate.text === of);
      return misreading ? [{ ...misreading, text }] : [];
    });
    return { ...claim, aliases: [...claim.aliases, ...(phrasings[claim.id] ?? [])], misreadings: [...claim.misreadings, ...rephrased] };
  });
  return { ...bundle, claims };
}

/**
 * Reads and validates the whole bundle; returns every problem found, not just the first. `phrasings: false` leaves
 * out phrasings.yaml (for the script that regenerates it).
 */
export async function loadBundle(dir: string, { phrasings: withMembersPhrasings = true } = {}): Promise<LoadResult> {
  const problems = new Collector();
  const [info, sources, claims, phrasings, quiz, prompts, files] = await Promise.all([
    loadYaml(dir, 'bundle.yaml', BundleInfoSchema, problems),
    loadYaml(dir, 'sources.yaml', SourcesFileSchema, problems),
    loadYaml(dir, 'claims.yaml', ClaimsFileSchema, problems),
    withMembersPhrasings ? loadOptionalYaml(dir, 'phrasings.yaml', PhrasingsFileSchema, problems) : PhrasingsFileSchema.parse({}),
    loadYaml(dir, 'quiz.yaml', QuizFileSchema, problems),
    loadYaml(dir, 'prompts.yaml', PromptsFileSchema, problems),
    sectionFiles(dir, problems),
  ]);
  const loaded = await Promise.all(files.map(async (file) => ({ file, section: await loadSection(dir, file, problems) })));
  if (problems.problems.length > 0 || !info || !sources || !claims || !phrasings || !quiz || !prompts) {
    return { ok: false, problems: problems.problems };
  }
  const sectionFilesById = new Map(loaded.flatMap(({ file, section }) => (section ? [[section.id, file] as const] : [])));
  const bundle: Bundle = {
    info,
    sections: loaded.flatMap(({ section }) => (section ? [section] : [])).sort((a, b) => a.order - b.order),
    sources: sources.sources,
    claims: claims.claims,
    claimWords: claims.words,
    questions: quiz.questions,
    prompts: prompts.prompts,
  };
  const crossProblems = crossCheck(bundle, phrasings, (id) => sectionFilesById.get(id) ?? 'sections/');
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, bundle: withPhrasings(bundle, phrasings) };
}

/** For start-up: the bundle, or a ContentError listing every problem. */
export async function loadBundleOrThrow(dir: string): Promise<Bundle> {
  const result = await loadBundle(dir);
  if (!result.ok) throw new ContentError(result.problems);
  return result.bundle;
}
