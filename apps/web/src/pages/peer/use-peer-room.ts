import type { DrawingScene, PointVerdict, StepId, TimerAction } from '@mlsd/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { browserSocket, keepConnected, socketUrl } from '../../lib/browser-socket.ts';
import { PeerConnection, type PeerOutboxEntry } from '../../lib/peer/peer-connection.ts';
import { initialPeerState, peerReducer } from '../../lib/peer/peer-state.ts';
import type { ConnectionStatus } from '../../lib/reconnecting-socket.ts';
import { browserStore, loadOutbox, storedOutbox } from '../../lib/storage.ts';

/** Unsent lines are kept per room and seat link, so a reload resends them. */
const outboxKey = (roomId: string, token: string) => `peer-${roomId}-${token.slice(0, 12)}`;

/** A peer seat's live room: server state through the reducer, and the actions of either seat. */
export function usePeerRoom(roomId: string, token: string) {
  const store = useMemo(browserStore, []);
  const key = outboxKey(roomId, token);
  const [state, dispatch] = useReducer(peerReducer, undefined, () =>
    initialPeerState(loadOutbox(store, key)),
  );
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting', attempt: 0 });
  const connection = useRef<PeerConnection | null>(null);

  useEffect(() => {
    const conn = new PeerConnection({
      url: socketUrl('/ws'),
      roomId,
      token,
      createSocket: browserSocket,
      outbox: storedOutbox(store, key),
      onMessage: (message) => dispatch({ type: 'server', message, localNow: Date.now() }),
      onStatus: setStatus,
    });
    connection.current = conn;
    const disconnect = keepConnected(conn);
    return () => {
      disconnect();
      connection.current = null;
    };
  }, [roomId, token, store, key]);

  const say = useCallback((text: string, extra: Pick<PeerOutboxEntry, 'kind' | 'pointId'> = {}) => {
    const conn = connection.current;
    if (conn) dispatch({ type: 'queued', entry: conn.say(text, extra) });
  }, []);
  const retry = useCallback((entry: PeerOutboxEntry) => {
    const conn = connection.current;
    if (!conn) return;
    conn.resend(entry);
    dispatch({ type: 'queued', entry });
  }, []);
  const discard = useCallback((clientId: string) => {
    // An entry given up on stays queued (so a reload keeps it); discarding drops it for good.
    connection.current?.discard(clientId);
    dispatch({ type: 'discard', clientId });
  }, []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), []);
  const pad = useCallback((text: string) => connection.current?.pad(text) ?? false, []);
  // The server does not echo the candidate's own drawing back: what was sent is the drawing now.
  const saveDrawing = useCallback((scene: DrawingScene) => {
    const sent = connection.current?.drawing(scene) ?? false;
    if (sent)
      dispatch({
        type: 'server',
        message: { type: 'drawing_update', scene, at: Date.now() },
        localNow: Date.now(),
      });
    return sent;
  }, []);
  const timer = useCallback(
    (action: TimerAction, minutes?: number) => connection.current?.timer(action, minutes) ?? null,
    [],
  );
  const mark = useCallback(
    (pointId: string, verdict: PointVerdict | null) => connection.current?.mark(pointId, verdict) ?? false,
    [],
  );
  const rate = useCallback(
    (step: StepId, score: number | null, comment: string) =>
      connection.current?.rate(step, score, comment) ?? false,
    [],
  );
  const privateNotes = useCallback((text: string) => connection.current?.privateNotes(text) ?? false, []);
  const swap = useCallback(() => connection.current?.swap() ?? null, []);
  const reconnectNow = useCallback(() => connection.current?.retryNow(), []);

  return {
    state,
    status,
    say,
    retry,
    discard,
    dismissNotice,
    pad,
    saveDrawing,
    timer,
    mark,
    rate,
    privateNotes,
    swap,
    reconnectNow,
  };
}

export type PeerRoomApi = ReturnType<typeof usePeerRoom>;
