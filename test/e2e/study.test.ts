import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MessageRecord, mayPing } from '../../testkit/index.js';
import { type BotUnderTest, startBot } from './harness.js';
import { componentId, componentsOf, embedOf, fieldOf } from './messages.js';

/** Nothing the bot sent can notify anyone. */
function expectSilent(message: MessageRecord) {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(mayPing(message.allowedMentions)).toBe(false);
  expect(message.pings).toMatchObject({ users: [], roles: [], everyone: false });
}

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** The small fixture bundle plus 37 generated sections that all mention "zebra", the 37th most of all. */
function bundleWithManySections(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpad-sections-'));
  cpSync('test/fixtures/search-bundle', dir, { recursive: true });
  for (let n = 4; n <= 40; n++) {
    const title = n === 37 ? `Part ${n}: zebra, zebra and more zebra` : `Part ${n}: zebra notes`;
    const front = [
      '---',
      `id: part-${n}`,
      `title: "${title}"`,
      `order: ${n}`,
      'summary: "Notes on one part of the experiment."',
      'keyPoints: ["One point.", "Another point.", "A third point."]',
      'sources: [paper]',
      '---',
      'Body text.',
    ];
    writeFileSync(join(dir, 'sections', `${n}-part.md`), `${front.join('\n')}\n`);
  }
  return dir;
}

describe('/summary', () => {
  it('autocompletes sections ranked by title, id and key terms, well inside the 3-second window', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const started = Date.now();
    const choices = await standIn.autocomplete('summary', { section: 'scratchpd' }, { focused: 'section' }).choices();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(choices[0]).toEqual({ name: '7. What the scratchpads can and cannot show', value: 'scratchpad-evidence' });
    const all = await standIn.autocomplete('summary', { section: '' }, { focused: 'section' }).choices();
    expect(all.map((choice) => choice.value)).toEqual([...bot.app.services.content.sections.keys()]);
  });

  it('caps autocomplete at 25 choices after ranking every match, so a late best match still comes first', async () => {
    bot = await startBot({ env: { CONTENT_DIR: bundleWithManySections() } });
    const choices = await bot.standIn.autocomplete('summary', { section: 'zebra' }, { focused: 'section' }).choices();
    expect(choices).toHaveLength(25);
    expect(choices[0]?.value).toBe('part-37');
  });

  it('opens a section and pages through them in one message, past the last back to the first', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const sections = [...bot.app.services.content.sections.values()];
    const last = sections.at(-1);
    const first = sections[0];
    if (!last || !first) throw new Error('no sections');

    const opened = await standIn.slash('summary', { section: sections[1]?.id ?? '' }).reply();
    expect(opened.ephemeral).toBe(true);
    expectSilent(opened);
    expect(embedOf(opened).title).toBe(`2. ${sections[1]?.title}`);
    expect(fieldOf(opened, /^Key points$/)).toContain('•');
    expect(fieldOf(opened, /^Sources$/)).toMatch(/\]\(https?:\/\//);
    expect(componentsOf(opened).map((part) => part.label)).toEqual(['◀ Previous', 'Next ▶', 'Contents', 'Quiz me on this']);

    const next = await standIn.click(opened, componentId(opened, /^Next/)).reply();
    expect(next.id).toBe(opened.id);
    expect(embedOf(next).title).toBe(`3. ${sections[2]?.title}`);
    const back = await standIn.click(next, componentId(next, /^◀ Previous/)).reply();
    expect(embedOf(back).title).toBe(`2. ${sections[1]?.title}`);

    const atEnd = await standIn.slash('summary', { section: last.id }).reply();
    expect(embedOf(atEnd).footer?.text).toContain(`Section ${sections.length} of ${sections.length}`);
    const wrapped = await standIn.click(atEnd, componentId(atEnd, /^Next/)).reply();
    expect(wrapped.id).toBe(atEnd.id);
    expect(embedOf(wrapped).title).toBe(`1. ${first.title}`);
    const before = await standIn.click(wrapped, componentId(wrapped, /^◀ Previous/)).reply();
    expect(embedOf(before).title).toBe(`${last.order}. ${last.title}`);
  });

  it('without a section shows the contents, whose menu opens the chosen section in the same message', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const contents = await standIn.slash('summary').reply();
    expect(contents.ephemeral).toBe(true);
    expect(embedOf(contents).title).toBe('Study bundle: contents');
    const menu = componentsOf(contents)[0];
    expect(menu?.options?.length).toBe(bot.app.services.content.sections.size);
    const opened = await standIn.select(contents, 'summary:open', ['rl-training']).reply();
    expect(opened.id).toBe(contents.id);
    expect(embedOf(opened).title).toBe('3. What happened under actual RL training');
    const again = await standIn.click(opened, 'summary:toc').reply();
    expect(embedOf(again).title).toBe('Study bundle: contents');
  });

  it('"Quiz me on this" starts a private quiz on that section', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const { content } = bot.app.services;
    const section = await standIn.slash('summary', { section: 'weight-exfiltration' }).reply();
    const quiz = await standIn.click(section, componentId(section, /^summary:quiz:/)).reply();
    expect(quiz.id).not.toBe(section.id);
    expect(quiz.ephemeral).toBe(true);
    expect(embedOf(quiz).title).toBe('Question 1');
    expect(embedOf(quiz).footer?.text).toContain(content.sections.get('weight-exfiltration')?.title);
  });
});

