import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const storeUrl = z
  .string()
  .regex(/^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|memory:\/\/)$/, 'must start with sqlite://, redis:// or memory://');

const ConfigSchema = z
  .object({
    DISCORD_TOKEN: z.string({ error: 'is not set' }).trim().min(1, 'is empty'),
    DISCORD_CLIENT_ID: snowflake.optional(),
    DISCORD_GUILD_ID: snowflake.optional(),
    DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional(),
    STORE_URL: storeUrl.default('sqlite://data/scratchpad.sqlite'),
    STORE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "_", "-" or "." (no ":")')
      .default('scratchpad'),
    CONTENT_DIR: z.string().min(1).default('content'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHARD_COUNT: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(2),
    SHARD_IDS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be shard numbers separated by commas, such as 0 or 0,1')
      .transform((ids) => [...new Set(ids.split(',').map(Number))].sort((a, b) => a - b))
      .optional(),
    SHARD_SPAWN_DELAY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).default(5_500),
    PROMPT_GRACE_HOURS: z.coerce
      .number({ error: 'must be a number of hours' })
      .min(0.25, 'must be at least 0.25 (15 minutes)')
      .max(168, 'must be at most 168 (one week)')
      .default(12),
  })
  .superRefine((config, issues) => {
    const ids = config.SHARD_IDS;
    // zod runs this even when a field failed; a malformed SHARD_IDS is already reported.
    if (!Array.isArray(ids)) return;
    const outside = ids.filter((id) => id >= config.SHARD_COUNT);
    if (outside.length > 0)
      issues.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: `names shard ${outside.join(', ')}, but SHARD_COUNT is ${config.SHARD_COUNT} (shards 0–${config.SHARD_COUNT - 1})`,
      });
    // The other shards run elsewhere: prompts, rounds and reminders are claimed once in a store they all reach.
    if (ids.length < config.SHARD_COUNT && !config.STORE_URL.startsWith('redis'))
      issues.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: `runs only some shards, so the store must be shared: set STORE_URL=redis://host:port (it is ${config.STORE_URL})`,
      });
  });

export type Config = z.infer<typeof ConfigSchema>;

const hints: Record<string, string> = {
  DISCORD_TOKEN:
    'Set DISCORD_TOKEN to your bot token: copy .env.example to .env and fill it in (Discord Developer Portal › your application › Bot › Reset Token). To try the bot without Discord, run `npm run playground`.',
  DISCORD_CLIENT_ID: "Set it to your application's id (Developer Portal › General Information › Application ID).",
  DISCORD_GUILD_ID: 'Set it to a server id (Developer Mode › right-click the server › Copy Server ID), or remove it.',
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment once; empty strings count as unset so a blank line in .env means "use the default". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const hint = hints[name];
    return `- ${name} ${issue.message}.${hint ? ` ${hint}` : ''}`;
  });
  throw new ConfigError(`Scratchpad cannot start: the configuration is incomplete.\n${lines.join('\n')}`);
}
