import type { SessionLevel } from '@mlsd/protocol';
import { useEffect } from 'react';
import { ErrorPage } from '../../components/error-page.tsx';
import { Joining } from '../../components/joining.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { ApiRequestError } from '../../lib/api.ts';
import { peerApi } from '../../lib/peer/peer-api.ts';
import { peerHref } from '../../lib/peer/peer-routes.ts';
import { useAsync } from '../../lib/use-async.ts';
import type { Access } from '../../lib/watch.ts';
import { CandidateView } from './candidate-view.tsx';
import { InterviewerConsole } from './interviewer-console.tsx';
import { Lobby } from './lobby.tsx';
import { LobbyBriefing } from './lobby-briefing.tsx';
import { PeerReportView } from './peer-report-view.tsx';
import { SwapBanner } from './swap-banner.tsx';
import { usePeerRoom } from './use-peer-room.ts';
import '../../styles/peer.css';

/**
 * A peer seat's page, from its link. The link is checked first, so a wrong, unknown or expired
 * link gets a page that says so instead of a blank screen.
 */
export function PeerPage({
  roomId,
  token,
  view,
}: {
  roomId: string;
  token: string;
  view: 'room' | 'report';
}) {
  const info = useAsync(() => peerApi.info(roomId, token), [roomId, token]);
  if (info.status === 'loading') return <Loading label="Opening the room…" />;
  if (info.status === 'error') {
    const page = linkProblem(info.error);
    if (page) return page;
    return (
      <div className="page">
        <LoadError error={info.error} onRetry={info.reload} what="the room" />
      </div>
    );
  }
  return view === 'report' ? (
    <PeerReportPage roomId={roomId} token={token} />
  ) : (
    <PeerRoom roomId={roomId} token={token} level={info.value.level} />
  );
}

function linkProblem(error: unknown) {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.code === 'ROOM_EXPIRED') {
    return (
      <ErrorPage title="This room has expired">
        The room was never started within a day of being made, so it was closed. Create a new room from the
        home page and share the new links.
      </ErrorPage>
    );
  }
  if (error.isUnauthorized || error.isNotFound || error.code === 'VALIDATION_FAILED') {
    return (
      <ErrorPage title="This room link is not valid">
        The room does not exist on this server, or the link was cut short when it was copied. Ask for the link
        again, or create a new room from the home page.
      </ErrorPage>
    );
  }
  return null;
}

function PeerRoom({
  roomId,
  token,
  level,
}: {
  roomId: string;
  token: string;
  /** From the room link's check; absent from older servers. */
  level: SessionLevel | undefined;
}) {
  const peer = usePeerRoom(roomId, token);
  const { state, status } = peer;
  const room = state.room;

  useEffect(() => {
    if (room)
      document.title = `${state.seat === 'interviewer' ? 'Interviewer console' : 'Interview'} · mlsd-mock`;
  }, [room, state.seat]);

  if (status.kind === 'failed') {
    return (
      <ErrorPage
        title={status.code === 'ROOM_EXPIRED' ? 'This room has expired' : 'This room link is not valid'}
      >
        {status.message}
      </ErrorPage>
    );
  }
  if (!room || !state.seat) {
    return <Joining status={status} label="Joining the room…" />;
  }
  if (room.status === 'lobby') {
    return (
      <div className="page peer-page">
        <Lobby
          room={room}
          seat={state.seat}
          presence={state.presence}
          connected={status.kind === 'open'}
          onStart={() => peer.timer('start')}
          level={level}
        />
        {state.seat === 'interviewer' && state.console && (
          <LobbyBriefing desk={state.console} level={state.assessment?.level ?? level} />
        )}
      </div>
    );
  }
  const ended = room.status === 'ended';
  const access: Access = { kind: 'seat', token };
  if (ended && state.seat === 'candidate') {
    return (
      <div className="peer-page peer-page--ended">
        <SwapBanner peer={peer} token={token} />
        <PeerReportPage roomId={roomId} token={token} />
      </div>
    );
  }
  return (
    <div className="peer-page peer-page--live">
      {ended && (
        <SwapBanner peer={peer} token={token} reportHref={peerHref({ roomId, token, view: 'report' })} />
      )}
      {state.seat === 'interviewer' ? (
        <InterviewerConsole peer={peer} access={access} />
      ) : (
        <CandidateView peer={peer} access={access} />
      )}
    </div>
  );
}

/** The report for this seat; the interviewer can open it while still writing ratings. */
function PeerReportPage({ roomId, token }: { roomId: string; token: string }) {
  const report = useAsync(() => peerApi.report(roomId, token), [roomId, token]);
  if (report.status === 'loading') return <Loading label="Loading the report…" />;
  if (report.status === 'error') {
    const error = report.error;
    if (error instanceof ApiRequestError && error.code === 'REPORT_NOT_READY') {
      return (
        <ErrorPage
          title="The report is not ready"
          action={
            <a className="button" href={peerHref({ roomId, token, view: 'room' })}>
              Back to the room
            </a>
          }
        >
          {error.message}.
        </ErrorPage>
      );
    }
    return linkProblem(error) ?? <LoadError error={error} onRetry={report.reload} what="the report" />;
  }
  return <PeerReportView report={report.value} />;
}
