/**
 * Debate rounds: each weekly post with a stance question opens a round; members take (and change) a stance
 * privately until it closes; the close posts the reveal in the post's thread.
 *
 * Closing: a round closes at its stored `closesAt`: the next scheduled post, or `days` after it opened when a
 * moderator set that. Three things move it: a new weekly post in the guild (`opened` closes what is due), a
 * one-minute tick over an in-memory due queue of this shard's open rounds, and start-up (`start`), which reveals a
 * round that closed while the bot was down.
 *
 * Exactly once: the reveal is posted only by whoever wins `claims.claim("<guild>/<message>")`, the same atomic
 * set-if-absent the weekly posts use (src/store/claims.ts), so two ticks, a restart or two processes on one store
 * cannot both post it. After the claim the round is stored as "revealing", then "closed" with the reveal's message
 * id. As with posts the price is at most once: a crash between claim and send leaves the round at "revealing".
 */
import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Logger } from '../log.js';
import { DueQueue } from '../prompts/dueQueue.js';
import type { PostedPrompt } from '../prompts/scheduler.js';
import { nextSlot } from '../prompts/slots.js';
import { cronTicker, type Ticker } from '../prompts/ticks.js';
import type { Claims } from '../store/claims.js';
import { KeyLock } from '../store/keyLock.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { Coalescer } from './coalesce.js';
import {
  defaultSettings,
  GUILDS_NAMESPACE,
  GuildRoundsSchema,
  REVEAL_CLAIMS_NAMESPACE,
  ROUNDS_KEPT,
  ROUNDS_NAMESPACE,
  roundKey,
  SETTINGS_NAMESPACE,
  type StanceRound,
  StanceRoundSchema,
  type StanceSettings,
  StanceSettingsSchema,
} from './records.js';
import { type HistoryEntry, historyOf, type Reveal, revealOf, type Trend, trendOf } from './reveal.js';
import type { SuggestionQueue } from './suggestions.js';

/** How the rounds reach Discord; implemented in src/discord/stanceDisplay.ts, faked in tests. */
export interface StanceDisplay {
  /** Shows the question, the count and (while open) the position buttons on the weekly post. */
  showBallot(round: StanceRound): Promise<void>;
  /** Posts the reveal in the post's thread (or its channel); resolves to the message id. */
  reveal(round: StanceRound, reveal: Reveal): Promise<string>;
}

export interface StanceDeps {
  readonly store: Store;
  readonly content: Content;
  readonly clock: Clock;
  readonly log: Logger;
  readonly suggestions: SuggestionQueue;
  readonly ticker?: Ticker;
  /** Least time between two edits of one post's count (default 5 s). */
  readonly editIntervalMs?: number;
}

export type TakeResult =
  | { readonly ok: true; readonly round: StanceRound; readonly label: string; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'unknown' | 'closed' };

export interface ResetResult {
  readonly stances: number;
  readonly suggestions: number;
}

const EVERY_MINUTE = '* * * * *';
const DAY_MS = 86_400_000;
/** Outlives any round (at most 14 days open) so a late retry never wins a second reveal. */
const CLAIM_TTL_MS = 30 * DAY_MS;

export class StanceService {
  readonly rounds: Repository<typeof StanceRoundSchema>;
  private readonly guilds: Repository<typeof GuildRoundsSchema>;
  private readonly settingsRepo: Repository<typeof StanceSettingsSchema>;
  private readonly claims: Claims;
  private readonly queue = new DueQueue();
  private readonly closing = new KeyLock();
  private readonly edits: Coalescer;
  private display: StanceDisplay | undefined;
  private owns: (guild: string) => boolean = () => true;
  private stopTick: (() => void) | undefined;

  constructor(private readonly deps: StanceDeps) {
    this.rounds = deps.store.repository(ROUNDS_NAMESPACE, StanceRoundSchema);
    this.guilds = deps.store.repository(GUILDS_NAMESPACE, GuildRoundsSchema);
    this.settingsRepo = deps.store.repository(SETTINGS_NAMESPACE, StanceSettingsSchema);
    this.claims = deps.store.claims(REVEAL_CLAIMS_NAMESPACE);
    this.edits = new Coalescer(
      deps.editIntervalMs ?? 5_000,
      (key) => this.refreshBallot(key),
      (key, err) => deps.log.warn({ err, round: key }, 'could not update the stance count on the weekly post'),
    );
  }

