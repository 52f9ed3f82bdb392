import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

describe('logger', () => {
  it('never writes the token, whether in a known field or inside a message', () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.secret-part-of-the-token';
    const lines: string[] = [];
    const log = createLogger('info', [token], { write: (line: string) => lines.push(line) });
    log.info({ token, config: { DISCORD_TOKEN: token } }, 'starting');
    log.error({ err: new Error(`request to /gateway failed with Bot ${token}`) }, `login failed for ${token}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(token);
    expect(lines.join('')).toContain('[REDACTED]');
  });
});
