import type { DrawingElement, DrawingScene } from './drawing.ts';

/**
 * A drawing read as words, so the interviewer and the scorer can read a whiteboard: the labelled
 * components, the arrows between them ("A → B (label)"), the groups and the free text.
 */
export interface TextGraph {
  /** "[Feature store]", one per labelled shape, top to bottom, left to right. */
  components: string[];
  /** "Feature store → Model server (features)"; lines without heads join with "—". */
  relations: string[];
  /** "group: Feature store, Model server". */
  groups: string[];
  /** Text written on the canvas outside any shape or arrow. */
  freeText: string[];
}

const SHAPES = new Set<DrawingElement['type']>(['rectangle', 'ellipse', 'diamond']);
/** How far (px) an unbound arrow end may stop from a shape's edge and still point at it. */
const SNAP_DISTANCE = 48;
const UNKNOWN_END = '?';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readingOrder(a: DrawingElement, b: DrawingElement): number {
  return a.y - b.y || a.x - b.x;
}

/** The box of an element, with widths made positive (Excalidraw keeps negative ones when dragged left). */
function box(element: DrawingElement) {
  const left = Math.min(element.x, element.x + element.width);
  const top = Math.min(element.y, element.y + element.height);
  return { left, top, right: left + Math.abs(element.width), bottom: top + Math.abs(element.height) };
}

function distanceToBox(point: readonly [number, number], element: DrawingElement): number {
  const b = box(element);
  const dx = Math.max(b.left - point[0], 0, point[0] - b.right);
  const dy = Math.max(b.top - point[1], 0, point[1] - b.bottom);
  return Math.hypot(dx, dy);
}

function area(element: DrawingElement): number {
  return Math.abs(element.width * element.height);
}

/** Turns a drawing into the lines of its text graph (see `TextGraph`). Pure. */
export function drawingToTextGraph(scene: DrawingScene): TextGraph {
  const byId = new Map(scene.elements.map((element) => [element.id, element]));
  const shapes = scene.elements.filter((element) => SHAPES.has(element.type)).sort(readingOrder);
  const texts = scene.elements.filter((element) => element.type === 'text' && oneLine(element.text ?? ''));
  const labels = new Map<string, string>();
  const usedTexts = new Set<string>();

  const addLabel = (ownerId: string, text: DrawingElement) => {
    const words = oneLine(text.text ?? '');
    labels.set(ownerId, labels.has(ownerId) ? `${labels.get(ownerId)} ${words}` : words);
    usedTexts.add(text.id);
  };
  // Bound labels first: a text element whose container is a shape or an arrow.
  for (const text of texts.sort(readingOrder)) {
    if (text.containerId && byId.has(text.containerId)) addLabel(text.containerId, text);
  }
  // Then text placed over a shape without binding (typed on top of a box): the smallest shape around it.
  for (const text of texts) {
    if (usedTexts.has(text.id)) continue;
    const b = box(text);
    const centre = [(b.left + b.right) / 2, (b.top + b.bottom) / 2] as const;
    const around = shapes
      .filter((shape) => !labels.has(shape.id) && distanceToBox(centre, shape) === 0)
      .sort((p, q) => area(p) - area(q))[0];
    if (around) addLabel(around.id, text);
  }

  const nameOf = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    const element = byId.get(id);
    if (!element) return undefined;
    if (element.type === 'text') {
      return element.containerId ? nameOf(element.containerId) : oneLine(element.text ?? '') || undefined;
    }
    return labels.get(id) ?? `unlabelled ${element.type}`;
  };

  const nearestShape = (point: readonly [number, number], except?: string): string | undefined => {
    let best: { id: string; distance: number; area: number } | undefined;
    for (const shape of shapes) {
      if (shape.id === except) continue;
      const distance = distanceToBox(point, shape);
      if (distance > SNAP_DISTANCE) continue;
      // Inside two shapes (a box in a frame box): the smaller one is the one pointed at.
      if (!best || distance < best.distance || (distance === best.distance && area(shape) < best.area)) {
        best = { id: shape.id, distance, area: area(shape) };
      }
    }
    return best?.id;
  };

  const relations: string[] = [];
  for (const link of scene.elements
    .filter((e) => e.type === 'arrow' || e.type === 'line')
    .sort(readingOrder)) {
    const points = link.points && link.points.length >= 2 ? link.points : [[0, 0] as [number, number]];
    const first = points[0] ?? [0, 0];
    const last = points[points.length - 1] ?? [0, 0];
    const startPoint = [link.x + first[0], link.y + first[1]] as const;
    const endPoint = [link.x + last[0], link.y + last[1]] as const;
    const startId = link.startBinding?.elementId ?? nearestShape(startPoint);
    const endId = link.endBinding?.elementId ?? nearestShape(endPoint, startId);
    const from = nameOf(startId);
    const to = nameOf(endId);
    const label = labels.get(link.id);
    if (!from && !to && !label) continue;
    const headAtEnd = link.type === 'arrow' && link.endArrowhead !== null;
    const headAtStart = link.type === 'arrow' && Boolean(link.startArrowhead);
    const joint = headAtEnd && headAtStart ? '↔' : headAtEnd ? '→' : headAtStart ? '←' : '—';
    const suffix = label ? ` (${label})` : '';
    relations.push(`${from ?? UNKNOWN_END} ${joint} ${to ?? UNKNOWN_END}${suffix}`);
  }

  const components = shapes
    .filter((shape) => labels.has(shape.id))
    .map((shape) => `[${labels.get(shape.id)}]`);

  const members = new Map<string, string[]>();
  for (const element of [...shapes, ...texts.filter((text) => !usedTexts.has(text.id))].sort(readingOrder)) {
    const name = element.type === 'text' ? oneLine(element.text ?? '') : labels.get(element.id);
    if (!name) continue;
    for (const groupId of element.groupIds ?? []) {
      const names = members.get(groupId) ?? [];
      if (!names.includes(name)) names.push(name);
      members.set(groupId, names);
    }
  }
  const groups = [...members.values()]
    .filter((names) => names.length >= 2)
    .map((names) => `group: ${names.join(', ')}`);

  const freeText = texts
    .filter((text) => !usedTexts.has(text.id))
    .sort(readingOrder)
    .map((text) => oneLine(text.text ?? ''));

  return { components, relations, groups, freeText };
}

/** Every line of the graph, for people and the model interviewer: components, arrows, groups, then notes. */
export function textGraphLines(graph: TextGraph): string[] {
  return [
    ...graph.components,
    ...graph.relations,
    ...graph.groups,
    ...graph.freeText.map((text) => `note: ${text}`),
  ];
}

/**
 * The words of a drawing that may back a point: relations and free text. A bare label names a
 * component without saying anything about it, so it never counts on its own.
 */
export function textGraphForScoring(graph: TextGraph): string {
  return [...graph.relations, ...graph.freeText].join('\n');
}

/** The whole graph as one text block for a prompt or an export; empty for an empty drawing. */
export function textGraphText(scene: DrawingScene | null | undefined): string {
  return scene ? textGraphLines(drawingToTextGraph(scene)).join('\n') : '';
}
