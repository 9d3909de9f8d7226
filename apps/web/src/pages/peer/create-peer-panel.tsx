import {
  type CaseSummary,
  type CreatePeerRoomResponse,
  DURATIONS,
  type DurationMinutes,
  SESSION_LEVELS,
  type SessionLevel,
} from '@mlsd/protocol';
import { type FormEvent, useState } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { LinkReach } from '../../components/link-reach.tsx';
import { Notice } from '../../components/notice.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { sharedLink } from '../../lib/link-base.ts';
import { peerApi } from '../../lib/peer/peer-api.ts';
import {
  caseLevels,
  LEVEL_HINT,
  LEVEL_LABEL,
  loadSessionChoices,
  pickLevel,
  saveSessionChoices,
} from '../../lib/session-choices.ts';
import { browserStore } from '../../lib/storage.ts';
import { useLinkBase } from '../../lib/use-link-base.ts';
import '../../styles/peer.css';

/**
 * "Practise with a friend": a room with two links, one per seat. The case is the one picked on
 * the page, or a surprise that the candidate learns only when the interview starts.
 */
export function CreatePeerPanel({ selected }: { selected: CaseSummary | null }) {
  // Follows the case picked on the page until "surprise" is chosen.
  const [choice, setChoice] = useState<'selected' | 'surprise' | null>(null);
  const [duration, setDuration] = useState<DurationMinutes>(45);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatePeerRoomResponse | null>(null);
  const surprise = choice === 'surprise' || !selected;
  // The level chosen last time (here or for a solo interview), when the case suits it.
  const [remembered, setRemembered] = useState(() => loadSessionChoices(browserStore()).level);
  const levels = surprise || !selected ? [...SESSION_LEVELS] : caseLevels(selected.levels);
  const level = pickLevel(levels, remembered);

  function chooseLevel(next: SessionLevel) {
    setRemembered(next);
    const store = browserStore();
    saveSessionChoices(store, { ...loadSessionChoices(store), level: next });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await peerApi.create({
          ...(selected && !surprise ? { caseId: selected.id } : { surprise: true }),
          durationMinutes: duration,
          ...(level === null ? {} : { level }),
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (created) return <PeerLinks created={created} onAgain={() => setCreated(null)} />;

  return (
    <form className="start-panel__card peer-create" onSubmit={submit} aria-labelledby="peer-create-title">
      <h2 id="peer-create-title">Practise with a friend</h2>
      <p className="muted small">
        One of you interviews with the answer key, the other answers. You get two links, one per seat.
      </p>
      <fieldset className="choice-list">
        <legend>Case</legend>
        <label className={`choice${selected ? '' : ' choice--disabled'}`}>
          <input
            type="radio"
            name="peer-case"
            checked={!surprise}
            disabled={!selected}
            onChange={() => setChoice('selected')}
          />
          <span>
            <span className="choice__title">{selected ? selected.title : 'The case you pick'}</span>
            <span className="choice__hint">
              {selected ? 'The candidate sees its title in the lobby.' : 'Pick a case from the list.'}
            </span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="peer-case" checked={surprise} onChange={() => setChoice('surprise')} />
          <span>
            <span className="choice__title">Surprise me</span>
            <span className="choice__hint">A random case, hidden from the candidate until the start.</span>
          </span>
        </label>
      </fieldset>
      <label className="peer-create__length">
        <span>Room length</span>
        <select value={duration} onChange={(e) => setDuration(Number(e.target.value) as DurationMinutes)}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
      </label>
      {level !== null && (
        <div className="peer-create__level">
          <label className="peer-create__length">
            <span>Candidate level</span>
            <select
              value={level}
              onChange={(e) => chooseLevel(e.target.value as SessionLevel)}
              aria-describedby="peer-level-hint"
            >
              {levels.map((option) => (
                <option key={option} value={option}>
                  {LEVEL_LABEL[option]}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small" id="peer-level-hint">
            {LEVEL_HINT[level]}
            {surprise && ' The surprise is drawn among cases written for this level.'}
          </p>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Creating…' : 'Create a peer room'}
      </button>
    </form>
  );
}

function PeerLinks({ created, onAgain }: { created: CreatePeerRoomResponse; onAgain: () => void }) {
  const base = useLinkBase();
  const seats = [
    {
      seat: created.interviewer,
      title: 'Interviewer link',
      hint: 'Sees the answer key, the coverage and the clock.',
    },
    {
      seat: created.candidate,
      title: 'Candidate link',
      hint: 'Sees the case, the transcript and the pad. Nothing else.',
    },
  ];
  return (
    <section className="start-panel__card peer-links" aria-labelledby="peer-links-title">
      <h2 id="peer-links-title">Your peer room is ready</h2>
      <p className="muted small">
        {created.durationMinutes} min · {created.caseTitle ?? 'surprise case'} · {created.level} level. Send
        one link to your friend and open the other yourself. Each link is a key to its seat: do not post them
        publicly.
      </p>
      <LinkReach base={base} />
      {seats.map(({ seat, title, hint }) => {
        const link = sharedLink(seat.path, base);
        return (
          <div key={seat.seat} className="peer-link">
            <label className="peer-link__label" htmlFor={`link-${seat.seat}`}>
              {title}
            </label>
            <div className="peer-link__row">
              <input
                id={`link-${seat.seat}`}
                className="peer-link__url"
                readOnly
                value={link}
                onFocus={(e) => e.target.select()}
              />
              <CopyButton text={link} />
            </div>
            <p className="muted small">
              {hint}{' '}
              <a href={seat.path} className="peer-link__open">
                Open as {seat.seat}
              </a>
            </p>
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={onAgain}>
        Create another room
      </button>
    </section>
  );
}
