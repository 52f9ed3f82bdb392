import { antonymsOf } from './language.js';
import { containsRun, deniesSide, type Negation, type Phrase, type Sentence, says } from './sentence.js';

/** Whether what a member said reverses one wording of a claim: negations, antonyms and the domain's opposites. */

type Opposites = readonly (readonly [Phrase, Phrase])[];
type Compared = NonNullable<Sentence['compared']>;

/** How the member's sentence stands to one wording of a card, its negations read once for both answers. */
export interface Polarity {
  /** It reverses the wording (see `reversal`). */
  readonly reversed: boolean;
  /** A negation bears only partly on the other sentence, so whether one reverses the other is unclear. */
  readonly unclear: boolean;
}

export function polarity(said: Sentence, wording: Sentence, opposites: Opposites): Polarity {
  const own = ownNegations(said, wording);
  const paired = pairedInOtherWords(own, said, wording, opposites);
  const partly = (sentence: Sentence, other: Sentence) =>
    sentence.negations.some((scope) => bearingOf(scope, other, opposites) === 'partly');
  return {
    reversed: reversal(said, wording, opposites, own, paired),
    unclear: !said.question && !paired && (partly(said, wording) || partly(wording, said)),
  };
}

/** Each answer of `polarity` alone. */
export const reverses = (said: Sentence, wording: Sentence, opposites: Opposites) => polarity(said, wording, opposites).reversed;
export const negationUnclear = (said: Sentence, wording: Sentence, opposites: Opposites) => polarity(said, wording, opposites).unclear;

/**
 * True when the member's sentence reverses the wording: an odd number of reversals among the negations
 * ("did not", "never") and swaps of a word for its antonym ("raised" ↔ "lowered", WordNet) or of a domain term for
 * its opposite ("free tier" ↔ "paid tier", the bundle). "Did not lower" against "raised" is two reversals: same.
 * A question's negations reverse nothing: "didn't RL remove it?" asks about the claim it names. `own` are the two
 * sentences' negations that count (`ownNegations`); `paired` says they deny the same thing in other words.
 */
function reversal(said: Sentence, wording: Sentence, opposites: Opposites, own: OwnNegations, paired: boolean): boolean {
  const [saidOwn, wordingOwn] = own;
  const denials = paired ? 0 : negations(bearing(saidOwn, wording, opposites), bearing(wordingOwn, said, opposites));
  const negation = said.question ? 0 : denials + crossed(said, wording, own, opposites);
  // "From 63% to 35%" against "from 35% to 63%": the order says the direction, whatever verb carries it.
  const sameChange = said.changes.find(([from, to]) =>
    wording.changes.some(([a, b]) => (a === from && b === to) || (a === to && b === from)),
  );
  if (sameChange) {
    const reordered = !wording.changes.some(([a, b]) => a === sameChange[0] && b === sameChange[1]);
    return (negation + (reordered ? 1 : 0)) % 2 === 1;
  }
  // A negating word ("no") is counted as a negation above, not again as the antonym of "all"; the words of a synonym
  // phrase ("went down") are read as its term, by the domain's opposites, not again as lemmas ("down" ↔ "up").
  const cues = new Set([...said.negations, ...wording.negations].map((scope) => scope.cue));
  for (const word of [...said.phraseWords, ...wording.phraseWords]) cues.add(word);
  const onlySaid = [...said.lemmas].filter((lemma) => !wording.lemmas.has(lemma) && !cues.has(lemma));
  const onlyWording = new Set([...wording.lemmas].filter((lemma) => !said.lemmas.has(lemma) && !cues.has(lemma)));
  // WordNet's antonyms are of adjectives, adverbs and verbs: two words both read as nouns ("3 ingredients right?" against
  // "three parts") are not them, though the tagger may read one of a true pair as a noun ("dislikes").
  const opposed = (lemma: string, antonym: string) =>
    onlyWording.has(antonym) && (said.opposable.has(lemma) || wording.opposable.has(antonym));
  const antonyms = onlySaid.filter((lemma) => [...antonymsOf(lemma)].some((antonym) => opposed(lemma, antonym))).length;
  const swapped = opposites.filter(
    ([a, b]) => !antonymsOf(a.word).has(b.word) && (swaps(said, wording, a, b) || swaps(said, wording, b, a)),
  ).length;
  return (negation + antonyms + swapped + mirrored(said, wording, opposites)) % 2 === 1;
}

/**
 * How a negation bears on what the other sentence says: not at all when it negates words the other never uses, or
 * one side of a domain opposite when the other names only the other side ("…, but almost never with paid users" when
 * the member only spoke of free users; "didn't reduce" still bears on "had no effect", which names neither); fully when the other says most of its words, or the word it governs and another; partly
 * otherwise, when the two may say the same thing in other words ("signed off on" against "doesn't mean he
 * endorsed") and the words cannot tell.
 */
