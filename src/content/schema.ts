import { z } from 'zod';
import { limits } from './limits.js';

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single dashes)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const isoDate = z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' });
const ids = z.array(slug);

export const SectionSchema = z.object({
  id: slug,
  title: text(80),
  order: z.int().positive(),
  summary: text(400),
  keyPoints: z.array(text(200)).min(3, 'needs at least 3 key points').max(6, 'allows at most 6 key points'),
  sources: ids.min(1, 'needs at least one source'),
  claims: ids.default([]),
  body: text(3800),
});

export const SourceSchema = z
  .object({
    id: slug,
    title: text(limits.embedTitle),
    authors: z.array(text(100)).min(1).optional(),
    publisher: text(100).optional(),
    /**
     * The labs behind the work the source presents (its authors' affiliations; for a lab's post about a study, the
     * study's), each a lab of `claims.yaml › words.names`: /claim checks a lab a member credits with the work against them.
     * Omitted where no copy of the work shows them.
     */
    by: z.array(text(80)).min(1).optional(),
    /** Omitted when no copy of the work shows a date we could verify; never guessed. */
    date: isoDate.optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    kind: z.enum(['paper', 'blog', 'forum', 'news', 'video', 'review', 'report']),
    stance: z.enum(['reports', 'critiques', 'extends', 'context']),
    note: text(200),
    aliases: z.array(text(100)).default([]),
  })
  .refine((source) => source.authors !== undefined || source.publisher !== undefined, {
    message: 'needs authors or a publisher',
    path: ['authors'],
  });

export const verdicts = ['supported', 'contested', 'misleading', 'unsupported', 'open'] as const;

/**
 * A way a member is likely to misstate the card's claim: its opposite (negation, reversed direction, swapped
 * condition) or a wrong detail (figure, model, lab, year, setting). It carries the verdict the evidence gives
 * that sentence, so /claim never shows the card's own verdict for a statement that says something else.
 */
export const MisreadingSchema = z.object({
  text: text(200),
  kind: z.enum(['opposite', 'detail']),
  verdict: z.enum(verdicts),
  note: text(300),
});

export const ClaimSchema = z.object({
  id: slug,
  claim: text(200),
  aliases: z.array(text(200)).min(3, 'needs at least 3 paraphrases'),
  misreadings: z.array(MisreadingSchema).default([]),
  verdict: z.enum(verdicts),
  explanation: text(1000),
  evidence: z.array(z.object({ source: slug, point: text(300) })).min(1, 'needs at least one piece of evidence'),
  sections: ids.min(1, 'needs at least one section'),
});

export const QuestionSchema = z.object({
  id: slug,
  section: slug,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }),
  question: text(300),
  choices: z.array(text(limits.buttonLabel)).min(2, 'needs 2 to 5 choices').max(5, 'needs 2 to 5 choices'),
  answer: z.int().min(0),
  explanation: text(800),
  sources: ids.min(1, 'needs at least one source'),
});

export const PositionSchema = z.object({ id: slug, label: text(limits.buttonLabel) });

/**
 * A question members answer privately on the weekly post, revealed when the round closes. `id` and the
 * positions' ids stay the same across bundle versions (and across prompts asking the same question, written
 * once with a YAML anchor) so the group's answers can be compared week by week.
 */
export const StanceSchema = z
  .object({
    id: slug,
    question: text(200),
    positions: z.array(PositionSchema).min(2, 'needs 2 to 5 positions').max(5, 'needs 2 to 5 positions'),
  })
  .superRefine((stance, ctx) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    stance.positions.forEach((position, index) => {
      if (ids.has(position.id))
        ctx.addIssue({ code: 'custom', path: ['positions', index, 'id'], message: `duplicate position id "${position.id}"` });
      const label = position.label.toLowerCase();
      if (labels.has(label))
        ctx.addIssue({ code: 'custom', path: ['positions', index, 'label'], message: `duplicate label "${position.label}"` });
      ids.add(position.id);
      labels.add(label);
    });
  });

export const PromptSchema = z.object({
  id: slug,
  title: text(90),
  prompt: text(1000),
  followUps: z.array(text(300)).min(2, 'needs 2 or 3 follow-ups').max(3, 'needs 2 or 3 follow-ups'),
  section: slug,
  sources: ids.min(1, 'needs at least one source'),
  stance: StanceSchema.optional(),
});

export const BundleInfoSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.0'),
  updated: isoDate,
});

export const SourcesFileSchema = z.object({ sources: z.array(SourceSchema) });
/** A lab, model, person, experimental setting or route (how the model learned its situation) a member may swap for another of its kind. */
export const NameSchema = z.object({
  kind: z.enum(['lab', 'model', 'person', 'setting', 'route']),
  name: text(80),
  also: z.array(text(80)).default([]),
});

/** What /claim needs to know about the debate's words beyond the cards: names, and opposites WordNet lacks. */
export const ClaimWordsSchema = z.object({
  names: z.array(NameSchema).default([]),
  /** Pairs of domain terms that reverse a claim when swapped ("free tier" / "paid tier"). */
  opposites: z.array(z.tuple([text(80), text(80)])).default([]),
  /** What a percentage measures ("compliance gap", "faking reasoning"): the figure a statement gives one is checked. */
  measures: z.array(z.object({ name: text(80), also: z.array(text(80)).default([]) })).default([]),
});

export const ClaimsFileSchema = z.object({
  claims: z.array(ClaimSchema),
  words: ClaimWordsSchema.default({ names: [], opposites: [], measures: [] }),
});
/**
 * Members' own ways of saying a card's claim (`phrasings`) and its misreadings (`misreadings`: the misreading's text
 * as `of`, the member's as `text`), by card id; kept apart from the cards because `npm run claim:phrasings` collects
 * them from the tuning probe sets (see docs/claims.md).
 */
export const PhrasingsFileSchema = z.object({
  phrasings: z.record(slug, z.array(text(200))).default({}),
  misreadings: z.record(slug, z.array(z.object({ of: text(200), text: text(200) }))).default({}),
});
export const QuizFileSchema = z.object({ questions: z.array(QuestionSchema) });
export const PromptsFileSchema = z.object({ prompts: z.array(PromptSchema) });

export type Section = z.infer<typeof SectionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Phrasings = z.infer<typeof PhrasingsFileSchema>;
export type Verdict = Claim['verdict'];
export type Misreading = z.infer<typeof MisreadingSchema>;
export type ClaimWords = z.infer<typeof ClaimWordsSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Prompt = z.infer<typeof PromptSchema>;
export type Stance = z.infer<typeof StanceSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type BundleInfo = z.infer<typeof BundleInfoSchema>;

export interface Bundle {
  readonly info: BundleInfo;
  /** In reading order. */
  readonly sections: readonly Section[];
  readonly sources: readonly Source[];
  readonly claims: readonly Claim[];
  readonly claimWords: ClaimWords;
  readonly questions: readonly Question[];
  readonly prompts: readonly Prompt[];
}
