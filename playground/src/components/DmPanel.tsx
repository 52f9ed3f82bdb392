import type { MessageRecord } from '../../server/protocol.js';
import type { Notice } from '../model.js';
import type { ComponentActions } from './MessageComponents.js';
import { MessageList } from './MessageList.js';

interface Props {
  readonly botName: string;
  readonly viewerName: string;
  readonly messages: readonly MessageRecord[];
  readonly notices: readonly Notice[];
  readonly actionsFor: (message: MessageRecord) => ComponentActions;
  readonly onDismissNotice: (id: number) => void;
  readonly onClose: () => void;
}

/** The acting member's direct messages with the bot (review reminders), beside the channel like a thread. */
export function DmPanel({ botName, viewerName, messages, notices, actionsFor, onDismissNotice, onClose }: Props) {
  return (
    <aside class="thread-panel dm-panel" aria-label={`Direct messages of ${viewerName}`}>
      <header class="panel-header">
        <span class="dm-at">@</span>
        <span class="panel-title">{botName}</span>
        <span class="panel-subtitle">direct messages with {viewerName}</span>
        <button type="button" class="close" aria-label="Close direct messages" onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList
        messages={messages}
        notices={notices}
        threads={new Map()}
        actionsFor={actionsFor}
        onDismissNotice={onDismissNotice}
        intro={
          <p class="intro-text">
            The start of {viewerName}'s direct messages with {botName}. Review reminders arrive here (turn them on with{' '}
            <code class="md-code">/progress reminders on:true</code>).
          </p>
        }
      />
    </aside>
  );
}
