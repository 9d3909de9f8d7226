import './excalidraw-assets.ts';
import { Excalidraw, restoreElements } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import type { DrawingScene } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';
import {
  type CanvasElement,
  canvasFingerprint,
  forCanvas,
  prepareDrawing,
  sameDrawing,
} from './drawing-scene.ts';

type ExcalidrawApi = Parameters<NonNullable<Parameters<typeof Excalidraw>[0]['excalidrawAPI']>>[0];
type SaveState = { kind: 'saved' } | { kind: 'offline' } | { kind: 'refused'; message: string };

/** Excalidraw elements rebuilt from a stored drawing, with its defaults for everything not kept. */
export function canvasElements(drawing: DrawingScene | null) {
  // The stored subset lacks styling fields; restoreElements fills Excalidraw's defaults in.
  const stored = forCanvas(drawing) as unknown as Parameters<typeof restoreElements>[0];
  return restoreElements(stored, null, { repairBindings: true });
}

function useDarkScheme(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/**
 * The Excalidraw canvas (loaded only when the whiteboard is opened). The candidate's edits are
 * saved a moment after drawing stops, whole (last write wins); a read-only seat follows the
 * drawing as it arrives.
 */
export default function WhiteboardCanvas({
  drawing,
  connected,
  readOnly,
  onSave,
  saveDelayMs = 800,
}: {
  drawing: DrawingScene | null;
  connected: boolean;
  readOnly: boolean;
  onSave: (scene: DrawingScene) => boolean;
  saveDelayMs?: number;
}) {
  const dark = useDarkScheme();
  const api = useRef<ExcalidrawApi | null>(null);
  const [initial] = useState(() => canvasElements(drawing));
  const saved = useRef<DrawingScene | null>(drawing);
  const version = useRef(drawing?.version ?? 0);
  const timer = useRef<number | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [dropped, setDropped] = useState(0);

  // A read-only seat redraws whenever the candidate's drawing arrives.
  useEffect(() => {
    if (readOnly && api.current) api.current.updateScene({ elements: canvasElements(drawing) });
  }, [readOnly, drawing]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // The timer reads the latest props, not the ones of the render that armed it.
  const latest = useRef({ connected, onSave, serverVersion: drawing?.version ?? 0 });
  latest.current = { connected, onSave, serverVersion: drawing?.version ?? 0 };

  const saveNow = (elements: readonly CanvasElement[]) => {
    const prepared = prepareDrawing(elements, Math.max(version.current, latest.current.serverVersion) + 1);
    setDropped(prepared.dropped);
    if (!prepared.ok) {
      setState({ kind: 'refused', message: prepared.message });
      return;
    }
    if (sameDrawing(prepared.scene, saved.current)) {
      setState({ kind: 'saved' });
      return;
    }
    if (!latest.current.connected || !latest.current.onSave(prepared.scene)) {
      setState({ kind: 'offline' });
      return;
    }
    version.current = prepared.scene.version;
    saved.current = prepared.scene;
    setState({ kind: 'saved' });
  };

  // Back online with unsaved strokes: send them now.
  const offline = state.kind === 'offline';
  // Runs when the connection comes back, not on every save.
  useEffect(() => {
    if (connected && offline && api.current) {
      saveNow(api.current.getSceneElementsIncludingDeleted() as unknown as readonly CanvasElement[]);
    }
  }, [connected]);

  const fingerprint = useRef<string | null>(null);
  const onChange = (elements: readonly CanvasElement[]) => {
    if (readOnly) return;
    const now = canvasFingerprint(elements);
    // The first call reports the loaded drawing; later identical ones are selection or pointer moves.
    if (fingerprint.current === null || now === fingerprint.current) {
      fingerprint.current = now;
      return;
    }
    fingerprint.current = now;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => saveNow(elements), saveDelayMs);
  };

  return (
    <div className="whiteboard__canvas-wrap">
      <div className="whiteboard__canvas" data-testid="whiteboard-canvas">
        <Excalidraw
          initialData={{ elements: initial, scrollToContent: true }}
          excalidrawAPI={(instance) => {
            api.current = instance;
          }}
          onChange={(elements) => onChange(elements as unknown as readonly CanvasElement[])}
          theme={dark ? 'dark' : 'light'}
          viewModeEnabled={readOnly}
          UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
        />
      </div>
      <p className="whiteboard__state" aria-live="polite" data-testid="whiteboard-state">
        {readOnly
          ? 'Read only: the candidate’s whiteboard, as they draw.'
          : state.kind === 'refused'
            ? `Not saved: ${state.message}.`
            : state.kind === 'offline'
              ? 'Not saved yet (offline); it is sent when the connection is back.'
              : 'Saved'}
        {!readOnly && dropped > 0 && ' Pen strokes and images are not kept; use shapes, arrows and text.'}
      </p>
    </div>
  );
}
