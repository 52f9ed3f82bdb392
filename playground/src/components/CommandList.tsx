import { type CommandEntry, permissionNote } from '../commands.js';
import { PopupItem } from './PopupItem.js';

interface Props {
  readonly entries: readonly CommandEntry[];
  readonly highlight: number;
  readonly viewerCanManage: boolean;
  readonly onPick: (entry: CommandEntry) => void;
}

/** The list "/" opens: every command and subcommand with its description, as Discord's client shows it. */
export function CommandList({ entries, highlight, viewerCanManage, onPick }: Props) {
  return (
    <div class="popup command-list" role="listbox" aria-label="Commands">
      <div class="popup-title">Scratchpad</div>
      {entries.map((entry, index) => {
        const note = permissionNote(entry);
        return (
          <PopupItem key={entry.key} highlighted={index === highlight} onPick={() => onPick(entry)}>
            <span class="popup-usage">{entry.usage}</span>
            <span class="popup-description">{entry.description}</span>
            {note && (
              <span class="popup-badge" title={viewerCanManage ? undefined : `Discord hides this command from members without ${note}`}>
                {note}
              </span>
            )}
          </PopupItem>
        );
      })}
    </div>
  );
}
