import type { DrawBrief, DrawResult } from '@mlsd/protocol';
import { useMemo, useState } from 'react';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { parseDrawing } from '../../lib/arrow-syntax.ts';
import { href } from '../../lib/routes.ts';
import { studyApi } from '../../lib/study-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useCountdown } from '../../lib/use-countdown.ts';
import { DrawResultView } from './draw-result.tsx';
import '../drills/study.css';
import { StudyClock } from '../drills/study-clock.tsx';

/** Draw a case's architecture from memory against the clock, then compare it with the reference. */
export function DrawPage({ caseId }: { caseId: string }) {
  const brief = useAsync(() => studyApi.drawBrief(caseId), [caseId]);
  const [round, setRound] = useState(0);
  if (brief.status === 'loading') return <Loading label="Loading the case…" />;
  if (brief.status === 'error') {
    return (
      <div className="page">
        <LoadError error={brief.error} onRetry={brief.reload} what="the case to draw" />
      </div>
    );
  }
  return <DrawRound key={round} brief={brief.value} onRetry={() => setRound((n) => n + 1)} />;
}

const EXAMPLE = ['Ad server -> Ranker (candidates)', 'Feature store -> Ranker (features)', 'Click logs'].join(
  '\n',
);

function DrawRound({ brief, onRetry }: { brief: DrawBrief; onRetry: () => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<DrawResult | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [timeUp, setTimeUp] = useState(false);
  const parsed = useMemo(() => parseDrawing(text), [text]);

  const compare = async () => {
    if (parsed.drawing.nodes.length === 0) {
      setProblem('The drawing is empty. Write one box or arrow per line, as in the example, then compare.');
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      setResult(await studyApi.draw(brief.caseId, parsed.drawing));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The drawing could not be compared; try again.');
    } finally {
      setSending(false);
    }
  };
  const left = useCountdown(brief.minutes * 60_000, result === null && !timeUp, () => {
    setTimeUp(true);
    if (parsed.drawing.nodes.length > 0) void compare();
  });

  if (result) {
    return (
      <div className="page study">
        <DrawResultView
          result={result}
          drawnArrows={parsed.drawing.edges.length}
          drawnBoxes={parsed.drawing.nodes.length}
          onRetry={onRetry}
        />
      </div>
    );
  }
  const { nodes, edges } = parsed.drawing;
  return (
    <div className="page study drill">
      <header className="page-head drill__head">
        <div>
          <p className="eyebrow">Draw from memory</p>
          <h1>{brief.caseTitle}</h1>
        </div>
        <StudyClock left={left} timeUp={timeUp} />
      </header>
      <details className="card drill__question">
        <summary>The case as the interviewer reads it</summary>
        <p>{brief.prompt}</p>
      </details>
      <p className="muted">
        Our reference has {brief.componentCount} components and {brief.arrowCount} arrows, on the request path
        and in the offline loop. Write one per line: a box name, or an arrow such as{' '}
        <code>Feature store -&gt; Ranker (features)</code>. The ends of an arrow count as boxes. A mermaid
        flowchart (<code>flowchart LR</code>, <code>A[Ad server] --&gt;|scores| B[Ranker]</code>) works too.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void compare();
        }}
      >
        <label htmlFor="drawing" className="drill__label">
          Your drawing
        </label>
        <textarea
          id="drawing"
          className="drill__answer drill__answer--mono"
          rows={14}
          value={text}
          placeholder={EXAMPLE}
          onChange={(event) => setText(event.target.value)}
          disabled={sending}
          spellCheck={false}
        />
        <p className="muted small" aria-live="polite">
          {nodes.length} {nodes.length === 1 ? 'box' : 'boxes'}, {edges.length}{' '}
          {edges.length === 1 ? 'arrow' : 'arrows'}
          {nodes.length > 0 && edges.length === 0
            ? ': no arrows yet, and arrows are half of the comparison'
            : ''}
        </p>
        {parsed.problems.length > 0 && (
          <Notice tone="warn">
            {parsed.problems.slice(0, 3).join('; ')}
            {parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : ''}
          </Notice>
        )}
        {timeUp && nodes.length === 0 && (
          <Notice tone="warn">
            Time is up and nothing was drawn. Write what you remember and compare anyway.
          </Notice>
        )}
        {problem && <Notice tone="error">{problem}</Notice>}
        <div className="drill__actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? 'Comparing…' : 'Compare with the reference'}
          </button>
          <a className="button button--quiet" href={href({ name: 'drills' })}>
            All drills
          </a>
        </div>
      </form>
    </div>
  );
}
