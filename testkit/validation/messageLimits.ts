import { type BodyIssue, lengthOf } from './issue.js';
import { asArray, asRecord, limitIssue } from './limitIssue.js';

type Path = readonly (string | number)[];

export const CONTENT_MAX = 2000;
export const EMBEDS_TOTAL_MAX = 6000;
export const ACTION_ROWS_MAX = 5;
export const ROW_BUTTONS_MAX = 5;
export const CUSTOM_ID_MAX = 100;
export const SELECT_OPTIONS_MAX = 25;
export const V2_COMPONENTS_MAX = 40;
const IS_COMPONENTS_V2 = 1 << 15;
const ACTION_ROW = 1;
const BUTTON = 2;
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

/** Limits Discord documents for a message body (create or edit) that its OpenAPI description lacks or loosens. */
export function messageIssues(body: unknown, at: Path = []): BodyIssue[] {
  const message = asRecord(body);
  return [...contentIssues(message, at), ...embedIssues(message, at), ...componentIssues(message, at)];
}

function contentIssues(message: Record<string, unknown>, at: Path): BodyIssue[] {
  if (typeof message.content !== 'string' || message.content.length <= CONTENT_MAX) return [];
  const length = lengthOf(message.content);
  if (length <= CONTENT_MAX) return [];
  return [
    limitIssue(
      [...at, 'content'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${CONTENT_MAX} or fewer in length.`,
      `${length} characters; a bot's message content is limited to ${CONTENT_MAX} (the OpenAPI description says 4000, which is the limit for Nitro users)`,
    ),
  ];
}

function embedIssues(message: Record<string, unknown>, at: Path): BodyIssue[] {
  const total = asArray(message.embeds).reduce<number>((sum, embed) => sum + embedLength(asRecord(embed)), 0);
  if (total <= EMBEDS_TOTAL_MAX) return [];
  return [
    limitIssue(
      [...at, 'embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${EMBEDS_TOTAL_MAX}`,
      `the embeds hold ${total} characters in all (titles, descriptions, field names and values, footers, authors); at most ${EMBEDS_TOTAL_MAX} across a message`,
    ),
  ];
}

function embedLength(embed: Record<string, unknown>): number {
  const text = (v: unknown) => (typeof v === 'string' ? lengthOf(v) : 0);
  const fields = asArray(embed.fields).reduce<number>((sum, f) => sum + text(asRecord(f).name) + text(asRecord(f).value), 0);
  return text(embed.title) + text(embed.description) + fields + text(asRecord(embed.footer).text) + text(asRecord(embed.author).name);
}

function componentIssues(message: Record<string, unknown>, at: Path): BodyIssue[] {
  if (!Array.isArray(message.components)) return [];
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  const path = [...at, 'components'];
  const layout = (flags & IS_COMPONENTS_V2) !== 0 ? v2Issues(message.components, path) : classicIssues(message.components, path);
  return [...layout, ...customIdIssues(message.components, path)];
}

function classicIssues(rows: readonly unknown[], path: Path): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (rows.length > ACTION_ROWS_MAX) {
    issues.push(
      limitIssue(
        path,
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${ACTION_ROWS_MAX} or fewer in length.`,
        `${rows.length} action rows; a message has at most ${ACTION_ROWS_MAX}`,
      ),
    );
  }
  rows.forEach((row, i) => {
    const r = asRecord(row);
    if (r.type !== ACTION_ROW) {
      issues.push(
        limitIssue(
          [...path, i, 'type'],
          'COMPONENT_LAYOUT_INVALID',
          'Component type must be an action row unless the message has the IS_COMPONENTS_V2 flag.',
          `top-level component of type ${String(r.type)} without the IS_COMPONENTS_V2 flag (1 << 15)`,
        ),
      );
      return;
    }
    issues.push(...rowIssues(asArray(r.components), [...path, i, 'components']));
  });
  return issues;
}

function rowIssues(children: readonly unknown[], path: Path): BodyIssue[] {
  const buttons = children.filter((c) => asRecord(c).type === BUTTON).length;
  const others = children.length - buttons;
  if (buttons > ROW_BUTTONS_MAX) {
    return [
      limitIssue(
        path,
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${ROW_BUTTONS_MAX} in length.`,
        `${buttons} buttons in one action row; at most ${ROW_BUTTONS_MAX}`,
      ),
    ];
  }
  if (others > 0 && children.length > 1) {
    return [
      limitIssue(
        path,
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
        'a select menu must be alone in its action row',
      ),
    ];
  }
  return [];
}

function v2Issues(components: readonly unknown[], path: Path): BodyIssue[] {
  const total = countComponents(components);
  if (total <= V2_COMPONENTS_MAX) return [];
  return [
    limitIssue(
      path,
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${V2_COMPONENTS_MAX} or fewer in length.`,
      `${total} components in all (nested ones count); at most ${V2_COMPONENTS_MAX}`,
    ),
  ];
}

function countComponents(components: readonly unknown[]): number {
  return components.reduce<number>((n, c) => {
    const r = asRecord(c);
    return n + 1 + countComponents(asArray(r.components)) + (r.accessory ? 1 : 0);
  }, 0);
}

/** Every interactive component, with its path, however deeply nested (rows, containers, sections). */
export function interactiveComponents(
  components: readonly unknown[],
  path: Path = [],
): { component: Record<string, unknown>; path: Path }[] {
  return components.flatMap((c, i) => {
    const r = asRecord(c);
    const here = [...path, i];
    const nested = interactiveComponents(asArray(r.components), [...here, 'components']);
    const accessory = r.accessory ? [{ component: asRecord(r.accessory), path: [...here, 'accessory'] }] : [];
    return [...('custom_id' in r || r.type === BUTTON ? [{ component: r, path: here }] : []), ...accessory, ...nested];
  });
}

function customIdIssues(components: readonly unknown[], path: Path): BodyIssue[] {
  const seen = new Set<string>();
  const issues: BodyIssue[] = [];
  for (const { component, path: at } of interactiveComponents(components, path)) {
    const id = component.custom_id;
    const linkLike = component.type === BUTTON && (component.style === LINK_STYLE || component.style === PREMIUM_STYLE);
    if (typeof id !== 'string') {
      if (component.type === BUTTON && !linkLike)
        issues.push(
          limitIssue([...at, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required', 'a non-link button needs a custom_id'),
        );
      continue;
    }
    if (linkLike)
      issues.push(
        limitIssue(
          [...at, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'A link button cannot have a custom_id',
          'link and premium buttons carry no custom_id',
        ),
      );
    if (lengthOf(id) > CUSTOM_ID_MAX)
      issues.push(
        limitIssue(
          [...at, 'custom_id'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${CUSTOM_ID_MAX} or fewer in length.`,
          `${lengthOf(id)} characters; a custom_id has at most ${CUSTOM_ID_MAX}`,
        ),
      );
    if (seen.has(id))
      issues.push(
        limitIssue(
          [...at, 'custom_id'],
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          'Component custom id cannot be duplicated',
          `custom_id "${id}" is used twice in one message`,
        ),
      );
    seen.add(id);
    if (Array.isArray(component.options) && component.options.length > SELECT_OPTIONS_MAX) {
      issues.push(
        limitIssue(
          [...at, 'options'],
          'BASE_TYPE_BAD_LENGTH',
          `Must be between 1 and ${SELECT_OPTIONS_MAX} in length.`,
          `${component.options.length} select options; at most ${SELECT_OPTIONS_MAX}`,
        ),
      );
    }
  }
  return issues;
}

/** Whether a message create body shows nothing: Discord refuses it with 50006. */
export function isEmptyMessage(body: unknown): boolean {
  const m = asRecord(body);
  const text = typeof m.content === 'string' && m.content.trim().length > 0;
  const some = (v: unknown) => Array.isArray(v) && v.length > 0;
  return !text && !some(m.embeds) && !some(m.components) && !some(m.attachments) && !some(m.sticker_ids) && !m.poll;
}
