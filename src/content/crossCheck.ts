import { limits } from './limits.js';
import type { ContentProblem } from './loader.js';
import type { Bundle, Phrasings } from './schema.js';

const SECTION_EMBED_BUDGET = limits.embedTotal - 1000; // room for the sources field and footer the view adds

/** Checks that only the whole bundle can answer: unique ids, references that resolve, every source used. */
export function crossCheck(bundle: Bundle, phrasings: Phrasings, sectionFile: (id: string) => string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });

  const sectionIds = new Set(bundle.sections.map((section) => section.id));
  const sourceIds = new Set(bundle.sources.map((source) => source.id));
  const claimIds = new Set(bundle.claims.map((claim) => claim.id));
  const cited = new Set<string>();

  const unique = (file: string, collection: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) add(file, `${collection}[${index}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  const ref = (file: string, path: string, id: string, known: Set<string>, kind: string) => {
    if (!known.has(id)) add(file, path, `unknown ${kind} "${id}"`);
    if (kind === 'source') cited.add(id);
  };
  const refs = (file: string, path: string, wanted: readonly string[], known: Set<string>, kind: string) => {
    wanted.forEach((id, index) => {
      ref(file, `${path}[${index}]`, id, known, kind);
    });
  };

  unique('sources.yaml', 'sources', bundle.sources);
  unique('claims.yaml', 'claims', bundle.claims);
  unique('quiz.yaml', 'questions', bundle.questions);
  unique('prompts.yaml', 'prompts', bundle.prompts);

  const orders = new Map<number, string>();
  const seenSections = new Set<string>();
  for (const section of bundle.sections) {
    const file = sectionFile(section.id);
    if (seenSections.has(section.id)) add(file, 'id', `duplicate section id "${section.id}"`);
    seenSections.add(section.id);
    const other = orders.get(section.order);
    if (other !== undefined) add(file, 'order', `order ${section.order} is also used by "${other}"`);
    orders.set(section.order, section.id);
    refs(file, 'sources', section.sources, sourceIds, 'source');
    refs(file, 'claims', section.claims, claimIds, 'claim');
    const keyPointsField = section.keyPoints.map((point) => `• ${point}`).join('\n');
    if (keyPointsField.length > limits.embedField)
      add(file, 'keyPoints', `together they must fit one embed field (${keyPointsField.length}/${limits.embedField} characters)`);
    const embedLength = section.title.length + section.body.length + keyPointsField.length;
    if (embedLength > SECTION_EMBED_BUDGET)
      add(file, 'body', `title, body and key points must fit one embed (${embedLength}/${SECTION_EMBED_BUDGET} characters)`);
  }

  bundle.claims.forEach((claim, index) => {
    const path = `claims[${index}]`;
    claim.evidence.forEach((evidence, at) => {
      ref('claims.yaml', `${path}.evidence[${at}].source`, evidence.source, sourceIds, 'source');
    });
    refs('claims.yaml', `${path}.sections`, claim.sections, sectionIds, 'section');
  });
  checkPhrasingsCards(bundle, phrasings, add);
  checkOneVerdictPerSentence(bundle, phrasings, add);

  bundle.questions.forEach((question, index) => {
    const path = `questions[${index}]`;
    ref('quiz.yaml', `${path}.section`, question.section, sectionIds, 'section');
    refs('quiz.yaml', `${path}.sources`, question.sources, sourceIds, 'source');
    if (question.answer >= question.choices.length)
      add('quiz.yaml', `${path}.answer`, `index ${question.answer} is out of range (${question.choices.length} choices)`);
    const lowered = question.choices.map((choice) => choice.trim().toLowerCase());
    lowered.forEach((choice, at) => {
      if (lowered.indexOf(choice) !== at) add('quiz.yaml', `${path}.choices[${at}]`, `duplicate choice "${question.choices[at]}"`);
    });
  });

  bundle.prompts.forEach((prompt, index) => {
    const path = `prompts[${index}]`;
    ref('prompts.yaml', `${path}.section`, prompt.section, sectionIds, 'section');
    refs('prompts.yaml', `${path}.sources`, prompt.sources, sourceIds, 'source');
  });
  checkSharedStances(bundle, add);

  const labs = new Set(bundle.claimWords.names.filter((name) => name.kind === 'lab').map((name) => name.name));
  bundle.sources.forEach((source, index) => {
    if (!cited.has(source.id))
      add('sources.yaml', `sources[${index}]`, `source "${source.id}" is never cited by a section, claim, question or prompt`);
    source.by?.forEach((lab, at) => {
      if (!labs.has(lab)) add('sources.yaml', `sources[${index}].by[${at}]`, `"${lab}" is not a lab in claims.yaml › words.names`);
    });
  });
  return problems;
}

/** Two sentences with the same key are one sentence to /claim: case, spacing and punctuation aside. */
export const sentenceKey = (sentence: string) =>
  sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

/** A sentence written on two cards (as a paraphrase or a misreading) would have two verdicts; /claim could show either. */
function checkOneVerdictPerSentence(
  bundle: Bundle,
  phrasings: Phrasings,
  add: (file: string, path: string, message: string) => void,
): void {
  const firstSeen = new Map<string, string>();
  const record = (sentence: string, path: string, file = 'claims.yaml') => {
    const key = sentenceKey(sentence);
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) add(file, path, `"${sentence}" is also written at ${earlier}`);
    else firstSeen.set(key, file === 'claims.yaml' ? path : `${file} › ${path}`);
  };
  bundle.claims.forEach((claim, index) => {
    const path = `claims[${index}]`;
    record(claim.claim, `${path}.claim`);
    claim.aliases.forEach((alias, at) => {
      record(alias, `${path}.aliases[${at}]`);
    });
    claim.misreadings.forEach((misreading, at) => {
      record(misreading.text, `${path}.misreadings[${at}].text`);
    });
  });
  for (const [card, sentences] of Object.entries(phrasings.phrasings))
    sentences.forEach((sentence, at) => {
      record(sentence, `phrasings.${card}[${at}]`, 'phrasings.yaml');
    });
  for (const [card, rephrased] of Object.entries(phrasings.misreadings))
    rephrased.forEach(({ text }, at) => {
      record(text, `misreadings.${card}[${at}].text`, 'phrasings.yaml');
    });
}

/** Phrasings belong to a card, and a misreading's to one of that card's own misreadings. */
function checkPhrasingsCards(bundle: Bundle, phrasings: Phrasings, add: (file: string, path: string, message: string) => void): void {
  const cards = new Map(bundle.claims.map((claim) => [claim.id, claim]));
  for (const card of Object.keys(phrasings.phrasings))
    if (!cards.has(card)) add('phrasings.yaml', `phrasings.${card}`, `unknown claim "${card}"`);
  for (const [card, rephrased] of Object.entries(phrasings.misreadings)) {
    const claim = cards.get(card);
    if (!claim) add('phrasings.yaml', `misreadings.${card}`, `unknown claim "${card}"`);
    rephrased.forEach(({ of }, at) => {
      if (claim && !claim.misreadings.some((misreading) => misreading.text === of))
        add('phrasings.yaml', `misreadings.${card}[${at}].of`, `"${of}" is not one of the card's misreadings`);
    });
  }
}

/** Prompts asking the same stance question (same id) must offer the same positions, or weeks could not be compared. */
function checkSharedStances(bundle: Bundle, add: (file: string, path: string, message: string) => void): void {
  const firstSeen = new Map<string, { shape: string; at: string }>();
  bundle.prompts.forEach((prompt, index) => {
    if (!prompt.stance) return;
    const { id, question, positions } = prompt.stance;
    const shape = JSON.stringify([question, positions.map((position) => [position.id, position.label])]);
    const earlier = firstSeen.get(id);
    if (earlier === undefined) firstSeen.set(id, { shape, at: `prompts[${index}]` });
    else if (earlier.shape !== shape)
      add(
        'prompts.yaml',
        `prompts[${index}].stance`,
        `stance "${id}" differs from the one at ${earlier.at}: same id, same question and positions`,
      );
  });
}
