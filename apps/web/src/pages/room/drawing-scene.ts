import {
  DRAWING_FORMAT,
  type DrawingElement,
  DrawingElementType,
  DrawingScene,
  drawingBytes,
  drawingTooLargeMessage,
  MAX_DRAWING_BYTES,
} from '@mlsd/protocol';

/**
 * The fields of an Excalidraw element this app reads. Structural, so this module (and the room's
 * first load) never imports Excalidraw itself.
 */
export interface CanvasElement {
  readonly id: string;
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly isDeleted?: boolean;
  /** Excalidraw raises it on every edit of the element. */
  readonly version?: number;
  readonly text?: string;
  readonly containerId?: string | null;
  readonly boundElements?: readonly { readonly id: string; readonly type: string }[] | null;
  readonly points?: readonly (readonly [number, number])[];
  readonly startBinding?: { readonly elementId: string } | null;
  readonly endBinding?: { readonly elementId: string } | null;
  readonly startArrowhead?: string | null;
  readonly endArrowhead?: string | null;
  readonly groupIds?: readonly string[];
  readonly strokeColor?: string;
  readonly backgroundColor?: string;
}

const KEPT = new Set<string>(DrawingElementType.options);
/** Whole pixels are plenty for a sketch, and keep a drawing well inside one frame. */
const px = (n: number) => Math.round(n);

function keep(element: CanvasElement): DrawingElement {
  const kept: DrawingElement = {
    id: element.id,
    type: element.type as DrawingElement['type'],
    x: px(element.x),
    y: px(element.y),
    width: px(element.width),
    height: px(element.height),
  };
  if (element.text !== undefined) kept.text = element.text;
  if (element.containerId) kept.containerId = element.containerId;
  const bound = (element.boundElements ?? []).filter((b) => b.type === 'text' || b.type === 'arrow');
  if (bound.length > 0)
    kept.boundElements = bound.map((b) => ({ id: b.id, type: b.type as 'text' | 'arrow' }));
  if (element.points && (element.type === 'arrow' || element.type === 'line')) {
    kept.points = element.points.map(([x, y]) => [px(x), px(y)] as [number, number]);
  }
  if (element.startBinding) kept.startBinding = { elementId: element.startBinding.elementId };
  if (element.endBinding) kept.endBinding = { elementId: element.endBinding.elementId };
  if (element.type === 'arrow') {
    kept.startArrowhead = element.startArrowhead ?? null;
    kept.endArrowhead = element.endArrowhead ?? null;
  }
  if (element.groupIds && element.groupIds.length > 0) kept.groupIds = [...element.groupIds];
  if (element.strokeColor && element.strokeColor !== '#1e1e1e') kept.strokeColor = element.strokeColor;
  if (element.backgroundColor && element.backgroundColor !== 'transparent')
    kept.backgroundColor = element.backgroundColor;
  return kept;
}

export type PreparedDrawing =
  | { ok: true; scene: DrawingScene; dropped: number }
  | { ok: false; message: string; dropped: number };

/**
 * The canvas as a drawing to save: deleted elements left out, pen strokes and images dropped (they
 * carry no words), checked against the caps and the frame budget so nothing is sent that the
 * server would refuse.
 */
export function prepareDrawing(elements: readonly CanvasElement[], version: number): PreparedDrawing {
  const live = elements.filter((element) => !element.isDeleted);
  const kept = live.filter((element) => KEPT.has(element.type)).map(keep);
  const dropped = live.length - kept.length;
  const parsed = DrawingScene.safeParse({ format: DRAWING_FORMAT, version, elements: kept });
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid drawing', dropped };
  const bytes = drawingBytes(parsed.data);
  if (bytes > MAX_DRAWING_BYTES) return { ok: false, message: drawingTooLargeMessage(bytes), dropped };
  return { ok: true, scene: parsed.data, dropped };
}

/**
 * A cheap fingerprint of the canvas: Excalidraw calls onChange for selection and pointer moves
 * too, and only a real edit (a raised element version) should restart the save timer.
 */
export function canvasFingerprint(elements: readonly CanvasElement[]): string {
  let versions = 0;
  for (const element of elements) versions += element.version ?? 0;
  return `${elements.length}:${versions}`;
}

/** What two drawings hold, ignoring their versions: equal means there is nothing new to save. */
export function sameDrawing(a: DrawingScene | null, b: DrawingScene | null): boolean {
  return JSON.stringify(a?.elements ?? []) === JSON.stringify(b?.elements ?? []);
}

/**
 * A stored drawing's elements ready for Excalidraw's restore: a label inside a shape or on an
 * arrow is centred, as Excalidraw draws a new one (its restore would otherwise put it top left).
 */
export function forCanvas(scene: DrawingScene | null): Record<string, unknown>[] {
  return (scene?.elements ?? []).map((element) =>
    element.type === 'text' && element.containerId
      ? { ...element, textAlign: 'center', verticalAlign: 'middle' }
      : { ...element },
  );
}
