import { type SessionSummary, STEP_IDS } from '@mlsd/protocol';
import { stepsReached } from '../../lib/history-stats.ts';
import { formatDate, scoreBand } from '../../lib/labels.ts';
import { href } from '../../lib/routes.ts';
import { levelTag } from '../../lib/session-choices.ts';
import { browserStore, listSessionKeys } from '../../lib/storage.ts';

/** Past sessions, newest first; reports open only where this browser holds the session's key. */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const keys = listSessionKeys(browserStore());
  const ordered = [...sessions].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="card session-list" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Past interviews</h2>
      {ordered.length === 0 ? (
        <p className="empty">
          No interviews yet. <a href="#/">Start your first one</a>.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Case</th>
              <th scope="col">Length</th>
              <th scope="col">Level</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((s) => (
              <tr key={s.id}>
                <td>{formatDate(s.createdAt)}</td>
                <td>{s.caseTitle}</td>
                <td>{s.durationMinutes} min</td>
                <td className="session-list__level">{levelTag(s)}</td>
                <td className="num">
                  {s.overall === null ? (
                    <span className="muted">{s.status === 'active' ? 'in progress' : '–'}</span>
                  ) : (
                    <>
                      <span className={`score-pill score-pill--${scoreBand(s.overall)}`}>
                        {Math.round(s.overall)}
                      </span>
                      <ReachedSteps session={s} />
                    </>
                  )}
                </td>
                <td className="session-list__action">
                  <SessionAction session={s} hasKey={Boolean(keys[s.id])} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "3 of 7 steps" under the score of an interview that ended early: history averages only those. */
function ReachedSteps({ session }: { session: SessionSummary }) {
  const reached = stepsReached(session);
  if (reached === null || reached >= STEP_IDS.length) return null;
  return (
    <span className="session-list__reach" title="Unreached steps are not averaged">
      {reached} of {STEP_IDS.length} steps reached
    </span>
  );
}

function SessionAction({ session, hasKey }: { session: SessionSummary; hasKey: boolean }) {
  if (!hasKey) return <span className="muted small">started in another browser</span>;
  if (session.status === 'active') {
    return <a href={href({ name: 'room', sessionId: session.id })}>Resume</a>;
  }
  if (!session.reportId) return <span className="muted small">no report</span>;
  return <a href={href({ name: 'report', sessionId: session.id })}>Open report</a>;
}
