import type { ComponentChildren } from 'preact';

interface Props {
  readonly highlighted: boolean;
  readonly onPick: () => void;
  readonly children: ComponentChildren;
}

/** One line of a popup above the composer; picking it keeps the focus where the typing is. */
export function PopupItem({ highlighted, onPick, children }: Props) {
  return (
    <div
      role="option"
      tabIndex={-1}
      aria-selected={highlighted}
      class={`popup-item${highlighted ? ' highlighted' : ''}`}
      onMouseDown={(e) => {
        e.preventDefault();
        onPick();
      }}
    >
      {children}
    </div>
  );
}
