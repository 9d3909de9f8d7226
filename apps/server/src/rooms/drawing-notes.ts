import { DrawingScene, drawingToTextGraph, textGraphForScoring, textGraphLines } from '@mlsd/protocol';

/**
 * The whiteboard as stored, checked again on the way out: a row that no longer fits the schema
 * (edited by hand, an older format) reads as no drawing rather than breaking the room.
 */
export function storedDrawing(value: unknown): DrawingScene | null {
  if (value === null || typeof value !== 'object') return null;
  // A room reads its drawing on every answer; the stored object only changes when a new one comes.
  let scene = checked.get(value);
  if (scene === undefined) {
    const parsed = DrawingScene.safeParse(value);
    scene = parsed.success ? parsed.data : null;
    checked.set(value, scene);
  }
  return scene;
}

/** Each stored drawing object, checked once. */
const checked = new WeakMap<object, DrawingScene | null>();
/** Each checked drawing's text graph, built once. */
const graphs = new WeakMap<DrawingScene, ReturnType<typeof drawingToTextGraph>>();

function graphOf(scene: DrawingScene): ReturnType<typeof drawingToTextGraph> {
  let graph = graphs.get(scene);
  if (!graph) {
    graph = drawingToTextGraph(scene);
    graphs.set(scene, graph);
  }
  return graph;
}

/**
 * The notes as the scorer reads them: the pad, then the drawing's relations and free text. Bare
 * labels are left out, so naming a box never backs a point on its own.
 */
export function notesForScoring(notes: string, drawing: unknown): string {
  const scene = storedDrawing(drawing);
  const graph = scene ? textGraphForScoring(graphOf(scene)) : '';
  return graph ? `${notes}\n\n${graph}` : notes;
}

/** The whole text graph for the model interviewer, with a heading; empty without a drawing. */
export function whiteboardForModel(drawing: unknown): string {
  const scene = storedDrawing(drawing);
  const lines = scene ? textGraphLines(graphOf(scene)) : [];
  return lines.length > 0 ? `My whiteboard so far, as text:\n${lines.join('\n')}` : '';
}
