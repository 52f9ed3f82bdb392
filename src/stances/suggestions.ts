import { z } from 'zod';
import type { Clock } from '../clock.js';
import { limits } from '../content/limits.js';
import type { Prompt } from '../content/schema.js';
import type { GuildPrompt, GuildPrompts } from '../prompts/scheduler.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { SUGGESTIONS_NAMESPACE } from './records.js';

/** Pending suggestions one member may have at a time. */
export const PENDING_PER_MEMBER = 3;
/** Suggestions a guild keeps; the oldest decided ones go first. */
const KEPT = 200;

const line = (min: number, max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`));

/** What a member types in the suggestion modal (and a moderator when editing it); positions one per line. */
export const SuggestionInputSchema = z
  .object({
    title: line(5, 90),
    text: z.string().trim().min(20, 'must be at least 20 characters').max(1000, 'must be at most 1000 characters'),
    question: line(5, 200).optional(),
    positions: z.array(line(1, limits.buttonLabel)).max(5, 'allows at most 5 positions').default([]),
  })
  .superRefine((input, ctx) => {
    const hasQuestion = input.question !== undefined;
    if (hasQuestion && input.positions.length < 2)
      ctx.addIssue({ code: 'custom', path: ['positions'], message: 'a stance question needs 2 to 5 positions, one per line' });
    if (!hasQuestion && input.positions.length > 0)
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'positions need a stance question' });
    const lowered = input.positions.map((label) => label.toLowerCase());
    if (new Set(lowered).size !== lowered.length)
      ctx.addIssue({ code: 'custom', path: ['positions'], message: 'has the same position twice' });
  });

export type SuggestionInput = z.input<typeof SuggestionInputSchema>;

export const SuggestionSchema = z.object({
  id: z.int().min(1),
  author: z.string().regex(/^\d{1,24}$/),
  title: z.string().min(1).max(90),
  text: z.string().min(1).max(1000),
  question: z.string().max(200).optional(),
  positions: z.array(z.string().min(1).max(limits.buttonLabel)).max(5),
  /** approved: waiting in the rotation; posted: it went out; withdrawn: the member reset their data. */
  status: z.enum(['pending', 'approved', 'declined', 'posted', 'withdrawn']),
  at: z.iso.datetime(),
  decidedAt: z.iso.datetime().optional(),
  decidedBy: z.string().optional(),
  reason: z.string().max(300).optional(),
  /** The author has been told the decision. */
  told: z.boolean(),
});

export const SuggestionsSchema = z.object({ v: z.literal(1), next: z.int().min(1), items: z.array(SuggestionSchema) });

export type Suggestion = z.infer<typeof SuggestionSchema>;
type Suggestions = z.infer<typeof SuggestionsSchema>;

export type SuggestResult =
  | { readonly ok: true; readonly suggestion: Suggestion }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly string[] }
  | { readonly ok: false; readonly reason: 'limit' };

export type ApproveResult =
  | { readonly ok: true; readonly suggestion: Suggestion }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly string[] }
  | { readonly ok: false; readonly reason: 'gone' };

const PROMPT_PREFIX = 'suggestion-';
const empty = (): Suggestions => ({ v: 1, next: 1, items: [] });

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'suggestion'} ${issue.message}`);
}

/** Keeps every pending and approved suggestion, and the newest of the rest up to KEPT. */
function trimmed(items: Suggestion[]): Suggestion[] {
  const settled = items.filter((item) => item.status !== 'pending' && item.status !== 'approved');
  const drop = new Set(settled.slice(0, Math.max(0, items.length - KEPT)));
  return items.filter((item) => !drop.has(item));
}

