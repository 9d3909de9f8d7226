import { type DrawingScene, drawingToTextGraph, textGraphLines } from '@mlsd/protocol';
import { useMemo } from 'react';

/** A drawing's text graph, one line each: what the interviewer and the scorer read of it. */
export function TextGraphView({
  drawing,
  summary,
  open = false,
}: {
  drawing: DrawingScene | null;
  summary: string;
  open?: boolean;
}) {
  const lines = useMemo(() => (drawing ? textGraphLines(drawingToTextGraph(drawing)) : []), [drawing]);
  return (
    <details className="text-graph" open={open}>
      <summary>{summary}</summary>
      {lines.length === 0 ? (
        <p className="muted">Nothing drawn yet: label boxes and join them with arrows.</p>
      ) : (
        <ul className="text-graph__lines" data-testid="text-graph">
          {lines.map((line, index) => (
            // Lines can repeat (two arrows between the same boxes); their order is stable.
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
