import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChannelRecord, MessageRecord } from '../../server/protocol.js';
import { shortTime } from '../markdown/timestamp.js';
import type { Notice } from '../model.js';
import { Message } from './Message.js';
import type { ComponentActions } from './MessageComponents.js';

interface Props {
  readonly messages: readonly MessageRecord[];
  readonly notices: readonly Notice[];
  /** Threads by the id of the message that started them. */
  readonly threads: ReadonlyMap<string, ChannelRecord>;
  readonly actionsFor: (message: MessageRecord) => ComponentActions;
  readonly onOpenThread?: (threadId: string) => void;
  readonly onDismissNotice: (id: number) => void;
  readonly intro: ComponentChildren;
}

/** A channel's (or thread's) messages, oldest first, kept scrolled to the newest while you are at the bottom. */
export function MessageList({ messages, notices, threads, actionsFor, onOpenThread, onDismissNotice, intro }: Props) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const shown = messages.filter((message) => !dismissed.has(message.id));
  const latest = `${shown.length}:${shown.at(-1)?.revision}:${notices.length}`;

  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [latest]);

  return (
    <div
      class="message-list"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      }}
    >
      <div class="channel-intro">{intro}</div>
      {shown.map((message) => (
        <Message
          key={message.id}
          message={message}
          actions={actionsFor(message)}
          thread={threads.get(message.id)}
          onOpenThread={onOpenThread}
          onDismiss={() => setDismissed(new Set(dismissed).add(message.id))}
        />
      ))}
      {notices.map((notice) => (
        <div key={notice.id} class="notice" role="status">
          <span class="notice-time">{shortTime(notice.at)}</span> {notice.text}{' '}
          <button type="button" class="link-button" onClick={() => onDismissNotice(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
