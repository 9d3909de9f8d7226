import type { TurnDeltaMessage } from '@mlsd/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { FrameBatcher } from '../../lib/frame-batcher.ts';
import { type ConnectionStatus, RoomConnection, type SocketLike } from '../../lib/room-connection.ts';
import { initialRoomState, type LocalMessage, roomReducer } from '../../lib/room-state.ts';
import { browserStore, loadOutbox, storedOutbox } from '../../lib/storage.ts';

function socketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws`;
}

/** The live room: server state folded through the reducer, plus the actions a candidate can take. */
export function useRoom(sessionId: string, token: string) {
  const store = useMemo(browserStore, []);
  const [state, dispatch] = useReducer(roomReducer, undefined, () =>
    initialRoomState(loadOutbox(store, sessionId)),
  );
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting', attempt: 0 });
  const connection = useRef<RoomConnection | null>(null);

  useEffect(() => {
    // Streamed pieces render at most once per animation frame; any other message first flushes
    // them, so the committed turn always lands after its draft.
    const deltas = new FrameBatcher<TurnDeltaMessage>((items) => dispatch({ type: 'deltas', deltas: items }));
    const conn = new RoomConnection({
      url: socketUrl(),
      sessionId,
      token,
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      outbox: storedOutbox(store, sessionId),
      onMessage: (message) => {
        if (message.type === 'turn_delta') {
          deltas.push(message);
          return;
        }
        deltas.flush();
        dispatch({ type: 'server', message, localNow: Date.now() });
      },
      onStatus: setStatus,
    });
    connection.current = conn;
    conn.start();
    const retry = () => conn.retryNow();
    const onVisible = () => document.visibilityState === 'visible' && conn.retryNow();
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      conn.stop();
      deltas.dispose();
      connection.current = null;
    };
  }, [sessionId, token, store]);

  const send = useCallback((text: string) => {
    const conn = connection.current;
    if (!conn) return;
    dispatch({ type: 'queued', entry: conn.sendAnswer(text) });
  }, []);

  const retry = useCallback((message: LocalMessage) => {
    const conn = connection.current;
    if (!conn) return;
    const entry = { clientId: message.clientId, text: message.text, createdAt: message.createdAt };
    conn.resend(entry);
    dispatch({ type: 'queued', entry });
  }, []);

  const discard = useCallback((clientId: string) => dispatch({ type: 'discard', clientId }), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), []);
  const nextStep = useCallback(() => connection.current?.sendControl('next_step') ?? null, []);
  const end = useCallback(() => connection.current?.sendControl('end') ?? null, []);
  const saveNotes = useCallback((text: string) => connection.current?.sendNotes(text) ?? false, []);
  const reconnectNow = useCallback(() => connection.current?.retryNow(), []);

  return { state, status, send, retry, discard, dismissNotice, nextStep, end, saveNotes, reconnectNow };
}

export type RoomApi = ReturnType<typeof useRoom>;
