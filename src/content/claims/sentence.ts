import type { ClaimWords } from '../schema.js';
import { creditedLabs, type LabPattern } from './credits.js';
import { ABOUT, COMPARED_WITH, type NegationScope, type NumberMention, PERCENTS, type SentenceFacts, sentenceFacts } from './language.js';
import { claimTerms, negatedSynonyms, readTerms, spellOut } from './terms.js';

/**
 * A sentence as /claim compares it: its search terms, how many negations it carries, its lemmas, the figures
 * it states and the labs, models and people it names.
 */
export interface Sentence {
  /** As written. */
  readonly text: string;
  readonly terms: readonly string[];
  /** Its negations, each with the search terms of what it negates (for the domain's phrases). */
  readonly negations: readonly Negation[];
  readonly lemmas: ReadonlySet<string>;
  readonly opposable: ReadonlySet<string>;
  /** Words a multi-word synonym phrase stands for (see `readTerms`). */
  readonly phraseWords: ReadonlySet<string>;
  readonly numbers: readonly NumberMention[];
  readonly question: boolean;
  readonly asksFor: boolean;
  readonly comparison: SentenceFacts['comparison'];
  /** A comparison's search terms before "than" and from it on ("more in training | than unmonitored"); else null. */
  readonly compared: readonly [readonly string[], readonly string[]] | null;
  readonly settled: boolean;
  readonly alike: boolean;
  readonly parts: SentenceFacts['parts'];
  readonly counted: SentenceFacts['counted'];
  readonly changes: SentenceFacts['changes'];
  /** The search terms of the sentence without the names it mentions. */
  readonly unnamedTerms: readonly string[];
  /** Canonical names by kind ("model" → {"Claude 3 Opus"}). */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
  /** The terms of its names, by kind. */
  readonly nameTerms: ReadonlyMap<string, readonly string[]>;
  /** The names it mentions only inside a negation ("…, not OpenAI or DeepMind"). */
  readonly deniedNames: ReadonlySet<string>;
  /** The labs it credits with the work it speaks of (see `creditedLabs`). */
  readonly credited: ReadonlySet<string>;
  /** Each percentage with the name or domain side nearest to it, per kind ("24%" → animal welfare, of the settings). */
  readonly attached: readonly Attachment[];
}

export interface Negation extends NegationScope {
  readonly terms: readonly string[];
}

/** A percentage and what it is said of: `kind` groups the labels one could swap for another. */
export interface Attachment {
  readonly kind: string;
  readonly label: string;
  readonly value: number;
}

/** Something a figure can be said of, found as a run of search terms. */
interface Label {
  readonly kind: string;
  readonly label: string;
  readonly terms: readonly string[];
}

interface NamePattern {
  readonly kind: string;
  readonly canonical: string;
  readonly terms: readonly string[];
  readonly pattern: RegExp;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads sentences against the bundle's names and domain opposites. */
export class SentenceReader {
  private readonly patterns: readonly NamePattern[];
  private readonly labs: readonly LabPattern[];
  private readonly labels: readonly Label[];
  readonly opposites: readonly (readonly [Phrase, Phrase])[];
  /** A domain side's first word said alone ("paid" of "paid tier"): the side's term, and the other side's. */
  private readonly bareSides: ReadonlyMap<string, { readonly side: string; readonly other: string }>;

