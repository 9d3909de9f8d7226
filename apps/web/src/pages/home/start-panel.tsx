import {
  type CaseSummary,
  DURATIONS,
  type DurationMinutes,
  type HealthResponse,
  type InterviewerKind,
  type Persona,
  type SessionLevel,
} from '@mlsd/protocol';
import { type CSSProperties, type FormEvent, useEffect, useMemo, useState } from 'react';
import { Notice } from '../../components/notice.tsx';
import { href } from '../../lib/routes.ts';
import {
  caseLevels,
  LEVEL_HINT,
  LEVEL_LABEL,
  loadSessionChoices,
  PERSONA_HINT,
  PERSONA_LABEL,
  PERSONAS,
  pickLevel,
  saveSessionChoices,
} from '../../lib/session-choices.ts';
import { browserStore } from '../../lib/storage.ts';

/** What the start panel asks the server for. */
export interface StartChoices {
  durationMinutes: DurationMinutes;
  interviewer: InterviewerKind;
  /** Null when the case lists no level this app knows: the server then picks its default. */
  level: SessionLevel | null;
  persona: Persona;
}

/** The model can be chosen: the endpoint answers and serves the model (older servers: configured and answering). */
function modelReady(health: HealthResponse): boolean {
  return health.llm.ready ?? (health.llm.configured && health.llm.reachable);
}

export function StartPanel({
  selected,
  health,
  busy,
  error,
  onStart,
}: {
  selected: CaseSummary | null;
  health: HealthResponse | null;
  busy: boolean;
  error: string | null;
  onStart: (choices: StartChoices) => void;
}) {
  const [duration, setDuration] = useState<DurationMinutes>(45);
  const [interviewer, setInterviewer] = useState<InterviewerKind>('offline');
  // The level and persona chosen last time are preselected; a level the case does not list is not.
  const [choices, setChoices] = useState(() => loadSessionChoices(browserStore()));
  const levels = useMemo(() => caseLevels(selected?.levels ?? []), [selected]);
  const level = pickLevel(levels, choices.level);
  const llmReady = health !== null && modelReady(health);
  const llmReason = health ? health.llm.detail : 'Checking whether a language model is configured…';

  // The server says which interviewer new sessions get by default; follow it when it can be used.
  useEffect(() => {
    if (health?.interviewer === 'llm' && modelReady(health)) setInterviewer('llm');
  }, [health]);

  function remember(change: Partial<typeof choices>) {
    const next = { ...choices, ...change };
    setChoices(next);
    saveSessionChoices(browserStore(), next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart({
      durationMinutes: duration,
      interviewer: llmReady ? interviewer : 'offline',
      level,
      persona: choices.persona,
    });
  }

  return (
    <aside className="start-panel" aria-labelledby="start-title">
      <form onSubmit={submit} className="start-panel__card">
        <h2 id="start-title">Start an interview</h2>
        <div className="start-panel__case" aria-live="polite">
          {selected ? (
            <>
              <span className="start-panel__eyebrow">Case</span>
              <strong>{selected.title}</strong>
            </>
          ) : (
            <span className="muted">Pick a case from the list.</span>
          )}
        </div>

        <fieldset className="segmented">
          <legend>Length</legend>
          <div className="segmented__options">
            {DURATIONS.map((minutes) => (
              <label key={minutes} className="segmented__option">
                <input
                  type="radio"
                  name="duration"
                  value={minutes}
                  checked={duration === minutes}
                  onChange={() => setDuration(minutes)}
                />
                <span>{minutes} min</span>
              </label>
            ))}
          </div>
        </fieldset>

        {levels.length > 0 && level !== null && (
          <fieldset className="segmented" aria-describedby="level-hint">
            <legend>Judged at level</legend>
            <div className="segmented__options" style={{ '--segments': levels.length } as CSSProperties}>
              {levels.map((option) => (
                <label key={option} className="segmented__option">
                  <input
                    type="radio"
                    name="level"
                    value={option}
                    checked={level === option}
                    onChange={() => remember({ level: option })}
                  />
                  <span>{LEVEL_LABEL[option]}</span>
                </label>
              ))}
            </div>
            <p className="segmented__hint" id="level-hint" aria-live="polite">
              {LEVEL_HINT[level]}
            </p>
          </fieldset>
        )}

        <fieldset className="choice-list choice-list--compact">
          <legend>Interviewer manner</legend>
          {PERSONAS.map((persona) => (
            <label key={persona} className="choice">
              <input
                type="radio"
                name="persona"
                value={persona}
                checked={choices.persona === persona}
                onChange={() => remember({ persona })}
              />
              <span>
                <span className="choice__title">{PERSONA_LABEL[persona]}</span>
                <span className="choice__hint">{PERSONA_HINT[persona]}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="choice-list">
          <legend>Interviewer</legend>
          <label className="choice">
            <input
              type="radio"
              name="interviewer"
              value="offline"
              checked={interviewer === 'offline' || !llmReady}
              onChange={() => setInterviewer('offline')}
            />
            <span>
              <span className="choice__title">Offline</span>
              <span className="choice__hint">Rubric-driven, deterministic, always available.</span>
            </span>
          </label>
          <label className={`choice${llmReady ? '' : ' choice--disabled'}`}>
            <input
              type="radio"
              name="interviewer"
              value="llm"
              disabled={!llmReady}
              checked={llmReady && interviewer === 'llm'}
              onChange={() => setInterviewer('llm')}
              aria-describedby="llm-reason"
            />
            <span>
              <span className="choice__title">Language model</span>
              <span className="choice__hint" id="llm-reason">
                {llmReady
                  ? `Words its own questions; steps and time stay the same. ${llmReason}.`
                  : llmReason}
              </span>
            </span>
          </label>
        </fieldset>

        {error && <Notice tone="error">{error}</Notice>}

        <button type="submit" className="button button--primary button--block" disabled={!selected || busy}>
          {busy ? 'Starting…' : 'Start interview'}
        </button>
        <p className="start-panel__foot">
          Seven steps, from requirements to monitoring. The clock is per step; you can move on early.
        </p>
        {selected && (
          <p className="start-panel__foot">
            Or study it first:{' '}
            <a href={href({ name: 'draw', caseId: selected.id })}>draw its architecture from memory</a>
            {' · '}
            <a href={href({ name: 'drills' })}>trade-off drills</a>
          </p>
        )}
      </form>
    </aside>
  );
}
