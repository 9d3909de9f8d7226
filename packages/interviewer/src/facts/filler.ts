/**
 * The filler and politeness that open spoken and typed questions alike ("um ok so, quick question:"),
 * taken off before a question is split or an assumption is read.
 */

/** Filler and politeness that can open a question; taken off one after another. */
const LEADING_FILLER = new RegExp(
  `^(?:${[
    'u+m+',
    'u+h+',
    'e+r+m*',
    'h+m+',
    'a+h+',
    'oh',
    'ok(?:ay)?',
    'alright',
    'all right',
    'right',
    'cool',
    'great',
    'nice',
    'perfect',
    'got it',
    'gotcha',
    'makes sense',
    'that makes sense',
    'thanks',
    'thank you',
    'sorry(?: if i missed (?:it|that))?',
    'so',
    'well',
    'and',
    'also',
    'then',
    'but',
    'yeah',
    'yes',
    'yep',
    'sure',
    'hey',
    'hi',
    'one more thing',
    'one more',
    'one thing',
    'another (?:question|thing)',
    '(?:a )?quick (?:[a-z]+ )?(?:question|one|q)',
    '(?:(?:a )?couple(?: of)?|two|three|a few|some) (?:quick |more |small )?(?:ones|questions|things|qs)',
    'question',
    'follow[- ]?up',
    'just (?:to clarify|checking|curious|wondering)',
    'to clarify',
    "i (?:was|am|'m) wondering(?: if| whether)?",
    'i wonder(?: if| whether)?',
    '(?:(?:could|can|would) you|you (?:could|can|would)) (?:please )?tell me(?: if| whether)?',
    'do you know(?: if| whether)?',
    '(?:would|do) you mind (?:telling me|sharing|letting me know|giving me)(?: if| whether)?',
    "i(?:'d| would) like to know(?: if| whether)?",
    'i want to know(?: if| whether)?',
    "i(?:'m| am) curious(?: about| whether| if)?",
    'any idea(?: if| whether)?',
    'let me ask',
    'mind if i ask',
    'before i (?:go on|continue|start)',
    'please',
  ].join('|')})\\b[\\s,.:;!\\-–—]*`,
  'i',
);

/** Strips leading filler: "um ok so, quick question: how many..." gives "how many...". */
export function stripFiller(text: string): string {
  let rest = text.trim();
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(LEADING_FILLER, '').trim();
  }
  return rest.replace(/^[\s,.:;!\-–—]+/, '').trim();
}
