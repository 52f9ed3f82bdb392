import { stemmer } from 'stemmer';
import { synonymGroups } from './synonyms.js';

/**
 * Claim text as search terms. The stemmer package folds word forms ("trained", "training" → "train"); the
 * synonym groups and stop words are ours because they describe how people talk about this debate.
 */

// Common English words (NLTK's list without its negations and "only") and conversational filler.
export const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
  itself they them their theirs themselves what which who whom this that these those am is are was were be been being have
  has had having do does did doing a an the and but if or because as until while of at by for with about against between
  into through during before after above below to from up down in out on off over under again further then once here there
  when where why how all any both each few more most other some such own same so than too very s t can will just don
  should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren
  won wouldn could would might may must shall also even though although still yet already another whats thats isnt dont
  doesnt didnt wasnt cant wont say says said saying thing things anything something stuff lot get got really actually
  basically literally honestly exactly wait ok okay yeah yes hey pls plz please lol lmao omg wow hmm huh btw imo tbh tldr
  eli5 like kind kinda sort sorta right someone somebody anyone anybody people guys folks u ur im gonna wanna gotta
  somewhere anywhere everything anyway whole seriously totally definitely apparently supposedly obviously clearly evidently pretty much quite
  w tho rn idk ngl fr smth sth prob probs theres arent tl dr iirc afaik afaict fwiw imho tbf ofc nah bro ppl dude
  mate yep yup ya legit gist takeaway whoever whatsoever maybe perhaps friend friends hear thru bit seems seem super perfectly
  straight scary period generally typically largely headline summary summarise summarize recap reckon `.split(/\s+/),
);

/** Short forms people type in chat, spelled out before anything else reads the text ("w/o" would split into nothing). */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  af: 'alignment faking',
  'b/c': 'because',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  convo: 'conversation',
  convos: 'conversations',
  doc: 'document',
  docs: 'documents',
  finetune: 'fine-tune',
  finetuned: 'fine-tuned',
  finetuning: 'fine-tuning',
  'w/o': 'without',
  nothings: "nothing's",
  // Slipped negations the tagger does not read as "not" ("dosent" would say the opposite of what was meant).
  dosent: "doesn't",
  dosnt: "doesn't",
  doesent: "doesn't",
  doenst: "doesn't",
  dident: "didn't",
  didint: "didn't",
  hasnt: "hasn't",
  wasent: "wasn't",
  isent: "isn't",
  dnt: "don't",
};
const SHORT_FORM = new RegExp(String.raw`(?<![\p{L}\p{N}/])(?:${Object.keys(SHORT_FORMS).join('|')})(?![\p{L}\p{N}/])`, 'giu');

/**
 * A change said with its object between the verb and "down" or "up" ("RL brought the faking reasoning way down"): the
 * synonym groups match words in a row, so it is said as "brought … go down", the verb kept and the change read as
 * "go down" is. One to a figure ("…down from 78% to 12%") is read by its figures' order.
 */
const SPLIT_CHANGE =
  /\b((?:brought|brings?|bringing|pushe[sd]|push(?:ing)?|drove|driven|drives?|driving|knocked|knocks?|pulled|pulls?|dragged|drags?|got|gets?|took|takes?)\s+)((?:(?!(?:down|up|way|all\s+the\s+way)\b)[\p{L}\p{N}'%-]+\s+){1,5})(?:(?:all\s+the\s+)?way\s+)?(down|up)\b(?!\s+(?:to|from)\s+(?:about\s+|around\s+|roughly\s+|~)?\d)/giu;

export const spellOut = (text: string): string =>
  text.replace(SHORT_FORM, (short) => SHORT_FORMS[short.toLowerCase()] ?? short).replace(SPLIT_CHANGE, '$1$2go $3');

export const words = (text: string): string[] =>
  spellOut(text)
    .toLowerCase()
    .replaceAll('%', ' percent ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Phrases that carry no claim, dropped: ways of asking whether something holds ("true" and "real" here are not about
 * genuineness), connectives whose words mean something else alone ("in order to" orders nothing), emphasis that closes a
 * claim ("full stop"), and poems named like models.
 */
const FRAMES = [
  'true or false',
  'is it true',
  'is this true',
  'is that true',
  'is it real',
  'is this real',
  'is that real',
  'in order to',
  'of course',
  // "…, full stop" had met two aliases that end so.
  'full stop',
  'end of story',
  // Poems, not models: nobody says "a Claude 3.5 Sonnet" ("a sonnet has 14 lines" had met the 14% card).
  'a sonnet',
  'a haiku',
];

interface SynonymRun {
  readonly run: readonly string[];
  /** The group's term, or empty for a frame. */
  readonly canonical: string;
  /** Whether the phrase itself negates ("not monitored"), so a negation found there is part of its meaning. */
  readonly negated: boolean;
}

/**
 * Words the stemmer folds into another word's stem: "ads" and "adding" both become "ad" (so "the ads on the free tier"
 * matched "adding 'be honest' to the prompt"), and "news" becomes "new".
 */
const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  ad: 'advert',
  ads: 'advert',
  adding: 'add',
  added: 'add',
  adds: 'add',
  news: 'news',
};
const stemOf = (word: string) => STEM_EXCEPTIONS[word] ?? stemmer(word);

const NEGATING_WORDS = new Set(['not', 'no', 'nobody', 'never', 'none', 'nothing', 'without']);

/**
 * The stem sequence of every synonym phrase and frame, filed under its first stem, longest first so
 * "not monitored" wins over "monitored".
 */
const synonymRuns = new Map<string, SynonymRun[]>();
for (const { phrase, head } of [
  ...synonymGroups.flatMap((group) => group.map((phrase) => ({ phrase, head: words(group[0] ?? '') }))),
  ...FRAMES.map((phrase) => ({ phrase, head: [] })),
]) {
  const run = words(phrase).map(stemOf);
  const filed = synonymRuns.get(run[0] ?? '') ?? [];
  synonymRuns.set(
    run[0] ?? '',
    [...filed, { run, canonical: head.join(''), negated: words(phrase).some((word) => NEGATING_WORDS.has(word)) }].sort(
      (a, b) => b.run.length - a.run.length,
    ),
  );
}

/** The longest synonym phrase starting at `start`; a lone stop word ("actually" → "actual") is not one. */
function synonymAt(all: readonly string[], stems: readonly string[], start: number) {
  const candidates = synonymRuns.get(stems[start] ?? '') ?? [];
  const found = candidates.find(({ run }) => run.every((stem, offset) => stems[start + offset] === stem));
  return found?.run.length === 1 && STOP_WORDS.has(all[start] ?? '') ? undefined : found;
}

/**
 * Claim text as terms: lower-cased, stemmed ("trained", "training" → "train"), synonym phrases replaced by
 * their group's term, stop words and frames dropped. Used for the cards and for queries.
 */
export function claimTerms(text: string): string[] {
  return termsOf(segments(text));
}

/**
 * The text's terms, and the words inside its multi-word synonym phrases ("went" and "up" of "went up"): the phrase's
 * term stands for them, so their own lemmas must not be read again ("up" against "down" would count a reversal twice).
 */
export function readTerms(text: string): { terms: string[]; phraseWords: Set<string> } {
  const found = segments(text);
  const phraseWords = new Set(found.flatMap((segment) => (segment.synonym && segment.words.length > 1 ? segment.words : [])));
  return { terms: termsOf(found), phraseWords };
}

const termsOf = (found: readonly Segment[]) =>
  found.flatMap(({ synonym, word, stem }) => {
    if (synonym) return synonym.canonical ? [synonym.canonical] : [];
    return STOP_WORDS.has(word) ? [] : [stem];
  });

/** How many synonym phrases in the text carry a negation of their own ("not monitored", "nobody watching"). */
export function negatedSynonyms(text: string): number {
  return segments(text).filter(({ synonym }) => synonym?.negated === true).length;
}

type Segment =
  | { synonym: SynonymRun; words: readonly string[]; word?: undefined; stem?: undefined }
  | { synonym?: undefined; word: string; stem: string };

function segments(text: string): Segment[] {
  const all = words(text);
  const stems = all.map(stemOf);
  const found: Segment[] = [];
  for (let at = 0; at < all.length; ) {
    const synonym = synonymAt(all, stems, at);
    if (synonym) {
      found.push({ synonym, words: all.slice(at, at + synonym.run.length) });
      at += synonym.run.length;
    } else {
      found.push({ word: all[at] ?? '', stem: stems[at] ?? '' });
      at += 1;
    }
  }
  return found;
}
