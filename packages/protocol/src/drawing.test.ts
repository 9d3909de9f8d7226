import { describe, expect, it } from 'vitest';
import { ClientMessage } from './client-frames.ts';
import {
  DRAWING_FORMAT,
  type DrawingElement,
  DrawingScene,
  drawingBytes,
  drawingTooLargeMessage,
  MAX_DRAWING_BYTES,
  MAX_DRAWING_ELEMENTS,
} from './drawing.ts';
import { drawingToTextGraph, textGraphForScoring, textGraphLines } from './drawing-text-graph.ts';

function shape(id: string, x: number, y: number, extra: Partial<DrawingElement> = {}): DrawingElement {
  return { id, type: 'rectangle', x, y, width: 160, height: 80, ...extra };
}
function label(id: string, containerId: string, text: string): DrawingElement {
  return { id, type: 'text', x: 0, y: 0, width: 100, height: 20, text, containerId };
}
function scene(elements: DrawingElement[]): DrawingScene {
  return { format: DRAWING_FORMAT, version: 1, elements };
}

/** A ranking pipeline as a candidate would draw it in Excalidraw: bound labels and bound arrows. */
const RANKING: DrawingScene = scene([
  shape('fs', 0, 0, { boundElements: [{ id: 'fs-t', type: 'text' }], groupIds: ['online'] }),
  label('fs-t', 'fs', 'Feature\nstore'),
  shape('ms', 400, 0, { groupIds: ['online'] }),
  label('ms-t', 'ms', 'Model server'),
  { ...shape('logs', 0, 300), type: 'ellipse' },
  label('logs-t', 'logs', 'Click logs'),
  {
    id: 'a1',
    type: 'arrow',
    x: 160,
    y: 40,
    width: 240,
    height: 0,
    points: [
      [0, 0],
      [240, 0],
    ],
    startBinding: { elementId: 'fs' },
    endBinding: { elementId: 'ms' },
    endArrowhead: 'arrow',
  },
  label('a1-t', 'a1', 'online features'),
  {
    // Drawn by hand, never snapped: it starts under the logs and stops just short of the store.
    id: 'a2',
    type: 'arrow',
    x: 80,
    y: 295,
    width: 0,
    height: 200,
    points: [
      [0, 0],
      [0, -205],
    ],
    endArrowhead: 'arrow',
  },
  {
    id: 'note',
    type: 'text',
    x: 0,
    y: 500,
    width: 300,
    height: 20,
    text: 'retrain nightly on  7 days of logs',
  },
]);

describe('drawingToTextGraph', () => {
  it('names labelled components, arrows through bindings and by nearest shape, groups and free text', () => {
    const graph = drawingToTextGraph(RANKING);
    expect(graph.components).toEqual(['[Feature store]', '[Model server]', '[Click logs]']);
    expect(graph.relations).toEqual([
      'Feature store → Model server (online features)',
      'Click logs → Feature store',
    ]);
    expect(graph.groups).toEqual(['group: Feature store, Model server']);
    expect(graph.freeText).toEqual(['retrain nightly on 7 days of logs']);
    expect(textGraphLines(graph)).toContain('note: retrain nightly on 7 days of logs');
  });

  it('gives the scorer relations and sentences, never a bare label', () => {
    const scoring = textGraphForScoring(drawingToTextGraph(RANKING));
    expect(scoring).toContain('Feature store → Model server (online features)');
    expect(scoring).toContain('retrain nightly');
    expect(scoring.split('\n')).not.toContain('[Feature store]');
    expect(
      textGraphForScoring(drawingToTextGraph(scene([shape('a', 0, 0), label('t', 'a', 'Two-tower model')]))),
    ).toBe('');
  });

  it('reads text typed over a box without binding as its label, and marks loose arrow ends', () => {
    const graph = drawingToTextGraph(
      scene([
        shape('cache', 0, 0),
        { id: 'typed', type: 'text', x: 20, y: 30, width: 80, height: 20, text: 'Redis cache' },
        {
          id: 'loose',
          type: 'line',
          x: 160,
          y: 40,
          width: 600,
          height: 0,
          points: [
            [0, 0],
            [600, 0],
          ],
        },
      ]),
    );
    expect(graph.components).toEqual(['[Redis cache]']);
    expect(graph.freeText).toEqual([]);
    expect(graph.relations).toEqual(['Redis cache — ?']);
  });

  it('names an unlabelled shape an arrow touches, and skips an arrow that joins nothing', () => {
    const graph = drawingToTextGraph(
      scene([
        shape('a', 0, 0),
        label('a-t', 'a', 'API'),
        { ...shape('b', 400, 0), type: 'diamond' },
        {
          id: 'x',
          type: 'arrow',
          x: 170,
          y: 40,
          width: 220,
          height: 0,
          points: [
            [0, 0],
            [220, 0],
          ],
        },
        {
          id: 'y',
          type: 'arrow',
          x: 2000,
          y: 2000,
          width: 10,
          height: 0,
          points: [
            [0, 0],
            [10, 0],
          ],
        },
      ]),
    );
    expect(graph.relations).toEqual(['API → unlabelled diamond']);
    expect(drawingToTextGraph(scene([])).components).toEqual([]);
  });
});

describe('DrawingScene', () => {
  it('caps elements and text with messages that say what to do', () => {
    const many = scene(Array.from({ length: MAX_DRAWING_ELEMENTS + 1 }, (_, i) => shape(`s${i}`, i, 0)));
    const manyResult = DrawingScene.safeParse(many);
    expect(manyResult.success).toBe(false);
    expect(manyResult.error?.issues[0]?.message).toMatch(/at most 2000 elements/);

    const wordy = scene(
      Array.from({ length: 6 }, (_, i) => ({
        ...label(`t${i}`, 'none', 'x'.repeat(4000)),
        containerId: null,
      })),
    );
    const wordyResult = DrawingScene.safeParse(wordy);
    expect(wordyResult.error?.issues[0]?.message).toMatch(
      /at most 20000 characters of text \(this one has 24000\)/,
    );
  });

  it('travels in a drawing frame and says how big a refused one was', () => {
    expect(ClientMessage.safeParse({ type: 'drawing', scene: RANKING }).success).toBe(true);
    expect(ClientMessage.safeParse({ type: 'drawing', scene: { ...RANKING, format: 9 } }).success).toBe(
      false,
    );
    expect(drawingBytes(RANKING)).toBeLessThan(MAX_DRAWING_BYTES);
    expect(drawingTooLargeMessage(90 * 1024)).toMatch(/90 kB and at most 60 kB/);
  });
});
