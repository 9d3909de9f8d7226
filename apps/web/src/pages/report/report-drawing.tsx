import { type DrawingScene, textGraphText } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';
import { TextGraphView } from '../room/text-graph-view.tsx';
import '../room/excalidraw-assets.ts';
import '../room/whiteboard.css';

/** The report's whiteboard: the drawing as a picture (Excalidraw loads only here) and its text graph. */
export function ReportDrawing({ drawing }: { drawing: DrawingScene | null }) {
  const picture = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [large, setLarge] = useState(false);

  useEffect(() => {
    if (!drawing || drawing.elements.length === 0) return;
    let live = true;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    import('../room/drawing-svg.ts')
      .then(({ drawingSvg }) => drawingSvg(drawing, dark))
      .then((svg) => {
        if (!live || !picture.current) return;
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', 'Your whiteboard');
        picture.current.replaceChildren(svg);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [drawing]);

  if (!drawing || drawing.elements.length === 0) return null;
  return (
    <section className="card report-drawing-card" aria-labelledby="drawing-title">
      <div className="whiteboard__head">
        <h2 id="drawing-title">Whiteboard</h2>
        <button type="button" className="button button--small" onClick={() => setLarge((l) => !l)}>
          {large ? 'Smaller' : 'Full size'}
        </button>
      </div>
      {failed ? (
        <p className="muted">The picture could not be drawn here; its text graph is below.</p>
      ) : (
        <div ref={picture} className={`report-drawing${large ? ' report-drawing--large' : ''}`} />
      )}
      <TextGraphView drawing={drawing} summary="As the interviewer and the scorer read it" open />
    </section>
  );
}

/** The Markdown export with the whiteboard's text graph at the end (a plain text block, unescaped). */
export function appendTextGraph(markdown: string, drawing: DrawingScene | null | undefined): string {
  const text = textGraphText(drawing).replace(/`{3,}/g, "'''");
  return text ? `${markdown}\n## Whiteboard\n\n\`\`\`text\n${text}\n\`\`\`\n` : markdown;
}
