import type { Keyv } from 'keyv';
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { StoreUnavailableError } from './backend.js';
import { keyvKey, type RecordBatch } from './batch.js';
import { KeyLock } from './keyLock.js';

export interface RecordSlot<S extends z.ZodType> {
  readonly repository: Repository<S>;
  readonly key: string;
}

/** Where a record that no longer parses is kept, untouched, for a person to look at. */
export interface Quarantine {
  keep(namespace: string, key: string, raw: unknown, reason: string): Promise<void>;
}

/** Runs one backend operation; any failure becomes a StoreUnavailableError naming what was attempted. */
export async function attempt<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    throw new StoreUnavailableError(`${what} failed: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Typed records in one keyv namespace. Every read is parsed with the record's zod schema; a record that
 * fails is set aside in the quarantine (never silently wiped) and treated as absent.
 */
export class Repository<S extends z.ZodType> {
  private readonly lock = new KeyLock();

  constructor(
    readonly namespace: string,
    private readonly keyv: Keyv,
    private readonly schema: S,
    private readonly log: Logger,
    private readonly quarantine: Quarantine,
    /** The backend's several-records-at-once access, for updates that span repositories (together.ts). */
    readonly batch: RecordBatch,
  ) {}

  /** One record of this repository, for updateTogether. */
  at(key: string): RecordSlot<S> {
    return { repository: this, key };
  }

  /** Runs `task` holding this key's lock, the one update() holds. */
  locked<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.lock.run(key, task);
  }

  /** Parses a value as it comes from the store; one that fails is quarantined and counts as absent. */
  async parseStored(key: string, raw: unknown): Promise<z.output<S> | undefined> {
    return raw === undefined ? undefined : this.parse(key, raw);
  }

  async get(key: string): Promise<z.output<S> | undefined> {
    return this.parseStored(key, await attempt(`reading ${this.namespace}/${key}`, () => this.keyv.get(key)));
  }

  /** Writes a record, under its key's lock (so a batch that remembers records sees every change; together.ts). */
  async set(key: string, value: z.input<S>): Promise<void> {
    const checked = this.schema.parse(value);
    await this.lock.run(key, () => this.written(key, () => this.keyv.set(key, checked), 'writing'));
  }

  async delete(key: string): Promise<void> {
    await this.lock.run(key, () => this.written(key, () => this.keyv.delete(key), 'deleting'));
  }

  /**
   * Read, change and write one record, serialized with every other update of the same key in this process. A change
   * that hands back the record it was given is no change, and nothing is written (a member already listed).
   */
  update(key: string, change: (current: z.output<S> | undefined) => z.input<S>): Promise<z.output<S>> {
    return this.lock.run(key, async () => {
      const current = await this.get(key);
      const changed = change(current);
      if (current !== undefined && changed === current) return current;
      const next = this.schema.parse(changed);
      await this.written(key, () => this.keyv.set(key, next), 'writing');
      return next;
    });
  }

  private async written(key: string, write: () => Promise<unknown>, verb: string): Promise<void> {
    try {
      await attempt(`${verb} ${this.namespace}/${key}`, write);
    } finally {
      this.batch.remembered?.forget(keyvKey({ namespace: this.namespace, key }));
    }
  }

  /** Every valid record in the namespace; invalid ones are quarantined and skipped. */
  async *entries(): AsyncGenerator<[string, z.output<S>]> {
    const iterator = this.keyv.iterator?.(this.namespace);
    if (!iterator) throw new StoreUnavailableError(`${this.namespace} cannot be listed on this backend`);
    for await (const [key, raw] of iterator as AsyncGenerator<[string, unknown]>) {
      const value = raw === undefined ? undefined : await this.parse(key, raw);
      if (value !== undefined) yield [key, value];
    }
  }

  private async parse(key: string, raw: unknown): Promise<z.output<S> | undefined> {
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    this.log.error({ namespace: this.namespace, key, reason }, 'stored record does not parse; kept aside in quarantine');
    await this.quarantine.keep(this.namespace, key, raw, reason);
    return undefined;
  }
}
