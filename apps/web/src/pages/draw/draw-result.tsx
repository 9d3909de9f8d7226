import type { DrawResult } from '@mlsd/protocol';
import { MermaidBlock } from '../../components/markdown-view.tsx';
import { Notice } from '../../components/notice.tsx';
import { referenceMermaid } from '../../lib/arrow-syntax.ts';
import { percent } from '../../lib/labels.ts';
import { href } from '../../lib/routes.ts';

/** How the drawing compares: boxes and arrows matched, missed and extra, then the reference drawn. */
export function DrawResultView({
  result,
  drawnBoxes,
  drawnArrows,
  onRetry,
}: {
  result: DrawResult;
  drawnBoxes: number;
  drawnArrows: number;
  onRetry: () => void;
}) {
  const labelOf = new Map(result.reference.components.map((component) => [component.id, component.label]));
  const name = (id: string) => labelOf.get(id) ?? id;
  const matchedBoxes = result.components.filter((component) => component.matched).length;
  const matchedArrows = result.arrows.filter((arrow) => arrow.matched).length;
  return (
    <section className="drill-result" aria-labelledby="draw-result-title">
      <p className="eyebrow">Draw from memory</p>
      <h1 id="draw-result-title">{result.caseTitle}: your drawing against the reference</h1>
      <div className="share-bars">
        <div>
          <strong>{percent(result.componentShare)}</strong>
          <div className="muted small">
            components ({matchedBoxes} of {result.components.length})
          </div>
        </div>
        <div>
          <strong>{percent(result.arrowShare)}</strong>
          <div className="muted small">
            arrows ({matchedArrows} of {result.arrows.length})
          </div>
        </div>
      </div>
      {drawnArrows === 0 && (
        <Notice tone="warn">
          Your drawing has {drawnBoxes} {drawnBoxes === 1 ? 'box' : 'boxes'} and no arrows, so no arrow could
          match. The reference below shows how the boxes connect.
        </Notice>
      )}
      <div className="draw-columns">
        <div className="card point-list__item">
          <h2>Components</h2>
          <ul className="match-list" aria-label="Components">
            {result.components.map((component) => (
              <li key={component.id} className={component.matched ? 'is-matched' : 'is-missed'}>
                {component.label}
                {component.matched && component.drawnLabel && component.drawnLabel !== component.label && (
                  <span className="muted small"> (you wrote “{component.drawnLabel}”)</span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div className="card point-list__item">
          <h2>Arrows</h2>
          <ul className="match-list" aria-label="Arrows">
            {result.arrows.map((arrow) => (
              <li
                key={`${arrow.from}>${arrow.to}`}
                className={arrow.matched ? 'is-matched' : arrow.reversed ? 'is-reversed' : 'is-missed'}
              >
                {name(arrow.from)} → {name(arrow.to)}
                {arrow.label && <span className="muted small"> ({arrow.label})</span>}
                {arrow.reversed && <span className="muted small"> drawn the other way</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {(result.extraNodes.length > 0 || result.extraEdges.length > 0) && (
        <div className="card point-list__item">
          <h2>Not in the reference</h2>
          <p className="muted small">
            Not wrong by itself: a reasonable design can hold more. Ask whether each earns its place.
          </p>
          <ul className="match-list">
            {result.extraNodes.map((node) => (
              <li key={`node-${node}`}>{node}</li>
            ))}
            {result.extraEdges.map((edge) => (
              <li key={`edge-${edge.from}>${edge.to}`}>
                {edge.from} → {edge.to}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>The reference architecture</h2>
      <p>{result.reference.summary}</p>
      <ReferenceDiagram result={result} />
      <details>
        <summary>What each component does</summary>
        <ul className="match-list">
          {result.reference.components.map((component) => (
            <li key={component.id}>
              <strong>{component.label}</strong> <span className="tag">{component.path}</span>{' '}
              {component.role}
            </li>
          ))}
        </ul>
      </details>
      <div className="drill__actions">
        <button type="button" className="button button--primary" onClick={onRetry}>
          Draw it again
        </button>
        <a className="button" href={href({ name: 'home', caseId: result.caseId })}>
          Interview on this case
        </a>
        <a className="button button--quiet" href={href({ name: 'drills' })}>
          All drills
        </a>
      </div>
    </section>
  );
}

/** Drawn by the app's one mermaid block, whose SVG mermaid sanitises (strict mode). */
function ReferenceDiagram({ result }: { result: DrawResult }) {
  return (
    <div className="card reference-diagram">
      <MermaidBlock source={referenceMermaid(result.reference)} />
    </div>
  );
}
