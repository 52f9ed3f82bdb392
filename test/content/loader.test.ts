import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/loader.js';

const FIXTURE = 'test/fixtures/bundle-min';

/** A copy of the small fixture bundle with one file edited, so each test breaks exactly one thing. */
function brokenBundle(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  const result = await loadBundle(dir);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('content bundle loader', () => {
  it('loads the fixture bundle with sections in reading order', async () => {
    const result = await loadBundle(FIXTURE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bundle.sections.map((section) => section.id)).toEqual(['alpha', 'beta']);
  });

  it.each([
    [
      'quiz.yaml',
      (t: string) => t.replace('answer: 0', 'answer: 2'),
      'quiz.yaml › questions[0].answer: index 2 is out of range (2 choices)',
    ],
    [
      'quiz.yaml',
      (t: string) => t.replace('"The second"', '"the first"'),
      'quiz.yaml › questions[0].choices[1]: duplicate choice "the first"',
    ],
    [
      'quiz.yaml',
      (t: string) => t.replace('"The second"', `"${'x'.repeat(81)}"`),
      'quiz.yaml › questions[0].choices[1]: must be at most 80 characters',
    ],
    ['quiz.yaml', (t: string) => t.replace('difficulty: 1', 'difficulty: 4'), 'quiz.yaml › questions[0].difficulty: must be 1, 2 or 3'],
    [
      'claims.yaml',
      (t: string) => t.replace('verdict: contested', 'verdict: maybe'),
      'claims.yaml › claims[0].verdict: Invalid option: expected one of "supported"|"contested"|"misleading"|"unsupported"|"open"',
    ],
    [
      'claims.yaml',
      (t: string) => t.replace('source: critique', 'source: nowhere'),
      'claims.yaml › claims[0].evidence[1].source: unknown source "nowhere"',
    ],
    [
      'prompts.yaml',
      (t: string) => t.replace('section: beta', 'section: gamma'),
      'prompts.yaml › prompts[0].section: unknown section "gamma"',
    ],
    [
      'sources.yaml',
      (t: string) => t.replace('date: "2024-12-18"', 'date: "December 2024"'),
      'sources.yaml › sources[0].date: must be an ISO date (YYYY-MM-DD)',
    ],
    [
      'sources.yaml',
      (t: string) => t.replace('authors: ["A. Author"]', 'authors: ["A. Author"]\n    by: ["Nowhere Lab"]'),
      'sources.yaml › sources[0].by[0]: "Nowhere Lab" is not a lab in claims.yaml › words.names',
    ],
    [
      'sections/01-alpha.md',
      (t: string) => t.replace('claims: [alpha-claim]', 'claims: [Alpha Claim]'),
      'sections/01-alpha.md › claims[0]: must be a kebab-case id (a-z, 0-9, single dashes)',
    ],
    [
      'sections/02-beta.md',
      (t: string) => t.replace('order: 2', 'order: 1'),
      'sections/02-beta.md › order: order 1 is also used by "alpha"',
    ],
    [
      'sections/02-beta.md',
      (t: string) => t.replace('Beta body text.', 'b'.repeat(3801)),
      'sections/02-beta.md › body: must be at most 3800 characters',
    ],
    [
      'sections/02-beta.md',
      (t: string) => t.replace('---\nid: beta', 'id: beta'),
      'sections/02-beta.md: must start with YAML front matter between --- lines',
    ],
    ['claims.yaml', (t: string) => t.replace('claims:\n', 'claims: [\n'), 'claims.yaml: is not valid YAML: '],
  ])('reports a broken %s exactly', async (file, edit, expected) => {
    const problems = await problemsOf(brokenBundle(file, edit));
    expect(problems.some((problem) => problem.startsWith(expected))).toBe(true);
  });

  it('reports a source that nothing cites', async () => {
    const dir = brokenBundle('sections/02-beta.md', (t) => t.replace('sources: [critique]', 'sources: [paper]'));
    const withoutPrompt = join(dir, 'prompts.yaml');
    writeFileSync(withoutPrompt, readFileSync(withoutPrompt, 'utf8').replace('sources: [critique]', 'sources: [paper]'));
    writeFileSync(join(dir, 'claims.yaml'), readFileSync(join(dir, 'claims.yaml'), 'utf8').replace('source: critique', 'source: paper'));
    expect(await problemsOf(dir)).toEqual([
      'sources.yaml › sources[1]: source "critique" is never cited by a section, claim, question or prompt',
    ]);
  });

  it('reports a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'quiz.yaml'), '');
    expect(await problemsOf(dir)).toContain('quiz.yaml: Invalid input: expected object, received null');
  });
});

/** The fixture's prompt with a stance block, and a second prompt asking a stance question with the given positions. */
const withStances =
  (positions: string, second = positions) =>
  (text: string) =>
    `${text.trimEnd()}
    stance:
      id: alpha-stance
      question: "Is alpha right?"
      positions: ${positions}
  - id: beta-prompt
    title: "Is beta right?"
    prompt: "Argue both sides of beta."
    followUps: ["What would change your mind?", "Who disagrees?"]
    section: beta
    sources: [critique]
    stance:
      id: alpha-stance
      question: "Is alpha right?"
      positions: ${second}
`;
const YES_NO = '[{ id: yes, label: "Yes" }, { id: no, label: "No" }]';

