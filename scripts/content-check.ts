import { resolve } from 'node:path';
import { formatProblem, loadBundle } from '../src/content/loader.js';

const json = process.argv.includes('--json');
const dir = resolve(process.env.CONTENT_DIR || 'content');
const result = await loadBundle(dir);

const counts = result.ok
  ? {
      sections: result.bundle.sections.length,
      sources: result.bundle.sources.length,
      claims: result.bundle.claims.length,
      quiz: result.bundle.questions.length,
      prompts: result.bundle.prompts.length,
    }
  : { sections: 0, sources: 0, claims: 0, quiz: 0, prompts: 0 };
const errors = result.ok ? [] : result.problems.map(formatProblem);

if (json) {
  console.log(JSON.stringify({ ...counts, errors }));
} else if (result.ok) {
  const { info } = result.bundle;
  console.log(`Content bundle ${info.version} (${info.updated}) in ${dir} is valid.`);
  for (const [name, count] of Object.entries(counts)) console.log(`  ${name.padEnd(9)} ${count}`);
} else {
  console.error(`Content bundle in ${dir} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:`);
  for (const error of errors) console.error(`  ${error}`);
}
process.exitCode = result.ok ? 0 : 1;
