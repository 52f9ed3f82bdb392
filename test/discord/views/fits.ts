import type { APIEmbed, APIMessageTopLevelComponent, JSONEncodable } from 'discord.js';
import { expect } from 'vitest';
import { limits } from '../../../src/content/limits.js';
import type { MessageView } from '../../../src/discord/views/parts.js';
import { messageIssues } from '../../../testkit/validation/messageLimits.js';

interface Part {
  type: number;
  custom_id?: string;
  label?: string;
  placeholder?: string;
  options?: { label: string; value: string; description?: string }[];
  components?: Part[];
}

/** The view as the JSON body Discord receives. */
export const body = (view: MessageView) => ({
  ...view,
  embeds: view.embeds as APIEmbed[],
  components: view.components.map(
    (row) => ('toJSON' in row ? (row as JSONEncodable<APIMessageTopLevelComponent>).toJSON() : row) as unknown as Part,
  ),
});

export const componentsOf = (view: MessageView) => body(view).components.flatMap((row) => row.components ?? []);

/**
 * Asserts what Discord enforces on a message: the stand-in's own checks (embed total, rows, custom_ids) plus each
 * embed part, select option and label, and that nobody can be pinged.
 */
export function expectFits(view: MessageView) {
  const json = body(view);
  expect(messageIssues(json)).toEqual([]);
  expect(view.allowedMentions).toEqual({ parse: [] });
  expect((view.content ?? '').length).toBeLessThanOrEqual(limits.message);
  for (const embed of json.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(limits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(limits.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) expect(field.value.length, field.name).toBeLessThanOrEqual(limits.embedField);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
  }
  for (const part of componentsOf(view)) {
    expect(part.label?.length ?? 0).toBeLessThanOrEqual(limits.buttonLabel);
    expect(part.placeholder?.length ?? 0).toBeLessThanOrEqual(150);
    expect(part.options?.length ?? 0).toBeLessThanOrEqual(limits.choices);
    for (const option of part.options ?? []) {
      expect(option.label.length).toBeLessThanOrEqual(limits.selectOption);
      expect(option.value.length).toBeLessThanOrEqual(limits.selectOption);
      expect(option.description?.length ?? 0).toBeLessThanOrEqual(limits.selectOption);
    }
  }
}
