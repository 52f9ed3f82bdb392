import { z } from 'zod';
import type { Logger } from '../log.js';
import { type Backend, openBackend, type StoreKind } from './backend.js';
import { type Claims, namespacedClaims } from './claims.js';
import { attempt, type Quarantine, Repository } from './repository.js';

const QuarantinedSchema = z.object({
  v: z.literal(1),
  namespace: z.string(),
  key: z.string(),
  raw: z.unknown(),
  reason: z.string(),
  at: z.iso.datetime(),
});

export interface Store {
  readonly kind: StoreKind;
  repository<S extends z.ZodType>(namespace: string, schema: S): Repository<S>;
  readonly quarantined: Repository<typeof QuarantinedSchema>;
  /** Set-if-absent keys in one namespace, atomic across processes; failures are StoreUnavailableError. */
  claims(namespace: string): Claims;
  close(): Promise<void>;
}

/** Opens the backend named by STORE_URL. `prefix` keeps test runs and deployments apart on a shared Redis. */
export async function openStore(url: string, log: Logger, prefix = 'scratchpad'): Promise<Store> {
  const backend: Backend = await openBackend(url);
  // keyv splits stored keys at the first ':', so the namespace itself must not contain one.
  const namespaced = (name: string) => `${prefix}.${name}`;
  const quarantine: Quarantine = {
    keep: (namespace, key, raw, reason) =>
      quarantined.set(`${namespace}/${key}`, { v: 1, namespace, key, raw, reason, at: new Date().toISOString() }),
  };
  const noQuarantine: Quarantine = { keep: async () => {} };
  const quarantined = new Repository(
    namespaced('quarantine'),
    backend.open(namespaced('quarantine')),
    QuarantinedSchema,
    log,
    noQuarantine,
    backend.batch,
  );
  log.info({ store: backend.kind }, 'store opened');
  return {
    kind: backend.kind,
    quarantined,
    repository: (namespace, schema) =>
      new Repository(namespaced(namespace), backend.open(namespaced(namespace)), schema, log, quarantine, backend.batch),
    claims: (namespace) => {
      const claims = namespacedClaims(backend.claims, namespaced(namespace));
      return { claim: (key, ttlMs) => attempt(`claiming ${namespaced(namespace)}/${key}`, () => claims.claim(key, ttlMs)) };
    },
    close: () => backend.close(),
  };
}
