import type { PeerSeat, Presence, RoomView, SessionLevel } from '@mlsd/protocol';

const SEAT_LABEL: Record<PeerSeat, string> = { interviewer: 'Interviewer', candidate: 'Candidate' };

/**
 * Who is here, and for the interviewer the start button. Either seat may arrive first. An
 * observer (`watching`, with `seat` the view it was given) waits here too, with nothing to press.
 */
export function Lobby({
  room,
  seat,
  presence,
  connected,
  onStart,
  watching = false,
  level,
}: {
  room: RoomView;
  seat: PeerSeat;
  presence: Presence;
  connected: boolean;
  onStart: () => void;
  watching?: boolean;
  /** The level the candidate is judged at, when known. */
  level?: SessionLevel | undefined;
}) {
  const other: PeerSeat = seat === 'interviewer' ? 'candidate' : 'interviewer';
  const you = (s: PeerSeat) => (s === seat && !watching ? ' (you)' : '');
  return (
    <section className="peer-lobby card" aria-labelledby="lobby-title">
      <p className="eyebrow">
        Peer interview · {room.durationMinutes} min{level ? ` · ${level} level` : ''}
      </p>
      <h1 id="lobby-title">Waiting room</h1>
      <p className="peer-lobby__you">
        {watching ? (
          <>
            You are watching the <strong>{seat === 'interviewer' ? 'console' : "candidate's screen"}</strong>,
            read only.
          </>
        ) : (
          <>
            You are the <strong>{SEAT_LABEL[seat].toLowerCase()}</strong>.
          </>
        )}{' '}
        {room.caseTitle ? (
          <>
            Case: <strong>{room.caseTitle}</strong>
          </>
        ) : (
          'The case is a surprise: it shows when the interview starts.'
        )}
      </p>
      <ul className="peer-lobby__seats" aria-label="Who is here">
        {(['interviewer', 'candidate'] as const).map((s) => (
          <li key={s} className={`peer-seat peer-seat--${presence[s] ? 'here' : 'away'}`}>
            <span className="peer-seat__dot" aria-hidden="true" />
            <span className="peer-seat__name">
              {SEAT_LABEL[s]}
              {you(s)}
            </span>
            <span className="peer-seat__state">{presence[s] ? 'here' : 'not here yet'}</span>
          </li>
        ))}
      </ul>
      {watching ? (
        <p className="muted">The interview shows here as soon as the interviewer starts it.</p>
      ) : seat === 'interviewer' ? (
        <div className="peer-lobby__start">
          <button type="button" className="button button--primary" onClick={onStart} disabled={!connected}>
            Start the interview
          </button>
          <p className="muted small">
            {presence.candidate
              ? 'The candidate is here. Starting shows them the case and starts the clock.'
              : 'The candidate has not joined yet. You can start anyway; they catch up when they join.'}{' '}
            Read the case and its answer key below first; nothing runs until you start.
          </p>
        </div>
      ) : (
        <p className="muted">
          {presence[other]
            ? 'The interviewer is here and starts the interview when you are both ready.'
            : 'Waiting for the interviewer to join with their link.'}
        </p>
      )}
    </section>
  );
}
