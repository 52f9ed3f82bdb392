import { DiscordAPIError, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { permissionName } from '../../src/discord/permissions.js';
import { promptPermissions, toPostError } from '../../src/discord/promptPoster.js';

const apiError = (code: number, message: string, status: number) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', { body: undefined, files: undefined });

describe('Discord errors as prompt failures', () => {
  it.each([
    [50013, 403, 'missing-permissions'],
    [50001, 403, 'missing-permissions'],
    [10003, 404, 'unknown-channel'],
    [50035, 400, 'other'],
  ])('maps %i to %s and keeps the code', (code, status, kind) => {
    expect(toPostError(apiError(code, 'x', status))).toMatchObject({ kind, code });
  });

  it('maps anything else to "other" without a code', () => {
    const mapped = toPostError(new Error('socket hang up'));
    expect(mapped).toMatchObject({ kind: 'other', message: 'socket hang up' });
    expect(mapped.code).toBeUndefined();
  });
});

describe('the permissions /prompts setup checks', () => {
  it('needs thread permissions only with threads on, named as Discord names them', () => {
    expect(promptPermissions(false).map(permissionName)).toEqual(['View Channel', 'Send Messages', 'Embed Links']);
    expect(promptPermissions(true).map(permissionName)).toEqual([
      'View Channel',
      'Send Messages',
      'Embed Links',
      'Create Public Threads',
      'Send Messages in Threads',
    ]);
    expect(permissionName(PermissionFlagsBits.ManageGuild)).toBe('Manage Server');
  });
});
