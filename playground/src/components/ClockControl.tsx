import { useEffect, useState } from 'preact/hooks';
import type { ClockState } from '../../server/protocol.js';
import { formatTimestamp } from '../markdown/timestamp.js';

interface Props {
  readonly clock: ClockState;
  readonly clockOffset: number;
  readonly onJump: () => Promise<string>;
  readonly onJumpReminder: () => Promise<string>;
}

/** The weekly prompts' clock: playground time, the next scheduled post, and a jump to it. */
export function ClockControl({ clock, clockOffset, onJump, onJumpReminder }: Props) {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    const timer = setInterval(() => setNow(Date.now() + clockOffset), 1_000);
    return () => clearInterval(timer);
  }, [clockOffset]);

  async function jump(run: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus(await run());
    } catch (err) {
      setStatus((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="clock-control" aria-label="Clock">
      <div class="clock-title">Weekly prompts clock</div>
      <div class="clock-now">
        Playground time: <time>{formatTimestamp(now, 'f', now)}</time>
      </div>
      <div class="clock-next" data-testid="next-post">
        {clock.nextPost === null ? (
          'No weekly prompt scheduled. A moderator sets one up with /prompts setup.'
        ) : (
          <>
            Next post: <time title={formatTimestamp(clock.nextPost, 'F', now)}>{formatTimestamp(clock.nextPost, 'f', now)}</time> (
            {formatTimestamp(clock.nextPost, 'R', now)})
          </>
        )}
      </div>
      <button type="button" class="button primary" disabled={clock.nextPost === null || busy} onClick={() => jump(onJump)}>
        Jump to next post
      </button>
      <div class="clock-next" data-testid="next-reminder">
        {clock.nextReminder === null ? (
          'No review reminder is on (/progress reminders).'
        ) : (
          <>
            Next review reminder: <time>{formatTimestamp(clock.nextReminder, 'f', now)}</time>
          </>
        )}
      </div>
      <button type="button" class="button secondary" disabled={clock.nextReminder === null || busy} onClick={() => jump(onJumpReminder)}>
        Jump to next reminder
      </button>
      {status && (
        <div class="clock-status" role="status">
          {status}
        </div>
      )}
    </section>
  );
}
