import type { SeatView } from '@mlsd/protocol';
import { InviteObserver } from '../../components/invite-observer.tsx';
import type { ConnectionStatus } from '../../lib/room-connection.ts';
import { ConnectionBadge } from './connection-badge.tsx';
import { type SideDrawer, SideDrawerToggle } from './side-drawer.tsx';

/** Who may invite from here: a seat's token and the views it may share; null for none (an observer, the end). */
export type InviteFrom = { roomId: string; token: string; views?: readonly SeatView[] } | null;

/** The end of a room's top bar: "N watching", the invite (for a seat), the connection and the side drawer's button. */
export function RoomTools({
  observers,
  invite,
  status,
  now,
  onRetry,
  drawer,
}: {
  observers: number;
  invite: InviteFrom;
  status: ConnectionStatus;
  now: number;
  onRetry: () => void;
  drawer: SideDrawer;
}) {
  return (
    <div className="room__tools">
      {observers > 0 && (
        <span className="badge" title="People watching this interview through a read-only link.">
          {observers} watching
        </span>
      )}
      {invite && <InviteObserver roomId={invite.roomId} token={invite.token} views={invite.views} />}
      <ConnectionBadge status={status} now={now} onRetry={onRetry} />
      <SideDrawerToggle drawer={drawer} />
    </div>
  );
}
