import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { commandEntries, matchEntries, permissionNote } from '../../../playground/src/commands.js';
import { commandJson } from '../../../src/discord/command.js';
import type { CommandRecord } from '../../../testkit/index.js';

const records = commands.map(
  (command, i): CommandRecord => ({
    id: String(i),
    applicationId: '1',
    guildId: null,
    version: '1',
    definition: commandJson(command) as never,
  }),
);

describe('the "/" list of the playground page', () => {
  it('lists every command and subcommand the bot registers, as /help does', () => {
    const entries = commandEntries(records);
    expect(entries.map((e) => e.usage)).toEqual(
      expect.arrayContaining(['/help', '/summary', '/quiz start', '/quiz channel', '/prompts setup']),
    );
    expect(entries.find((e) => e.usage === '/quiz start')).toMatchObject({ name: 'quiz', subcommand: 'start' });
  });

  it('marks commands that need Manage Server, and finds entries by what was typed', () => {
    const entries = commandEntries(records);
    // /prompts is open to members (they suggest prompts); its other subcommands are refused at run time.
    const gated = records.map((record) =>
      record.definition.name === 'prompts' ? { ...record, definition: { ...record.definition, default_member_permissions: '32' } } : record,
    );
    const setup = commandEntries(gated).find((e) => e.usage === '/prompts setup');
    expect(setup && permissionNote(setup)).toBe('Manage Server');
    const suggest = entries.find((e) => e.usage === '/prompts suggest');
    expect(suggest).toBeDefined();
    expect(suggest && permissionNote(suggest)).toBeUndefined();
    expect(matchEntries(entries, 'qu').map((e) => e.usage)[0]).toBe('/quiz channel');
    expect(matchEntries(entries, 'setup').map((e) => e.usage)).toContain('/prompts setup');
  });
});
