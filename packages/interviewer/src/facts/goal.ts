/**
 * The question nearly every mock opens with asks what the system is for: "what are we optimising
 * for?", "what's being minimised?", "what would success look like?", "what can't get worse?". Its
 * words rarely meet the goal fact's ("are we optimising for ticket sales or clicks?" shares more with
 * the fact about what is logged), so such a question is recognised by its form and answered with the
 * facts the rubric marks `goal`.
 */

/** Asks what is optimised, maximised or minimised: the objective, not how to tune something. */
const OPTIMISED =
  /\boptimi[sz](?:e|es|ed|ing)\s+(?:for|what|towards?)\b|\bwhat\b[^?.]*\boptimi[sz](?:e|es|ed|ing)\b|\boptimi[sz]ation\s+(?:target|goal|objective)\b|\bbeing\s+(?:optimi[sz]|maximi[sz]|minimi[sz])ed\b|\b(?:what|which)\b[^?.]*\b(?:maximi[sz]|minimi[sz])(?:e|es|ed|ing)\b|\b(?:trying|want|wants|aim|aiming|meant|supposed|here)\s+to\s+(?:maximi[sz]|minimi[sz])e\b[^?.]*\bor\b/i;

/** Names the system's purpose: "the main goal", "the business objective", "the priority here". */
const PURPOSE =
  /\b(?:goal|goals|objective|objectives|purpose|mission|north\s+star)\b|\b(?:main|top|real|overall|business|product|biggest)\s+priorit(?:y|ies)\b|\bpriority\s+(?:here|for\s+(?:us|the\s+business|the\s+company))\b|\bis\s+the\s+priority\b/i;

/** "What is the ETA system for?": what the thing is for, said at the end. */
const WHAT_FOR =
  /\bwhat(?:'s|\s+is|\s+are)\s+(?:it|this|that|the|our|these)(?:\s+[\w-]+){0,3}\s+(?:used\s+)?for\s*\??$/i;

/** "What are we trying to achieve?", "what should the new search accomplish?". */
const ACHIEVE = /\b(?:achieve|accomplish)\b/i;

/** "What does the company most want out of this?": what the business wants from the project. */
const WANTED =
  /\bwhat (?:does|do|did|would|will) (?:the |our )?(?:company|business|leadership|management|execs?|executives|stakeholders?|org|organi[sz]ation|client|product team|product)\s+(?:\w+\s+)?(?:want|need|hope|expect|care about)\b/i;

/** What success would look like, or whether the system did its job. */
const SUCCESS =
  /\bsuccess\s+(?:look|looks|mean|means|metric|metrics|criteria|criterion|measure|measures)\b|\b(?:define|defines|defining|measure|measures|measuring|mean|means|count\s+as|counts\s+as|look\s+like|looks\s+like)\b[^?.]*\bsuccess\b|\bsuccess\b[^?.]*\b(?:look|looks)\s+like\b|\b(?:it|this|we|system|project|launch|feature|model)\s+(?:succeed|succeeded|succeeds|has\s+succeeded)\b|\bcounts?\s+as\s+a\s+win\b|\bwhat\s+(?:would|does|will)\s+(?:a\s+)?(?:win|good)\s+(?:look|mean)\b/i;

/** What must not get worse while the goal is pursued. */
const GUARDRAIL =
  /\bguardrails?\b|\b(?:can'?t|cannot|must\s+not|mustn'?t|shouldn'?t|should\s+not|don'?t\s+want\s+to|can'?t\s+afford\s+to|not\s+allowed\s+to)\s+(?:we\s+|you\s+)?(?:let\s+(?:\w+\s+)?)?(?:slide|slip|get\s+worse|degrade|regress|drop|suffer)\b|\bkeep\s+(?:\w+\s+)?from\s+(?:degrading|getting\s+worse|slipping|regressing)\b|\bwithout\s+hurting\s+what\b/i;

/**
 * A question about a subject of its own with a target is not about the system's purpose: "what's the
 * latency target?", "the goal for p99?", "what recall do we need to achieve?".
 */
const OWN_SUBJECT =
  /\b(?:latency|p\d\d|millisecond|milliseconds|ms|qps|throughput|budget|memory|storage|gpu|gpus|cost|costs|headcount|deadline|timeline|recall|precision|accuracy|auc|loss|training|label|labels|labelling|labeling|annotation|objective\s+function|training\s+objective)\b/i;

/**
 * Not the case's goal asked: the candidate's own proposal ("maybe optimise for accepted requests?",
 * "so the objective would be watch time, correct?"), a judgement asked ("is it better to optimise
 * for clicks or purchases?"), the known practice ("what are common guardrails?"), what the
 * interviewer wants ("do you want the ML objective or the business one?"), or an objective of the
 * model ("a diversity term in the ranking objective", "multi-objective ranking").
 */
const NOT_THE_CASE_GOAL =
  /\b(?:i'?d|we'?d|i would|we would|i think|i guess|maybe|perhaps|probably|would be|should be|could be|better|worth|common|typical|typically|usual|usually|normally|standard|textbook|companies|best practice|examples?|you'?d|you would|you (?:want|mean|expect|are looking for|'re looking for))\b|\b(?:ranking|multi-?|multiple|loss|learning|ml|model'?s?|training)\s*objectives?\b/i;

/** Whether a question asks what the system is for: its goal, what success is, what must not get worse. */
export function asksForGoal(question: string): boolean {
  if (NOT_THE_CASE_GOAL.test(question)) return false;
  if (GUARDRAIL.test(question)) return true;
  if (OWN_SUBJECT.test(question)) return false;
  return (
    OPTIMISED.test(question) ||
    PURPOSE.test(question) ||
    WHAT_FOR.test(question) ||
    ACHIEVE.test(question) ||
    WANTED.test(question) ||
    SUCCESS.test(question)
  );
}
