import { interactiveComponents } from '../validation/messageLimits.js';
import type { MessageRecord } from '../world/records.js';

export const ComponentType = { Button: 2, StringSelect: 3, UserSelect: 5, RoleSelect: 6, MentionableSelect: 7, ChannelSelect: 8 } as const;
const SELECT_TYPES = new Set<number>([3, 5, 6, 7, 8]);

/** The component with this custom_id on the message, checked the way Discord's client would allow using it. */
export function findComponent(message: MessageRecord, customId: string, kind: 'button' | 'select'): Record<string, unknown> {
  const all = interactiveComponents(message.components).map((c) => c.component);
  const component = all.find((c) => c.custom_id === customId);
  if (!component) {
    const ids = all.map((c) => c.custom_id).filter((id) => typeof id === 'string');
    throw new Error(`message ${message.id} has no component with custom_id '${customId}' (it has: ${ids.join(', ') || 'none'})`);
  }
  const isSelect = SELECT_TYPES.has(Number(component.type));
  if (kind === 'button' && component.type !== ComponentType.Button)
    throw new Error(`'${customId}' is a component of type ${String(component.type)}, not a button; use select()`);
  if (kind === 'select' && !isSelect)
    throw new Error(`'${customId}' is a component of type ${String(component.type)}, not a select menu; use click()`);
  if (component.disabled === true) throw new Error(`'${customId}' is disabled; Discord's client cannot use it`);
  return component;
}

/** Values a user could pick in this select, or throws as Discord's client would refuse them. */
export function checkSelection(component: Record<string, unknown>, values: readonly string[]): void {
  const id = String(component.custom_id);
  const min = typeof component.min_values === 'number' ? component.min_values : 1;
  const max = typeof component.max_values === 'number' ? component.max_values : 1;
  if (values.length < min || values.length > max) throw new Error(`select '${id}' takes ${min}..${max} values, got ${values.length}`);
  if (component.type !== ComponentType.StringSelect) return;
  const offered = (Array.isArray(component.options) ? component.options : []).map((o) => String((o as { value?: unknown }).value));
  const unknown = values.filter((v) => !offered.includes(v));
  if (unknown.length > 0) throw new Error(`select '${id}' offers no option(s) ${unknown.join(', ')} (options: ${offered.join(', ')})`);
}
