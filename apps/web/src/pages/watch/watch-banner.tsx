import type { Presence, RoomView } from '@mlsd/protocol';
import { whoIsHere } from '../../lib/watch.ts';

/** The strip over a watched room: read only, who is there, and once it is over, that it ended. */
export function WatchBanner({ room, presence }: { room: RoomView; presence: Presence }) {
  const ended = room.status === 'ended';
  return (
    <section className={`watch-banner${ended ? ' watch-banner--ended' : ''}`} aria-label="Watching">
      <p className="watch-banner__text" aria-live="polite">
        <span className="watch-banner__mark" aria-hidden="true">
          ◉
        </span>
        {ended ? (
          <>
            <strong>The interview has ended.</strong> You were watching, read only; the report goes to the
            people who took part.
          </>
        ) : (
          <>
            <strong>You are watching — read only.</strong> It shows live; you cannot type or change anything.
          </>
        )}
      </p>
      {!ended && (
        <ul className="watch-banner__who" aria-label="Who is here">
          {whoIsHere(room, presence).map((attendee) => (
            <li key={attendee.who} className={`watch-who watch-who--${attendee.here ? 'here' : 'away'}`}>
              <span className="watch-who__dot" aria-hidden="true" />
              {attendee.who}: {attendee.state}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