describe('stance blocks on prompts', () => {
  it('loads a stance asked by two prompts with the same positions', async () => {
    const result = await loadBundle(brokenBundle('prompts.yaml', withStances(YES_NO)));
    expect(result.ok && result.bundle.prompts.map((prompt) => prompt.stance?.positions.map((position) => position.id))).toEqual([
      ['yes', 'no'],
      ['yes', 'no'],
    ]);
  });

  it.each([
    ['[{ id: yes, label: "Yes" }]', 'prompts.yaml › prompts[0].stance.positions: needs 2 to 5 positions'],
    [
      '[{ id: yes, label: "Yes" }, { id: yes, label: "No" }]',
      'prompts.yaml › prompts[0].stance.positions[1].id: duplicate position id "yes"',
    ],
    ['[{ id: yes, label: "Yes" }, { id: no, label: "yes" }]', 'prompts.yaml › prompts[0].stance.positions[1].label: duplicate label "yes"'],
    [
      `[{ id: yes, label: "${'y'.repeat(81)}" }, { id: no, label: "No" }]`,
      'prompts.yaml › prompts[0].stance.positions[0].label: must be at most 80 characters',
    ],
    ['[{ id: Yes, label: "Yes" }, { id: no, label: "No" }]', 'prompts.yaml › prompts[0].stance.positions[0].id: must be a kebab-case id'],
  ])('rejects positions %s', async (positions, expected) => {
    const problems = await problemsOf(brokenBundle('prompts.yaml', withStances(positions, YES_NO)));
    expect(problems.some((problem) => problem.startsWith(expected))).toBe(true);
  });

  it('rejects one stance id asked with different positions', async () => {
    const problems = await problemsOf(
      brokenBundle('prompts.yaml', withStances(YES_NO, '[{ id: yes, label: "Yes" }, { id: maybe, label: "Maybe" }]')),
    );
    expect(problems).toEqual([
      'prompts.yaml › prompts[1].stance: stance "alpha-stance" differs from the one at prompts[0]: same id, same question and positions',
    ]);
  });
});

describe("members' phrasings (phrasings.yaml)", () => {
  const withPhrasings = (yaml: string) => {
    const misreading = '    misreadings: [{ text: "Alpha is false", kind: opposite, verdict: unsupported, note: "It is not false." }]\n';
    const dir = brokenBundle('claims.yaml', (text) => text.replace('    verdict: contested\n', `${misreading}    verdict: contested\n`));
    writeFileSync(join(dir, 'phrasings.yaml'), yaml);
    return dir;
  };

  it('adds them to their card as aliases, and a bundle without the file has none', async () => {
    const result = await loadBundle(withPhrasings('phrasings:\n  alpha-claim: ["so alpha is a thing?"]\n'));
    expect(result.ok && result.bundle.claims[0]?.aliases).toEqual([
      'alpha holds',
      'is alpha right',
      'alpha checks out',
      'so alpha is a thing?',
    ]);
    const without = await loadBundle(FIXTURE);
    expect(without.ok && without.bundle.claims[0]?.aliases).toEqual(['alpha holds', 'is alpha right', 'alpha checks out']);
  });

  it("adds a misreading's phrasing as another misreading with its verdict and note, after the card's own", async () => {
    const result = await loadBundle(withPhrasings('misreadings:\n  alpha-claim: [{ of: "Alpha is false", text: "nah alpha is wrong" }]\n'));
    expect(result.ok && result.bundle.claims[0]?.misreadings).toEqual([
      { text: 'Alpha is false', kind: 'opposite', verdict: 'unsupported', note: 'It is not false.' },
      { text: 'nah alpha is wrong', kind: 'opposite', verdict: 'unsupported', note: 'It is not false.' },
    ]);
    expect(await problemsOf(withPhrasings('misreadings:\n  alpha-claim: [{ of: "Alpha is odd", text: "alpha is odd" }]\n'))).toEqual([
      'phrasings.yaml › misreadings.alpha-claim[0].of: "Alpha is odd" is not one of the card\'s misreadings',
    ]);
  });

  it('rejects a phrasing of an unknown card, and one a card already says (one sentence, one verdict)', async () => {
    expect(await problemsOf(withPhrasings('phrasings:\n  no-such-card: ["alpha again"]\n'))).toEqual([
      'phrasings.yaml › phrasings.no-such-card: unknown claim "no-such-card"',
    ]);
    expect(await problemsOf(withPhrasings('phrasings:\n  alpha-claim: ["Alpha holds!"]\n'))).toEqual([
      'phrasings.yaml › phrasings.alpha-claim[0]: "Alpha holds!" is also written at claims[0].aliases[0]',
    ]);
  });
});

describe('the real bundle', () => {
  it('validates and meets the sizes the study group was promised', async () => {
    const result = await loadBundle('content');
    if (!result.ok) expect(result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    const { sections, sources, claims, questions, prompts } = result.bundle;
    expect(sections.length).toBeGreaterThanOrEqual(10);
    expect(claims.length).toBeGreaterThanOrEqual(45);
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(prompts.length).toBeGreaterThanOrEqual(52);
    expect(prompts.filter((prompt) => prompt.stance).length, 'prompts with a stance question').toBeGreaterThanOrEqual(
      prompts.length * 0.75,
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const section of sections) {
      const own = questions.filter((question) => question.section === section.id);
      expect(own.length, `quiz questions for ${section.id}`).toBeGreaterThanOrEqual(8);
      expect(new Set(own.map((question) => question.difficulty)).size, `difficulties for ${section.id}`).toBe(3);
    }
  });
});
