import { scoreBand } from '../lib/labels.ts';

/** The overall score as a ring; the number is text, the ring decoration. */
export function ScoreDial({ score, size = 112 }: { score: number; size?: number }) {
  const r = 44;
  const circumference = 2 * Math.PI * r;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * circumference;
  return (
    <div className="score-dial" style={{ width: size, height: size }}>
      <svg viewBox="0 0 100 100" width={size} height={size} aria-hidden="true">
        <circle cx="50" cy="50" r={r} className="score-dial__track" />
        <circle
          cx="50"
          cy="50"
          r={r}
          className={`score-dial__value score-dial__value--${scoreBand(score)}`}
          strokeDasharray={`${filled} ${circumference}`}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <span className="score-dial__label">
        <strong>{Math.round(score)}</strong>
        <span>/100</span>
      </span>
    </div>
  );
}
