import type { StepId, TranscriptFile } from '@mlsd/protocol';
import { STEP_IDS } from '@mlsd/rubric/steps';
import { languageCounts } from './language.ts';

/** Longest turn scored whole; the rest of a longer turn is set aside (and said so). */
export const MAX_TURN_CHARS = 20_000;

/** A transcript file's turns made safe to score, with what was set aside and why. */
export interface CheckedTurns {
  turns: {
    role: 'interviewer' | 'candidate';
    text: string;
    step: StepId | null;
    source: TranscriptFile['turns'][number];
  }[];
  /** One sentence per kind of input set aside, for the report's `ignored-input` flag. */
  notes: string[];
}

/**
 * Empty turns are dropped, unknown step ids are set aside (the turn keeps the step before it),
 * very long turns are cut, and candidate turns not in English are noted: they earn nothing.
 */
export function checkTurns(turns: TranscriptFile['turns']): CheckedTurns {
  const out: CheckedTurns['turns'] = [];
  let empty = 0;
  let cut = 0;
  let foreign = 0;
  const unknownSteps = new Set<string>();
  for (const turn of turns) {
    if (turn.text.trim() === '') {
      empty++;
      continue;
    }
    let step: StepId | null = null;
    if (turn.step !== undefined) {
      if ((STEP_IDS as readonly string[]).includes(turn.step)) step = turn.step as StepId;
      else unknownSteps.add(turn.step);
    }
    let text = turn.text;
    if (text.length > MAX_TURN_CHARS) {
      text = text.slice(0, MAX_TURN_CHARS);
      cut++;
    }
    // Set aside as the note says: a turn the report calls not in English is never quoted for a point.
    if (turn.role === 'candidate' && !looksEnglish(text)) {
      foreign++;
      text = '';
    }
    out.push({ role: turn.role, text, step, source: turn });
  }
  const notes: string[] = [];
  if (empty > 0) notes.push(`${plural(empty, 'empty turn')} skipped`);
  if (unknownSteps.size > 0)
    notes.push(
      `unknown step ${[...unknownSteps].map((id) => `"${id}"`).join(', ')} set aside (those turns keep the step before them; steps are ${STEP_IDS.join(', ')})`,
    );
  if (cut > 0)
    notes.push(
      `${plural(cut, 'turn')} longer than ${MAX_TURN_CHARS.toLocaleString('en')} characters cut to that length`,
    );
  if (foreign > 0)
    notes.push(
      `${plural(foreign, 'candidate turn')} not in English earn nothing (the rubrics are in English)`,
    );
  return { turns: out, notes };
}

/** Most letters Latin and not mostly another language's small words, once a turn is long enough to tell. */
function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return true;
  const latin = letters.filter((letter) => /[a-z]/i.test(letter)).length;
  if (latin / letters.length < 0.7) return false;
  // Counting foreign function words, not the share of English ones: a terse English list
  // ("null rate, reformulation rate, abandonment, conversion per query") has almost none.
  const { english, foreign } = languageCounts(text.match(/[\p{L}'][\p{L}']*/gu) ?? []);
  return !(foreign >= 2 && foreign > english);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