  constructor(words: ClaimWords) {
    this.patterns = words.names
      .flatMap(({ kind, name, also }) =>
        [name, ...also].map((variant) => ({
          kind,
          canonical: name,
          terms: claimTerms(variant),
          pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\bnon-)${escaped(variant)}(?![\\p{L}\\p{N}])`, 'giu'),
        })),
      )
      .sort((a, b) => b.terms.length - a.terms.length);
    this.labs = this.patterns.filter(({ kind }) => kind === 'lab');
    this.opposites = words.opposites.map(([a, b]) => [phrase(a), phrase(b)] as const);
    this.bareSides = new Map(this.opposites.flatMap(([a, b]) => [bareSide(a, b), bareSide(b, a)]).filter((entry) => entry !== undefined));
    this.labels = [
      ...this.patterns.map(({ kind, canonical, terms }) => ({ kind, label: canonical, terms })),
      ...this.opposites.flatMap((pair, at) => pair.map(({ terms, word }) => ({ kind: `opposite ${at}`, label: word, terms }))),
      ...words.measures.flatMap(({ name, also }) =>
        [name, ...also].map((variant) => ({ kind: 'measure', label: name, terms: claimTerms(variant) })),
      ),
    ].filter(({ terms }) => terms.length > 0);
  }

  /**
   * `spelled` is the text with slips corrected, for terms and names; figures and negations come from `text`, its chat
   * short forms spelled out ("w/o" → "without"); what each figure is said of from `respelled`, the text with slips
   * corrected in place, whose punctuation marks its clauses.
   */
  read(text: string, spelled: string = text, respelled: string = text): Sentence {
    const { terms, phraseWords } = readTerms(spelled);
    const names = new Map<string, Set<string>>();
    const mentions: { canonical: string; terms: readonly string[] }[] = [];
    const written = spellOut(text);
    let unnamed = written;
    // Longest names first, each taking the words it matches: "Claude Opus 4" is not also Claude 3 Opus ("opus").
    const taken = new Set<number>();
    const nameTermsOf = new Map<string, string[]>();
    const present = new Set(terms);
    for (const { kind, canonical, terms: nameTerms, pattern } of this.patterns) {
      if (!present.has(nameTerms[0] ?? '')) continue;
      const at = runsAt(terms, nameTerms).filter((start) => nameTerms.every((_, offset) => !taken.has(start + offset)));
      // Terms skip common words, so the name must be in the text too: "Claude more two-faced" is not Claude 2.
      if (nameTerms.length === 0 || at.length === 0 || !(appearsIn(pattern, written) || appearsIn(pattern, spelled))) continue;
      for (const start of at) for (const offset of nameTerms.keys()) taken.add(start + offset);
      (names.get(kind) ?? names.set(kind, new Set()).get(kind))?.add(canonical);
      mentions.push({ canonical, terms: nameTerms });
      nameTermsOf.set(kind, [...(nameTermsOf.get(kind) ?? []), ...nameTerms]);
      unnamed = unnamed.replace(pattern, ' ');
    }
    const facts = sentenceFacts(written, phraseWords);
    // Figures come from the text without its names, so "Claude 3 Opus" states no figure.
    const { numbers } = unnamed === written || !/\d/.test(written) ? facts : sentenceFacts(unnamed);
    const negations = facts.negations
      .slice(negatedSynonyms(written))
      .map((scope) => ({ ...scope, terms: this.sidesNamedBare(claimTerms(scope.written.join(' ')), terms) }))
      .filter((scope) => !scope.elided || this.contrastsSides(scope.terms, terms));
    return {
      text,
      terms,
      negations,
      lemmas: facts.lemmas,
      opposable: facts.opposable,
      phraseWords,
      question: facts.question,
      asksFor: facts.asksFor,
      comparison: facts.comparison,
      compared: facts.comparison === 'than' ? comparedSides(text) : null,
      settled: facts.settled,
      alike: facts.alike && !DOES_THE_SAME.test(text) && !(SAME_RATE.test(text) && CARRIED_ON.test(text) && negations.length > 0),
      parts: facts.parts,
      counted: facts.counted,
      changes: facts.changes,
      numbers: numbers.filter(isFigure),
      unnamedTerms: terms.filter((_, at) => !taken.has(at)),
      names,
      nameTerms: nameTermsOf,
      deniedNames: deniedNames(mentions, negations),
      credited: names.has('lab') ? new Set([...creditedLabs(written, this.labs), ...creditedLabs(spelled, this.labs)]) : new Set(),
      attached: this.attachments(spellOut(respelled)),
    };
  }

  /**
   * Whether an elided negation ("paid-tier chats were trained on, free-tier ones weren't") denies of one side of a domain
   * opposite what the sentence says of the other: without that contrast, what it leaves out cannot be told.
   */
  /**
   * "14% for free users, almost never for paid": a negation's bare side, where the rest of the sentence names the other
   * side, is that side, as the contrast says; so the negation bears on a wording about it. Alone, "paid" or "free" may
   * be anything ("paid for the study", "free to refuse"), and one beside the other side in the same negation ("doesn't
   * train on free or paid user data") names no contrast.
   */
  private sidesNamedBare(negated: readonly string[], terms: readonly string[]): string[] {
    return negated.map((term) => {
      const bare = this.bareSides.get(term);
      return bare && terms.includes(bare.other) && !negated.includes(bare.other) ? bare.side : term;
    });
  }

  private contrastsSides(scopeTerms: readonly string[], terms: readonly string[]): boolean {
    return this.opposites.some(([a, b]) =>
      [[a, b] as const, [b, a] as const].some(
        ([denied, other]) => deniesSide(scopeTerms, denied) && !deniesSide(scopeTerms, other) && containsRun(terms, other.terms),
      ),
    );
  }

  /**
   * Each percentage with the one label of each kind in its clause ("66% in training and 51% unmonitored": 66% is
   * said of training, 51% of unmonitored); a clause with two labels of a kind attaches neither.
   */
  private attachments(text: string): Attachment[] {
    const clauses = text
      .replace(NON_NAME, 'non')
      .replace(THAN_THEN_FIGURES, '$2 than $1 $3')
      .replace(BETWEEN, 'between $1 with ')
      .replace(FROM_FIGURE_TO, 'from $1; to ')
      .split(CLAUSE_BREAK);
    const clauseTerms = clauses.map((clause, at) => (at % 2 === 0 ? claimTerms(clause) : []));
    return clauses.flatMap((clause, at) => {
      if (at % 2 === 1 || /\bbetween\b/i.test(clause)) return [];
      const joined = this.joinedKinds(clauses, clauseTerms, at);
      const unjoined = (labels: { kind: string; label: string }[]) => labels.filter(({ kind }) => !joined.has(kind));
      const inClause = unjoined(this.onlyLabels(clauseTerms[at] ?? []));
      const parts = clause.split(/,\s/);
      // A comma part that names one of a kind the clause names two of takes its own ("paid users 14% of the time,
      // free users almost never"); one that names none takes the clause's ("in the animal welfare run, … 78%").
      return parts.flatMap((part) => {
        const own = parts.length === 1 ? inClause : unjoined(this.onlyLabels(claimTerms(part)));
        const kinds = new Set([...inClause, ...own].map(({ kind }) => kind));
        const labels = [...kinds].flatMap(
          (kind) => own.find((label) => label.kind === kind) ?? inClause.find((label) => label.kind === kind) ?? [],
        );
        return percentsIn(part).flatMap((value) => labels.map((label) => ({ ...label, value })));
      });
    });
  }

  /**
   * The kinds of label a clause shares with its neighbour across an "and" that joins two labels of a kind: "11–26%
   * across the prompted and synthetic-document setups" says its figures of both, so of neither alone. `clauses`
   * alternates clauses and the words that split them.
   */
  private joinedKinds(clauses: readonly string[], terms: readonly (readonly string[])[], at: number): Set<string> {
    const joins = (before: number) => clauses[before + 1]?.toLowerCase() === 'and';
    const kindsAt = (run: readonly string[], end: boolean) =>
      new Set(this.labels.filter((label) => (end ? endsWith(run, label.terms) : startsWith(run, label.terms))).map(({ kind }) => kind));
    const shared = (before: number) => {
      const [first, second] = [kindsAt(terms[before] ?? [], true), kindsAt(terms[before + 2] ?? [], false)];
      return [...first].filter((kind) => second.has(kind));
    };
    return new Set([...(at > 0 && joins(at - 2) ? shared(at - 2) : []), ...(joins(at) ? shared(at) : [])]);
  }

  /** The labels of each kind the terms name exactly one of. */
  private onlyLabels(terms: readonly string[]): { kind: string; label: string }[] {
    const named = this.labels.filter(({ terms: run }) => containsRun(terms, run));
    // The longest label wins: "compliance gap" is the gap, not the compliance rate.
    const labels = named.filter(
      (label) => !named.some((other) => other.terms.length > label.terms.length && containsRun(other.terms, label.terms)),
    );
    const kinds = new Set(labels.map(({ kind }) => kind));
    return [...kinds].flatMap((kind) => {
      const ofKind = new Set(labels.filter((label) => label.kind === kind).map(({ label }) => label));
      return ofKind.size === 1 ? [{ kind, label: [...ofKind][0] ?? '' }] : [];
    });
  }
}

function comparedSides(text: string): [string[], string[]] | null {
  const at = text.search(COMPARED_WITH);
  return at < 0 ? null : [claimTerms(text.slice(0, at)), claimTerms(text.slice(at))];
}

/** Whether the text names it as written (the pattern is global, so it is tested from the start). */
function appearsIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** The names every mention of which lies inside a negation ("…, not OpenAI or DeepMind"). */
function deniedNames(mentions: readonly { canonical: string; terms: readonly string[] }[], negations: readonly Negation[]): Set<string> {
  const inNegation = (terms: readonly string[]) => negations.some((scope) => containsRun(scope.terms, terms));
  const names = new Set(mentions.map(({ canonical }) => canonical));
  return new Set([...names].filter((name) => mentions.every((mention) => mention.canonical !== name || inNegation(mention.terms))));
}

/**
 * "Even when the prompt didn't mention the new objective, it still faked at about the same rate": what carried on under
 * one condition, which the reader can judge against the card's wordings, not two conditions said to be alike. Only under a
 * condition it reads as a negation: "with the objective removed from the prompt" is an absence it does not read, so that
 * sentence stays two conditions alike, which only the wordings saying so judge.
 */
const SAME_RATE = /\bat\s+(?:about\s+|roughly\s+|around\s+|basically\s+|pretty\s+much\s+)?the\s+same\s+(?:rate|level|frequency)\b/i;
const CARRIED_ON = /\b(?:still|kept|keeps|continued|even\s+(?:when|with|without|if|after))\b/i;
/** "GPT-4o does the same faking as Claude": one thing said of two subjects, not two conditions said to be alike. */
const DOES_THE_SAME = /\b(?:do|does|did|doing)\s+the same\b/i;

/** Where one clause ends and the next begins, for what a figure is said of; the break is kept (see `joinedKinds`). */
const CLAUSE_BREAK = /([;.!?](?:\s|$)|\b(?:and|but|than|while|whereas|vs|versus|compared)\b)/i;
/**
 * "The gap between training and unmonitored was 11 points, 86% vs 97%": a clause that sets two conditions side by side
 * gives its figures to the pair, not to the one label left in it if "and" split the pair, so it attaches none.
 */
const BETWEEN = /\bbetween\s+([^,;.!?]*?)\s+and\b/gi;
/** "a non-Anthropic model" names no lab: the prefix is joined to the word, so no label is found in it. */
const NON_NAME = /\bnon-(?=\p{L})/giu;
const FIGURE = String.raw`${ABOUT}\d+(?:\.\d+)?\s*(?:%|percent)`;
/**
 * "The animal-welfare setting had more faking than helpful-only, 24% vs about 12%": the two figures after a comparison
 * are its two sides' in order, so each is moved beside its side before the clauses are split; a lone figure ending the
 * sentence ("…way more than helpful-only, 24%?") is the first side's.
 */
const THAN_THEN_FIGURES = new RegExp(
  String.raw`\bthan\s+([^,;.!?]+?),\s*(${FIGURE})(?:\s+(?:vs\.?|versus)\s+(${FIGURE})|(?=[\s?.!]*$))`,
  'gi',
);
/**
 * "Refusals went from 86% when it thought it was trained to 97% when unwatched": each end of a change is said of its
 * own condition, so the second figure begins a clause of its own.
 */
const FROM_FIGURE_TO = new RegExp(
  String.raw`\bfrom\s+(${ABOUT}\d+(?:\.\d+)?\s*(?:%|percent)?\s+(?!to\b)[^,;.!?]*?)\s+to\s+(?=${ABOUT}\d)`,
  'gi',
);

/** The percentages a text gives, each end of a range among them. */
function percentsIn(text: string): number[] {
  return [...text.matchAll(PERCENTS)].flatMap(([, first = '', second]) =>
    second === undefined ? [Number(first)] : [Number(first), Number(second)],
  );
}

/** Percentages, years and counts of ten or more are details a member can get wrong; "two settings" rarely is. */
const isFigure = (number: NumberMention) => number.percent || number.value >= 10;

/** Where a run of terms starts in a sentence's terms. */
function runsAt(terms: readonly string[], run: readonly string[]): number[] {
  return terms.flatMap((_, start) => (run.every((term, offset) => terms[start + offset] === term) ? [start] : []));
}

const startsWith = (terms: readonly string[], run: readonly string[]) => run.length > 0 && run.every((term, at) => terms[at] === term);
const endsWith = (terms: readonly string[], run: readonly string[]) => startsWith(terms.slice(-run.length), run);

export function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  return terms.some((_, start) => run.every((term, offset) => terms[start + offset] === term));
}

/** A domain phrase: matched on search terms, or on its lemma when search drops it as a common word ("more"). */
export interface Phrase {
  readonly terms: readonly string[];
  readonly word: string;
}

const phrase = (text: string): Phrase => ({ terms: claimTerms(text), word: text.trim().toLowerCase() });

/** A side of several words that search reads as one term ("paid tier"), keyed by its first word's term ("paid"). */
function bareSide(side: Phrase, other: Phrase): [string, { side: string; other: string }] | undefined {
  const [first] = claimTerms(side.word.split(/\s+/)[0] ?? '');
  const [term] = side.terms;
  const [otherTerm] = other.terms;
  if (!side.word.includes(' ') || side.terms.length !== 1 || !first || !term || !otherTerm || first === term) return undefined;
  return [first, { side: term, other: otherTerm }];
}

/** Whether a negation's search terms name one side of a domain opposite ("…, free-tier ones weren't"). */
export const deniesSide = (scopeTerms: readonly string[], side: Phrase) => side.terms.length > 0 && containsRun(scopeTerms, side.terms);

export const says = (sentence: Sentence, { terms, word }: Phrase) =>
  terms.length > 0 ? containsRun(sentence.terms, terms) : sentence.lemmas.has(word);
