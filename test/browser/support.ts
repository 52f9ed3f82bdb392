import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Playground, startPlayground } from '../../playground/server/playground.js';
import { roster } from '../../playground/server/roster.js';
import { CHROMIUM_PATH } from './chromium.js';

const SCREENSHOTS = join(import.meta.dirname, '../../docs/screenshots');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Real waits for the page (the bot answers in milliseconds; a quiz round's reveal takes its seconds). */
export const WAIT_MS = 20_000;

export interface BrowserRun {
  readonly playground: Playground;
  /** A new tab acting as this roster member. */
  open(member?: string): Promise<Page>;
  close(): Promise<void>;
}

/** One playground (memory store, free port) and one headless Chromium with a fresh profile, for one test file. */
export async function startBrowserRun(): Promise<BrowserRun> {
  const playground = await startPlayground({ port: 0, env: { STORE_URL: 'memory://', LOG_LEVEL: 'silent' } });
  const profile = mkdtempSync(join(tmpdir(), 'scratchpad-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
  } catch (err) {
    await playground.close();
    throw err;
  }
  context.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  return {
    playground,
    async open(member = 'ada') {
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${playground.url}?as=${member}`);
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await playground.close();
      if (errors.length > 0) throw new Error(`the page threw:\n${errors.join('\n')}`);
    },
  };
}

/** Saves docs/screenshots/<name>.png; with `top`, that message is scrolled to the top of its list first. */
/** Starts a BrowserRun before the file's tests and closes it after them; call the result inside a test. */
export function browserRunPerFile(): () => BrowserRun {
  let run: BrowserRun | undefined;
  beforeAll(async () => {
    run = await startBrowserRun();
  });
  afterAll(async () => {
    await run?.close();
  });
  return () => {
    if (!run) throw new Error('the browser run did not start');
    return run;
  };
}

export async function screenshot(page: Page, name: string, top?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await top?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Types "/" and the command, and picks it from the list, e.g. `/quiz start`. */
export async function pickCommand(page: Page, usage: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.click();
  await box.fill(usage.split(' ')[0] ?? usage);
  const list = page.getByRole('listbox', { name: 'Commands' });
  await list
    .getByRole('option')
    .filter({ has: page.locator('.popup-usage', { hasText: new RegExp(`^${usage}$`) }) })
    .click();
}

/** The option field of the command being typed. */
export const option = (page: Page, name: string): Locator => page.getByRole('textbox', { name, exact: true });

/** Picks one of the suggestions shown above the focused option. */
export async function pickSuggestion(page: Page, optionName: string, suggestion: string | RegExp): Promise<void> {
  await page
    .getByRole('listbox', { name: `Suggestions for ${optionName}` })
    .getByRole('option', { name: suggestion })
    .first()
    .click();
}

/** Runs a command with plain-typed options and presses Enter. */
export async function runCommand(page: Page, usage: string, options: Record<string, string> = {}): Promise<void> {
  await pickCommand(page, usage);
  for (const [name, value] of Object.entries(options)) await option(page, name).fill(value);
  const last = Object.keys(options).at(-1);
  await (last ? option(page, last) : page.locator('.command-line input').first()).press('Enter');
}

/** The newest message (in the channel view, or in `scope`) whose text matches. */
export const message = (scope: Page | Locator, text: string | RegExp): Locator =>
  scope.locator('.message').filter({ hasText: text }).last();

export const channelView = (page: Page): Locator => page.locator('main.channel-view');
export const threadPanel = (page: Page): Locator => page.locator('aside.thread-panel');

/** Switches the tab to another roster member with the member switcher. */
export async function actAs(page: Page, username: string): Promise<void> {
  const member = roster.find((m) => m.username === username);
  if (!member) throw new Error(`no roster member ${username}`);
  await page.getByRole('combobox', { name: 'Act as' }).selectOption(member.id);
}

export async function openChannel(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Channels' }).getByRole('button', { name, exact: true }).click();
  await page.locator('.channel-header .channel-title', { hasText: name }).waitFor();
}

/** A moderator's `/prompts setup` through the page: posts in #weekly-prompts, Berlin time, until the bot confirms. */
export async function setUpWeeklyPrompts(page: Page): Promise<void> {
  await openChannel(page, 'weekly-prompts');
  await pickCommand(page, '/prompts setup');
  await option(page, 'channel').fill('weekly');
  await pickSuggestion(page, 'channel', '#weekly-prompts');
  await option(page, 'timezone').fill('berlin');
  await pickSuggestion(page, 'timezone', 'Europe/Berlin');
  await option(page, 'timezone').press('Enter');
  await message(channelView(page), 'Weekly discussion prompts are set').waitFor();
}
