import type { SeatView } from '@mlsd/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../lib/api.ts';
import { errorMessage } from '../lib/errors.ts';
import { sharedLink } from '../lib/link-base.ts';
import { useLinkBase } from '../lib/use-link-base.ts';
import { CopyButton } from './copy-button.tsx';
import { LinkReach } from './link-reach.tsx';

const CHOICES: Record<SeatView, { label: string; sees: string }> = {
  candidate: {
    label: 'Share candidate screen',
    sees: "They see the candidate's screen live: the case, the clock, the transcript and the notes pad.",
  },
  interviewer: {
    label: 'Share console',
    sees: 'They see your console live: the answer key, the coverage, your marks, ratings and notes.',
  },
};

/**
 * "Invite an observer": makes a read-only watch link with this seat's token and shows it to copy.
 * A seat offers the views it may share (a peer interviewer: the candidate's screen or the console).
 * A link is made once per view and kept while the page is open (a room has at most 20).
 */
export function InviteObserver({
  roomId,
  token,
  views = ['candidate'],
}: {
  roomId: string;
  token: string;
  views?: readonly SeatView[];
}) {
  const [open, setOpen] = useState(false);
  const base = useLinkBase();
  const [view, setView] = useState<SeatView | null>(views.length === 1 ? (views[0] ?? null) : null);
  const [links, setLinks] = useState<Partial<Record<SeatView, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Escape or a click elsewhere closes the panel; Escape gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggleButton.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  async function make(wanted: SeatView) {
    setView(wanted);
    setError(null);
    if (links[wanted] || busy) return;
    setBusy(true);
    try {
      const link = await api.observerLink(roomId, token, wanted);
      setLinks((all) => ({ ...all, [wanted]: sharedLink(link.path, base) }));
    } catch (caught) {
      const why = errorMessage(caught);
      setError(`Could not make a watch link: ${why}${/[.!?]$/.test(why) ? '' : '.'}`);
    } finally {
      setBusy(false);
    }
  }

  function toggle() {
    setOpen(!open);
    const only = views.length === 1 ? views[0] : undefined;
    if (!open && only && !links[only]) void make(only);
  }

  const url = view ? links[view] : undefined;
  return (
    <div className="invite" ref={root}>
      <button
        ref={toggleButton}
        type="button"
        className="button button--small invite__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        Invite an observer
      </button>
      {open && (
        <section id={panelId} className="invite__panel" aria-label="Invite an observer">
          <p className="invite__lede">
            Anyone with the link watches live, read only: they cannot type or change anything.
          </p>
          {views.length > 1 && (
            <div className="invite__choices">
              {views.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  className="button button--small"
                  aria-pressed={view === choice}
                  disabled={busy}
                  onClick={() => void make(choice)}
                >
                  {CHOICES[choice].label}
                </button>
              ))}
            </div>
          )}
          {view && <p className="muted small invite__sees">{CHOICES[view].sees}</p>}
          {busy && (
            <p className="muted small" role="status">
              Making a link…
            </p>
          )}
          {error && (
            <p className="invite__error" role="alert">
              {error}
            </p>
          )}
          {url && (
            <div className="peer-link__row">
              <input
                className="peer-link__url"
                readOnly
                value={url}
                aria-label="Watch link"
                onFocus={(e) => e.target.select()}
              />
              <CopyButton text={url} label="Copy link" />
            </div>
          )}
          {url && <LinkReach base={base} />}
        </section>
      )}
    </div>
  );
}
