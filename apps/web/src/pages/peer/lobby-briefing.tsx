import type { SessionLevel } from '@mlsd/protocol';
import { useState } from 'react';
import type { PeerConsole } from '../../lib/peer/peer-state.ts';
import { judgedAtText } from '../../lib/session-choices.ts';
import { CasePrompt } from '../room/case-prompt.tsx';
import { ConsoleFacts } from './console-facts.tsx';
import { ConsoleRubric } from './console-rubric.tsx';

/**
 * The interviewer's read-through before the clock starts: the case as the candidate will see it,
 * then the answer key step by step and the facts, read only. Nothing here is sent or marked.
 */
export function LobbyBriefing({ desk, level }: { desk: PeerConsole; level: SessionLevel | undefined }) {
  const [view, setView] = useState<number | 'facts'>(0);
  const step = typeof view === 'number' ? desk.steps[view] : undefined;
  return (
    <section className="peer-briefing card" aria-labelledby="briefing-title">
      <p className="eyebrow">Before you start · only you see this</p>
      <h2 id="briefing-title">{desk.caseTitle}</h2>
      <p className="muted small">
        Take your time: the clock starts only when you press Start. The candidate sees the case brief then.
      </p>
      <p className="small peer-briefing__level">
        {judgedAtText(level)}: points expected only above it are marked as a bonus, never as missing.
      </p>
      <CasePrompt prompt={desk.prompt} />
      <fieldset className="peer-briefing__nav bare-fieldset">
        <legend className="visually-hidden">Part of the answer key</legend>
        {desk.steps.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className="console-tabs__tab"
            aria-pressed={view === i}
            onClick={() => setView(i)}
          >
            {i + 1}. {s.title}
          </button>
        ))}
        <button
          type="button"
          className="console-tabs__tab"
          aria-pressed={view === 'facts'}
          onClick={() => setView('facts')}
        >
          Facts
        </button>
      </fieldset>
      <div className="peer-briefing__panel">
        {step ? (
          <ConsoleRubric step={step} coverage={null} marks={{}} connected={false} preview />
        ) : (
          <ConsoleFacts facts={desk.facts} lastQuestion="" />
        )}
      </div>
    </section>
  );
}
