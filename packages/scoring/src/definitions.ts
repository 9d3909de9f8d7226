/**
 * Measures defined wrongly out loud: "I care about recall, meaning out of all the spikes we
 * flagged, how many were real" (that is precision), "precision: of all the real frauds, how many we
 * caught" (recall), "a p-value below 0.05 means a 95% chance the new policy is better". A candidate
 * who swaps what a measure counts will tune the system for the wrong thing, however right the
 * measure's name sounds. Only a definition said in so many words is read: the name alone is not.
 */

export interface Misdefinition {
  /** The measure the candidate named ("recall", "p-value"). */
  term: string;
  /** What the definition given actually describes ("precision"), or what the measure is not. */
  describes: string;
  /** The definition as the candidate said it, from the measure's name to its end. */
  said: string;
  start: number;
  end: number;
}

/** "recall, meaning", "precision: ", "recall (", "recall is", "recall — the share". */
const NAMED_THEN_DEFINED = String.raw`\b(recall|precision)\b(?!\s*(?:and|or|&|\/)\s*(?:recall|precision)\b)(?:\s*@\s*\w+)?\s*(?:[,:(–—-]\s*)?(?:which |that |so )?(?:meaning|means|i\.?e\.?,?|that is,?|is|=|defined as|being|as in)?\s*(?:the )?(?:share|fraction|percentage|percent|proportion|ratio|number|count|rate)?\s*`;
/** The base the measure is taken over: "out of all the spikes we flagged", "of the real frauds". */
const OVER = String.raw`(?:out of|of|among|from)\s+(?:all\s+)?(?:the\s+|those\s+|these\s+)?([^,;.!?()]{2,60}?)`;
/** What comes after the base: "how many were real", "that are fraud", ", what share". */
const COUNTED = String.raw`(?:\s*[,;:–—-]\s*|\s+)(?:how many|what share|what fraction|what percent(?:age)?|which|that|who|the share|the fraction|are|were)\b`;
const DEFINED = new RegExp(NAMED_THEN_DEFINED + OVER + COUNTED, 'gi');

/** A base made of what the system picked: the predicted positives. */
const PICKED =
  /\b(?:flagged|flag|flags|predicted|predict|predicts|caught|marked|returned|retrieved|surfaced|alerted|blocked|declined|removed|called|labell?ed (?:as )?(?:fraud|positive|bad)|we (?:flag|block|decline|remove|return|show|alert on|catch)|(?:the model|it|we) (?:said|says|thinks?|thought))\b/i;
/** A base made of what is truly there: the actual positives. */
const ACTUAL =
  /\b(?:actual|actually|real|really|true|truly|genuine|existing|relevant|all (?:the )?\w+ (?:that|which) (?:exist|happened|occur)|that (?:exist|happened|occurred|were there))\b/i;

/** "p-value under 0.05 means a 95% chance the new policy is better", "the probability the null is true". */
const P_VALUE_MISREAD = new RegExp(
  String.raw`(?:\bp[- ]?values?\b|\bp\s*[<≤=]\s*0?\.\d+)(?:[^.!?]|\.(?=\d)){0,80}?\b(?:` +
    String.raw`\d+(?:\.\d+)?\s?%\s+(?:chance|probability|likely|sure|certain|confident)\b[^.!?]{0,50}?\b(?:better|works?|real|true|right|correct|wins?|winner|improv\w*|effect)\b` +
    String.raw`|(?:probability|chance) (?:that )?(?:the )?(?:null(?: hypothesis)? (?:is|was) (?:true|right|correct)|(?:new|treatment|variant|change|policy|model|result|effect)\b[^.!?]{0,30}?\b(?:is|was) (?:better|real|true|right|correct))` +
    String.raw`)`,
  'gi',
);

/** Every measure in `text` whose definition, as said, describes another measure. */
export function misdefinitions(text: string): Misdefinition[] {
  // Most messages name no measure: skip the reading for them.
  if (!/\b(?:recall|precision|p[- ]?values?|p\s*[<≤=])/i.test(text)) return [];
  const out: Misdefinition[] = [];
  for (const match of text.matchAll(DEFINED)) {
    const term = match[1]!.toLowerCase();
    // "precision and recall, meaning ...": two measures named, one definition each or for both.
    if (
      /\b(?:precision|recall)\s*(?:and|or|&|\/)\s*$/i.test(
        text.slice(Math.max(0, match.index - 20), match.index),
      )
    )
      continue;
    const base = match[2] ?? '';
    const picked = PICKED.test(base);
    const actual = ACTUAL.test(base);
    if (picked === actual) continue;
    const describes = picked ? 'precision' : 'recall';
    if (describes === term) continue;
    const start = match.index;
    const said = sentenceFrom(text, start);
    out.push({ term, describes, said, start, end: start + said.length });
  }
  for (const match of text.matchAll(P_VALUE_MISREAD)) {
    const start = match.index;
    const said = sentenceFrom(text, start);
    out.push({
      term: 'p-value',
      describes: 'the chance the change works',
      said,
      start,
      end: start + said.length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** From `start` to the end of its sentence. */
function sentenceFrom(text: string, start: number): string {
  const rest = text.slice(start);
  const end = rest.search(/[.!?](?:\s|$)/);
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}
