import type { RosterMember } from '../../server/protocol.js';
import { Avatar } from './Message.js';

interface Props {
  readonly roster: readonly RosterMember[];
  readonly viewer: RosterMember;
  readonly onChange: (member: RosterMember) => void;
}

const role = (member: RosterMember) => (member.moderator ? 'moderator' : 'member');

/** Who you are acting as: a regular member or the moderator; a second tab can act as someone else at once. */
export function MemberSwitcher({ roster, viewer, onChange }: Props) {
  const other = roster.find((m) => m.id !== viewer.id && !m.moderator);
  return (
    <section class="user-panel" aria-label="You">
      <Avatar name={viewer.username} />
      <div class="user-panel-text">
        <label class="user-panel-label" for="act-as">
          Acting as
        </label>
        <select
          id="act-as"
          aria-label="Act as"
          value={viewer.id}
          onChange={(e) => {
            const next = roster.find((m) => m.id === e.currentTarget.value);
            if (next) onChange(next);
          }}
        >
          {roster.map((member) => (
            <option key={member.id} value={member.id}>
              {member.username} ({role(member)})
            </option>
          ))}
        </select>
        <span class="user-panel-role">{viewer.moderator ? 'Moderator role: has Manage Server' : 'Regular member: no Manage Server'}</span>
        {other && (
          <a class="user-panel-tab" href={`?as=${encodeURIComponent(other.username)}`} target="_blank" rel="noopener">
            Open a tab as {other.username} ↗
          </a>
        )}
      </div>
    </section>
  );
}
