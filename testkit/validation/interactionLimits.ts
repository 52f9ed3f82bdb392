import { type BodyIssue, lengthOf } from './issue.js';
import { asArray, asRecord, limitIssue } from './limitIssue.js';
import { messageIssues } from './messageLimits.js';

type Path = readonly (string | number)[];

export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_VALUE_MAX = 100;
export const MODAL_COMPONENTS_MAX = 5;
export const MODAL_TITLE_MAX = 45;

/** Documented limits for an interaction callback body, by callback type. */
export function callbackIssues(body: unknown): BodyIssue[] {
  const { type, data } = asRecord(body);
  switch (type) {
    case 4:
    case 7:
      return messageIssues(data, ['data']);
    case 8:
      return autocompleteIssues(asRecord(data), ['data']);
    case 9:
      return modalIssues(asRecord(data), ['data']);
    default:
      return [];
  }
}

function autocompleteIssues(data: Record<string, unknown>, at: Path): BodyIssue[] {
  const choices = asArray(data.choices);
  const issues: BodyIssue[] = [];
  if (choices.length > AUTOCOMPLETE_CHOICES_MAX) {
    issues.push(
      limitIssue(
        [...at, 'choices'],
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${AUTOCOMPLETE_CHOICES_MAX} or fewer in length.`,
        `${choices.length} choices; at most ${AUTOCOMPLETE_CHOICES_MAX}`,
      ),
    );
  }
  choices.forEach((choice, i) => {
    const value = asRecord(choice).value;
    if (typeof value === 'string' && lengthOf(value) > CHOICE_VALUE_MAX) {
      issues.push(
        limitIssue(
          [...at, 'choices', i, 'value'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${CHOICE_VALUE_MAX} or fewer in length.`,
          `${lengthOf(value)} characters; a string choice value is limited to ${CHOICE_VALUE_MAX} (the OpenAPI description says 6000)`,
        ),
      );
    }
  });
  return issues;
}

function modalIssues(data: Record<string, unknown>, at: Path): BodyIssue[] {
  const components = asArray(data.components);
  const issues: BodyIssue[] = [];
  if (components.length > MODAL_COMPONENTS_MAX) {
    issues.push(
      limitIssue(
        [...at, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${MODAL_COMPONENTS_MAX} in length.`,
        `${components.length} components; a modal has 1 to ${MODAL_COMPONENTS_MAX}`,
      ),
    );
  }
  components.forEach((row, i) => {
    const r = asRecord(row);
    const inner = asArray(r.components);
    if (r.type === 1 && inner.length !== 1) {
      issues.push(
        limitIssue(
          [...at, 'components', i, 'components'],
          'BASE_TYPE_BAD_LENGTH',
          'Must be between 1 and 1 in length.',
          `${inner.length} text inputs in one modal action row; exactly 1`,
        ),
      );
    }
  });
  return issues;
}
