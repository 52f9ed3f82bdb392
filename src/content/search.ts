import { LRUCache } from 'lru-cache';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { limits } from './limits.js';
import type { Bundle, Section, Source } from './schema.js';

/**
 * Section and source search for autocomplete and lookups, built once at start-up. MiniSearch does the ranking
 * (BM25 with field boosts, prefix and fuzzy matching); this module only chooses the documents and fields.
 * Claim search lives in `claims/`.
 */

export type SourceLookup = { readonly source: Source } | { readonly source: null; readonly nearest: readonly Source[] };

const NEAREST_MAX = 5;
/**
 * Autocomplete answers remembered per typed text: members type the same few prefixes ("gre", "green"), and a
 * ranking depends on the bundle and the text only. Bounded (lru-cache, as the claim decisions), so odd input
 * cannot grow it.
 */
const RANKINGS_KEPT = 1_000;

/** Autocomplete text: lower-cased only, so a half-typed word still prefix-matches. */
const plainTerm = (term: string) => term.toLowerCase();

const autocompleteOptions: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => (term.length > 3 ? 0.2 : false),
};
const nearestOptions: SearchOptions = { combineWith: 'OR', prefix: true, fuzzy: 0.2 };
/** What source autocomplete and lookup match on; the note only helps find the nearest ones. */
const sourceFields = ['title', 'slug', 'people', 'aliases'];

interface Doc {
  readonly id: string;
  readonly [field: string]: string;
}

function indexOf(boost: Record<string, number>, docs: Doc[]) {
  const index = new MiniSearch<Doc>({ fields: Object.keys(boost), processTerm: plainTerm, searchOptions: { boost } });
  index.addAll(docs);
  return index;
}

/** Case and surrounding spaces change no ranking (terms are lower-cased, split on spaces). */
function remembered<T>(cache: LRUCache<string, T[]>, query: string, rank: () => T[]): T[] {
  const key = query.trim().toLowerCase();
  let ranking = cache.get(key);
  if (!ranking) {
    ranking = rank();
    cache.set(key, ranking);
  }
  return ranking;
}

export class ContentSearch {
  private readonly sections: readonly Section[];
  private readonly sectionsById: ReadonlyMap<string, Section>;
  private readonly sourcesById: ReadonlyMap<string, Source>;
  private readonly sectionIndex: MiniSearch<Doc>;
  private readonly sourceIndex: MiniSearch<Doc>;
  private readonly sectionRankings = new LRUCache<string, Section[]>({ max: RANKINGS_KEPT });
  private readonly sourceRankings = new LRUCache<string, Source[]>({ max: RANKINGS_KEPT });

  constructor(bundle: Bundle) {
    this.sections = bundle.sections;
    this.sectionsById = new Map(bundle.sections.map((section) => [section.id, section]));
    this.sourcesById = new Map(bundle.sources.map((source) => [source.id, source]));
    this.sectionIndex = indexOf(
      { title: 3, slug: 2, keyTerms: 1 },
      bundle.sections.map((section) => ({
        id: section.id,
        title: section.title,
        slug: section.id,
        keyTerms: [section.summary, ...section.keyPoints].join('\n'),
      })),
    );
    this.sourceIndex = indexOf(
      { title: 3, slug: 2, people: 2, aliases: 3, note: 0.5 },
      bundle.sources.map((source) => ({
        id: source.id,
        title: source.title,
        slug: source.id,
        people: [...(source.authors ?? []), source.publisher ?? ''].join('\n'),
        aliases: source.aliases.join('\n'),
        note: source.note,
      })),
    );
  }

  /** Sections for autocomplete: every match ranked first, then cut to what Discord shows. */
  rankSections(query: string, max: number = limits.choices): Section[] {
    if (query.trim() === '') return this.sections.slice(0, max);
    return remembered(this.sectionRankings, query, () => this.ranked(this.sectionIndex, query, this.sectionsById)).slice(0, max);
  }

  /** Sources for autocomplete over id, title, authors, publisher and aliases: all matches ranked, then cut. */
  rankSources(query: string, max: number = limits.choices): Source[] {
    if (query.trim() === '') return [...this.sourcesById.values()].slice(0, max);
    return remembered(this.sourceRankings, query, () => this.ranked(this.sourceIndex, query, this.sourcesById, sourceFields)).slice(0, max);
  }

  /** A source by id, exact title or alias, or every word of the query; otherwise the nearest ones. */
  findSource(query: string): SourceLookup {
    const wanted = query.trim().toLowerCase();
    const exact = [...this.sourcesById.values()].find(
      (source) =>
        source.id === wanted || source.title.toLowerCase() === wanted || source.aliases.some((alias) => alias.toLowerCase() === wanted),
    );
    if (exact) return { source: exact };
    const [best] = this.sourceIndex.search(query, { ...autocompleteOptions, fields: sourceFields });
    const found = best && this.sourcesById.get(best.id);
    if (found) return { source: found };
    const nearest = this.sourceIndex.search(query, nearestOptions).slice(0, NEAREST_MAX);
    return { source: null, nearest: nearest.flatMap((hit) => this.sourcesById.get(hit.id) ?? []) };
  }

  private ranked<T>(index: MiniSearch<Doc>, query: string, byId: ReadonlyMap<string, T>, fields?: string[]): T[] {
    const options = fields ? { ...autocompleteOptions, fields } : autocompleteOptions;
    let hits = index.search(query, options);
    if (hits.length === 0) hits = index.search(query, fields ? { ...nearestOptions, fields } : nearestOptions);
    return hits.flatMap((hit) => byId.get(hit.id) ?? []);
  }
}
