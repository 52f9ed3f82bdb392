import type { ComponentChildren } from 'preact';
import type { ChannelRecord } from '../../server/protocol.js';
import { ThreadIcon } from './Icons.js';

interface Props {
  readonly guildName: string;
  readonly channels: readonly ChannelRecord[];
  readonly threadsOf: (channelId: string) => readonly ChannelRecord[];
  readonly current: string;
  readonly openThread: string | null;
  readonly onOpenChannel: (id: string) => void;
  readonly children: ComponentChildren;
}

/** The server's name, its text channels with their threads, and (below) the clock and the member switcher. */
export function Sidebar({ guildName, channels, threadsOf, current, openThread, onOpenChannel, children }: Props) {
  return (
    <nav class="sidebar" aria-label="Channels">
      <header class="guild-name">{guildName}</header>
      <div class="channel-list">
        <div class="channel-group">Text channels</div>
        {channels.map((channel) => (
          <div key={channel.id}>
            <button
              type="button"
              class={`channel${channel.id === current ? ' current' : ''}`}
              aria-label={channel.name}
              aria-current={channel.id === current ? 'page' : undefined}
              onClick={() => onOpenChannel(channel.id)}
            >
              <span class="channel-hash">#</span>
              {channel.name}
            </button>
            {threadsOf(channel.id).map((thread) => (
              <button
                type="button"
                key={thread.id}
                class={`channel thread${thread.id === openThread ? ' current' : ''}`}
                aria-label={`Thread ${thread.name}`}
                onClick={() => onOpenChannel(thread.id)}
              >
                <ThreadIcon />
                {thread.name}
              </button>
            ))}
          </div>
        ))}
      </div>
      {children}
    </nav>
  );
}
