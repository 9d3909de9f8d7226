import type { DrawingScene, RoomMode } from '@mlsd/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { initialPeerState, peerReducer } from '../../lib/peer/peer-state.ts';
import type { ConnectionStatus, RoomConnection } from '../../lib/room-connection.ts';
import { initialRoomState, roomReducer } from '../../lib/room-state.ts';
import { NO_OUTBOX } from '../../lib/watch.ts';
import type { PeerRoomApi } from '../peer/use-peer-room.ts';
import { openRoom, type RoomApi } from '../room/use-room.ts';

type Inert<Api> = Omit<Api, 'state' | 'status' | 'dismissNotice' | 'reconnectNow' | 'drawing'>;

/** A seat's actions, inert: the read-only views never offer them, and the server refuses an observer's frames. */
const nothing = () => {};
export const SOLO_INERT: Inert<RoomApi> = {
  send: nothing,
  retry: nothing,
  discard: nothing,
  nextStep: () => null,
  pause: () => null,
  resume: () => null,
  end: () => null,
  saveNotes: () => false,
  saveDrawing: () => false,
};
export const PEER_INERT: Inert<PeerRoomApi> = {
  say: nothing,
  retry: nothing,
  discard: nothing,
  pad: () => false,
  saveDrawing: () => false,
  timer: () => null,
  mark: () => false,
  rate: () => false,
  privateNotes: () => false,
  swap: () => null,
};

/**
 * A watch link's live room. Which kind of room it is comes only with the snapshot, so the frames
 * after it go to that kind's reducer: the solo room's (with streamed drafts) or the peer room's.
 * Nothing is ever sent but the hello.
 */
export function useWatchRoom(roomId: string, token: string) {
  const [solo, soloDispatch] = useReducer(roomReducer, undefined, () => initialRoomState());
  const [peer, peerDispatch] = useReducer(peerReducer, undefined, () => initialPeerState());
  const [mode, setMode] = useState<RoomMode | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting', attempt: 0 });
  const [drawing, setDrawing] = useState<DrawingScene | null>(null);
  const connection = useRef<RoomConnection | null>(null);

  useEffect(() => {
    let current: RoomMode | null = null;
    const room = openRoom({
      roomId,
      token,
      outbox: NO_OUTBOX,
      onDeltas: (deltas) => soloDispatch({ type: 'deltas', deltas }),
      onServer: (message) => {
        if (message.type === 'snapshot') {
          current = message.room.mode;
          setMode(current);
          setDrawing(message.drawing ?? null);
        }
        if (message.type === 'drawing_update') setDrawing(message.scene);
        const action = { type: 'server', message, localNow: Date.now() } as const;
        if (current === 'peer') peerDispatch(action);
        else soloDispatch(action);
      },
      onStatus: setStatus,
    });
    connection.current = room.connection;
    return () => {
      room.close();
      connection.current = null;
    };
  }, [roomId, token]);

  const dismissNotice = useCallback(() => {
    soloDispatch({ type: 'dismiss-notice' });
    peerDispatch({ type: 'dismiss-notice' });
  }, []);
  const reconnectNow = useCallback(() => connection.current?.retryNow(), []);
  const soloApi = useMemo(
    (): RoomApi => ({ state: solo, status, dismissNotice, reconnectNow, drawing, ...SOLO_INERT }),
    [solo, status, dismissNotice, reconnectNow, drawing],
  );
  const peerApi = useMemo(
    (): PeerRoomApi => ({ state: peer, status, dismissNotice, reconnectNow, ...PEER_INERT }),
    [peer, status, dismissNotice, reconnectNow],
  );
  return { mode, status, solo: soloApi, peer: peerApi };
}
