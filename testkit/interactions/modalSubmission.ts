import { asArray, asRecord } from '../validation/limitIssue.js';

export type ModalFields = Readonly<Record<string, string | readonly string[]>>;

const ACTION_ROW = 1;
const TEXT_INPUT = 4;
const LABEL = 18;

/**
 * The components of a MODAL_SUBMIT, mirroring the modal the bot showed (action rows or labels around text
 * inputs and selects), with the test's field values. Throws where Discord's client would refuse to submit.
 */
export function modalSubmission(modal: Record<string, unknown>, fields: ModalFields): Record<string, unknown>[] {
  const known = new Set<string>();
  const components = asArray(modal.components).map((raw) => {
    const c = asRecord(raw);
    if (c.type === ACTION_ROW)
      return { type: ACTION_ROW, ...idOf(c), components: asArray(c.components).map((inner) => answer(asRecord(inner), fields, known)) };
    if (c.type === LABEL) return { type: LABEL, ...idOf(c), component: answer(asRecord(c.component), fields, known) };
    return { type: c.type, ...idOf(c) };
  });
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new Error(`modal '${String(modal.custom_id)}' has no field(s) ${unknown.join(', ')} (fields: ${[...known].join(', ')})`);
  return components;
}

function answer(component: Record<string, unknown>, fields: ModalFields, known: Set<string>): Record<string, unknown> {
  const customId = String(component.custom_id);
  known.add(customId);
  const given = fields[customId];
  if (component.type === TEXT_INPUT)
    return { type: TEXT_INPUT, ...idOf(component), custom_id: customId, value: textValue(component, customId, given) };
  const values = given === undefined ? [] : typeof given === 'string' ? [given] : [...given];
  const required = component.required !== false && component.min_values !== 0;
  if (required && values.length === 0)
    throw new Error(`modal field '${customId}' is required; Discord's client would not submit without it`);
  return { type: component.type, ...idOf(component), custom_id: customId, values };
}

function textValue(component: Record<string, unknown>, customId: string, given: string | readonly string[] | undefined): string {
  if (typeof given !== 'string' && given !== undefined) throw new Error(`modal text input '${customId}' takes a string`);
  const value = given ?? '';
  const required = component.required !== false;
  if (required && value.length === 0)
    throw new Error(`modal text input '${customId}' is required; Discord's client would not submit without it`);
  const min = typeof component.min_length === 'number' ? component.min_length : 0;
  const max = typeof component.max_length === 'number' ? component.max_length : 4000;
  if (value.length > 0 && (value.length < min || value.length > max))
    throw new Error(`modal text input '${customId}' must be ${min}..${max} characters, got ${value.length}`);
  return value;
}

function idOf(component: Record<string, unknown>): { id?: number } {
  return typeof component.id === 'number' ? { id: component.id } : {};
}
