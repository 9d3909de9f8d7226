import { type FormEvent, Fragment, type ReactNode, useEffect, useId, useState } from 'react';
import { lockAccess, unlockAccess, useAccessGate } from '../lib/access-gate.ts';
import { ApiRequestError, api } from '../lib/api.ts';
import { errorMessage } from '../lib/errors.ts';
import { loadAccessKey, saveAccessKey } from '../lib/owner.ts';
import { browserStore } from '../lib/storage.ts';

/**
 * Shows its page, or the passphrase form while the server wants one. Only pages that create or
 * list sessions sit behind it; a seat link or a shared report never does. Unlocking remounts the
 * page so everything it had failed to load loads again.
 */
export function AccessGuard({ children }: { children: ReactNode }) {
  const gate = useAccessGate();

  // A locked server says so in its health; asking first spares a page of refused requests.
  useEffect(() => {
    if (loadAccessKey(browserStore()) !== null) return;
    let live = true;
    api.health().then(
      (health) =>
        live && health.access === 'key' && loadAccessKey(browserStore()) === null && lockAccess(null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (gate.locked) return <AccessGate refusal={gate.message} />;
  return <Fragment key={gate.generation}>{children}</Fragment>;
}

function AccessGate({ refusal }: { refusal: string | null }) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  async function unlock(event: FormEvent) {
    event.preventDefault();
    if (!value || busy) return;
    saveAccessKey(browserStore(), value);
    setBusy(true);
    setError(null);
    try {
      await api.checkAccess();
      unlockAccess();
    } catch (caught) {
      // A refused passphrase comes back through the gate's own state (the server's words).
      if (!(caught instanceof ApiRequestError && caught.needsAccessKey)) setError(errorMessage(caught));
      setBusy(false);
    }
  }

  const shown = error ?? refusal;
  return (
    <section className="error-page access-gate" aria-labelledby="access-title">
      <form className="error-page__card" onSubmit={unlock}>
        <h1 id="access-title">Passphrase needed</h1>
        <p>This server asks for its access passphrase. Ask whoever runs it.</p>
        <div className="access-gate__row">
          <label className="visually-hidden" htmlFor={inputId}>
            Access passphrase
          </label>
          <input
            id={inputId}
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            disabled={busy}
            // biome-ignore lint/a11y/noAutofocus: the form is the whole page; typing is the only thing to do
            autoFocus
          />
          <button type="submit" className="button button--primary" disabled={!value || busy}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
        </div>
        {shown && (
          <p className="access-gate__error" role="alert">
            {shown}
          </p>
        )}
        <p className="muted small">
          It is kept in this browser, so you are asked once. Links to an interview seat or a shared report
          open without it.
        </p>
      </form>
    </section>
  );
}
