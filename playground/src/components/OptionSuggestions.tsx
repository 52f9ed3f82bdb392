import type { Choice, CommandOptionDefinition } from '../../server/protocol.js';
import { PopupItem } from './PopupItem.js';

interface Props {
  readonly option: CommandOptionDefinition;
  readonly choices: readonly Choice[];
  readonly loading: boolean;
  readonly highlight: number;
  readonly onPick: (choice: Choice) => void;
}

/** Above the focused option: what it is for, and its suggestions (the bot's autocomplete answer or fixed choices). */
export function OptionSuggestions({ option, choices, loading, highlight, onPick }: Props) {
  return (
    <div class="popup option-suggestions" role="listbox" aria-label={`Suggestions for ${option.name}`}>
      <div class="popup-title">
        <span class="popup-usage">{option.name}</span>
        <span class="popup-description">{option.description}</span>
      </div>
      {choices.map((choice, index) => (
        <PopupItem key={`${choice.value}`} highlighted={index === highlight} onPick={() => onPick(choice)}>
          {choice.name}
        </PopupItem>
      ))}
      {option.autocomplete && !loading && choices.length === 0 && (
        <div class="popup-empty">No suggestions; what you type is sent as is.</div>
      )}
    </div>
  );
}