function bearingOf(scope: Negation, other: Sentence, opposites: Opposites): 'none' | 'partly' | 'fully' {
  // "…, the same gap without it": a condition on a thing named before, not a denial of what the other sentence says.
  if (scope.words.length === 0) return scope.cue === 'without' ? 'none' : 'fully';
  const negates = (side: Phrase, otherSide: Phrase) => deniesSide(scope.terms, side) && !says(other, side) && says(other, otherSide);
  const aboutAnother = opposites.some(([a, b]) => negates(a, b) || negates(b, a));
  // An elided negation denies its side what its sentence says of the other side: it bears only on a sentence about its
  // side alone (with both sides named, the two sentences' own negations and opposites tell which way each goes).
  const aboutItsSide = opposites.some(
    ([a, b]) => (deniesSide(scope.terms, a) && saysOnly(other, a, b)) || (deniesSide(scope.terms, b) && saysOnly(other, b, a)),
  );
  if (scope.elided && !aboutItsSide) return 'none';
  const shared = scope.words.filter((word) => other.lemmas.has(word)).length;
  if (aboutAnother || shared === 0) return 'none';
  // The first negated word is the one the negation governs ("never *tried* to exfiltrate …, even when handed the
  // chance"): with it and another, the rest of a long scope is circumstance.
  const governed = other.lemmas.has(scope.words[0] ?? '') && shared >= 2;
  return shared * 2 >= scope.words.length || governed ? 'fully' : 'partly';
}

const saysOnly = (sentence: Sentence, side: Phrase, otherSide: Phrase) => says(sentence, side) && !says(sentence, otherSide);

const bearing = (negated: readonly Negation[], other: Sentence, opposites: Opposites) =>
  negated.filter((scope) => bearingOf(scope, other, opposites) === 'fully').length;

const DIFFERENT = new Set(['different', 'separate', 'distinct', 'unrelated']);
const STOPPING = new Set(['stop', 'prevent', 'end', 'halt', 'remove', 'eliminate', 'kill', 'erase']);
const GOING_ON = new Set(['still', 'keep', 'continue', 'remain', 'stay', 'persist', 'survive', 'stick', 'linger']);

/**
 * Negations that say what a word of the other sentence says unnegated: a negated stopping what "still" or "stayed"
 * says ("telling it to be honest doesn't stop it faking" against "told to be honest, it still faked"; "didn't kill the
 * faking" against "the faking stuck around"), and a negated "before" what "first" says ("no one had caught a model
 * doing this before" against "the first case"), and a negation what "different" says of the words it denies ("…, not
 * alignment faking" against "a different thing from alignment faking"). No reversal between them.
 */
const SAID_UNNEGATED: readonly {
  readonly negates: (scope: Negation, sentence: Sentence) => boolean;
  readonly says: ReadonlySet<string>;
}[] = [
  { negates: (scope) => STOPPING.has(scope.cue) || STOPPING.has(scope.words[0] ?? ''), says: GOING_ON },
  // The model ends a scope before "before", an adposition: the sentence's own "before" is the one denied, unless the
  // scope denies "first" itself ("this wasn't the first case, …had been shown before").
  { negates: (scope, sentence) => sentence.lemmas.has('before') && !scope.words.includes('first'), says: new Set(['first']) },
  { negates: (scope) => scope.words.length > 0 && !scope.words.some((word) => DIFFERENT.has(word)), says: DIFFERENT },
];

/**
 * `sentence`'s negations (`negated`, some of its own) less those the other says unnegated; when the other has such a
 * negation too, the two pair off as negations do.
 */
function withoutSaidUnnegated(negated: readonly Negation[], sentence: Sentence, other: Sentence): readonly Negation[] {
  return SAID_UNNEGATED.reduce((rest, { negates, says }) => {
    if (![...says].some((lemma) => other.lemmas.has(lemma)) || other.negations.some((scope) => negates(scope, other))) return rest;
    const unnegated = rest.find((scope) => negates(scope, sentence));
    return unnegated === undefined ? rest : rest.filter((scope) => scope !== unnegated);
  }, negated);
}

/**
 * Each sentence's negations, less one that describes a noun on each side when both have one: "models that don't fake
 * alignment could" and "…in models that don't show it" speak of the same models in other words, so neither is denied.
 */
function describedAlike(said: Sentence, wording: Sentence): [readonly Negation[], readonly Negation[]] {
  const saidDescribes = said.negations.find((scope) => scope.describes);
  const wordingDescribes = wording.negations.find((scope) => scope.describes);
  if (saidDescribes === undefined || wordingDescribes === undefined) return [said.negations, wording.negations];
  return [said.negations.filter((scope) => scope !== saidDescribes), wording.negations.filter((scope) => scope !== wordingDescribes)];
}

/**
 * How many reversals the negations of both sentences make. Negations on both sides pair off ("nothing is at stake"
 * in both; "almost never with paid users" against "paid users almost never got one"), so their parity counts. The
 * member's negations against a wording with none cannot cancel each other: "never released any code, so you can't
 * reproduce it" denies both halves of a wording that says them, once.
 */
const negations = (saidBearing: number, wordingBearing: number) =>
  wordingBearing === 0 ? Math.min(saidBearing, 1) : saidBearing + wordingBearing;

