/**
 * Word families: "invitation" and "invites", "calibration" and "calibrated", "engagement" and
 * "engage" name one idea. wink's lemmas fold inflections ("invites" to "invite") but not derivations,
 * so a signal "accepted invitations" missed a candidate's "accepted invites", and terse or plain
 * answers lost credit for the right idea. Both sides of a match get a family key, the word less one
 * derivational ending (and a final "e"): rubric phrases as an extra form of each word, candidate
 * words as an extra position. Keys start with "~" so they never meet a real lemma.
 */

/** Endings taken off, longest first; one pass only, so "personal" and "personalization" stay apart. */
const ENDINGS = [
  'ications',
  'ication',
  'izations',
  'isations',
  'ization',
  'isation',
  'ations',
  'ation',
  'itions',
  'ition',
  'ements',
  'ement',
  'ments',
  'ment',
  'ances',
  'ance',
  'ences',
  'ence',
  'ency',
  'ancy',
  'ities',
  'ity',
  'ness',
  'izing',
  'ising',
  'ized',
  'ised',
  'izes',
  'ises',
  'ize',
  'ise',
  'ating',
  'ated',
  'ates',
  'ate',
  'ings',
  'ing',
  'ions',
  'ion',
  'ives',
  'ive',
  'ants',
  'ant',
  'ents',
  'ent',
  'iers',
  'ier',
  'ers',
  'er',
  'ors',
  'or',
  'ically',
  'ical',
  'ics',
  'ic',
  'als',
  'al',
  'ied',
  'ies',
  'ed',
  'es',
  's',
  'y',
  'e',
];

/** Shortest stem a family may have: shorter ones collide ("rank", "rate", "use"). */
const MIN_STEM = 5;

/** Stems of unrelated words that share their letters: "general"/"generation", "positive"/"position". */
const COLLIDING = new Set([
  'gener',
  'posit',
  'organ',
  'nation',
  'gradu',
  'minut',
  'compan',
  'consist',
  'person',
  'negat',
  'polic',
]);

/** Within a colliding stem, the longer start that names one family ("generat": generate, generation). */
const SET_APART = ['generat'];

const FAMILY_MARK = '~';

/** Whether a form of a signal is a family key rather than a lemma. */
export function isFamilyKey(form: string): boolean {
  return form.startsWith(FAMILY_MARK);
}

const memo = new Map<string, string | null>();

/** The family key of a lemma ("~invit" for "invitation" and "invite"), or null for a short or odd word. */
export function familyKey(lemma: string): string | null {
  const known = memo.get(lemma);
  if (known !== undefined) return known;
  const key = keyOf(lemma);
  if (memo.size < 50_000) memo.set(lemma, key);
  return key;
}

function keyOf(lemma: string): string | null {
  if (!/^[a-z]+$/.test(lemma) || lemma.length < MIN_STEM) return null;
  let stem = lemma;
  for (const ending of ENDINGS) {
    if (lemma.endsWith(ending) && lemma.length - ending.length >= MIN_STEM - 1) {
      stem = lemma.slice(0, -ending.length);
      break;
    }
  }
  // "labelling" -> "labell" -> "label"; "shipping" -> "shipp" -> "ship".
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length < MIN_STEM) return null;
  if (COLLIDING.has(stem)) {
    // "generate candidates" and "candidate generation" name one idea; "general" stays apart.
    const apart = SET_APART.find((prefix) => lemma.startsWith(prefix));
    return apart ? `${FAMILY_MARK}${apart}` : null;
  }
  return `${FAMILY_MARK}${stem}`;
}