  /** Queues this shard's open rounds, reveals those that closed while the bot was down, and starts the tick. */
  async start(display: StanceDisplay, owns: (guild: string) => boolean): Promise<number> {
    this.display = display;
    this.owns = owns;
    this.stopTick = (this.deps.ticker ?? cronTicker).every(EVERY_MINUTE, 'UTC', () => {
      void this.closeDue().catch((err: unknown) => this.deps.log.error({ err }, 'stance close tick failed'));
    });
    for await (const [guild, index] of this.guilds.entries()) {
      if (!owns(guild)) continue;
      for (const round of index.rounds) if (round.open) this.queue.set(roundKey(guild, round.messageId), new Date(round.closesAt));
    }
    return this.closeDue();
  }

  stop(): void {
    this.stopTick?.();
    this.stopTick = undefined;
    this.edits.stop();
    this.display = undefined;
  }

  async settings(guild: string): Promise<StanceSettings> {
    return (await this.settingsRepo.get(guild)) ?? defaultSettings;
  }

  async configure(guild: string, change: Partial<Omit<StanceSettings, 'v'>>): Promise<StanceSettings> {
    return this.settingsRepo.update(guild, (current) => ({ ...(current ?? defaultSettings), ...change }));
  }

  /**
   * A weekly prompt went out (the scheduler's hook): closes the guild's rounds that end with the next post, and
   * opens one on this post when the prompt asks a stance question and stances are on.
   */
  async opened(post: PostedPrompt): Promise<StanceRound | undefined> {
    const now = this.deps.clock.now();
    const settings = await this.settings(post.guildId);
    if (settings.days === null) await this.closeGuild(post.guildId, now);
    const stance = post.prompt.stance;
    if (!settings.enabled || !stance) return undefined;
    const closesAt = settings.days === null ? nextSlot(post.schedule, post.slot ?? now) : new Date(now.getTime() + settings.days * DAY_MS);
    const round: StanceRound = {
      v: 1,
      guild: post.guildId,
      channelId: post.channelId,
      messageId: post.messageId,
      ...(post.threadId === undefined ? {} : { threadId: post.threadId }),
      promptId: post.prompt.id,
      title: post.prompt.title,
      stance,
      ...(this.deps.content.sections.has(post.prompt.section) ? { section: post.prompt.section } : {}),
      openedAt: now.toISOString(),
      closesAt: closesAt.toISOString(),
      members: {},
      state: 'open',
    };
    const key = roundKey(post.guildId, post.messageId);
    await this.rounds.set(key, round);
    await this.index(post.guildId, round);
    this.queue.set(key, closesAt);
    await this.display?.showBallot(round);
    return round;
  }

  /** A member takes or changes their stance; the post's count is refreshed a few seconds later at most. */
  async take(guild: string, messageId: string, user: string, positionId: string): Promise<TakeResult> {
    const key = roundKey(guild, messageId);
    const now = this.deps.clock.now();
    let outcome: TakeResult = { ok: false, reason: 'unknown' };
    const stored = await this.rounds.get(key);
    const position = stored?.stance.positions.find((candidate) => candidate.id === positionId);
    if (!stored || !position) return outcome;
    await this.rounds.update(key, (current = stored) => {
      if (current.state !== 'open' || Date.parse(current.closesAt) <= now.getTime()) {
        outcome = { ok: false, reason: 'closed' };
        return current;
      }
      const earlier = current.members[user];
      const at = now.toISOString();
      const choice = earlier
        ? { ...earlier, final: position.id, finalAt: at }
        : { first: position.id, final: position.id, firstAt: at, finalAt: at };
      const round = { ...current, members: { ...current.members, [user]: choice } };
      outcome = { ok: true, round, label: position.label, changed: earlier !== undefined && earlier.final !== position.id };
      return round;
    });
    if (outcome.ok) this.edits.request(key);
    // A click after the close time but before the tick: close it now rather than up to a minute later.
    else if (outcome.reason === 'closed')
      void this.closeDue().catch((err: unknown) => this.deps.log.warn({ err, round: key }, 'stance close after a late click failed'));
    return outcome;
  }

  /** Closes every queued round whose time has come; resolves to how many were revealed here. */
  async closeDue(now: Date = this.deps.clock.now()): Promise<number> {
    const due = this.queue.takeDue(now);
    let revealed = 0;
    for (const { key } of due) if (await this.closeKey(key)) revealed++;
    return revealed;
  }

  async history(guild: string, user: string): Promise<HistoryEntry[]> {
    return historyOf(await this.roundsOf(guild), user);
  }