type OwnNegations = readonly [readonly Negation[], readonly Negation[]];

/** Each sentence's negations that count against the other: less those that pair off as `describedAlike` and `withoutSaidUnnegated` say. */
function ownNegations(said: Sentence, wording: Sentence): OwnNegations {
  const [saidAlike, wordingAlike] = describedAlike(said, wording);
  return [withoutSaidUnnegated(saidAlike, said, wording), withoutSaidUnnegated(wordingAlike, wording, said)];
}

/**
 * Whether each sentence denies one thing, and each denial touches the other sentence: "the gap has nothing to do with
 * protecting its goals" and "the gap isn't explained by goal guarding" deny the same thing in other words, so the two
 * negations pair off even where their words only partly meet.
 */
function pairedInOtherWords([saidOwn, wordingOwn]: OwnNegations, said: Sentence, wording: Sentence, opposites: Opposites): boolean {
  const [saidScope, ...saidMore] = saidOwn;
  const [wordingScope, ...wordingMore] = wordingOwn;
  if (saidScope === undefined || wordingScope === undefined || saidMore.length > 0 || wordingMore.length > 0) return false;
  // "base models that never got chat fine-tuning" describes the models; "base models never show it" denies what they do.
  if (saidScope.describes !== wordingScope.describes) return false;
  // "…, while paid-tier users almost never got that" denies what "…, but almost never with paid-tier users" does, though
  // it names the users before its "never".
  // "…but usually chose not to fake" and "…yet usually chose not to game the training": denials that follow the same
  // verb or adverb deny what it governs, in whatever words.
  const lead = saidScope.before.at(-1);
  if (lead !== undefined && lead === wordingScope.before.at(-1) && said.opposable.has(lead) && wording.opposable.has(lead)) return true;
  const bears = (scope: Negation, other: Sentence, otherScope: Negation) =>
    bearingOf(scope, other, opposites) !== 'none' || scope.before.some((word) => otherScope.words.includes(word));
  return bears(saidScope, wording, wordingScope) && bears(wordingScope, said, saidScope);
}

/**
 * The domain opposites two comparisons put on different sides of "than": "complied less in training than when nobody
 * was watching" against "complied more when unmonitored than in training" puts the free tier first where the other
 * puts the paid tier first (with "less" against "more", the two say the same).
 */
function mirrored(said: Sentence, wording: Sentence, opposites: Opposites): number {
  if (said.compared === null || wording.compared === null) return 0;
  const swappedOpposites = opposites.filter((pair) => {
    const first = [firstCompared(said, pair), firstCompared(wording, pair)];
    return first[0] !== undefined && first[1] !== undefined && first[0] !== first[1];
  }).length;
  return swappedOpposites > 0 ? swappedOpposites : swappedSides(said.compared, wording.compared) ? 1 : 0;
}

/** Two comparisons whose sides trade places, whatever they name: "Opus fakes more than 3.5 Sonnet" against "3.5 Sonnet fakes more than Opus". */
function swappedSides([before, after]: Compared, [otherBefore, otherAfter]: Compared): boolean {
  const movedFrom = (side: readonly string[], to: readonly string[], from: readonly string[]) =>
    side.some((term) => to.includes(term) && !from.includes(term));
  return movedFrom(before, otherAfter, otherBefore) && movedFrom(after, otherBefore, otherAfter);
}

/** Which side of a domain opposite a comparison names before "than", with the other after it. */
function firstCompared({ compared }: Sentence, [a, b]: readonly [Phrase, Phrase]): Phrase | undefined {
  if (compared === null) return undefined;
  const [before, after] = compared;
  if (containsRun(before, a.terms) && containsRun(after, b.terms)) return a;
  if (containsRun(before, b.terms) && containsRun(after, a.terms)) return b;
  return undefined;
}

/**
 * Negations about opposite sides of a domain opposite, one in each sentence ("paid users got harmful answers, free users
 * almost never" against "…with free users 14% of the time, but almost never with paid users"): as negations they pair
 * off, but between them the sides have swapped, which is one reversal.
 */
function crossed(said: Sentence, wording: Sentence, [saidOwn, wordingOwn]: OwnNegations, opposites: Opposites): number {
  if (saidOwn.length === 0 || wordingOwn.length === 0) return 0;
  const about = (scopes: readonly Negation[], side: Phrase, other: Phrase) =>
    scopes.some((scope) => containsRun(scope.terms, side.terms) && !containsRun(scope.terms, other.terms));
  const bothSides = (a: Phrase, b: Phrase) => [said, wording].every((sentence) => says(sentence, a) && says(sentence, b));
  return opposites.filter(
    ([a, b]) => bothSides(a, b) && ((about(saidOwn, a, b) && about(wordingOwn, b, a)) || (about(saidOwn, b, a) && about(wordingOwn, a, b))),
  ).length;
}

const swaps = (said: Sentence, wording: Sentence, a: Phrase, b: Phrase) =>
  says(said, a) && !says(said, b) && says(wording, b) && !says(wording, a);
