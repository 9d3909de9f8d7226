import type { AutoPoint, ConsolePoint, ConsoleStep, PeerCoverage, PointVerdict } from '@mlsd/protocol';

const WEIGHT_LABEL: Record<number, string> = { 3: 'essential', 2: 'expected', 1: 'nice to have' };
const AUTO_LABEL = { missed: 'not yet', mentioned: 'mentioned', explained: 'explained' } as const;
/** Shown on a point the room's level does not expect: raising it earns a bonus, leaving it out costs nothing. */
const BONUS_LABEL = 'above level: bonus';

/** What a click on "Ask" or "Throw" puts in the message box. */
export interface Prompt {
  text: string;
  kind: 'probe' | 'curveball' | 'opening';
  pointId?: string;
}

/** Whether the interviewer's verdict contradicts the matcher's. */
export function disagrees(auto: AutoPoint | undefined, human: PointVerdict | undefined): boolean {
  if (!human) return false;
  return (human === 'covered') !== (auto !== undefined && auto.level !== 'missed');
}

/**
 * One step of the answer key: the opening to read out, suggested probes, twists and red flags,
 * then every talking point with the live automatic verdict and the interviewer's own. Without
 * `onMark` the verdicts are shown but cannot change; without `onPrompt` there is nothing to ask
 * with (an observer of the console). `preview` (before the interview) leaves out every verdict.
 */
export function ConsoleRubric({
  step,
  coverage,
  marks,
  connected,
  onMark,
  onPrompt,
  preview = false,
}: {
  step: ConsoleStep;
  coverage: PeerCoverage | null;
  marks: Record<string, PointVerdict>;
  connected: boolean;
  onMark?: (pointId: string, verdict: PointVerdict | null) => void;
  onPrompt?: (prompt: Prompt) => void;
  preview?: boolean;
}) {
  const auto = (id: string) => coverage?.points[id];
  const covered = (point: ConsolePoint) => {
    const human = marks[point.id];
    return human ? human === 'covered' : (auto(point.id)?.level ?? 'missed') !== 'missed';
  };
  // Points above the room's level are never suggested and never count as missing.
  const expected = step.points.filter((point) => !point.bonus);
  const probes = expected
    .filter((point) => !covered(point))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  const done = expected.filter(covered).length;
  const bonus = step.points.filter((point) => point.bonus && covered(point)).length;
  return (
    <div className="console-rubric">
      <section className="console-block" aria-label="Opening question">
        <h3 className="console-block__title">Open with</h3>
        <p className="console-quote">{step.opening}</p>
        {onPrompt && (
          <button
            type="button"
            className="link-button"
            onClick={() => onPrompt({ text: step.opening, kind: 'opening' })}
          >
            Put in the message box
          </button>
        )}
        <p className="muted small">{step.purpose}</p>
      </section>

      <section className="console-block" aria-label="Talking points">
        <h3 className="console-block__title">
          Talking points{' '}
          {!preview && (
            <span className="muted small">
              {done} of {expected.length} covered{bonus > 0 && ` · +${bonus} above level`}
            </span>
          )}
        </h3>
        <ul className="cpoint-list">
          {step.points.map((point) => (
            <PointRow
              key={point.id}
              point={point}
              auto={auto(point.id)}
              human={marks[point.id]}
              connected={connected}
              onMark={onMark}
              preview={preview}
            />
          ))}
        </ul>
      </section>
      <section className="console-block" aria-label="Suggested probes">
        <h3 className="console-block__title">Suggested probes</h3>
        {probes.length === 0 ? (
          <p className="muted small">Every point of this step is covered.</p>
        ) : (
          <ul className="console-list">
            {probes.map((point) => (
              <li key={point.id}>
                <span>{point.probe}</span>
                {onPrompt && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onPrompt({ text: point.probe, kind: 'probe', pointId: point.id })}
                  >
                    Ask
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {step.curveballs.length > 0 && (
          <>
            <h3 className="console-block__title">Twist to throw</h3>
            <ul className="console-list">
              {step.curveballs.map((ball) => (
                <li key={ball.id}>
                  <span>
                    {ball.text} <span className="muted small">Good reaction: {ball.expects}</span>
                  </span>
                  {onPrompt && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onPrompt({ text: ball.text, kind: 'curveball' })}
                    >
                      Throw
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {step.redFlags.length > 0 && (
          <>
            <h3 className="console-block__title">Listen for these mistakes</h3>
            <ul className="console-list console-list--plain">
              {step.redFlags.map((flag) => (
                <li key={flag.id}>
                  <strong>{flag.title}.</strong> <span className="muted small">{flag.why}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function PointRow({
  point,
  auto,
  human,
  connected,
  onMark,
  preview,
}: {
  point: ConsolePoint;
  auto: AutoPoint | undefined;
  human: PointVerdict | undefined;
  connected: boolean;
  onMark: ((pointId: string, verdict: PointVerdict | null) => void) | undefined;
  preview: boolean;
}) {
  const level = auto?.level ?? 'missed';
  const conflict = disagrees(auto, human);
  const autoText = point.bonus && level === 'missed' ? 'not expected at this level' : AUTO_LABEL[level];
  const toggle = (verdict: PointVerdict) => onMark?.(point.id, human === verdict ? null : verdict);
  const locked = !connected || !onMark;
  return (
    <li
      className={`cpoint cpoint--${level}${point.bonus ? ' cpoint--bonus' : ''}${human ? ` cpoint--human-${human}` : ''}${conflict ? ' cpoint--conflict' : ''}`}
    >
      <div className="cpoint__head">
        <span className="cpoint__title">{point.title}</span>
        {point.bonus ? (
          <span className="cpoint__weight cpoint__weight--bonus">{BONUS_LABEL}</span>
        ) : (
          <span className={`cpoint__weight cpoint__weight--${point.weight}`}>
            {WEIGHT_LABEL[point.weight]}
          </span>
        )}
      </div>
      {!preview && (
        <div className="cpoint__status">
          <span className={`cpoint__auto cpoint__auto--${level}`}>Auto: {autoText}</span>
          {conflict && <span className="cpoint__conflict">you disagree</span>}
          <fieldset className="cpoint__actions bare-fieldset">
            <legend className="visually-hidden">Your verdict on {point.title}</legend>
            <button
              type="button"
              className="chip chip--yes"
              aria-pressed={human === 'covered'}
              disabled={locked}
              onClick={() => toggle('covered')}
            >
              ✓ Covered
            </button>
            <button
              type="button"
              className="chip chip--no"
              aria-pressed={human === 'missed'}
              disabled={locked}
              onClick={() => toggle('missed')}
            >
              ✗ Missed
            </button>
          </fieldset>
        </div>
      )}
      {auto?.quote && <q className="cpoint__quote">{auto.quote}</q>}
      <details className="cpoint__strong">
        <summary>What a strong answer says</summary>
        <p>{point.strong}</p>
      </details>
    </li>
  );
}
