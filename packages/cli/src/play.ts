import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voiceOffline } from '@mlsd/interviewer';
import { type HarnessTurn, type PersonaScript, runHarnessSession } from '@mlsd/interviewer/harness';
import { STEP_IDS, type TranscriptFile } from '@mlsd/protocol';
import { formatIssue, loadRubrics } from '@mlsd/rubric';
import { z } from 'zod';
import type { CliIo } from './command-types.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

/** The harness plays a 45-minute session. */
const PLAY_MINUTES = 45;

const USAGE = `usage: mlsd play SCRIPT.json [--json]

Plays a candidate's messages through the offline interviewer, each step's messages spread over
its time, and prints the transcript with what the interviewer read in each message (in brackets)
and what it did (in parentheses). For judging a change by a whole session, not a single reply.
With --json, prints the session as a transcript file for \`mlsd score\`.

SCRIPT.json: {"case": "fraud-detection", "steps": {"requirements": ["how many users?", ...], ...}}
Steps left out get no message; the interviewer moves on when their time is up.
`;

const Script = z.object({
  case: z.string().min(1),
  steps: z.partialRecord(z.enum(STEP_IDS), z.array(z.string().min(1, 'a message is empty'))),
});

/** `mlsd play`: one scripted session through the offline interviewer, printed as a transcript. */
export async function playCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const files = argv.filter((arg) => arg !== '--json');
  const unknown = files.find((arg) => arg.startsWith('-'));
  if (files.length !== 1 || unknown) {
    io.stderr.write(
      `mlsd play: ${unknown ? `unknown argument "${unknown}"` : 'give one script file'}\n\n${USAGE}`,
    );
    return 2;
  }
  const path = resolve(io.cwd, files[0]!);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    io.stderr.write(`mlsd play: cannot read ${path} as JSON: ${(error as Error).message}\n`);
    return 2;
  }
  const script = Script.safeParse(raw);
  if (!script.success) {
    const issue = script.error.issues[0]!;
    io.stderr.write(
      `mlsd play: ${path}: ${issue.path.join('.') || 'the file'}: ${issue.message}\n\n${USAGE}`,
    );
    return 2;
  }
  const loaded = loadRubrics(RUBRICS_DIR);
  if (!loaded.ok) {
    io.stderr.write(`mlsd play: the rubrics do not load:\n${loaded.issues.map(formatIssue).join('\n')}\n`);
    return 1;
  }
  const caseStudy = loaded.value.cases.get(script.data.case);
  if (!caseStudy) {
    io.stderr.write(
      `mlsd play: unknown case "${script.data.case}"; known cases: ${[...loaded.value.cases.keys()].join(', ')}\n`,
    );
    return 2;
  }
  const messages = Object.fromEntries(
    STEP_IDS.map((step) => [step, (script.data.steps[step] ?? []).map((text) => ({ text }))]),
  ) as PersonaScript;
  const { turns } = await runHarnessSession({
    voice: { speak: async (request) => voiceOffline(request) },
    caseStudy,
    framework: loaded.value.framework,
    script: messages,
  });
  if (json) io.stdout.write(`${JSON.stringify(transcriptFile(script.data.case, turns), null, 2)}\n`);
  else io.stdout.write(`${turns.map(line).join('\n')}\n`);
  return 0;
}

/** The session as a transcript file `mlsd score` reads (times in seconds from the start). */
function transcriptFile(caseId: string, turns: HarnessTurn[]): TranscriptFile {
  const start = turns[0]?.at ?? 0;
  return {
    caseId,
    durationMinutes: PLAY_MINUTES,
    turns: turns.map(({ reading: _reading, expect: _expect, at, factIds: _facts, ...turn }) => ({
      ...turn,
      t: Math.round((at - start) / 1000),
    })),
  };
}

/** One transcript line: step, who, what was read or done, the words. */
function line(turn: HarnessTurn): string {
  const who = turn.role === 'candidate' ? 'C' : 'I';
  return `${turn.step.padEnd(12)} ${who} ${turn.role === 'candidate' ? `[${turn.intent}]` : `(${what(turn)})`} ${turn.text}`;
}

function what(turn: HarnessTurn): string {
  const details = [
    ...(turn.factIds ?? []),
    ...(turn.probedPointIds ?? []).map((id) => `probe:${id}`),
    ...(turn.hintLevel ? [`hint:${turn.hintLevel}`] : []),
    ...(turn.challengedFlagIds ?? []).map((id) => `flag:${id}`),
    ...(turn.curveballId ? [`curveball:${turn.curveballId}`] : []),
  ];
  return [turn.kind, ...details].join(' ');
}
