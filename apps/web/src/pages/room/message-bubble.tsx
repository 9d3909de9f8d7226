import type { Turn } from '@mlsd/protocol';
import { turnTag } from '../../lib/labels.ts';
import type { Draft, LocalMessage } from '../../lib/room-state.ts';
import { SEND_STATUS_LABEL } from '../../lib/shared-room-state.ts';

const time = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * A committed turn. Text is rendered as text: markup typed by anyone shows as typed. The
 * candidate's turns say "You", or "Candidate" to an observer.
 */
export function TurnBubble({ turn, observer = false }: { turn: Turn; observer?: boolean }) {
  const candidate = turn.role === 'candidate';
  const tag = candidate ? undefined : turnTag(turn);
  return (
    <article className={`bubble bubble--${turn.role}`} data-turn-id={turn.id}>
      <header className="bubble__meta">
        <span className="bubble__who">{candidate ? (observer ? 'Candidate' : 'You') : 'Interviewer'}</span>
        {tag && <span className="bubble__tag">{tag}</span>}
        <time dateTime={new Date(turn.at).toISOString()}>{time(turn.at)}</time>
      </header>
      <p className="bubble__text">{turn.text}</p>
    </article>
  );
}

/**
 * An interviewer message the model is still writing. Hidden from screen readers: the transcript
 * is a live region, and the committed turn that replaces the draft is announced whole.
 */
export function DraftBubble({ draft }: { draft: Draft }) {
  return (
    <article
      className="bubble bubble--interviewer bubble--draft"
      data-draft-id={draft.draftId}
      aria-hidden="true"
    >
      <header className="bubble__meta">
        <span className="bubble__who">Interviewer</span>
        <span className="bubble__status">writing…</span>
      </header>
      <p className="bubble__text">{draft.text}</p>
    </article>
  );
}

/** A message the server has not yet put in the transcript: pending, saved, or refused. */
export function LocalBubble({
  message,
  onRetry,
  onEdit,
  onDiscard,
}: {
  message: LocalMessage;
  onRetry: (m: LocalMessage) => void;
  onEdit: (m: LocalMessage) => void;
  onDiscard: (clientId: string) => void;
}) {
  return (
    <article
      className={`bubble bubble--candidate bubble--${message.status}`}
      aria-busy={message.status === 'pending' || message.status === 'retrying'}
    >
      <header className="bubble__meta">
        <span className="bubble__who">You</span>
        <span className="bubble__status">{SEND_STATUS_LABEL[message.status]}</span>
      </header>
      <p className="bubble__text">{message.text}</p>
      {message.status === 'failed' && (
        <footer className="bubble__error">
          <span>{message.error}</span>
          <span className="bubble__actions">
            <button type="button" className="link-button" onClick={() => onRetry(message)}>
              Retry
            </button>
            <button type="button" className="link-button" onClick={() => onEdit(message)}>
              Edit
            </button>
            <button type="button" className="link-button" onClick={() => onDiscard(message.clientId)}>
              Discard
            </button>
          </span>
        </footer>
      )}
    </article>
  );
}
