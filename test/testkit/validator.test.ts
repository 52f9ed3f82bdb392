import { describe, expect, it } from 'vitest';
import { validateRequestBody } from '../../testkit/index.js';
import { BodyValidator } from '../../testkit/validation/bodyValidator.js';
import { formatPath, formBodyErrors } from '../../testkit/validation/issue.js';
import { messageIssues } from '../../testkit/validation/messageLimits.js';
import { loadSpec } from '../../testkit/validation/openapiSpec.js';

const validator = new BodyValidator(loadSpec());
const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const callback = (body: unknown) => validator.validate('POST', CALLBACK, body);
const button = (customId: string) => ({ type: 2, style: 1, label: 'Go', custom_id: customId });

describe('request-body validation from Discord’s OpenAPI description', () => {
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

  it('names the path, Discord’s code and the schema for over-long content', () => {
    const [issue, ...rest] = callback({ type: 4, data: { content: 'x'.repeat(2001) } });

    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: ['data', 'content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
    expect(issue?.reason).toMatch(/^data\.content: 2001 characters; IncomingWebhookInteractionRequest allows at most 2000$/);
  });

  it('explains an unknown callback type once', () => {
    const issues = callback({ type: 99 });

    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['type'] });
    expect(issues[0]?.message).toMatch(/must be one of/);
  });

  it('explains a bad button inside an action row, not a mismatch with every other component kind', () => {
    const issues = callback({ type: 4, data: { content: 'x', components: [{ type: 1, components: [button('y'.repeat(101))] }] } });

    expect(issues.map((i) => formatPath(i.path))).toEqual(['data.components[0].components[0].custom_id']);
  });

  it('reports a missing required field', () => {
    const issues = callback({ type: 9, data: { title: 'No id', components: [] } });

    expect(issues.map((i) => [formatPath(i.path), i.code])).toContainEqual(['data.custom_id', 'BASE_TYPE_REQUIRED']);
  });

  it('accepts integers sent as decimal strings, as discord.js sends permission bitfields', () => {
    const commands = [{ name: 'prompts', description: 'Prompts', default_member_permissions: '32', type: 1 }];

    expect(validator.validate('PUT', '/applications/{application_id}/commands', commands)).toEqual([]);
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

    const codes = validator.validate('PUT', '/applications/{application_id}/commands', commands).map((i) => [formatPath(i.path), i.code]);

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
