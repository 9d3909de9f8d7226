import { ErrorPage } from '../../components/error-page.tsx';
import { browserStore, getSessionKey } from '../../lib/storage.ts';
import { RoomView } from './room-view.tsx';
import { useRoom } from './use-room.ts';

export function RoomPage({ sessionId }: { sessionId: string }) {
  const key = getSessionKey(browserStore(), sessionId);
  if (!key) {
    return (
      <ErrorPage title="This interview is not open in this browser">
        Session <code>{sessionId}</code> was started elsewhere, or its key was cleared with the browser data.
        Only the browser that started an interview can rejoin it; once it is over, its owner can send a
        read-only link from the report.
      </ErrorPage>
    );
  }
  return <LiveRoom sessionId={sessionId} token={key.token} />;
}

function LiveRoom({ sessionId, token }: { sessionId: string; token: string }) {
  const room = useRoom(sessionId, token);
  if (room.status.kind === 'failed') {
    return (
      <ErrorPage title="This interview cannot be opened">
        The server refused to reopen session <code>{sessionId}</code>: {room.status.message}. It may have
        expired or been deleted.
      </ErrorPage>
    );
  }
  return <RoomView sessionId={sessionId} room={room} access={{ kind: 'seat', token }} />;
}
