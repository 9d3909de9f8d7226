import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { fill, STEP_HINTS } from './lines.ts';
import type { Lines } from './persona-lines.ts';

/** What the voice needs to say the last question again, word for word or in other words. */
export interface QuestionAgain {
  /** The question to say again when asked: the line before if it asked one, else the step's. */
  lastQuestion?: string;
  /**
   * The same question in other words, for "what do you mean?" (without a lead: the voice picks it).
   * `explains`: a sentence that says what the question is after, not a question itself.
   */
  reworded?: { text: string; explains: boolean };
}

interface Context {
  caseStudy: CaseStudy;
  framework: Framework;
  step: StepId;
  /** The step's opening question. */
  stepQuestion: string;
  lines: Lines;
  title: string;
  hasSaid(text: string): boolean;
  /** Picks one of `options` not said before in the session, or the first. */
  unsaid(options: readonly string[]): string;
}

/**
 * The question a candidate asks to hear again: the interviewer's line before, when it asked
 * something (its asking paragraph: the first opening reads the brief first), else the step's own
 * question (after a fact answer, "the question" is the one the step is about). A line that was
 * itself the question said again ("Of course: ...") gives the question without its lead, and an
 * acknowledgement before an invitation ("Okay, noted. Anything to add?") is not part of it.
 *
 * In other words: the step's question has other wordings (the step's first hints); an invitation
 * to go on is said for what it is; a point's follow-up has the point's own question, when that was
 * not asked yet. Anything else has no second wording offline: its question comes first, without the
 * scene before it, and the voice offers to explain a term.
 */
export function questionAgain(previous: string | undefined, context: Context): QuestionAgain {
  const { lines, stepQuestion } = context;
  const asking = previous?.split(/\n\s*\n/).findLast((part) => part.includes('?'));
  const question = asking === undefined ? stepQuestion : withoutLeads(asking.trim(), lines);
  if (question === '') return {};
  return { lastQuestion: question, reworded: reworded(question, context) };
}

function reworded(question: string, context: Context): QuestionAgain['reworded'] {
  const { caseStudy, framework, step, stepQuestion, lines, title } = context;
  const asksStep = stepQuestion !== '' && question.includes(stepQuestion);
  if (asksStep || STEP_HINTS[step].some((hint) => question.includes(hint)))
    return {
      text: context.unsaid(STEP_HINTS[step].filter((hint) => !question.includes(hint))),
      explains: false,
    };
  // An invitation already explained is asked about again: the step's question, put another way.
  const explained = lines.inviteExplained.some((line) =>
    question.includes(fill(line, { title }).split('?')[0]!),
  );
  if (explained) return { text: context.unsaid(STEP_HINTS[step]), explains: false };
  const invitations = [...lines.acknowledgeInvite, ...lines.acknowledgeCovered, ...lines.acknowledgeLastStep];
  if (invitations.some((invitation) => question.includes(fill(invitation, { title }))))
    return {
      text: context.unsaid(lines.inviteExplained.map((line) => fill(line, { title }))),
      explains: true,
    };
  const points = [
    ...caseStudy.steps[step].points,
    ...(framework.steps.find((candidate) => candidate.id === step)?.points ?? []),
  ];
  const followedUp = points.find((point) => point.followUps.some((followUp) => question.includes(followUp)));
  if (followedUp && !context.hasSaid(followedUp.probe)) return { text: followedUp.probe, explains: false };
  // "The customer relies on the end of the window. What does your model need to output...?": the
  // question first, the scene it stands in after.
  const sentences = question.split(/(?<=[.!?])\s+/);
  const firstAsking = sentences.findIndex((sentence) => sentence.includes('?'));
  if (firstAsking <= 0) return undefined;
  const asked = sentences.slice(firstAsking).join(' ');
  // The scene without the line's lead-in ("I'd like to go a bit deeper."), which is no part of it.
  const pooled = new Set(Object.values(lines).flat());
  const scene = sentences
    .slice(0, firstAsking)
    .filter((sentence) => !pooled.has(sentence))
    .join(' ');
  if (scene === '') return undefined;
  return {
    text: `${asked} ${fill(context.unsaid(lines.rewordScene), { scene: lowerFirst(scene) })}`,
    explains: false,
  };
}

/** The question without the lead of a line that said it again or acknowledged first. */
function withoutLeads(text: string, lines: Lines): string {
  let rest = text;
  const leads = [
    ...lines.repeatQuestion,
    ...lines.repeatEither,
    ...lines.rewordLead,
    ...lines.rewordUnavailable,
  ];
  for (const lead of leads) if (lead !== '' && rest.startsWith(lead)) rest = rest.slice(lead.length).trim();
  for (const offer of lines.rewordOfferTerm)
    if (rest.endsWith(offer)) rest = rest.slice(0, -offer.length).trim();
  for (const lead of [...lines.acknowledge].sort((a, b) => b.length - a.length))
    if (rest.startsWith(`${lead} `)) {
      rest = rest.slice(lead.length).trim();
      break;
    }
  return rest;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
