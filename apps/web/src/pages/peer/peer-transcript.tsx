import type { PeerSeat, Turn } from '@mlsd/protocol';
import { Fragment, useLayoutEffect, useRef } from 'react';
import { turnTag } from '../../lib/labels.ts';
import type { PeerRoomState } from '../../lib/peer/peer-state.ts';
import { isNearBottom } from '../../lib/scroll.ts';
import { SEND_STATUS_LABEL } from '../../lib/shared-room-state.ts';

const time = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Who reads the transcript: a seat ("You" is that seat), or an observer (nobody is "You"). */
type Viewer = PeerSeat | 'observer';

/** What an observer reads before the first line (a seat's own text says what to do). */
const WATCHING_EMPTY = 'The interviewer reads the case out first; the conversation shows here as it happens.';

function who(role: PeerSeat, viewer: Viewer): string {
  if (role === viewer) return 'You';
  return role === 'interviewer' ? 'Interviewer' : 'Candidate';
}

/**
 * The shared conversation, from the viewer's side ("You" is whoever is looking). Text is rendered
 * as text. It follows new lines while the reader is at the bottom.
 */
export function PeerTranscript({
  state,
  viewer,
  onRetry,
  onDiscard,
  empty,
}: {
  state: PeerRoomState;
  viewer: Viewer;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  empty: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const count = state.transcript.length + state.local.length;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && count > 0 && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  const titles = new Map((state.clock?.steps ?? []).map((s, i) => [s.id, `Step ${i + 1} · ${s.title}`]));
  return (
    <div className="transcript">
      <div
        className="transcript__scroll"
        ref={scroller}
        onScroll={() => {
          const el = scroller.current;
          if (el) atBottom.current = isNearBottom(el.scrollTop, el.scrollHeight, el.clientHeight);
        }}
        role="log"
        aria-label="Transcript"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
        tabIndex={0}
      >
        {count === 0 && <p className="peer-empty">{viewer === 'observer' ? WATCHING_EMPTY : empty}</p>}
        {state.transcript.map((turn, i) => (
          <Fragment key={turn.id}>
            {(i === 0 || state.transcript[i - 1]?.step !== turn.step) && (
              <div className="transcript__divider">{titles.get(turn.step) ?? turn.step}</div>
            )}
            <PeerBubble turn={turn} viewer={viewer} />
          </Fragment>
        ))}
        {state.local.map((m) => (
          <article key={m.clientId} className={`bubble bubble--${viewer} bubble--${m.status}`}>
            <header className="bubble__meta">
              <span className="bubble__who">You</span>
              <span className="bubble__status">{SEND_STATUS_LABEL[m.status]}</span>
            </header>
            <p className="bubble__text">{m.text}</p>
            {m.status === 'failed' && (
              <footer className="bubble__error">
                <span>{m.error}</span>
                <span className="bubble__actions">
                  <button type="button" className="link-button" onClick={() => onRetry(m.clientId)}>
                    Retry
                  </button>
                  <button type="button" className="link-button" onClick={() => onDiscard(m.clientId)}>
                    Discard
                  </button>
                </span>
              </footer>
            )}
          </article>
        ))}
      </div>
    </div>
  );
}

function PeerBubble({ turn, viewer }: { turn: Turn; viewer: Viewer }) {
  const tag = turn.role === 'interviewer' ? turnTag(turn) : undefined;
  return (
    <article className={`bubble bubble--${turn.role}`} data-turn-id={turn.id}>
      <header className="bubble__meta">
        <span className="bubble__who">{who(turn.role, viewer)}</span>
        {tag && <span className="bubble__tag">{tag}</span>}
        <time dateTime={new Date(turn.at).toISOString()}>{time(turn.at)}</time>
      </header>
      <p className="bubble__text">{turn.text}</p>
    </article>
  );
}
