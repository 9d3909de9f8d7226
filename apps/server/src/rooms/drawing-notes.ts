import { DrawingScene, drawingToTextGraph, textGraphForScoring, textGraphLines } from '@mlsd/protocol';

/**
 * The whiteboard as stored, checked again on the way out: a row that no longer fits the schema
 * (edited by hand, an older format) reads as no drawing rather than breaking the room.
 */
export function storedDrawing(value: unknown): DrawingScene | null {
  if (value === null || value === undefined) return null;
  const parsed = DrawingScene.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The notes as the scorer reads them: the pad, then the drawing's relations and free text. Bare
 * labels are left out, so naming a box never backs a point on its own.
 */
export function notesForScoring(notes: string, drawing: unknown): string {
  const scene = storedDrawing(drawing);
  const graph = scene ? textGraphForScoring(drawingToTextGraph(scene)) : '';
  return graph ? `${notes}\n\n${graph}` : notes;
}

/** The whole text graph for the model interviewer, with a heading; empty without a drawing. */
export function whiteboardForModel(drawing: unknown): string {
  const scene = storedDrawing(drawing);
  const lines = scene ? textGraphLines(drawingToTextGraph(scene)) : [];
  return lines.length > 0 ? `My whiteboard so far, as text:\n${lines.join('\n')}` : '';
}
