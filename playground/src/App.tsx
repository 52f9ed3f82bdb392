import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { InteractionRequest, InteractionResult, JumpResult, MessageRecord, Modal, RosterMember } from '../server/protocol.js';
import { ApiError, connectLive, interact, jumpToNextPost, jumpToNextReminder } from './api.js';
import { commandEntries } from './commands.js';
import { ClockControl } from './components/ClockControl.js';
import { Composer } from './components/Composer.js';
import { DmPanel } from './components/DmPanel.js';
import { MemberSwitcher } from './components/MemberSwitcher.js';
import type { ComponentActions } from './components/MessageComponents.js';
import { MessageList } from './components/MessageList.js';
import { ModalDialog } from './components/ModalDialog.js';
import { Sidebar } from './components/Sidebar.js';
import { ThreadPanel } from './components/ThreadPanel.js';
import { type Lookup, LookupContext } from './lookup.js';
import { formatTimestamp } from './markdown/timestamp.js';
import { emptyModel, reduce, textChannels, threadsOf, visibleMessages } from './model.js';
import { chosenMember, rememberMember } from './viewer.js';

interface OpenModal {
  readonly interactionId: string;
  readonly modal: Modal;
  readonly channelId: string;
}

export function App() {
  const [model, dispatch] = useReducer(reduce, emptyModel);
  const [viewerName, setViewerName] = useState(chosenMember);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [threadId, setThreadId] = useState<string | null>(null);
  const [modal, setModal] = useState<OpenModal | null>(null);
  const [dmOpen, setDmOpen] = useState(false);

  useEffect(() => connectLive(dispatch, (connected) => dispatch({ type: 'connected', connected })), []);

  const channels = textChannels(model);
  const channel = model.channels.get(channelId ?? '') ?? channels[0];
  const thread = threadId && !dmOpen ? model.channels.get(threadId) : undefined;
  const viewer: RosterMember | undefined = model.roster.find((m) => m.username === viewerName) ?? model.roster[0];
  const entries = useMemo(() => commandEntries(model.commands), [model.commands]);

  const lookup: Lookup = {
    botId: model.bot?.id ?? '',
    userName: (id) => model.users.get(id)?.username,
    channelName: (id) => model.channels.get(id)?.name,
    roleName: () => undefined,
    now: () => Date.now() + model.clockOffset,
    openChannel,
  };

  if (!model.ready || !channel || !viewer) {
    return <div class="loading-screen">{model.connected ? 'Loading…' : 'Connecting to the playground…'}</div>;
  }

  function openChannel(id: string) {
    const target = model.channels.get(id);
    if (!target) return;
    if (target.thread && target.parentId) {
      setChannelId(target.parentId);
      setThreadId(target.id);
      setDmOpen(false);
    } else {
      setChannelId(target.id);
    }
  }

  function switchMember(member: RosterMember) {
    rememberMember(member.username);
    setViewerName(member.username);
  }

  /** Runs an interaction as the viewer; a modal answer opens the dialog; a failed answer shows as a notice. */
  async function perform(request: InteractionRequest, where: string): Promise<void> {
    let result: InteractionResult;
    try {
      result = await interact(request);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) throw err;
      dispatch({ type: 'notice', channelId: where, text: (err as Error).message });
      return;
    }
    if (result.modal) setModal({ interactionId: result.interactionId, modal: result.modal, channelId: where });
  }

  const actionsFor = (message: MessageRecord): ComponentActions => {
    const report = (err: unknown) => dispatch({ type: 'notice', channelId: message.channelId, text: (err as Error).message });
    const member = viewer.id;
    return {
      click: (customId) => void perform({ kind: 'button', member, messageId: message.id, customId }, message.channelId).catch(report),
      select: (customId, values) =>
        void perform({ kind: 'select', member, messageId: message.id, customId, values }, message.channelId).catch(report),
    };
  };

  const pickable = {
    channels: channels.map((c) => ({ id: c.id, name: c.name })),
    members: model.roster.map((m) => ({ id: m.id, name: m.username })),
  };
  const starters = new Map(threadsOf(model, channel.id).map((t) => [t.thread?.starterMessageId ?? t.id, t]));
  const notices = (id: string) => model.notices.filter((n) => n.channelId === id);
  const dismissNotice = (id: number) => dispatch({ type: 'dismissNotice', id });
  const composer = (target: { id: string; name: string }) => (
    <Composer
      entries={entries}
      channelId={target.id}
      channelName={target.name}
      viewerId={viewer.id}
      viewerCanManage={viewer.moderator}
      pickable={pickable}
      perform={(request) => perform(request, target.id)}
    />
  );

  const dmChannel = model.dms.get(viewer.id);
  const dmMessages = dmChannel ? visibleMessages(model, dmChannel, viewer.id) : [];

  /** Runs a clock jump and says what it did: `said` words the outcome at the new time. */
  async function jumpWith(
    request: () => Promise<JumpResult>,
    nothing: string,
    said: (when: string, posted: number) => string,
  ): Promise<string> {
    const result = await request();
    dispatch({ type: 'clock', clock: result.clock });
    if (!result.jumped) return nothing;
    return said(formatTimestamp(result.clock.now, 'f', result.clock.now), result.posted);
  }

  const jump = () =>
    jumpWith(jumpToNextPost, 'Nothing is scheduled.', (when, posted) =>
      posted > 0 ? `Jumped to ${when}: the weekly prompt is posted.` : `Jumped to ${when}; nothing was posted (see /prompts status).`,
    );

  const jumpReminder = () =>
    jumpWith(jumpToNextReminder, 'No review reminder is on.', (when, sent) =>
      sent > 0 ? `Jumped to ${when}: ${sent} reminder(s) sent by DM.` : `Jumped to ${when}; no reminder was due (too few reviews due).`,
    );

  return (
    <LookupContext.Provider value={lookup}>
      <div class={`layout${thread || dmOpen ? ' with-thread' : ''}`}>
        <div class="server-rail" aria-hidden="true">
          <div class="server-icon">{model.guild.name.slice(0, 1)}</div>
        </div>
        <Sidebar
          guildName={model.guild.name}
          channels={channels}
          threadsOf={(id) => threadsOf(model, id)}
          current={channel.id}
          openThread={thread?.id ?? null}
          onOpenChannel={openChannel}
        >
          <button type="button" class={`channel dm-button${dmOpen ? ' current' : ''}`} onClick={() => setDmOpen(!dmOpen)}>
            <span class="dm-at">@</span> Direct messages{dmMessages.length > 0 ? ` (${dmMessages.length})` : ''}
          </button>
          <ClockControl clock={model.clock} clockOffset={model.clockOffset} onJump={jump} onJumpReminder={jumpReminder} />
          <MemberSwitcher roster={model.roster} viewer={viewer} onChange={switchMember} />
        </Sidebar>
        <main class="channel-view" aria-label={`#${channel.name}`}>
          <header class="channel-header">
            <span class="channel-hash">#</span>
            <span class="channel-title">{channel.name}</span>
            {channel.topic && <span class="channel-topic">{channel.topic}</span>}
            {!model.connected && <span class="offline">reconnecting…</span>}
          </header>
          <MessageList
            messages={visibleMessages(model, channel.id, viewer.id)}
            notices={notices(channel.id)}
            threads={starters}
            actionsFor={actionsFor}
            onOpenThread={setThreadId}
            onDismissNotice={dismissNotice}
            intro={
              <>
                <h1 class="intro-title">Welcome to #{channel.name}!</h1>
                <p class="intro-text">
                  This is a local stand-in for Discord running the real Scratchpad bot. Type <code class="md-code">/</code> below to see its
                  commands.
                </p>
              </>
            }
          />
          {composer(channel)}
          {model.problems.length > 0 && (
            <details class="problems">
              <summary>The stand-in rejected {model.problems.length} request(s) from the bot</summary>
              <pre>{model.problems.join('\n\n')}</pre>
            </details>
          )}
        </main>
        {dmOpen && (
          <DmPanel
            botName={model.bot?.username ?? 'Scratchpad'}
            viewerName={viewer.username}
            messages={dmMessages}
            notices={notices(dmChannel ?? '')}
            actionsFor={actionsFor}
            onDismissNotice={dismissNotice}
            onClose={() => setDmOpen(false)}
          />
        )}
        {thread && (
          <ThreadPanel
            thread={thread}
            starter={model.messages.get(thread.thread?.starterMessageId ?? '')}
            messages={visibleMessages(model, thread.id, viewer.id)}
            notices={notices(thread.id)}
            actionsFor={actionsFor}
            onDismissNotice={dismissNotice}
            onClose={() => setThreadId(null)}
          >
            {composer(thread)}
          </ThreadPanel>
        )}
      </div>
      {modal && (
        <ModalDialog
          key={modal.interactionId}
          modal={modal.modal}
          onClose={() => setModal(null)}
          onSubmit={async (fields) => {
            await perform({ kind: 'modal', member: viewer.id, interactionId: modal.interactionId, fields }, modal.channelId);
            setModal(null);
          }}
        />
      )}
    </LookupContext.Provider>
  );
}
