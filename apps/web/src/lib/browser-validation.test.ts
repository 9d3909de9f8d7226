import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { sampleReport, sampleSnapshot, sampleTranscript } from './fixtures.ts';

/**
 * The web build gets the protocol's schemas built with zod/mini (the `browser` condition of the
 * protocol's `#zod` import), while the server and these tests run them on full zod. This file
 * loads the protocol both ways and checks that the browser's copy accepts and refuses exactly
 * what the server's does, with the same issues, so the smaller download changes no behaviour.
 */

type Protocol = typeof import('@mlsd/protocol');

const FULL_ZOD = '../../../../packages/protocol/src/zod-node.ts';
const MINI_ZOD = '../../../../packages/protocol/src/zod-browser.ts';

async function loadProtocol(flavour: 'full' | 'mini'): Promise<Protocol> {
  vi.resetModules();
  if (flavour === 'mini') vi.doMock(FULL_ZOD, () => import(MINI_ZOD));
  else vi.doUnmock(FULL_ZOD);
  return import('@mlsd/protocol');
}

let full: Protocol;
let mini: Protocol;
beforeAll(async () => {
  full = await loadProtocol('full');
  mini = await loadProtocol('mini');
});

type Schema = z.ZodMiniType;
const schemas = (protocol: Protocol): [string, Schema][] =>
  Object.entries(protocol as Record<string, unknown>).filter((entry): entry is [string, Schema] => {
    const value = entry[1];
    return typeof value === 'object' && value !== null && '_zod' in value;
  });

/** What a parse decided: the data it kept, or each issue's code, path and message. */
function outcome(schema: Schema, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map(({ code, path, message }) => ({ code, path, message })),
  };
}

const ODD_VALUES: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, '', 'x'.repeat(5000), true, [], {}];

/**
 * The value with one thing broken at a time: each field dropped or swapped for a value of the
 * wrong kind (and its parts broken the same way, a few levels down), plus an unknown field.
 */
function* broken(value: unknown, depth = 0): Generator<unknown> {
  if (depth > 3 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const odd of ODD_VALUES) yield [odd, ...value];
    const [first, ...rest] = value;
    for (const part of broken(first, depth + 1)) yield [part, ...rest];
    return;
  }
  const record = value as Record<string, unknown>;
  yield { ...record, unexpectedField: 1 };
  for (const key of Object.keys(record)) {
    const { [key]: _dropped, ...without } = record;
    yield without;
    for (const odd of ODD_VALUES) yield { ...record, [key]: odd };
    for (const part of broken(record[key], depth + 1)) yield { ...record, [key]: part };
  }
}

/** Valid server frames of several kinds, the bases the broken ones are made from. */
const SERVER_FRAMES: unknown[] = [
  sampleSnapshot({ transcript: sampleTranscript }),
  { type: 'turn', seq: 3, turn: sampleTranscript[0] },
  { type: 'ended', seq: 9, reason: 'time-up', reportId: 'r1' },
  { type: 'error', code: 'BAD_MESSAGE', message: 'no', clientId: 'c1' },
  { type: 'ack', clientId: 'c1', duplicate: false },
  { type: 'turn_delta', draftId: 's:3', step: 'data', text: 'How ' },
  {
    type: 'drawing_update',
    at: 5,
    scene: {
      format: 1,
      version: 2,
      elements: [
        { id: 'a', type: 'rectangle', x: 0, y: 0, width: 10, height: 10, text: 'store' },
        {
          id: 'b',
          type: 'arrow',
          x: 0,
          y: 0,
          width: 5,
          height: 5,
          points: [
            [0, 0],
            [5, 5],
          ],
        },
      ],
    },
  },
];

describe('protocol schemas in the browser build', () => {
  it('are built with zod/mini there and full zod on the server', () => {
    expect('optional' in full.ServerMessage).toBe(true);
    expect('optional' in mini.ServerMessage).toBe(false);
    expect(mini.ServerMessage).not.toBe(full.ServerMessage);
  });

  it('describe the same shapes and limits as the server (every exported schema)', () => {
    const miniSchemas = new Map(schemas(mini));
    const fullSchemas = schemas(full);
    expect(fullSchemas.length).toBeGreaterThan(100);
    expect([...miniSchemas.keys()]).toEqual(fullSchemas.map(([name]) => name));
    for (const [name, schema] of fullSchemas) {
      const other = miniSchemas.get(name) as Schema;
      for (const io of ['input', 'output'] as const) {
        const options = { io, unrepresentable: 'any' } as const;
        expect(z.toJSONSchema(other, options), `${name} (${io})`).toEqual(z.toJSONSchema(schema, options));
      }
    }
  });

  it('word their refusals in English with no full zod loaded (zod/mini ships no messages)', async () => {
    // Full zod sets its English messages for the whole process when loaded, so take them away first.
    const settings = z.config();
    const english = settings.localeError;
    settings.localeError = undefined;
    try {
      const alone = await loadProtocol('mini');
      expect(outcome(alone.CaseSummary, { id: 5 }).issues?.[0]).toEqual({
        code: 'invalid_type',
        path: ['id'],
        message: 'Invalid input: expected string, received number',
      });
    } finally {
      settings.localeError = english;
    }
  });

  it('accept the valid frames the bases are', () => {
    for (const frame of SERVER_FRAMES) expect(outcome(mini.ServerMessage, frame)).toMatchObject({ ok: true });
  });

  it('accept and refuse every broken server frame as the server does, with the same issues', () => {
    let refused = 0;
    let checked = 0;
    for (const base of SERVER_FRAMES) {
      for (const frame of [base, ...broken(base)]) {
        const expected = outcome(full.ServerMessage, frame);
        expect(outcome(mini.ServerMessage, frame)).toEqual(expected);
        if (!expected.ok) refused++;
        checked++;
      }
    }
    expect(checked).toBeLessThan(50_000);
    expect(refused).toBeGreaterThan(500);
  });

  it('refuse a drawing over its caps with the same words, so the app can say what to remove', () => {
    const text = 'y'.repeat(4000);
    const elements = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      type: 'text',
      x: 0,
      y: 0,
      width: 1,
      height: 1,
      text,
    }));
    const frame = { type: 'drawing_update', scene: { format: 1, version: 1, elements } };
    const expected = outcome(full.ServerMessage, frame);
    expect(expected.ok).toBe(false);
    expect(outcome(mini.ServerMessage, frame)).toEqual(expected);
  });

  it('read REST replies alike: a report, a case list and an error body', () => {
    const cases = [{ id: 'c', title: 'Case', summary: 's', levels: ['senior'], tags: [] }];
    const pairs: [keyof Protocol & string, unknown][] = [
      ['Report', sampleReport],
      ['CaseSummary', cases[0]],
      ['ApiError', { code: 'NOT_FOUND', message: 'gone' }],
      [
        'HealthResponse',
        {
          ok: true,
          interviewer: 'offline',
          llm: { configured: false, reachable: false, detail: '' },
          db: 'ok',
        },
      ],
    ];
    for (const [name, base] of pairs) {
      const fullSchema = full[name] as Schema;
      const miniSchema = mini[name] as Schema;
      for (const value of [base, ...broken(base)])
        expect(outcome(miniSchema, value), name).toEqual(outcome(fullSchema, value));
    }
  });
});
