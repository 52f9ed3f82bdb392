import { describe, expect, it } from 'vitest';
import { validateRequestBody } from '../../testkit/index.js';
import { bodyIssues } from '../../testkit/validation/bodyValidator.js';
import { formatPath, formBodyErrors } from '../../testkit/validation/issue.js';
import { messageIssues } from '../../testkit/validation/messageLimits.js';
import { assertSpecRoutes } from '../../testkit/validation/requestSchemas.js';

const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const COMMANDS = '/applications/{application_id}/commands';
const callback = (body: unknown) => bodyIssues('POST', CALLBACK, body);
const registration = (body: unknown) => bodyIssues('PUT', COMMANDS, body);
const button = (customId: string) => ({ type: 2, style: 1, label: 'Go', custom_id: customId });

describe('request-body validation from Discord’s spec (discord-api-spec)', () => {
  it('accepts the callback bodies discord.js sends', () => {
    const bodies = [
      {
        type: 4,
        data: {
          content: 'hi',
          tts: false,
          enforce_nonce: false,
          allowed_mentions: { parse: [] },
          components: [{ type: 1, components: [button('a')] }],
        },
      },
      { type: 5, data: { flags: 64 } },
      { type: 6 },
      { type: 7, data: { content: 'edited', components: [] } },
      { type: 8, data: { choices: [{ name: 'Intro', value: 'intro' }] } },
      {
        type: 9,
        data: {
          custom_id: 'm',
          title: 'Modal',
          components: [{ type: 1, components: [{ type: 4, custom_id: 'a', label: 'A', style: 2 }] }],
        },
      },
    ];

    expect(bodies.map(callback)).toEqual(bodies.map(() => []));
  });

  it('names the path, Discord’s code and the route’s spec for over-long content', () => {
    const [issue, ...rest] = callback({ type: 4, data: { content: 'x'.repeat(2001) } });

    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: ['data', 'content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
    expect(issue?.reason).toBe(`data.content: 2001 characters; at most 2000 (spec of POST ${CALLBACK})`);
  });

  it('counts length in code points, as Discord does', () => {
    expect(callback({ type: 4, data: { content: '🙂'.repeat(2000) } })).toEqual([]);
    expect(callback({ type: 4, data: { content: '🙂'.repeat(2001) } }).map((i) => i.reason)).toEqual([
      expect.stringContaining('2001 characters; at most 2000'),
    ]);
  });

  it('explains an unknown callback type once', () => {
    const issues = callback({ type: 99 });

    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['type'], code: 'UNION_TYPE_CHOICES' });
    expect(issues[0]?.message).toMatch(/^Value of field "type" must be one of \(.*\b4, 5\b.*\)\.$/);
  });

  it('explains an unknown component type inside a message once, at its path', () => {
    const issues = callback({ type: 4, data: { content: 'x', components: [{ type: 99 }] } });

    expect(issues.map((i) => [formatPath(i.path), i.code])).toEqual([['data.components[0].type', 'UNION_TYPE_CHOICES']]);
  });

  it('names the expected type of a wrong value', () => {
    const issues = callback({ type: 4, data: { content: 5, tts: 'yes' } });

    expect(issues.map((i) => [formatPath(i.path), i.code])).toEqual([
      ['data.content', 'BASE_TYPE_STRING'],
      ['data.tts', 'BASE_TYPE_BOOLEAN'],
    ]);
  });

  it('explains a bad button inside an action row, not a mismatch with every other component kind', () => {
    const issues = callback({ type: 4, data: { content: 'x', components: [{ type: 1, components: [button('y'.repeat(101))] }] } });

    expect(issues.map((i) => formatPath(i.path))).toEqual(['data.components[0].components[0].custom_id']);
  });

  it('reports a missing required field', () => {
    const issues = callback({ type: 9, data: { title: 'No id', components: [] } });

    expect(issues.map((i) => [formatPath(i.path), i.code])).toContainEqual(['data.custom_id', 'BASE_TYPE_REQUIRED']);
  });

  it('accepts integers sent as decimal strings, as discord.js sends permission bitfields, and still bounds them', () => {
    const command = (permissions: string) => [
      { name: 'prompts', description: 'Prompts', default_member_permissions: permissions, type: 1 },
    ];

    expect(registration(command('32'))).toEqual([]);
    expect(registration(command('-1')).map((i) => [formatPath(i.path), i.code])).toEqual([
      ['[0].default_member_permissions', 'NUMBER_TYPE_MIN'],
    ]);
    expect(registration(command('lots')).map((i) => i.code)).toEqual(['NUMBER_TYPE_COERCE']);
  });

  it('keeps the spec’s unique items and localization caps that the package’s zod schemas leave out', () => {
    const locales = Object.fromEntries(Array.from({ length: 35 }, (_, i) => [`l${i}`, 'x']));
    const commands = [{ name: 'quiz', description: 'Quiz', contexts: [0, 0], description_localizations: locales }];

    expect(registration(commands).map((i) => [formatPath(i.path), i.code])).toEqual([
      ['[0].contexts', 'ARRAY_TYPE_UNIQUE'],
      ['[0].description_localizations', 'BASE_TYPE_MAX_LENGTH'],
    ]);
    expect(callback({ type: 4, data: { content: 'x', allowed_mentions: { parse: ['users', 'users'] } } }).map((i) => i.code)).toEqual([
      'ARRAY_TYPE_UNIQUE',
    ]);
  });

  it('knows only routes that are in Discord’s spec, and a schema for each that takes a body', () => {
    expect(() => assertSpecRoutes([{ method: 'POST', template: '/channels/{channel_id}/messages' }])).not.toThrow();
    expect(() => assertSpecRoutes([{ method: 'POST', template: '/channels/{channel}/messages' }])).toThrow(
      "POST /channels/{channel}/messages is not in Discord's spec",
    );
    expect(() => assertSpecRoutes([{ method: 'POST', template: '/channels/{channel_id}/typing' }])).toThrow(
      'POST /channels/{channel_id}/typing has no body schema',
    );
  });

  it('applies documented rules the spec lacks to command registration', () => {
    const commands = [
      { name: 'Quiz', description: 'Capitalised' },
      {
        name: 'ok',
        description: 'Order',
        options: [
          { type: 3, name: 'b', description: 'b' },
          { type: 3, name: 'a', description: 'a', required: true },
        ],
      },
    ];

    const codes = registration(commands).map((i) => [formatPath(i.path), i.code]);

    expect(codes).toEqual([
      ['[0].name', 'APPLICATION_COMMAND_INVALID_NAME'],
      ['[1].options[1].required', 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID'],
    ]);
  });

  it('applies the documented 2000 to channel messages where the spec allows 4000, counting code points', () => {
    const validate = (content: string) => validateRequestBody('POST /channels/{channel_id}/messages', { content });

    expect(validate('🙂'.repeat(2000))).toEqual([]);
    expect(validate('a'.repeat(2001)).map((i) => i.reason)).toEqual([expect.stringMatching(/the OpenAPI description says 4000/)]);
  });

  it('checks the limits the spec does not carry: embed total, rows, buttons per row, duplicate custom_ids', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, r) => ({ type: 1, components: [button(`r${r}`)] }));
    const embeds = [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }];

    expect(messageIssues({ embeds }).map((i) => i.code)).toEqual(['MAX_EMBED_SIZE_EXCEEDED']);
    expect(messageIssues({ components: rows(6) }).map((i) => formatPath(i.path))).toEqual(['components']);
    expect(
      messageIssues({ components: [{ type: 1, components: ['a', 'b', 'c', 'd', 'e', 'f'].map(button) }] }).map((i) => formatPath(i.path)),
    ).toEqual(['components[0].components']);
    expect(messageIssues({ components: [{ type: 1, components: [button('same'), button('same')] }] }).map((i) => i.code)).toEqual([
      'COMPONENT_CUSTOM_ID_DUPLICATED',
    ]);
    expect(messageIssues({ flags: 1 << 15, components: rows(6) })).toEqual([]);
  });

  it('builds Discord’s nested 50035 error object', () => {
    const errors = formBodyErrors(callback({ type: 4, data: { content: 'x'.repeat(2001), embeds: [{ title: 't'.repeat(257) }] } }));

    expect(errors).toEqual({
      data: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
        embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } },
      },
    });
  });
});
