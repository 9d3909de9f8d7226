import type { DrawingScene } from '@mlsd/protocol';
import { lazy, Suspense, useState } from 'react';
import { TextGraphView } from './text-graph-view.tsx';
// Set before Excalidraw's chunk runs: it fixes its font addresses when it loads.
import './excalidraw-assets.ts';
import './whiteboard.css';

// Excalidraw is large: it is fetched the first time a whiteboard is opened, never with the room.
const WhiteboardCanvas = lazy(() => import('./whiteboard-canvas.tsx'));

/** The whiteboard tab: the Excalidraw canvas, which can be enlarged over the room. */
export function Whiteboard(props: {
  drawing: DrawingScene | null;
  connected: boolean;
  readOnly: boolean;
  onSave: (scene: DrawingScene) => boolean;
}) {
  const [large, setLarge] = useState(false);
  return (
    <div className={`whiteboard${large ? ' whiteboard--large' : ''}`}>
      <div className="whiteboard__head">
        <span>
          {props.readOnly ? "The candidate's whiteboard" : 'Boxes, arrows and labels count as your words'}
        </span>
        <button type="button" className="button button--small" onClick={() => setLarge((l) => !l)}>
          {large ? 'Back to the side' : 'Enlarge'}
        </button>
      </div>
      <Suspense fallback={<p className="muted">Loading the whiteboard…</p>}>
        <WhiteboardCanvas {...props} />
      </Suspense>
      <TextGraphView drawing={props.drawing} summary="As the interviewer reads it" />
    </div>
  );
}
