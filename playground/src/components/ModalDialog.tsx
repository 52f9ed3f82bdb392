import { useEffect, useRef, useState } from 'preact/hooks';
import type { Modal } from '../../server/protocol.js';
import { Markdown } from '../markdown/Markdown.js';

interface Input {
  readonly type: number;
  readonly custom_id: string;
  readonly label?: string;
  readonly style?: number;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly value?: string;
  readonly options?: readonly { readonly label: string; readonly value: string }[];
}

interface Field {
  readonly label: string;
  readonly description?: string;
  readonly input: Input;
}

const STRING_SELECT = 3;
const PARAGRAPH = 2;

/** The fields of a modal, whether its inputs sit in action rows (older style) or in labels. */
function fieldsOf(modal: Modal): { fields: Field[]; texts: string[] } {
  const fields: Field[] = [];
  const texts: string[] = [];
  for (const raw of modal.components as {
    type: number;
    components?: Input[];
    component?: Input;
    label?: string;
    description?: string;
    content?: string;
  }[]) {
    if (raw.type === 1) for (const input of raw.components ?? []) fields.push({ label: input.label ?? input.custom_id, input });
    else if (raw.type === 18 && raw.component) fields.push({ label: raw.label ?? '', description: raw.description, input: raw.component });
    else if (raw.type === 10 && raw.content) texts.push(raw.content);
  }
  return { fields, texts };
}

/** The control of one field: a short or paragraph text input, or a select menu. */
function FieldControl({ input, value, onChange }: { input: Input; value: string; onChange: (value: string) => void }) {
  const common = { id: `modal-${input.custom_id}`, name: input.custom_id, required: input.required !== false, value };
  if (input.type === STRING_SELECT) {
    return (
      <select {...common} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{input.placeholder ?? 'Choose…'}</option>
        {(input.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  const text = { ...common, placeholder: input.placeholder, minLength: input.min_length, maxLength: input.max_length };
  return input.style === PARAGRAPH ? (
    <textarea {...text} onInput={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <input {...text} onInput={(e) => onChange(e.currentTarget.value)} />
  );
}

interface Props {
  readonly modal: Modal;
  readonly onSubmit: (fields: Record<string, string | string[]>) => Promise<void>;
  readonly onClose: () => void;
}

/** A modal the bot opened, as a dialog: text inputs (short or paragraph) and select menus, then Submit. */
export function ModalDialog({ modal, onSubmit, onClose }: Props) {
  const { fields, texts } = fieldsOf(modal);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.input.custom_id, f.input.value ?? ''])),
  );
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const answer: Record<string, string | string[]> = {};
    for (const { input } of fields) {
      const value = values[input.custom_id] ?? '';
      answer[input.custom_id] = input.type === STRING_SELECT ? (value ? [value] : []) : value;
    }
    try {
      await onSubmit(answer);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <dialog ref={dialog} class="modal" aria-label={modal.title} onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 class="modal-title">{modal.title}</h2>
        {texts.map((text, index) => (
          <div key={index} class="modal-text">
            <Markdown text={text} />
          </div>
        ))}
        {fields.map(({ label, description, input }) => (
          <div key={input.custom_id} class="modal-field">
            <label class="modal-label" for={`modal-${input.custom_id}`}>
              {label}
              {input.required !== false && <span class="required-mark"> *</span>}
            </label>
            {description && <span class="modal-description">{description}</span>}
            <FieldControl
              input={input}
              value={values[input.custom_id] ?? ''}
              onChange={(value) => setValues({ ...values, [input.custom_id]: value })}
            />
          </div>
        ))}
        {error && (
          <div class="composer-error" role="alert">
            {error}
          </div>
        )}
        <div class="modal-actions">
          <button type="button" class="button link-like" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button primary">
            Submit
          </button>
        </div>
      </form>
    </dialog>
  );
}
