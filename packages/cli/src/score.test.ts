import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '@mlsd/protocol';
import { fixtureRubric } from '@mlsd/scoring/fixture';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.ts';

let dir: string;
let rubricsDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-score-'));
  // JSON is YAML: the fixture rubric is written as-is, so these tests do not move with rubrics/.
  rubricsDir = join(dir, 'rubrics');
  mkdirSync(join(rubricsDir, 'cases'), { recursive: true });
  const { study, framework } = fixtureRubric();
  writeFileSync(join(rubricsDir, 'framework.yaml'), JSON.stringify(framework));
  writeFileSync(join(rubricsDir, 'cases', `${study.id}.yaml`), JSON.stringify(study));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], cwd = dir) => runCaptured(args, cwd);

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const TRANSCRIPT = {
  caseId: 'spam-filter',
  source: 'ignored by the scorer',
  turns: [
    { role: 'interviewer', step: 'model', text: 'Let us talk about the model of the spam filter now.', t: 0 },
    {
      role: 'candidate',
      step: 'model',
      text: 'I would add calibration with Platt scaling, because the folder threshold of 0.9 must mean 90% spam.',
      t: 40,
    },
    {
      role: 'candidate',
      step: 'model',
      text: 'We will also start with logistic regression.',
      t: 100,
      mood: 'ok',
    },
  ],
};

describe('mlsd score', () => {
  it('prints the report as JSON with --json', async () => {
    write('session.json', TRANSCRIPT);
    const { code, stdout, stderr } = await run(['score', 'session.json', '--json', '--rubrics', rubricsDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(stdout));
    expect(report.caseId).toBe('spam-filter');
    expect(report.overall).toBeGreaterThan(0);
    const model = report.steps.find((step) => step.id === 'model');
    expect(model?.covered.map((point) => [point.pointId, point.level])).toEqual([
      ['calibrated-scores', 'explained'],
      ['baseline-first', 'mentioned'],
    ]);
    expect(model?.covered[0]?.evidence.quote).toBe(TRANSCRIPT.turns[1]?.text);
    expect(model?.missed.length).toBeGreaterThan(0);
    expect(model?.usedMs).toBe(100_000);
  });

  it("reads the framework's red flags with the case's, as the server does", async () => {
    const { study, framework } = fixtureRubric();
    framework.steps
      .find((step) => step.id === 'model')
      ?.redFlags.push({
        id: 'random-split-of-mail',
        title: 'Splits the mail at random',
        signals: ['random split of the mail'],
        why: 'Mail arrives in time order, so a random split scores the model on days it trained on.',
        severity: 'major',
      });
    writeFileSync(join(rubricsDir, 'framework.yaml'), JSON.stringify(framework));
    const said = 'We take a random split of the mail for training and test.';
    write('session.json', {
      caseId: study.id,
      turns: [TRANSCRIPT.turns[0], { role: 'candidate', step: 'model', text: said, t: 30 }],
    });
    const { code, stdout } = await run(['score', 'session.json', '--json', '--rubrics', rubricsDir]);
    expect(code).toBe(0);
    const model = Report.parse(JSON.parse(stdout)).steps.find((step) => step.id === 'model');
    expect(model?.redFlags.map((flag) => [flag.id, flag.evidence.quote])).toEqual([
      ['random-split-of-mail', said],
    ]);
  });

  it('prints a readable summary by default', async () => {
    const path = write('session.json', TRANSCRIPT);
    const { code, stdout } = await run(['score', path, '--rubrics', rubricsDir], '/');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^E-mail spam filter \(spam-filter\), offline scorer\nOverall \d+\/100: no-hire \(steps weighted \d+, on a human grader.s scale\)\n/,
    );
    expect(stdout).toContain('+ Calibrated scores (explained, weight 3)');
    expect(stdout).toContain('~ Baseline first (mentioned, weight 2)');
    expect(stdout).toContain('"I would add calibration with Platt scaling');
    expect(stdout).toMatch(/serving\s+0\s+0\/\d+\s+not reached/);
  });

  it('scores an empty transcript 0 with a note, not an error', async () => {
    write('empty.json', { caseId: 'spam-filter', turns: [] });
    const { code, stdout } = await run(['score', 'empty.json', '--json', '--rubrics', rubricsDir]);
    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(stdout));
    expect(report.overall).toBe(0);
    expect(report.hireSignal).toBe('no-hire');
    expect(report.flags.map((flag) => flag.kind)).toEqual(['empty-transcript']);
  });

  it('refuses an unknown case and lists the known ones', async () => {
    write('other.json', { caseId: 'spam-filtre', turns: [] });
    const { code, stdout, stderr } = await run(['score', 'other.json', '--rubrics', rubricsDir]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("mlsd score: unknown case 'spam-filtre'; known cases: spam-filter\n");
  });

  it('says where malformed JSON breaks, by line and column', async () => {
    write(
      'broken.json',
      '{\n  "caseId": "spam-filter",\n  "turns": [\n    { "role": "candidate" "text": "hi" }\n  ]\n}',
    );
    const { code, stderr } = await run(['score', 'broken.json', '--rubrics', rubricsDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mlsd score: broken\.json:4:27: invalid JSON: /);
  });

  it('locates JSON errors whose message gives no position', async () => {
    write('literal.json', '{"caseId": "spam-filter",\n "turns": [ tru ]}');
    const { code, stderr } = await run(['score', 'literal.json', '--rubrics', rubricsDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mlsd score: literal\.json:2:13: invalid JSON: /);
  });

  it('names the path of a field with the wrong shape', async () => {
    write('shape.json', {
      caseId: 'spam-filter',
      turns: [{ role: 'candidate', text: 'a' }, { role: 'judge', text: 'b' }, { role: 'candidate' }],
    });
    const { code, stderr } = await run(['score', 'shape.json', '--rubrics', rubricsDir]);
    expect(code).toBe(1);
    expect(stderr).toContain('shape.json is not a transcript file');
    expect(stderr).toContain('turns[1].role:');
    expect(stderr).toContain('turns[2].text:');
  });

  it('reports a missing file and bad usage', async () => {
    const missing = await run(['score', 'nope.json', '--rubrics', rubricsDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('mlsd score: cannot read nope.json: ENOENT\n');
    const noFile = await run(['score']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('which transcript file?');
    const badFlag = await run(['score', 'x.json', '--jsn']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('unknown option "--jsn"');
  });

  it('finds the repository rubrics from any working directory', async () => {
    write('ad.json', {
      caseId: 'ad-click-prediction',
      turns: [
        {
          role: 'candidate',
          text: 'I would calibrate the predicted CTR with isotonic regression, because advertisers pay per click.',
        },
      ],
    });
    const { code, stdout } = await run(['score', join(dir, 'ad.json'), '--json'], '/');
    expect(code).toBe(0);
    expect(Report.parse(JSON.parse(stdout)).caseId).toBe('ad-click-prediction');
  });
});
