import type { DrawingScene, ServerMessage, TurnDeltaMessage } from '@mlsd/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { browserSocket, keepConnected, socketUrl } from '../../lib/browser-socket.ts';
import { FrameBatcher } from '../../lib/frame-batcher.ts';
import { type ConnectionStatus, RoomConnection } from '../../lib/room-connection.ts';
import { initialRoomState, type LocalMessage, roomReducer } from '../../lib/room-state.ts';
import { browserStore, loadOutbox, type Outbox, storedOutbox } from '../../lib/storage.ts';

/**
 * Opens a live room connection that stays up (online, visible tab) until closed. Streamed pieces
 * reach `onDeltas` at most once per animation frame; any other frame first flushes them, so a
 * committed turn always lands after its draft.
 */
export function openRoom(options: {
  roomId: string;
  token: string;
  outbox: Outbox;
  onDeltas: (deltas: TurnDeltaMessage[]) => void;
  onServer: (message: ServerMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
}): { connection: RoomConnection; close: () => void } {
  const deltas = new FrameBatcher<TurnDeltaMessage>(options.onDeltas);
  const connection = new RoomConnection({
    url: socketUrl('/ws'),
    sessionId: options.roomId,
    token: options.token,
    createSocket: browserSocket,
    outbox: options.outbox,
    onMessage: (message) => {
      if (message.type === 'turn_delta') {
        deltas.push(message);
        return;
      }
      deltas.flush();
      options.onServer(message);
    },
    onStatus: options.onStatus,
  });
  const disconnect = keepConnected(connection);
  return {
    connection,
    close: () => {
      disconnect();
      deltas.dispose();
    },
  };
}

/** The live room: server state folded through the reducer, plus the actions a candidate can take. */
export function useRoom(sessionId: string, token: string) {
  const store = useMemo(browserStore, []);
  const [state, dispatch] = useReducer(roomReducer, undefined, () =>
    initialRoomState(loadOutbox(store, sessionId)),
  );
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting', attempt: 0 });
  // Kept beside the reducer: only the whiteboard reads it.
  const [drawing, setDrawing] = useState<DrawingScene | null>(null);
  const connection = useRef<RoomConnection | null>(null);

  useEffect(() => {
    const room = openRoom({
      roomId: sessionId,
      token,
      outbox: storedOutbox(store, sessionId),
      onDeltas: (deltas) => dispatch({ type: 'deltas', deltas }),
      onServer: (message) => {
        if (message.type === 'snapshot') setDrawing(message.drawing ?? null);
        if (message.type === 'drawing_update') setDrawing(message.scene);
        dispatch({ type: 'server', message, localNow: Date.now() });
      },
      onStatus: setStatus,
    });
    connection.current = room.connection;
    return () => {
      room.close();
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

  const discard = useCallback((clientId: string) => {
    // An entry given up on stays queued (so a reload keeps it); discarding drops it for good.
    connection.current?.discard(clientId);
    dispatch({ type: 'discard', clientId });
  }, []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), []);
  const nextStep = useCallback(() => connection.current?.sendControl('next_step') ?? null, []);
  const pause = useCallback(() => connection.current?.sendControl('pause') ?? null, []);
  const resume = useCallback(() => connection.current?.sendControl('resume') ?? null, []);
  const end = useCallback(() => connection.current?.sendControl('end') ?? null, []);
  const saveNotes = useCallback((text: string) => connection.current?.sendNotes(text) ?? false, []);
  const saveDrawing = useCallback((scene: DrawingScene) => {
    // The server does not echo a candidate's own drawing back; what was sent is the drawing now.
    const sent = connection.current?.sendDrawing(scene) ?? false;
    if (sent) setDrawing(scene);
    return sent;
  }, []);
  const reconnectNow = useCallback(() => connection.current?.retryNow(), []);

  return {
    state,
    status,
    send,
    retry,
    discard,
    dismissNotice,
    nextStep,
    pause,
    resume,
    end,
    saveNotes,
    drawing,
    saveDrawing,
    reconnectNow,
  };
}

export type RoomApi = ReturnType<typeof useRoom>;
