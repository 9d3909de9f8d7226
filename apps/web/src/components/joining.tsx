import type { ConnectionStatus } from '../lib/reconnecting-socket.ts';
import { Loading } from './loading.tsx';

/** A room before its first snapshot: joining, or waiting to retry when the server is not reachable. */
export function Joining({ status, label }: { status: ConnectionStatus; label: string }) {
  return (
    <div className="room room--loading">
      <Loading label={status.kind === 'waiting' ? 'Cannot reach the server yet; retrying…' : label} />
    </div>
  );
}
