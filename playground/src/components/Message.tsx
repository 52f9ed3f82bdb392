import type { ChannelRecord, MessageRecord } from '../../server/protocol.js';
import { useLookup } from '../lookup.js';
import { Markdown } from '../markdown/Markdown.js';
import { longDateTime, shortTime } from '../markdown/timestamp.js';
import { Attachments } from './Attachments.js';
import { type AttachmentData, Embed, type EmbedData } from './Embed.js';
import { EyeIcon, ThreadIcon } from './Icons.js';
import { type ComponentActions, type ComponentData, MessageComponents } from './MessageComponents.js';

const LOADING = 128;

interface Props {
  readonly message: MessageRecord;
  readonly actions: ComponentActions;
  /** The thread this message started, if any. */
  readonly thread?: ChannelRecord;
  readonly onOpenThread?: (threadId: string) => void;
  readonly onDismiss?: () => void;
}

export function Avatar({ name, bot = false }: { name: string; bot?: boolean }) {
  const hue = [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    <div class={`avatar${bot ? ' bot' : ''}`} style={{ backgroundColor: bot ? undefined : `hsl(${hue} 45% 45%)` }} aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </div>
  );
}

/** One message as Discord lays it out: who used which command, author, time, text, embeds, components, thread. */
export function Message({ message, actions, thread, onOpenThread, onDismiss }: Props) {
  const lookup = useLookup();
  const author = lookup.userName(message.authorId) ?? 'unknown';
  const bot = message.webhookId !== null || message.authorId === lookup.botId;
  const invoker = message.interactionMetadata as { user?: { id?: string }; name?: string } | null;
  const invokerName = invoker?.user?.id ? lookup.userName(invoker.user.id) : undefined;
  const loading = (message.flags & LOADING) !== 0;
  return (
    <div class={`message${message.ephemeral ? ' ephemeral' : ''}`} data-message-id={message.id}>
      {invoker?.name && invokerName && (
        <div class="message-context">
          <span class="mention">@{invokerName}</span> used <span class="context-command">/{invoker.name}</span>
        </div>
      )}
      <div class="message-main">
        <Avatar name={author} bot={bot} />
        <div class="message-body">
          <div class="message-header">
            <span class="message-author">{author}</span>
            {bot && <span class="app-tag">APP</span>}
            <time class="message-time" dateTime={new Date(message.createdAt).toISOString()} title={longDateTime(message.createdAt)}>
              {shortTime(message.createdAt)}
            </time>
          </div>
          {loading ? (
            <div class="thinking">{author} is thinking…</div>
          ) : (
            <>
              {message.content && (
                <div class="message-content">
                  <Markdown text={message.content} />
                  {message.editedAt !== null && <span class="edited"> (edited)</span>}
                </div>
              )}
              {(message.embeds as EmbedData[]).map((embed, index) => (
                <Embed key={index} embed={embed} attachments={message.attachments as AttachmentData[]} />
              ))}
              <Attachments files={message.attachments as AttachmentData[]} />
              {message.components.length > 0 && <MessageComponents components={message.components as ComponentData[]} actions={actions} />}
            </>
          )}
          {thread && (
            <button type="button" class="thread-chip" onClick={() => onOpenThread?.(thread.id)}>
              <ThreadIcon /> {thread.name} <span class="thread-count">{thread.messageCount} messages ›</span>
            </button>
          )}
          {message.ephemeral && (
            <div class="ephemeral-note">
              <EyeIcon /> Only you can see this •{' '}
              <button type="button" class="link-button" onClick={onDismiss}>
                Dismiss message
              </button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
