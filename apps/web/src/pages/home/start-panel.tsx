import {
  type CaseSummary,
  DURATIONS,
  type DurationMinutes,
  type HealthResponse,
  type InterviewerKind,
} from '@mlsd/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { Notice } from '../../components/notice.tsx';

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
  onStart: (duration: DurationMinutes, interviewer: InterviewerKind) => void;
}) {
  const [duration, setDuration] = useState<DurationMinutes>(45);
  const [interviewer, setInterviewer] = useState<InterviewerKind>('offline');
  const llmReady = health !== null && modelReady(health);
  const llmReason = health ? health.llm.detail : 'Checking whether a language model is configured…';

  // The server says which interviewer new sessions get by default; follow it when it can be used.
  useEffect(() => {
    if (health?.interviewer === 'llm' && modelReady(health)) setInterviewer('llm');
  }, [health]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart(duration, llmReady ? interviewer : 'offline');
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
      </form>
    </aside>
  );
}
