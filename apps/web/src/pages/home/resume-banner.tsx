import { api } from '../../lib/api.ts';
import { href } from '../../lib/routes.ts';
import { browserStore, listSessionKeys } from '../../lib/storage.ts';
import { useAsync } from '../../lib/use-async.ts';

/** Offers to go back to an interview this browser started and has not finished. */
export function ResumeBanner() {
  const sessions = useAsync(api.sessions, []);
  if (sessions.status !== 'ok') return null;
  const keys = listSessionKeys(browserStore());
  const open = sessions.value
    .filter((s) => s.status === 'active' && keys[s.id])
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!open) return null;
  return (
    <div className="resume-banner" role="status">
      <span>
        You have an interview in progress: <strong>{open.caseTitle}</strong>
      </span>
      <a className="button button--small" href={href({ name: 'room', sessionId: open.id })}>
        Resume
      </a>
    </div>
  );
}
