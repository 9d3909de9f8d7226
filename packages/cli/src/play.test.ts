import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TranscriptFile } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-play-'));

async function play(script: unknown, extra: string[] = []) {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof script === 'string' ? script : JSON.stringify(script));
  return runCaptured(['play', file, ...extra], dir, {});
}

describe('mlsd play', () => {
  it('plays the messages through the offline interviewer and prints what it read and did', async () => {
    const { code, stdout } = await play({
      case: 'fraud-detection',
      steps: {
        requirements: ['um ok. how many card payments do we see per day?'],
        framing: ["I'm stuck, any hints?"],
        evaluation: ['Accuracy should be fine as the main metric.'],
      },
    });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.find((l) => l.includes('payments do we see'))).toMatch(/^requirements +C \[facts\]/);
    expect(stdout).toMatch(/^requirements +I \(answer volume\) .*25 million/m);
    expect(stdout).toMatch(/^framing +I \(hint hint:1\)/m);
    expect(stdout).toMatch(/^evaluation +I \(challenge flag:accuracy-goal\)/m);
    // Every step is reached and the session ends.
    expect(stdout).toMatch(/^monitoring +I \(wrap-up\)/m);
  }, 60_000);

  it('prints the session as a transcript file that mlsd score reads', async () => {
    const { code, stdout } = await play(
      { case: 'fraud-detection', steps: { evaluation: ['I would compare recall at a fixed decline rate.'] } },
      ['--json'],
    );
    expect(code).toBe(0);
    const file = TranscriptFile.parse(JSON.parse(stdout));
    expect(file.turns[0]).toMatchObject({ role: 'interviewer', kind: 'opening', t: 0 });
    expect(file.turns.at(-1)!.t).toBeGreaterThan(40 * 60);
    expect(file.turns.every((turn) => !('reading' in turn))).toBe(true);
    const transcript = join(dir, 'played.json');
    writeFileSync(transcript, stdout);
    const scored = await runCaptured(['score', transcript, '--json'], dir, {});
    expect(scored.code).toBe(0);
    const evaluation = (JSON.parse(scored.stdout) as { steps: { id: string; score: number }[] }).steps.find(
      (step) => step.id === 'evaluation',
    );
    expect(evaluation?.score).toBeGreaterThan(0);
  }, 60_000);

  it('says what is wrong with a script and plays nothing', async () => {
    const unknownCase = await play({ case: 'fraud-detectoin', steps: {} });
    expect(unknownCase.code).toBe(2);
    expect(unknownCase.stderr).toMatch(/unknown case "fraud-detectoin"; known cases: .*fraud-detection/);
    const emptyMessage = await play({ case: 'fraud-detection', steps: { data: ['fine', ''] } });
    expect(emptyMessage.stderr).toMatch(/steps\.data\.1: a message is empty/);
    const unknownStep = await play({ case: 'fraud-detection', steps: { deployment: ['x'] } });
    expect(unknownStep.code).toBe(2);
    expect(unknownStep.stderr).toMatch(/deployment/);
    const notJson = await play('{"case": ');
    expect(notJson.stderr).toMatch(/cannot read .* as JSON/);
    for (const result of [emptyMessage, unknownStep, notJson]) expect(result.stdout).toBe('');
  });
});
