import * as z from '#zod';

/**
 * The whiteboard as the server keeps it: the part of an Excalidraw scene that says what was drawn
 * (shapes, their words, arrows and what they join, groups), not how it looks. Small enough to
 * travel whole in one frame; the web app restores Excalidraw's styling defaults when it loads one.
 */

/** Most elements a drawing may hold. */
export const MAX_DRAWING_ELEMENTS = 2000;
/** Most characters of text across all of a drawing's elements. */
export const MAX_DRAWING_TEXT_CHARS = 20_000;
/**
 * Largest drawing, as JSON, in bytes: it travels whole in one frame (MAX_FRAME_BYTES, 64 KiB), with
 * room left for the frame around it.
 */
export const MAX_DRAWING_BYTES = 60 * 1024;
/** The stored shape's format; a later format would be migrated on read. */
export const DRAWING_FORMAT = 1;

/** Element kinds kept; pen strokes and images are not (they carry no words and weigh a lot). */
export const DrawingElementType = z.enum(['rectangle', 'ellipse', 'diamond', 'text', 'arrow', 'line']);
export type DrawingElementType = z.infer<typeof DrawingElementType>;

const ElementId = z.string().check(z.minLength(1), z.maxLength(64));
const Coordinate = z.number().check(z.gte(-1e6), z.lte(1e6));
const Binding = z.optional(z.nullable(z.object({ elementId: ElementId })));
const Colour = z.optional(z.string().check(z.maxLength(32)));

export const DrawingElement = z.object({
  id: ElementId,
  type: DrawingElementType,
  x: Coordinate,
  y: Coordinate,
  width: Coordinate,
  height: Coordinate,
  /** Text elements only: what is written. */
  text: z.optional(z.string().check(z.maxLength(4000, 'one text element may hold at most 4000 characters'))),
  /** A text element written inside a shape or on an arrow: that element's id. */
  containerId: z.optional(z.nullable(ElementId)),
  /** A shape's bound label and arrows, as Excalidraw keeps them (so labels stay inside on reload). */
  boundElements: z.optional(
    z.nullable(z.array(z.object({ id: ElementId, type: z.enum(['text', 'arrow']) })).check(z.maxLength(100))),
  ),
  /** Arrows and lines: their points, relative to (x, y). */
  points: z.optional(z.array(z.tuple([Coordinate, Coordinate])).check(z.maxLength(200))),
  startBinding: Binding,
  endBinding: Binding,
  /** Arrows: the head at each end; null for none. */
  startArrowhead: z.optional(z.nullable(z.string().check(z.maxLength(16)))),
  endArrowhead: z.optional(z.nullable(z.string().check(z.maxLength(16)))),
  groupIds: z.optional(z.array(ElementId).check(z.maxLength(16))),
  strokeColor: Colour,
  backgroundColor: Colour,
});
export type DrawingElement = z.infer<typeof DrawingElement>;

export const DrawingScene = z
  .object({
    format: z.literal(DRAWING_FORMAT),
    /** Raised by the client on every save; the newest write wins. */
    version: z.number().check(z.int(), z.gte(0)),
    elements: z
      .array(DrawingElement)
      .check(
        z.maxLength(
          MAX_DRAWING_ELEMENTS,
          `a drawing may hold at most ${MAX_DRAWING_ELEMENTS} elements; remove some or move detail to the notes pad`,
        ),
      ),
  })
  .check(
    z.superRefine((scene, ctx) => {
      const chars = scene.elements.reduce((sum, element) => sum + (element.text?.length ?? 0), 0);
      if (chars > MAX_DRAWING_TEXT_CHARS) {
        ctx.addIssue({
          code: 'custom',
          path: ['elements'],
          message: `a drawing may hold at most ${MAX_DRAWING_TEXT_CHARS} characters of text (this one has ${chars}); move long text to the notes pad`,
        });
      }
    }),
  );
export type DrawingScene = z.infer<typeof DrawingScene>;

/** Bytes of a drawing as it travels; over MAX_DRAWING_BYTES it is not sent. */
export function drawingBytes(scene: DrawingScene): number {
  return new TextEncoder().encode(JSON.stringify(scene)).length;
}

/** The one sentence shown when a drawing is too big to save, with what to do. */
export function drawingTooLargeMessage(bytes: number): string {
  const kb = (n: number) => Math.ceil(n / 1024);
  return `the drawing is ${kb(bytes)} kB and at most ${kb(MAX_DRAWING_BYTES)} kB can be saved; remove some elements or move long text to the notes pad (the last saved drawing is kept)`;
}
