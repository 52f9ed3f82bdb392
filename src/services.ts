import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Content } from './content/content.js';
import type { CommandSummary } from './discord/catalog.js';
import type { Logger } from './log.js';
import type { Store } from './store/store.js';

/** What every handler receives: domain services, never raw storage or the Discord client. */
export interface Services {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly content: Content;
  readonly store: Store;
  /** One line per command, for /help. */
  readonly catalog: readonly CommandSummary[];
}