/** Members' prompt suggestions: a moderator approves (optionally edited) or declines; approved ones are posted first. */
export class SuggestionQueue implements GuildPrompts {
  private readonly repository: Repository<typeof SuggestionsSchema>;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repository = store.repository(SUGGESTIONS_NAMESPACE, SuggestionsSchema);
  }

  async suggest(guild: string, author: string, input: SuggestionInput): Promise<SuggestResult> {
    const parsed = SuggestionInputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, reason: 'invalid', problems: problemsOf(parsed.error) };
    let created: Suggestion | undefined;
    await this.repository.update(guild, (current) => {
      const queue = current ?? empty();
      const pending = queue.items.filter((item) => item.author === author && item.status === 'pending').length;
      if (pending >= PENDING_PER_MEMBER) return queue;
      created = { id: queue.next, author, ...parsed.data, status: 'pending', at: this.clock.now().toISOString(), told: false };
      return { ...queue, next: queue.next + 1, items: trimmed([...queue.items, created]) };
    });
    return created ? { ok: true, suggestion: created } : { ok: false, reason: 'limit' };
  }

  async get(guild: string, id: number): Promise<Suggestion | undefined> {
    return (await this.repository.get(guild))?.items.find((item) => item.id === id);
  }

  async pending(guild: string): Promise<Suggestion[]> {
    return (await this.repository.get(guild))?.items.filter((item) => item.status === 'pending') ?? [];
  }

  /** Approves a pending suggestion, with a moderator's edits if any; undefined when it is no longer pending. */
  async approve(guild: string, id: number, moderator: string, edits?: SuggestionInput): Promise<ApproveResult> {
    const parsed = edits === undefined ? undefined : SuggestionInputSchema.safeParse(edits);
    if (parsed && !parsed.success) return { ok: false, reason: 'invalid', problems: problemsOf(parsed.error) };
    const edit = parsed?.data;
    const edited = edit && { title: edit.title, text: edit.text, question: edit.question, positions: edit.positions };
    const suggestion = await this.decide(guild, id, (item) => ({ ...item, ...edited, status: 'approved', decidedBy: moderator }));
    return suggestion ? { ok: true, suggestion } : { ok: false, reason: 'gone' };
  }

  async decline(guild: string, id: number, moderator: string, reason: string | undefined): Promise<Suggestion | undefined> {
    const shown = reason?.replace(/\s+/g, ' ').trim().slice(0, 300);
    return this.decide(guild, id, (item) => ({ ...item, status: 'declined', decidedBy: moderator, ...(shown ? { reason: shown } : {}) }));
  }

  /** Decisions the author has not been told yet; they count as told once returned. */
  async notices(guild: string, author: string): Promise<Suggestion[]> {
    const untold = (item: Suggestion) =>
      item.author === author && !item.told && (item.status === 'approved' || item.status === 'declined' || item.status === 'posted');
    const current = await this.repository.get(guild);
    if (!current?.items.some(untold)) return [];
    let found: Suggestion[] = [];
    await this.repository.update(guild, (latest) => {
      const queue = latest ?? empty();
      found = queue.items.filter(untold);
      return { ...queue, items: queue.items.map((item) => (untold(item) ? { ...item, told: true } : item)) };
    });
    return found;
  }

  /** The author was told the decision (by direct message); it is not shown again. */
  async told(guild: string, id: number): Promise<void> {
    await this.repository.update(guild, (current) => {
      const queue = current ?? empty();
      return { ...queue, items: queue.items.map((item) => (item.id === id ? { ...item, told: true } : item)) };
    });
  }

  /** Withdraws a member's pending suggestions (their data reset); resolves to how many. */
  async withdraw(guild: string, author: string): Promise<number> {
    let withdrawn = 0;
    if (!(await this.repository.get(guild))) return 0;
    await this.repository.update(guild, (current) => {
      const queue = current ?? empty();
      const items = queue.items.map((item) => {
        if (item.author !== author || item.status !== 'pending') return item;
        withdrawn++;
        return { ...item, status: 'withdrawn' as const, told: true };
      });
      return { ...queue, items };
    });
    return withdrawn;
  }

  /** The oldest approved suggestion, as a prompt for the rotation. */
  async next(guild: string): Promise<GuildPrompt | undefined> {
    const approved = (await this.repository.get(guild))?.items
      .filter((item) => item.status === 'approved')
      .sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? ''))[0];
    return approved && { prompt: promptOf(approved), author: approved.author };
  }

  async find(guild: string, promptId: string): Promise<Prompt | undefined> {
    const id = suggestionIdOf(promptId);
    const item = id === undefined ? undefined : await this.get(guild, id);
    return item && promptOf(item);
  }

  /** Marks a suggestion as posted once the scheduler sent it; ignores bundle prompt ids. */
  async posted(guild: string, promptId: string): Promise<void> {
    const id = suggestionIdOf(promptId);
    if (id === undefined) return;
    await this.repository.update(guild, (current) => {
      const queue = current ?? empty();
      return {
        ...queue,
        items: queue.items.map((item) => (item.id === id && item.status === 'approved' ? { ...item, status: 'posted' as const } : item)),
      };
    });
  }

  private async decide(guild: string, id: number, change: (item: Suggestion) => Suggestion): Promise<Suggestion | undefined> {
    let decided: Suggestion | undefined;
    if (!(await this.get(guild, id))) return undefined;
    await this.repository.update(guild, (current) => {
      const queue = current ?? empty();
      const decidedAt = this.clock.now().toISOString();
      const items = queue.items.map((item) => {
        if (item.id !== id || item.status !== 'pending') return item;
        decided = { ...change(item), decidedAt, told: false };
        return decided;
      });
      return { ...queue, items };
    });
    return decided;
  }
}

export const suggestionIdOf = (promptId: string): number | undefined =>
  promptId.startsWith(PROMPT_PREFIX) ? Number(promptId.slice(PROMPT_PREFIX.length)) || undefined : undefined;

/** A suggestion as a prompt: no section or sources, and a stance question when the member wrote one. */
export function promptOf(item: Suggestion): Prompt {
  const id = `${PROMPT_PREFIX}${item.id}`;
  return {
    id,
    title: item.title,
    prompt: item.text,
    followUps: [],
    section: '',
    sources: [],
    ...(item.question === undefined
      ? {}
      : { stance: { id, question: item.question, positions: item.positions.map((label, index) => ({ id: `p${index + 1}`, label })) } }),
  };
}
