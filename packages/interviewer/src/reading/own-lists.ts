/**
 * The candidate's own lists and checks, whatever their items look like: a label over a list
 * ("metrics: ..."), a heading over a list of measures ("Useful hints: how busy the kitchen is, ..."),
 * and checks under a heading in the design voice ("I'd watch for: are people watching less?").
 * None of them asks the interviewer anything (questions.ts, intent.ts, learned/combine.ts).
 */

/** A label the candidate puts over their own list: "online:", "metrics:", "features:". */
export const LIST_LABEL =
  /^(?:(?:online|offline)(?: metrics?| eval(?:uation)?)?|metrics?|features?|labels?|signals?|monitoring|monitor|dashboards?|alerts?|kpis?|guardrails?|eval(?:uation)?|inputs?|outputs?|(?:[\w-]+ )?(?:health|quality|freshness|coverage|safety|security|reliability|drift|costs?|checks?))\s*:/i;
/**
 * A heading and a colon before a list: "Useful hints: ...", "Every day, per city: ...". After the
 * colon a measure ("how often we're late"), not a question ("do we have conversion labels").
 */
const HEADED_LIST =
  /^[^:?]{3,40}:\s*(?!(?:do|does|did|is|are|was|were|can|could|will|would|should|have|has|any|what(?:'s| is| are| does| do)|whats|which|who|when|where|why)\b)\S[^?]*$/i;
/**
 * A heading that announces asks or a request: "quick q:", "numbers I need:", "one more thing:", "to
 * confirm:", "I'm done with this step:".
 */
const ASK_HEADING =
  /^[^:]*\b(?:questions?|qs?|asks?|need|needed|(?:want|need|like|wanted|needed) to know|wonder\w*|clarif\w*|curious|confirm\w*|check\w*|things|(?:one|another|last|quick|other) (?:more )?thing|couple|few|help|stuck|done|finished|move|moving|next|stop|end|wrap\w*|before (?:i|we) (?:start|begin|design))\b[^:]*:/i;

/**
 * A sentence with no "?" that heads the candidate's own list: "Useful hints: how busy the kitchen
 * is, how many couriers are free", "Every day, per city: how far off we were".
 */
export const headsOwnList = (sentence: string) =>
  !sentence.includes('?') &&
  HEADED_LIST.test(sentence) &&
  !ASK_HEADING.test(sentence) &&
  !FIGURE_HEADING.test(sentence) &&
  // A list of two or more, or one thing after "is": "The thing we're guessing is: how many minutes...".
  (/,|\band\b/i.test(sentence.slice(sentence.indexOf(':'))) ||
    /\b(?:is|are|was|would be|will be)\s*:/i.test(sentence));

/** A heading that names the case's own figures, asked tersely: "Scale: how many daily users". */
const FIGURE_HEADING =
  /^(?:(?:the |our )?(?:scale|traffic|volume|size|sizes|latency|budget|constraints?|requirements?|users?|numbers?|data size|throughput|qps|sla))\s*:/i;

/** "I'd watch for side effects: ...", "we'd check two things: ...": the candidate's checks, listed. */
const OWN_CHECKS =
  /^(?:(?:and|also|so|then|plus)[,\s]+)?(?:i'?d|i would|we'?d|we would|i'?ll|we'?ll|i will|we will|i want to|we want to)\s+(?:also\s+)?(?:watch|check|monitor|track|look at|measure|alert on|keep an eye on|verify|test)\b[^:?]{0,40}:\s*\S/i;

/**
 * A step of the plan, then the checks it is for: "After that, turn it on for a small slice of traffic
 * and compare: how much bad stuff gets through, how long messages wait".
 */
const STEP_THEN_CHECKS =
  /^(?:(?:after that|afterwards|then|next|first|finally|and|also|so)[,\s]+)*(?:turn|run|ship|roll|launch|put|send|switch|start|deploy|release|open|route|give)\b[^:?]{0,80}\b(?:compare|measure|track|watch|monitor|check|see|look at)\s*:\s*\S/i;

/**
 * Whether a sentence (filler stripped) lists the candidate's own checks after a heading in their
 * design voice, however they put them ("are people watching less, are results slower?").
 */
export const listsOwnChecks = (sentence: string) =>
  OWN_CHECKS.test(sentence) || STEP_THEN_CHECKS.test(sentence);
