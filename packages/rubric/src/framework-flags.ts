import type { CaseStudy, Framework, RedFlag } from './schema.ts';
import { STEP_IDS } from './steps.ts';
import { contentLemmas } from './text.ts';

/**
 * The framework's red flags joined to a case: mistakes on every case (a random split of logged
 * data, raw personal data kept forever) that a case author need not write again. A case flag for the
 * same mistake takes in the framework's phrasings (the case's id, title, why and challenge stay);
 * otherwise the framework flag joins the case's flags of its step. Two flags are the same mistake
 * when a phrasing of one says, in at least two content words, all of a phrasing of the other
 * ("random split" and "random train test split").
 */
export function withFrameworkFlags(study: CaseStudy, framework: Framework): CaseStudy {
  const steps = Object.fromEntries(
    STEP_IDS.map((id) => [id, { ...study.steps[id], redFlags: study.steps[id].redFlags.map(copyFlag) }]),
  ) as CaseStudy['steps'];
  const caseFlags = STEP_IDS.flatMap((id) => steps[id].redFlags);
  for (const step of framework.steps) {
    for (const flag of step.redFlags) {
      const same = caseFlags.find((own) => own.id === flag.id || sameMistake(own, flag));
      if (same) {
        const known = new Set(same.signals.map((signal) => signal.toLowerCase()));
        same.signals.push(...flag.signals.filter((signal) => !known.has(signal.toLowerCase())));
        if (flag.notWhen) same.notWhen = [...new Set([...(same.notWhen ?? []), ...flag.notWhen])];
      } else steps[step.id].redFlags.push(copyFlag(flag));
    }
  }
  return { ...study, steps };
}

function copyFlag(flag: RedFlag): RedFlag {
  return { ...flag, signals: [...flag.signals], ...(flag.notWhen ? { notWhen: [...flag.notWhen] } : {}) };
}

/** Least content words two phrasings share for their flags to be one mistake. */
const MIN_SHARED = 2;

function sameMistake(a: RedFlag, b: RedFlag): boolean {
  const lemmasOf = (flag: RedFlag) => flag.signals.map((signal) => new Set(contentLemmas(signal)));
  const bs = lemmasOf(b);
  return lemmasOf(a).some((x) => bs.some((y) => contains(x, y) || contains(y, x)));
}

function contains(outer: Set<string>, inner: Set<string>): boolean {
  if (inner.size < MIN_SHARED) return false;
  for (const lemma of inner) if (!outer.has(lemma)) return false;
  return true;
}
