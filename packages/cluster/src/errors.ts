/** What can go wrong between instances; one closed set of codes, like the other layers' errors. */
export type ClusterErrorCode =
  | 'NO_OWNER' // no live instance holds the room's lease
  | 'NOT_OWNER' // the instance a command reached no longer runs the room
  | 'TIMEOUT' // the owner did not answer in time
  | 'FANOUT_GAP' // events were missed and nothing could fill them in
  | 'LEASE_LOST' // this instance's lease expired or was taken
  | 'CLOSED'; // the component was closed

export class ClusterError extends Error {
  override readonly name = 'ClusterError';
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
  ) {
    super(message);
  }
}
