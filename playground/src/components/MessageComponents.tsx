import { useState } from 'preact/hooks';
import { Markdown } from '../markdown/Markdown.js';

/** A component as the bot sent it: an action row, a button, a select menu, or a Components V2 block. */
export interface ComponentData {
  readonly type: number;
  readonly custom_id?: string;
  readonly label?: string;
  readonly style?: number;
  readonly url?: string;
  readonly disabled?: boolean;
  readonly emoji?: { readonly name?: string };
  readonly placeholder?: string;
  readonly min_values?: number;
  readonly max_values?: number;
  readonly options?: readonly SelectOption[];
  readonly components?: readonly ComponentData[];
  readonly content?: string;
  readonly accent_color?: number;
  readonly accessory?: ComponentData;
}

interface SelectOption {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
  readonly emoji?: { readonly name?: string };
}

export interface ComponentActions {
  readonly click: (customId: string) => void;
  readonly select: (customId: string, values: readonly string[]) => void;
}

const Type = { Row: 1, Button: 2, StringSelect: 3, Section: 9, Text: 10, Separator: 14, Container: 17 } as const;
const BUTTON_STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };
const LINK = 5;

export function MessageComponents({ components, actions }: { components: readonly ComponentData[]; actions: ComponentActions }) {
  return (
    <div class="components">
      {components.map((component, index) => (
        <Component key={index} component={component} actions={actions} />
      ))}
    </div>
  );
}

function Component({ component, actions }: { component: ComponentData; actions: ComponentActions }) {
  switch (component.type) {
    case Type.Row:
      return (
        <div class="action-row">
          {(component.components ?? []).map((child, index) => (
            <Component key={index} component={child} actions={actions} />
          ))}
        </div>
      );
    case Type.Button:
      return <Button button={component} actions={actions} />;
    case Type.StringSelect:
      return <SelectMenu menu={component} actions={actions} />;
    case Type.Text:
      return (
        <div class="text-display">
          <Markdown text={component.content ?? ''} />
        </div>
      );
    case Type.Separator:
      return <hr class="separator" />;
    case Type.Section:
    case Type.Container:
      return (
        <div class={component.type === Type.Container ? 'container' : 'section'}>
          <MessageComponents components={component.components ?? []} actions={actions} />
          {component.accessory && <Component component={component.accessory} actions={actions} />}
        </div>
      );
    default:
      return <div class="unsupported">A component of type {component.type} (the playground does not draw it yet)</div>;
  }
}

function Button({ button, actions }: { button: ComponentData; actions: ComponentActions }) {
  const style = BUTTON_STYLES[button.style ?? 2] ?? 'secondary';
  const label = (
    <>
      {button.emoji?.name && <span class="button-emoji">{button.emoji.name}</span>}
      {button.label}
    </>
  );
  if (button.style === LINK) {
    const href = button.url?.startsWith('https://') || button.url?.startsWith('http://') ? button.url : undefined;
    return (
      <a class={`button ${style}`} href={href} target="_blank" rel="noopener noreferrer">
        {label} ↗
      </a>
    );
  }
  return (
    <button
      type="button"
      class={`button ${style}`}
      disabled={button.disabled === true}
      onClick={() => button.custom_id && actions.click(button.custom_id)}
    >
      {label}
    </button>
  );
}

function SelectMenu({ menu, actions }: { menu: ComponentData; actions: ComponentActions }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const options = menu.options ?? [];
  const multiple = (menu.max_values ?? 1) > 1;
  const customId = menu.custom_id ?? '';
  const submit = (values: readonly string[]) => {
    setOpen(false);
    setChosen([]);
    actions.select(customId, values);
  };
  const toggle = (value: string) =>
    setChosen((current) => (current.includes(value) ? current.filter((v) => v !== value) : [...current, value]));
  const choose = (value: string) => (multiple ? toggle(value) : submit([value]));
  const enough = chosen.length >= (menu.min_values ?? 1) && chosen.length <= (menu.max_values ?? 1);
  return (
    <div class={`select${open ? ' open' : ''}`}>
      <button type="button" class="select-toggle" disabled={menu.disabled === true} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>{menu.placeholder ?? 'Make a selection'}</span>
        <span class="select-caret">▾</span>
      </button>
      {open && (
        <div class="select-options" role="listbox" aria-label={menu.placeholder ?? 'Options'} aria-multiselectable={multiple}>
          {options.map((option) => (
            <div
              key={option.value}
              role="option"
              aria-selected={chosen.includes(option.value)}
              class="select-option"
              tabIndex={0}
              onClick={() => choose(option.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                choose(option.value);
              }}
            >
              {multiple && <input type="checkbox" tabIndex={-1} checked={chosen.includes(option.value)} readOnly />}
              {option.emoji?.name && <span class="button-emoji">{option.emoji.name}</span>}
              <span class="select-option-text">
                <span class="select-option-label">{option.label}</span>
                {option.description && <span class="select-option-description">{option.description}</span>}
              </span>
            </div>
          ))}
          {multiple && (
            <button type="button" class="button primary select-apply" disabled={!enough} onClick={() => submit(chosen)}>
              Apply ({chosen.length})
            </button>
          )}
        </div>
      )}
    </div>
  );
}