describe('/source', () => {
  it('autocompletes an arXiv id, a title word or an author to the right source', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const first = async (typed: string) =>
      (await standIn.autocomplete('source', { query: typed }, { focused: 'query' }).choices())[0]?.value;
    expect(await first('2412.14093')).toBe('af-paper');
    expect(await first('sleeper')).toBe('sleeper-agents');
    expect(await first('kulveit')).toBe('crit-kulveit');
  });

  it('shows a source: linked title, authors, date, kind, stance, role and what cites it', async () => {
    bot = await startBot();
    const message = await bot.standIn.slash('source', { query: 'af-paper' }).reply();
    expectSilent(message);
    const embed = embedOf(message);
    expect(embed.title).toBe('Alignment faking in large language models');
    expect(embed.url).toBe('https://arxiv.org/abs/2412.14093');
    expect(fieldOf(message, /^By$/)).toContain('Ryan Greenblatt');
    expect(fieldOf(message, /^Date$/)).toBe('2024-12-18');
    expect(fieldOf(message, /^Stance$/)).toBe('Reports the study');
    expect(fieldOf(message, /^Cited in sections/)).toContain('/summary section:setup');
    expect(fieldOf(message, /^Cited by claim cards/)).toMatch(/✅ Supported/);
  });

  it('says when nothing matches and lists the nearest sources', async () => {
    bot = await startBot();
    const message = await bot.standIn.slash('source', { query: 'sleeper agents 2019 remake' }).reply();
    expect(embedOf(message).title).toBe('No source matches that');
    expect(embedOf(message).description).toContain('Nearest sources');
    const opened = await bot.standIn.select(message, 'source:open', ['sleeper-agents']).reply();
    expect(embedOf(opened).title).toContain('Sleeper Agents');
  });

  it('without a query browses by kind: switch kind, open a source, go back', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const list = await standIn.slash('source').reply();
    expect(list.ephemeral).toBe(true);
    expect(embedOf(list).title).toMatch(/^Sources: papers/);
    const news = await standIn.select(list, 'source:kind', ['news']).reply();
    expect(news.id).toBe(list.id);
    expect(embedOf(news).title).toMatch(/^Sources: news/);
    const opened = await standIn.select(news, 'source:open', ['techcrunch-af-study']).reply();
    expect(embedOf(opened).title).toBe(
      'New Anthropic study shows AI really doesn\u2019t want to be forced to change its views'.replace('\u2019', "'"),
    );
    const back = await standIn.click(opened, 'source:list:news').reply();
    expect(embedOf(back).title).toMatch(/^Sources: news/);
  });
});

describe('/claim', () => {
  it('answers publicly with the best card, its verdict, evidence links and close claims to open', async () => {
    bot = await startBot();
    const { standIn } = bot;
    const message = await standIn.slash('claim', { text: 'redwood research co-wrote the alignment faking paper' }).reply();
    expect(message.ephemeral).toBe(false);
    expectSilent(message);
    const embed = embedOf(message);
    expect(embed.description).toMatch(/^> “redwood research co-wrote the alignment faking paper”/);
    expect(embed.description).toMatch(/\*\*(✅ Supported|⚖️ Contested|⚠️ Misleading|❌ Unsupported|❓ Open question)\*\*/);
    expect(embed.description).toMatch(/\*\*Evidence\*\*\n• .+\]\(https?:\/\//);
    const menu = componentsOf(message)[0];
    expect(menu?.custom_id).toBe('claim:open');
    expect(menu?.options?.length).toBeGreaterThan(0);
    expect(menu?.options?.length).toBeLessThanOrEqual(4);
    const other = menu?.options?.[0]?.value ?? '';
    const opened = await standIn.select(message, 'claim:open', [other], 'moderator').reply();
    expect(opened.ephemeral).toBe(true);
    expect(embedOf(opened).footer?.text).toContain(other);
  });

  it('says plainly when the bundle does not cover it, and suggests sections', async () => {
    bot = await startBot();
    const message = await bot.standIn.slash('claim', { text: "what's the best pizza place near campus" }).reply();
    const embed = embedOf(message);
    expect(embed.title).toBe('The study bundle does not cover this');
    expect(embed.description).toContain('no verdict to give');
    expect(message.components).toEqual([]);
  });

  it('shows text with @everyone and markdown escaped, and pings nobody', async () => {
    bot = await startBot();
    const text = '@everyone **Claude** <@123456789012345678> [lied](https://evil.example) to its trainers in training';
    const message = await bot.standIn.slash('claim', { text }).reply();
    expectSilent(message);
    const quoted = embedOf(message).description?.split('\n')[0] ?? '';
    expect(quoted).not.toMatch(/@everyone|<@\d+>/);
    expect(quoted).toContain('\\*\\*Claude\\*\\*');
    expect(quoted).toContain('\\[lied](');
  });

  it('refuses text under 3 or over 300 characters with a short private explanation', async () => {
    bot = await startBot();
    for (const text of ['hi', 'x'.repeat(301)]) {
      const message = await bot.standIn.slash('claim', { text }).reply();
      bot.standIn.clock.advance(5_000); // past /claim's per-member cooldown
      expect(message.ephemeral).toBe(true);
      expect(message.content).toMatch(/^Give me 3 to 300 characters/);
    }
  });

  it('private:true answers only the member', async () => {
    bot = await startBot();
    const message = await bot.standIn.slash('claim', { text: 'RL training removed alignment faking', private: true }).reply();
    expect(message.ephemeral).toBe(true);
    expect(message.embeds).toHaveLength(1);
  });
});

describe('/help', () => {
  it('still lists every command, the sections and the bundle version', async () => {
    bot = await startBot();
    const message = await bot.standIn.slash('help').reply();
    const commands = fieldOf(message, /^Commands$/) ?? '';
    for (const name of ['/summary', '/source', '/claim', '/help']) expect(commands).toContain(name);
    expect(fieldOf(message, /^What the bundle covers$/)).toContain('Glossary of terms');
    expect(embedOf(message).footer?.text).toContain(`v${bot.app.services.content.version}`);
  });
});
