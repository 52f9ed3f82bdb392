import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server/playground.js';
import type { LiveEvent } from '../../playground/server/protocol.js';
import { roster } from '../../playground/server/roster.js';

/** The playground's server without a browser: the page, the live feed's first event, and the control API's refusals. */
describe('npm run playground (server side)', () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await startPlayground({ port: 0, env: { STORE_URL: 'memory://', LOG_LEVEL: 'silent' } });
  }, 60_000);
  afterAll(async () => {
    await playground?.close();
  });

  const post = (path: string, body: unknown, type = 'application/json') =>
    fetch(new URL(path, playground.url), { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
  const ada = roster.find((m) => m.username === 'ada')?.id ?? '';
  const general = () => playground.standIn.guild().channel('general').id;

  it('serves the page with a policy that allows no inline or remote script', async () => {
    const response = await fetch(playground.url);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  });

  it('starts the live feed with the whole state: the roster, the channels and the registered commands', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/api/live', playground.url), { signal: controller.signal });
    const reader = response.body?.getReader();
    let text = '';
    while (reader && !text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const first = JSON.parse(text.slice('data: '.length, text.indexOf('\n\n'))) as LiveEvent;
    if (first.type !== 'state') throw new Error(`first event was ${first.type}`);
    expect(first.state.roster.map((m) => m.username)).toEqual(['ada', 'ben', 'cleo', 'maya']);
    expect(first.state.channels.map((c) => c.name)).toEqual(['general', 'quiz-night', 'weekly-prompts']);
    expect(first.state.commands.map((c) => c.definition.name)).toContain('prompts');
  });

  it('runs a slash command as a roster member, and refuses what Discord’s client would not send', async () => {
    const ok = await post('/api/interactions', { kind: 'slash', member: ada, channelId: general(), name: 'help', options: {} });
    expect(await ok.json()).toMatchObject({ callbackType: 4 });
    const stranger = await post('/api/interactions', { kind: 'slash', member: '42', channelId: general(), name: 'help', options: {} });
    expect(stranger.status).toBe(400);
    const missing = await post('/api/interactions', { kind: 'slash', member: ada, channelId: general(), name: 'claim', options: {} });
    expect(((await missing.json()) as { error: string }).error).toMatch(/required option\(s\) text missing/);
    expect((await post('/api/interactions', {}, 'text/plain')).status).toBe(415);
    expect((await post('/api/clock/jump', {})).status).toBe(200);
  });
});
