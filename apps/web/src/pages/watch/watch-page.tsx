import { ErrorPage } from '../../components/error-page.tsx';
import { Joining } from '../../components/joining.tsx';
import { WATCHING } from '../../lib/watch.ts';
import { CandidateView } from '../peer/candidate-view.tsx';
import { InterviewerConsole } from '../peer/interviewer-console.tsx';
import { Lobby } from '../peer/lobby.tsx';
import type { PeerRoomApi } from '../peer/use-peer-room.ts';
import { RoomView } from '../room/room-view.tsx';
import type { RoomApi } from '../room/use-room.ts';
import { useWatchRoom } from './use-watch-room.ts';
import { WatchBanner } from './watch-banner.tsx';
import '../../styles/peer.css';

/**
 * A read-only watch link (`#/watch/<room>/<token>`): the solo room, or a peer room's candidate
 * screen or console, with every control hidden. It only listens on the socket: the REST pages
 * (reports) need a seat's token, so an ended interview just says so.
 */
export function WatchPage({ roomId, token }: { roomId: string; token: string }) {
  const watch = useWatchRoom(roomId, token);
  const { status, mode } = watch;
  if (status.kind === 'failed') {
    return (
      <ErrorPage title="This interview cannot be opened">
        The server refused this watch link: {status.message}. The link may have been cut short when it was
        copied, or the interview was deleted. Ask for a new link.
      </ErrorPage>
    );
  }
  if (mode === 'solo') return <SoloWatch roomId={roomId} room={watch.solo} />;
  if (mode === 'peer') return <PeerWatch peer={watch.peer} />;
  return <Joining status={status} label={JOINING} />;
}

const JOINING = 'Joining as an observer…';

function SoloWatch({ roomId, room }: { roomId: string; room: RoomApi }) {
  const { session, presence } = room.state;
  return (
    <div className="watch-page">
      {session && <WatchBanner room={session} presence={presence} />}
      <RoomView sessionId={roomId} room={room} access={WATCHING} />
    </div>
  );
}

function PeerWatch({ peer }: { peer: PeerRoomApi }) {
  const { room, seat, presence } = peer.state;
  if (!room || !seat) return <Joining status={peer.status} label={JOINING} />;
  const banner = <WatchBanner room={room} presence={presence} />;
  if (room.status === 'lobby') {
    return (
      <>
        {banner}
        <div className="page peer-page">
          <Lobby
            room={room}
            seat={seat}
            presence={presence}
            connected={peer.status.kind === 'open'}
            onStart={() => {}}
            watching
          />
        </div>
      </>
    );
  }
  return (
    <div className="peer-page peer-page--live">
      {banner}
      {seat === 'interviewer' ? (
        <InterviewerConsole peer={peer} access={WATCHING} />
      ) : (
        <CandidateView peer={peer} access={WATCHING} />
      )}
    </div>
  );
}
