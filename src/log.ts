import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stdout. The token is removed twice: by path for known fields, and by value from
 * every written line, because an error message or a URL can carry it where no path rule would look.
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination?: pino.DestinationStream): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const scrub = (line: string) => hidden.reduce((text, secret) => text.split(secret).join('[REDACTED]'), line);
  return pino(
    {
      level,
      base: { app: 'scratchpad' },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'],
        censor: '[REDACTED]',
      },
      hooks: { streamWrite: scrub },
    },
    destination ?? pino.destination(1),
  );
}
