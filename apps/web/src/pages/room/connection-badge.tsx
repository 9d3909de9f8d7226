import type { ConnectionStatus } from '../../lib/room-connection.ts';

export function ConnectionBadge({
  status,
  now,
  onRetry,
}: {
  status: ConnectionStatus;
  now: number;
  onRetry: () => void;
}) {
  const { tone, label } = describe(status, now);
  return (
    <div className={`connection connection--${tone}`} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span>{label}</span>
      {status.kind === 'waiting' && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

function describe(status: ConnectionStatus, now: number): { tone: 'ok' | 'busy' | 'down'; label: string } {
  switch (status.kind) {
    case 'open':
      return { tone: 'ok', label: 'Connected' };
    case 'connecting':
      return { tone: 'busy', label: status.attempt === 0 ? 'Connecting…' : 'Reconnecting…' };
    case 'waiting':
      return {
        tone: 'down',
        label: `Offline · retry in ${Math.max(1, Math.ceil((status.retryAt - now) / 1000))} s`,
      };
    case 'failed':
      return { tone: 'down', label: 'Refused' };
    case 'stopped':
      return { tone: 'busy', label: 'Closed' };
  }
}
