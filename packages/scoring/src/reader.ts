import type { CaseStudy, Framework, RedFlag, StepId } from '@mlsd/rubric';
import { type Analysis, AnalysisCache, AnalysisMemo } from './analyse.ts';
import { compileRubric } from './compile.ts';
import type { CompiledRubric } from './compiled-types.ts';
import { type MissReason, readingOf } from './evidence.ts';
import { meaningCandidates, takesStance } from './meaning.ts';

/** What one candidate message says about the case, as the report will read it. */
export interface MessageReading {
  /** Points this text asserts (credit > 0), with the verbatim quote and level. */
  covered: { pointId: string; level: 'mentioned' | 'explained'; quote: string; plain: boolean }[];
  /** Points named only to reject/dismiss them. */
  rejected: { pointId: string; quote: string }[];
  /** Points named only in a question ("what about class imbalance?"): raised, not claimed. */
  asked: { pointId: string; quote: string }[];
  /** Red flags stated in earnest, with the quote. */
  redFlags: { flagId: string; step: StepId; severity: RedFlag['severity']; quote: string }[];
  /** Red flags put up as a question ("could we just use accuracy?"): no cost, but worth a push-back. */
  floated?: { flagId: string; quote: string }[];
  /**
   * Points the text talks about without earning them ("a different idea" to the matcher): terse or
   * unusual wording often lands here, so the interviewer does not probe them right after.
   */
  near?: { pointId: string; quote: string }[];
  /**
   * For each step, the point a sentence of the text is nearest by meaning, whatever its wording and
   * whether or not it earns anything: what the message is about. "I'd look at the picture at several
   * zoom levels at once" names no phrasing of the multi-scale point and, with two uncommon words,
   * is not read by meaning for credit; the interviewer must still not ask "what in the architecture
   * handles that range?" next.
   */
  about?: string[];
}

/**
 * Least soft F1 for a sentence to be about a point (`MessageReading.about`): above the reading by
 * meaning's own floor (0.25), which every sentence reaches for some point of most steps.
 */
const ABOUT_MIN_SCORE = 0.3;

/**
 * Reads one candidate message for the interviewer: which points it covers, which it rejects, which
 * red flags it states. It is the scorer's own reading of the text (same analysis, same cached
 * verdicts), so the interviewer and the report never disagree about a message. Pass `inReplyTo`
 * (the interviewer turn it answers) so echoes earn nothing, and the session's `cache`.
 */
export function readCandidateMessage(
  study: CaseStudy,
  framework: Framework,
  text: string,
  options: { inReplyTo?: string; cache?: AnalysisCache } = {},
): MessageReading {
  if (text.trim() === '') return { covered: [], rejected: [], asked: [], redFlags: [] };
  const rubric = compileRubric(study, framework);
  const cache = options.cache ?? new AnalysisCache();
  const analysis = cache.analysis(text);
  const prompt = options.inReplyTo === undefined ? null : cache.lemmaSet(options.inReplyTo);
  const reading = readingOf(rubric, analysis, prompt);
  const idOf = (index: number) => rubric.points[index]?.point.id ?? '';
  const missed = (why: MissReason) =>
    reading.misses
      .filter((miss) => miss.why === why)
      .map((miss) => ({ pointId: idOf(miss.point), quote: text.slice(miss.start, miss.end) }));
  return {
    // A message has no step here: a point read by meaning is reported when it is the best of all.
    covered: [
      ...reading.verdicts,
      ...reading.byMeaning.filter(
        (verdict) =>
          verdict.byMeaning?.global && !reading.verdicts.some((other) => other.point === verdict.point),
      ),
    ].map((verdict) => ({
      pointId: idOf(verdict.point),
      level: verdict.explained ? 'explained' : 'mentioned',
      quote: text.slice(verdict.start, verdict.end),
      plain: verdict.plain,
    })),
    rejected: missed('rejected'),
    asked: missed('question'),
    near: missed('different idea'),
    // A copy: the memoised list is shared by every reading of this text.
    about: [...aboutByMeaning(rubric, analysis, prompt)],
    floated: reading.floated.map((hit) => ({ flagId: hit.flag.id, quote: text.slice(hit.start, hit.end) })),
    redFlags: reading.redFlags.map((hit) => ({
      flagId: hit.flag.id,
      step: hit.flag.step,
      severity: hit.flag.severity,
      quote: text.slice(hit.start, hit.end),
    })),
  };
}

/**
 * What each text is about, computed once per text, rubric and prompt: the interviewer reads the
 * candidate's last three messages again at every turn.
 */
const abouts = new AnalysisMemo<string[]>();

/** The points the text's sentences are nearest by meaning, one per step each, at `ABOUT_MIN_SCORE`. */
function aboutByMeaning(rubric: CompiledRubric, analysis: Analysis, prompt: Set<string> | null): string[] {
  return abouts.get(analysis, rubric, prompt, () => readAbout(rubric, analysis, prompt));
}

function readAbout(rubric: CompiledRubric, analysis: Analysis, prompt: Set<string> | null): string[] {
  const ids = new Set<string>();
  for (const segment of analysis.segments) {
    // A question raises a topic without saying anything of it ("what about class imbalance?"); a
    // sentence that negates or waves something off may be about the very idea it rejects
    // ("integrity stuff is a policy team thing, not a ranking thing"), which is worth asking about.
    if (segment.graderDirected !== null || segment.question || takesStance(segment)) continue;
    for (const candidate of meaningCandidates(rubric, segment, prompt))
      if (candidate.score >= ABOUT_MIN_SCORE) ids.add(rubric.points[candidate.point]?.point.id ?? '');
  }
  ids.delete('');
  return [...ids];
}
