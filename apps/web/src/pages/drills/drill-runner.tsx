import { type DrillCardSummary, type DrillResult, MAX_DRILL_ANSWER_CHARS } from '@mlsd/protocol';
import { useState } from 'react';
import { Notice } from '../../components/notice.tsx';
import { href } from '../../lib/routes.ts';
import { STEP_TITLES } from '../../lib/step-names.ts';
import { studyApi } from '../../lib/study-api.ts';
import { useCountdown } from '../../lib/use-countdown.ts';
import { DrillResultView } from './drill-result.tsx';
import { StudyClock } from './study-clock.tsx';

type Phase = { name: 'answering' } | { name: 'scoring' } | { name: 'result'; result: DrillResult };

interface RunnerProps {
  card: DrillCardSummary;
  nextCardId: string | null;
  /** Called after a scored result (the review page moves on with it). */
  onScored?: (result: DrillResult) => void;
}

/** A card on the clock; "Try again" starts a fresh round (new clock, empty answer). */
export function DrillRunner(props: RunnerProps) {
  const [round, setRound] = useState(0);
  return <DrillRound key={round} {...props} onRetry={() => setRound((n) => n + 1)} />;
}

/**
 * One card on the clock: the question, a countdown of the card's minutes and the answer box.
 * Submitting (or the clock running out with something written) scores it on the server.
 */
function DrillRound({ card, nextCardId, onScored, onRetry }: RunnerProps & { onRetry: () => void }) {
  const [answer, setAnswer] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'answering' });
  const [problem, setProblem] = useState<string | null>(null);
  const [timeUp, setTimeUp] = useState(false);

  const submit = async (text: string) => {
    if (text.trim() === '') {
      setProblem('The answer is empty. Write when you would choose which option, and why, then submit.');
      return;
    }
    setProblem(null);
    setPhase({ name: 'scoring' });
    try {
      const result = await studyApi.attempt(card.id, text);
      setPhase({ name: 'result', result });
      onScored?.(result);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The answer could not be scored; try again.');
      setPhase({ name: 'answering' });
    }
  };

  const left = useCountdown(card.minutes * 60_000, phase.name === 'answering' && !timeUp, () => {
    setTimeUp(true);
    if (answer.trim() !== '') void submit(answer);
  });

  if (phase.name === 'result') {
    return (
      <div className="page study">
        <DrillResultView
          card={card}
          result={phase.result}
          nextCardId={nextCardId}
          embedded={Boolean(onScored)}
          onRetry={onRetry}
        />
      </div>
    );
  }
  const tooLong = answer.length > MAX_DRILL_ANSWER_CHARS;
  return (
    <div className="page study drill">
      <header className="page-head drill__head">
        <div>
          <p className="eyebrow">
            {STEP_TITLES[card.step]}
            {card.caseTitle ? ` · ${card.caseTitle}` : ''}
          </p>
          <h1>{card.title}</h1>
        </div>
        <StudyClock left={left} timeUp={timeUp} />
      </header>
      <p className="drill__question card">{card.question}</p>
      <form
        className="drill__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(answer);
        }}
      >
        <label htmlFor="drill-answer" className="drill__label">
          Your answer
        </label>
        <textarea
          id="drill-answer"
          className="drill__answer"
          value={answer}
          rows={10}
          placeholder="When would you pick each option, and why? Name the signal that decides it."
          onChange={(event) => setAnswer(event.target.value)}
          disabled={phase.name === 'scoring'}
        />
        <p className={`small ${tooLong ? 'drill__too-long' : 'muted'}`}>
          {answer.length.toLocaleString()} / {MAX_DRILL_ANSWER_CHARS.toLocaleString()} characters
          {tooLong ? ': shorten it to what you would say in a few minutes' : ''}
        </p>
        {timeUp && answer.trim() === '' && (
          <Notice tone="warn">
            Time is up and nothing was written, so there is nothing to score. Write a few sentences and submit
            when you are ready; the clock will not stop you.
          </Notice>
        )}
        {problem && <Notice tone="error">{problem}</Notice>}
        <div className="drill__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={phase.name === 'scoring' || tooLong}
          >
            {phase.name === 'scoring' ? 'Scoring…' : 'Submit answer'}
          </button>
          {!onScored && (
            <a className="button button--quiet" href={href({ name: 'drills' })}>
              All drills
            </a>
          )}
        </div>
      </form>
    </div>
  );
}