  async trend(guild: string, stanceId: string): Promise<Trend | undefined> {
    return trendOf(await this.roundsOf(guild), stanceId);
  }

  /** Stance questions asked in this guild's closed rounds, newest first, for the trend's autocomplete. */
  async askedQuestions(guild: string): Promise<{ id: string; question: string }[]> {
    const seen = new Map<string, string>();
    for (const round of (await this.roundsOf(guild)).reverse()) {
      if (round.state !== 'open' && !seen.has(round.stance.id)) seen.set(round.stance.id, round.stance.question);
    }
    return [...seen].map(([id, question]) => ({ id, question }));
  }

  /** Deletes a member's stances in every round of the guild and withdraws their pending suggestions. */
  async reset(guild: string, user: string): Promise<ResetResult> {
    let stances = 0;
    for (const { messageId } of (await this.guilds.get(guild))?.rounds ?? []) {
      const key = roundKey(guild, messageId);
      const round = await this.rounds.get(key);
      if (!round?.members[user]) continue;
      await this.rounds.update(key, (current = round) => {
        if (!current.members[user]) return current;
        stances++;
        const { [user]: _removed, ...members } = current.members;
        return { ...current, members };
      });
      this.edits.request(key);
    }
    return { stances, suggestions: await this.deps.suggestions.withdraw(guild, user) };
  }

  private async roundsOf(guild: string): Promise<StanceRound[]> {
    const index = (await this.guilds.get(guild))?.rounds ?? [];
    const rounds = await Promise.all(index.map(({ messageId }) => this.rounds.get(roundKey(guild, messageId))));
    return rounds.filter((round): round is StanceRound => round !== undefined);
  }

  private async index(guild: string, round: StanceRound) {
    let dropped: string[] = [];
    await this.guilds.update(guild, (current) => {
      const rounds = [
        ...(current?.rounds ?? []).filter((entry) => entry.messageId !== round.messageId),
        { messageId: round.messageId, stanceId: round.stance.id, openedAt: round.openedAt, closesAt: round.closesAt, open: true },
      ];
      dropped = rounds.slice(0, Math.max(0, rounds.length - ROUNDS_KEPT)).map((entry) => entry.messageId);
      return { v: 1, rounds: rounds.slice(-ROUNDS_KEPT) };
    });
    for (const messageId of dropped) await this.rounds.delete(roundKey(guild, messageId));
  }

  /** The guild's open rounds that end with the next post are due now. */
  private async closeGuild(guild: string, now: Date) {
    for (const entry of (await this.guilds.get(guild))?.rounds ?? []) {
      if (entry.open && Date.parse(entry.closesAt) <= now.getTime()) await this.closeKey(roundKey(guild, entry.messageId));
    }
  }

  private async refreshBallot(key: string) {
    const round = await this.rounds.get(key);
    if (round?.state === 'open') await this.display?.showBallot(round);
  }

  private closeKey(key: string): Promise<boolean> {
    return this.closing.run(key, () => this.close(key));
  }

  private async close(key: string): Promise<boolean> {
    const { log } = this.deps;
    this.queue.delete(key);
    const round = await this.rounds.get(key);
    const display = this.display;
    if (round?.state !== 'open' || !display || !this.owns(round.guild)) return false;
    if (!(await this.claims.claim(key, CLAIM_TTL_MS))) {
      log.info({ round: key }, 'stance reveal already claimed elsewhere; not posting it again');
      return false;
    }
    this.edits.cancel(key);
    const closing = await this.rounds.update(key, (current) => ({ ...(current ?? round), state: 'revealing' as const }));
    await this.guilds.update(round.guild, (current) => ({
      v: 1,
      rounds: (current?.rounds ?? []).map((entry) => (entry.messageId === round.messageId ? { ...entry, open: false } : entry)),
    }));
    await display
      .showBallot(closing)
      .catch((err: unknown) => log.warn({ err, round: key }, 'could not close the ballot on the weekly post'));
    const at = this.deps.clock.now().toISOString();
    const reveal = await display.reveal(closing, revealOf(closing)).then(
      (messageId) => ({ state: 'posted' as const, at, messageId }),
      (err: unknown) => {
        log.warn({ err, round: key }, 'stance reveal failed; it is not retried, to never post it twice');
        return { state: 'failed' as const, at };
      },
    );
    await this.rounds.update(key, (current) => ({ ...(current ?? closing), state: 'closed' as const, reveal }));
    log.info({ round: key, stances: Object.keys(closing.members).length, reveal: reveal.state }, 'stance round closed');
    return reveal.state === 'posted';
  }
}
