import type { Turn } from '@mlsd/protocol';
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import type { LocalMessage, RoomState } from '../../lib/room-state.ts';
import { isNearBottom } from '../../lib/scroll.ts';
import { DraftBubble, LocalBubble, TurnBubble } from './message-bubble.tsx';

/**
 * The conversation. It follows new messages only while the reader is at the bottom; a reader who
 * scrolled up keeps their place and gets a "new messages" pill instead.
 */
export function TranscriptView({
  state,
  observer = false,
  onRetry,
  onEdit,
  onDiscard,
}: {
  state: RoomState;
  /** Read by someone watching: the candidate is "Candidate", not "You". */
  observer?: boolean;
  onRetry: (m: LocalMessage) => void;
  onEdit: (m: LocalMessage) => void;
  onDiscard: (clientId: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seen = useRef(0);
  const [unread, setUnread] = useState(0);
  const count = state.transcript.length + state.local.length + state.drafts.length;
  const lastIsMine = state.local.length > 0 && state.local.at(-1)?.status === 'pending';
  const draftChars = state.drafts.reduce((n, draft) => n + draft.text.length, 0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const added = count - seen.current;
    seen.current = count;
    if (added <= 0) return;
    if (atBottom.current || lastIsMine) {
      el.scrollTop = el.scrollHeight;
      atBottom.current = true;
      setUnread(0);
    } else {
      setUnread((n) => n + added);
    }
  }, [count, lastIsMine]);

  // A draft grows in place: keep following it while the reader is at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && draftChars > 0 && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [draftChars]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = isNearBottom(el.scrollTop, el.scrollHeight, el.clientHeight);
    if (atBottom.current) setUnread(0);
  }

  function jumpToEnd() {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
    setUnread(0);
  }

  const titles = new Map(state.steps.map((s, i) => [s.id, `Step ${i + 1} · ${s.title}`]));

  return (
    <div className="transcript">
      <div
        className="transcript__scroll"
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label="Transcript"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
        tabIndex={0}
      >
        {state.transcript.map((turn, i) => (
          <Fragment key={turn.id}>
            {stepChanged(state.transcript, i) && (
              <div className="transcript__divider">{titles.get(turn.step) ?? turn.step}</div>
            )}
            <TurnBubble turn={turn} observer={observer} />
          </Fragment>
        ))}
        {state.drafts.map((draft) => (
          <DraftBubble key={draft.draftId} draft={draft} />
        ))}
        {state.local.map((m) => (
          <LocalBubble key={m.clientId} message={m} onRetry={onRetry} onEdit={onEdit} onDiscard={onDiscard} />
        ))}
      </div>
      {unread > 0 && (
        <button type="button" className="transcript__pill" onClick={jumpToEnd}>
          {unread === 1 ? '1 new message' : `${unread} new messages`} ↓
        </button>
      )}
    </div>
  );
}

function stepChanged(turns: Turn[], i: number): boolean {
  return i === 0 || turns[i - 1]?.step !== turns[i]?.step;
}
