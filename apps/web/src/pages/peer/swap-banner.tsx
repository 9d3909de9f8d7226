import { peerHref } from '../../lib/peer/peer-routes.ts';
import type { PeerRoomApi } from './use-peer-room.ts';

/**
 * After the end: one click makes a room with the seats swapped and another case. Each person
 * keeps their own link token, which opens the other seat in the new room.
 */
export function SwapBanner({
  peer,
  token,
  reportHref,
}: {
  peer: PeerRoomApi;
  token: string;
  reportHref?: string;
}) {
  const { state, status } = peer;
  const next = state.room?.nextRoomId ?? null;
  const nextSeat = state.seat === 'interviewer' ? 'candidate' : 'interviewer';
  return (
    <section className="swap-banner" aria-label="Interview over">
      <p className="swap-banner__text">
        <strong>The interview is over.</strong>{' '}
        {next
          ? `A new room with the seats swapped is ready: you are the ${nextSeat} there, on another case.`
          : 'Swap seats for another round on a different case.'}
      </p>
      <div className="swap-banner__actions">
        {reportHref && (
          <a className="button" href={reportHref}>
            Open the report
          </a>
        )}
        {next ? (
          <a className="button button--primary" href={peerHref({ roomId: next, token, view: 'room' })}>
            Go to the new room as {nextSeat}
          </a>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={status.kind !== 'open'}
            onClick={() => peer.swap()}
          >
            Swap seats: new room, another case
          </button>
        )}
      </div>
    </section>
  );
}
