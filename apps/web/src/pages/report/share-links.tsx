import type { ReportShare } from '@mlsd/protocol';
import { useRef, useState } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { LinkReach } from '../../components/link-reach.tsx';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { sharedLink } from '../../lib/link-base.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useLinkBase } from '../../lib/use-link-base.ts';
import '../../styles/peer.css';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Read-only links to this report, made with the seat token this browser kept. The server returns a
 * link's token once, so the new link is shown here once; the list names links by when they were made.
 */
export function ShareLinks({ sessionId, token }: { sessionId: string; token: string }) {
  const shares = useAsync(() => api.shares(sessionId, token), [sessionId, token]);
  const [made, setMade] = useState<string | null>(null);
  const base = useLinkBase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
      shares.reload();
    }
  }

  const make = () =>
    run(async () => {
      const created = await api.createShare(sessionId, token);
      setMade(sharedLink(created.path, base));
    });
  const revoke = (share: ReportShare) =>
    run(async () => {
      await api.revokeShare(sessionId, token, share.id);
    });

  // The list reloads after each change; keep showing the last one meanwhile instead of flickering.
  const last = useRef<ReportShare[]>([]);
  if (shares.status === 'ok') last.current = shares.value;
  const list = last.current;
  return (
    <section className="share-links card" aria-labelledby="share-title">
      <div className="share-links__head">
        <div>
          <h2 id="share-title">Read-only links</h2>
          <p className="muted small">
            Anyone with a link reads this report and its transcript. They cannot resume or change anything,
            and you can revoke a link at any time.
          </p>
        </div>
        <button type="button" className="button button--small" onClick={make} disabled={busy}>
          Share read-only link
        </button>
      </div>
      {error && (
        <p className="share-links__error" role="alert">
          {error}
        </p>
      )}
      {made && (
        <div className="peer-link">
          <div className="peer-link__row">
            <input
              className="peer-link__url"
              readOnly
              value={made}
              aria-label="Read-only link"
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={made} label="Copy link" />
          </div>
          <p className="muted small">Copy it now, it is shown once.</p>
          <LinkReach base={base} />
        </div>
      )}
      {shares.status === 'error' && (
        <p className="muted small">Could not list this report's links. {errorMessage(shares.error)}</p>
      )}
      {list.length > 0 && (
        <ul className="share-links__list" aria-label="Links made">
          {[...list]
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((share) => (
              <li key={share.id} className="share-links__item">
                <span>Made {when(share.createdAt)}</span>
                {share.revokedAt === null ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => revoke(share)}
                    disabled={busy}
                    aria-label={`Revoke the link made ${when(share.createdAt)}`}
                  >
                    Revoke
                  </button>
                ) : (
                  <span className="muted">revoked</span>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
