import type { ComponentChildren } from 'preact';
import type { ChannelRecord, MessageRecord } from '../../server/protocol.js';
import type { Notice } from '../model.js';
import { ThreadIcon } from './Icons.js';
import type { ComponentActions } from './MessageComponents.js';
import { MessageList } from './MessageList.js';

interface Props {
  readonly thread: ChannelRecord;
  readonly starter: MessageRecord | undefined;
  readonly messages: readonly MessageRecord[];
  readonly notices: readonly Notice[];
  readonly actionsFor: (message: MessageRecord) => ComponentActions;
  readonly onDismissNotice: (id: number) => void;
  readonly onClose: () => void;
  /** The thread's composer. */
  readonly children?: ComponentChildren;
}

/** A thread beside the channel, as Discord opens it: its starter message first, then the thread's own messages. */
export function ThreadPanel({ thread, starter, messages, notices, actionsFor, onDismissNotice, onClose, children }: Props) {
  return (
    <aside class="thread-panel" aria-label={`Thread ${thread.name}`}>
      <header class="panel-header">
        <ThreadIcon />
        <span class="panel-title">{thread.name}</span>
        <button type="button" class="close" aria-label="Close thread" onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList
        messages={starter ? [starter, ...messages] : messages}
        notices={notices}
        threads={new Map()}
        actionsFor={actionsFor}
        onDismissNotice={onDismissNotice}
        intro={<p class="intro-text">The start of the thread {thread.name}.</p>}
      />
      {children}
    </aside>
  );
}
