import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TranscriptFile } from './transcript.ts';
import { quickParseTranscriptFile } from './transcript-check.ts';

const CALIBRATION = fileURLToPath(new URL('../../../calibration', import.meta.url));

/** Every calibration transcript, parsed from its JSON. */
function calibrationFiles(): { name: string; json: unknown }[] {
  return readdirSync(CALIBRATION, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(CALIBRATION, dir.name))
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({
          name: `${dir.name}/${name}`,
          json: JSON.parse(readFileSync(join(CALIBRATION, dir.name, name), 'utf8')) as unknown,
        })),
    );
}

/** The quick parse gives zod's value (keys in the same order) or null; never accepts what zod rejects. */
function expectAgrees(json: unknown): 'same' | 'declined' {
  const quick = quickParseTranscriptFile(json);
  const zod = TranscriptFile.safeParse(json);
  if (!zod.success) {
    expect(quick).toBeNull();
    return 'declined';
  }
  if (quick === null) return 'declined';
  expect(quick).toStrictEqual(zod.data);
  expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
  return 'same';
}

const turn = { role: 'candidate', step: 'data', text: 'We log impressions.', t: 12 };
const file = { caseId: 'ad-click-prediction', durationMinutes: 45, turns: [turn] };

describe('quickParseTranscriptFile', () => {
  it("gives zod's value for every calibration transcript", () => {
    const files = calibrationFiles();
    expect(files.length).toBeGreaterThan(90);
    for (const { json } of files) expect(expectAgrees(json)).toBe('same');
  });

  it("gives zod's value for files with every optional field and keys of other tools", () => {
    const full = {
      role: 'interviewer',
      kind: 'hint',
      hintLevel: 2,
      hintPointIds: ['a'],
      challengedFlagIds: [],
      curveballId: 'c',
      probedPointIds: ['p', 'q'],
      intent: 'answer',
      text: 'A hint.',
      step: 'not-a-step',
      t: 0,
      speaker: 'Ann',
    };
    for (const json of [
      { ...file, notes: 'n', source: 'other tool', turns: [full, turn] },
      { turns: [], caseId: 'x', extra: { nested: [1] } },
      { ...file, turns: [{ ...turn, t: 1.5, step: undefined }] },
    ])
      expect(expectAgrees(json)).toBe('same');
  });

  it('declines every file zod rejects', () => {
    const broken: unknown[] = [
      null,
      [],
      'text',
      {},
      { ...file, caseId: '' },
      { ...file, caseId: 3 },
      { ...file, durationMinutes: '45' },
      { ...file, notes: null },
      { ...file, turns: {} },
      { ...file, turns: [null] },
      { ...file, turns: [[]] },
      { ...file, turns: [{ ...turn, role: 'bot' }] },
      { ...file, turns: [{ ...turn, text: undefined }] },
      { ...file, turns: [{ ...turn, text: 4 }] },
      { ...file, turns: [{ ...turn, t: -1 }] },
      { ...file, turns: [{ ...turn, t: '3' }] },
      { ...file, turns: [{ ...turn, t: null }] },
      { ...file, turns: [{ ...turn, step: 3 }] },
      { ...file, turns: [{ ...turn, kind: 'lecture' }] },
      { ...file, turns: [{ ...turn, hintLevel: 4 }] },
      { ...file, turns: [{ ...turn, hintLevel: '1' }] },
      { ...file, turns: [{ ...turn, intent: 'chat' }] },
      { ...file, turns: [{ ...turn, probedPointIds: [1] }] },
      { ...file, turns: [{ ...turn, probedPointIds: 'a' }] },
      { ...file, turns: [{ ...turn, hintPointIds: [null] }] },
      { ...file, turns: [{ ...turn, challengedFlagIds: {} }] },
      { ...file, turns: [{ ...turn, curveballId: 7 }] },
    ];
    for (const json of broken) {
      expect(TranscriptFile.safeParse(json).success).toBe(false);
      expect(quickParseTranscriptFile(json)).toBeNull();
    }
  });

  it('leaves a __proto__ key to zod', () => {
    expect(expectAgrees(JSON.parse('{"caseId":"x","turns":[],"__proto__":{"a":1}}'))).toBe('declined');
  });
});
