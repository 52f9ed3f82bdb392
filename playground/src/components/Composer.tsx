import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Choice, CommandOptionDefinition, InteractionRequest, OptionValue } from '../../server/protocol.js';
import { autocomplete } from '../api.js';
import { type CommandEntry, matchEntries } from '../commands.js';
import { type FieldValue, filterChoices, fixedChoices, type Pickable, resolveOption } from '../optionValues.js';
import { CommandList } from './CommandList.js';
import { OptionSuggestions } from './OptionSuggestions.js';

interface Props {
  readonly entries: readonly CommandEntry[];
  readonly channelId: string;
  readonly channelName: string;
  readonly viewerId: string;
  readonly viewerCanManage: boolean;
  readonly pickable: Pickable;
  /** Sends the interaction; rejects with the reason when the playground refused it. */
  readonly perform: (request: InteractionRequest) => Promise<void>;
}

interface Suggestions {
  readonly option: string;
  readonly choices: readonly Choice[];
  readonly loading: boolean;
}

const AUTOCOMPLETE_DELAY_MS = 120;

/**
 * The message box: "/" lists the commands; picking one turns the box into the command with one field per
 * option, whose suggestions are the bot's own autocomplete answers or the option's fixed choices. Enter sends.
 */
export function Composer({ entries, channelId, channelName, viewerId, viewerCanManage, pickable, perform }: Props) {
  const [text, setText] = useState('');
  const [entry, setEntry] = useState<CommandEntry | null>(null);
  const [fields, setFields] = useState<Record<string, FieldValue>>({});
  const [focused, setFocused] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const textInput = useRef<HTMLInputElement>(null);
  const fieldInputs = useRef(new Map<string, HTMLInputElement>());
  const requestSeq = useRef(0);

  const listed = entry === null && text.startsWith('/') ? matchEntries(entries, text.slice(1)) : [];
  const focusedOption = entry?.options.find((o) => o.name === focused);
  const shownSuggestions = focusedOption ? suggestionsFor(focusedOption) : [];

  // Synchronously after the box changes shape, so that keys typed right after picking a command are not lost.
  useLayoutEffect(() => {
    if (!entry) textInput.current?.focus();
    else fieldInputs.current.get(entry.options[0]?.name ?? '')?.focus();
  }, [entry]);

  function suggestionsFor(option: CommandOptionDefinition): readonly Choice[] {
    const fixed = fixedChoices(option, pickable);
    if (fixed) return filterChoices(fixed, fields[option.name]?.text ?? '');
    return option.autocomplete && suggestions?.option === option.name ? suggestions.choices : [];
  }

  function reset() {
    setEntry(null);
    setFields({});
    setFocused(null);
    setSuggestions(null);
    setText('');
    setHighlight(0);
  }

  function pickEntry(picked: CommandEntry) {
    setEntry(picked);
    setFields({});
    setError(null);
    setHighlight(-1);
  }

  /** Other filled options go along with an autocomplete request, as Discord's client sends them. */
  function filledOptions(current: Record<string, FieldValue>, except: string): Record<string, OptionValue> {
    const options: Record<string, OptionValue> = {};
    for (const option of entry?.options ?? []) {
      if (option.name === except) continue;
      const resolved = resolveOption({ ...option, required: false }, current[option.name], pickable);
      if (resolved.ok && resolved.value !== undefined) options[option.name] = resolved.value;
    }
    return options;
  }

  function requestSuggestions(option: CommandOptionDefinition, current: Record<string, FieldValue>) {
    if (!entry || !option.autocomplete) return;
    const seq = ++requestSeq.current;
    setSuggestions((s) => ({ option: option.name, choices: s?.option === option.name ? s.choices : [], loading: true }));
    const partial = current[option.name]?.text ?? '';
    setTimeout(() => {
      if (seq !== requestSeq.current) return;
      autocomplete({
        member: viewerId,
        channelId,
        name: entry.name,
        ...(entry.subcommand ? { subcommand: entry.subcommand } : {}),
        options: { ...filledOptions(current, option.name), [option.name]: partial },
        focused: option.name,
      })
        .then((choices) => seq === requestSeq.current && setSuggestions({ option: option.name, choices, loading: false }))
        .catch(() => seq === requestSeq.current && setSuggestions({ option: option.name, choices: [], loading: false }));
    }, AUTOCOMPLETE_DELAY_MS);
  }

  function editField(option: CommandOptionDefinition, value: FieldValue) {
    const next = { ...fields, [option.name]: value };
    setFields(next);
    setError(null);
    setHighlight(-1);
    if (!value.picked) requestSuggestions(option, next);
  }

  function pickChoice(option: CommandOptionDefinition, choice: Choice) {
    const next = { ...fields, [option.name]: { text: choice.name, picked: choice } };
    setFields(next);
    setSuggestions(null);
    setHighlight(-1);
    const following = entry?.options.find((o) => o.required && o.name !== option.name && !next[o.name]?.text);
    fieldInputs.current.get(following?.name ?? option.name)?.focus();
  }

  async function send() {
    if (!entry || sending) return;
    const options: Record<string, OptionValue> = {};
    for (const option of entry.options) {
      const resolved = resolveOption(option, fields[option.name], pickable);
      if (!resolved.ok) return setError(resolved.problem);
      if (resolved.value !== undefined) options[option.name] = resolved.value;
    }
    setSending(true);
    try {
      await perform({
        kind: 'slash',
        member: viewerId,
        channelId,
        name: entry.name,
        ...(entry.subcommand ? { subcommand: entry.subcommand } : {}),
        options,
      });
      reset();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSending(false);
    }
  }

  function moveHighlight(event: KeyboardEvent, count: number) {
    if (count === 0) return;
    event.preventDefault();
    const down = event.key === 'ArrowDown';
    setHighlight((h) => (h < 0 ? (down ? 0 : count - 1) : (h + (down ? 1 : -1) + count) % count));
  }

  function onTextKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') return moveHighlight(event, listed.length);
    if ((event.key === 'Enter' || event.key === 'Tab') && listed.length > 0) {
      event.preventDefault();
      const picked = listed[Math.max(0, highlight)] ?? listed[0];
      if (picked) pickEntry(picked);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (text.trim()) setError('Scratchpad answers slash commands only: type / to see them.');
    }
  }

  function onFieldKey(event: KeyboardEvent, option: CommandOptionDefinition | undefined, index: number) {
    const choices = option ? suggestionsFor(option) : [];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') return moveHighlight(event, choices.length);
    if (event.key === 'Escape') {
      event.preventDefault();
      return reset();
    }
    if (event.key === 'Backspace' && index === 0 && !(event.currentTarget as HTMLInputElement).value) {
      event.preventDefault();
      const usage = entry?.usage ?? '/';
      reset();
      return setText(usage);
    }
    if (event.key === 'Enter' || (event.key === 'Tab' && highlight >= 0 && choices.length > 0)) {
      event.preventDefault();
      const choice = choices[highlight];
      if (option && choice) return pickChoice(option, choice);
      if (event.key === 'Enter') void send();
    }
  }

  const placeholder = `Message #${channelName}: type / for Scratchpad's commands`;
  return (
    <div class="composer">
      {listed.length > 0 && <CommandList entries={listed} highlight={highlight} viewerCanManage={viewerCanManage} onPick={pickEntry} />}
      {focusedOption && (
        <OptionSuggestions
          option={focusedOption}
          choices={shownSuggestions}
          loading={suggestions?.option === focusedOption.name && suggestions.loading}
          highlight={highlight}
          onPick={(choice) => pickChoice(focusedOption, choice)}
        />
      )}
      <div class={`composer-box${sending ? ' sending' : ''}`}>
        {entry === null ? (
          <input
            ref={textInput}
            class="composer-input"
            aria-label="Message"
            placeholder={placeholder}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setHighlight(0);
              setError(null);
            }}
            onKeyDown={onTextKey}
          />
        ) : (
          <div class="command-line">
            <button type="button" class="command-chip" title="Cancel (Esc)" onClick={reset}>
              {entry.usage}
            </button>
            {entry.options.length === 0 ? (
              <input
                ref={(el) => {
                  if (el) fieldInputs.current.set('', el);
                }}
                class="command-rest"
                aria-label="Command"
                placeholder="Press Enter to send, Esc to cancel"
                value=""
                onKeyDown={(e) => onFieldKey(e, undefined, 0)}
              />
            ) : (
              entry.options.map((option, index) => (
                <label
                  key={option.name}
                  class={`option-pill${option.required ? ' required' : ''}${focused === option.name ? ' focused' : ''}`}
                >
                  <span class="option-name">{option.name}:</span>
                  <input
                    ref={(el) => {
                      if (el) fieldInputs.current.set(option.name, el);
                    }}
                    class="option-input"
                    aria-label={option.name}
                    placeholder={option.required ? '' : 'optional'}
                    value={fields[option.name]?.text ?? ''}
                    size={Math.max(8, (fields[option.name]?.text ?? '').length + 1)}
                    onFocus={() => {
                      setFocused(option.name);
                      setHighlight(-1);
                      if (!fields[option.name]?.picked) requestSuggestions(option, fields);
                    }}
                    onBlur={() => setFocused((current) => (current === option.name ? null : current))}
                    onInput={(e) => editField(option, { text: e.currentTarget.value })}
                    onKeyDown={(e) => onFieldKey(e, option, index)}
                  />
                </label>
              ))
            )}
          </div>
        )}
      </div>
      {error && (
        <div class="composer-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
