/**
 * Tasks for the candidate's own life, asked of the interviewer as if it were a general assistant:
 * "write me a cover letter for a data science job", "help me debug this pandas error at work",
 * "translate 'good morning' into Japanese", "any tips for negotiating a salary offer?". Read by
 * what is to be made or decided, so a case word in the request ("data science", "user_id") does
 * not pull it into the case.
 */
import { anyOf } from './patterns.ts';
import { hasDesignWord } from './vocabulary.ts';

/** Writing that belongs to a person's life, never to an ML design. */
const WRITING = String.raw`(?:cover letters?|letters?|e-?mails?|poems?|haikus?|limericks?|sonnets?|songs?|lyrics|stor(?:y|ies)|essays?|speech(?:es)?|toasts?|jokes?|tweets?|linkedin posts?|resumes?|résumés?|cvs?|birthday (?:cards?|messages?)|thank[- ]you notes?|homework|assignments?|wedding \w+)`;

/** Languages a phrase can be translated into. */
const LANGUAGE = `(?:english|spanish|french|german|italian|portuguese|dutch|russian|polish|turkish|arabic|hindi|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|swedish|danish|norwegian|finnish|greek|hebrew|latin)`;

/** Code of the candidate's own, outside the interview: "my pandas script at work", "this python error". */
const OWN_CODE = String.raw`(?:python|pandas|numpy|javascript|typescript|java|c\+\+|rust|golang|sql query|excel|spreadsheet|keyerror|typeerror|valueerror|indexerror|attributeerror|nullpointer\w*|segfault|traceback|stack trace|syntax error|compile error)`;

/** Matters of the candidate's own life that an interviewer has no part in. */
const LIFE = String.raw`(?:landlord|my rent|the rent|rent (?:increase|hike)|salary|pay ?rise|raise at work|job offers?|offer letter|stock market|stocks|crypto\w*|bitcoin|mortgage|my taxes|tax returns?|dating|girlfriend|boyfriend|my (?:boss|manager|coworkers?|colleagues?)|breakup|wedding)`;

const OUTSIDE = anyOf([
  // Making a piece of writing: "write a haiku about autumn", "help me draft an email to my landlord".
  new RegExp(
    String.raw`\b(?:write|draft|compose|pen|proofread|rewrite|polish|edit)\b(?: (?:me|us|up|out))?[^.?!]{0,25}\b${WRITING}\b`,
    'i',
  ),
  new RegExp(String.raw`\btranslate\b[^.?!]{0,60}\b(?:in)?to ${LANGUAGE}\b`, 'i'),
  new RegExp(String.raw`\b(?:debug|fix|solve|figure out)\b[^.?!]{0,50}\b${OWN_CODE}`, 'i'),
  // Advice on one's own life, asked either way round: "tips for negotiating a salary offer?", "my
  // landlord keeps raising the rent, what should I do?", "what do you think about the stock market?".
  new RegExp(
    String.raw`\b(?:tips?|advice|advise|suggestions?|recommend\w*|what (?:should|would|do|can) (?:i|you)|how (?:do|should|can) i|(?:what )?do you think|your (?:take|thoughts|opinion|view))\b[^.?!]{0,60}\b${LIFE}\b|\b${LIFE}\b[^.?!]{0,60}\b(?:what (?:should|would|can) i do|any (?:tips|advice)|what do you (?:think|suggest|recommend))\b`,
    'i',
  ),
  // Work of the candidate's own day job, said to be so: "..., asking for my job", "a report my boss wants".
  /\b(?:convert|write|draft|help me|summari[sz]e|fix|debug|format|clean up)\b[^.?!]{0,80}\b(?:for (?:my )?(?:job|work|day job)|at work|my (?:boss|manager|team lead) (?:wants|needs|asked)|asking for (?:my )?(?:job|work|a colleague|a friend))\b/i,
  // A matter of one's own life judged: "my landlord is raising the rent, is that even legal?".
  /\bmy (?:[\w-]+ )?(?:landlord|rent|lease|mortgage|taxes|tax return|salary|paycheck|insurance|car|phone bill|bills?|gym|membership|subscription|contract|parking ticket|speeding ticket|fine)\b[^.?!]{0,60}\b(?:legal|fair|normal|allowed|a scam|worth it|reasonable|too (?:much|high))\b/i,
  // The candidate's own apps and accounts: "how do I get my tiktok feed to stop showing cooking videos".
  /\bmy (?:own )?(?:tiktok|instagram|insta|youtube|netflix|spotify|facebook|twitter|reddit|linkedin|amazon|google|gmail|iphone|android) (?:feed|account|recommendations|algorithm|ads|playlist|profile|inbox|phone)\b/i,
  // Assistants compared for one's own chores: "is ChatGPT better than Gemini for writing emails?"
  /\b(?:chatgpt|gemini|claude|bard|copilot|perplexity|grok)\b[^.?!]{0,30}\b(?:better|worse|best)\b[^.?!]{0,30}\bfor (?:writing|my|e-?mails?|essays?|homework|cover letters?|personal)\b/i,
  // Practice problems and papers of one's own: "can you help me with a leetcode problem after this?"
  /\bhelp (?:me )?with (?:a |my |this |some )?(?:leetcode|hackerrank|codewars|coding (?:problem|question|challenge)|homework|resume|cv|cover letter|taxes)\b/i,
  // What companies pay: "how much does Meta pay ML engineers?", "what's the salary for this role?".
  /\b(?:how much|what) (?:does|do|would|will) [\w-]+ pay\b[^.?!]{0,30}\b(?:engineers?|scientists?|swes?|developers?|people|staff)\b|\b(?:salary|salaries|compensation|total comp|tc)\b[^.?!]{0,30}\b(?:engineers?|scientists?|swes?|developers?|for (?:this|the|a) (?:role|job|position|level))\b/i,
  /\bsummari[sz]e (?:this|my|the following|that) (?:e-?mail|article|text|document|message|doc|thread|meeting)\b/i,
  // Chores of one's own: "convert 70 fahrenheit to celsius", "a name for my new puppy", "should I
  // pay for Copilot for personal use?".
  /\bconvert\b[^.?!]{0,30}\b(?:fahrenheit|celsius|miles|kilomet(?:er|re)s|km|pounds|kg|kilos|inches|cm|feet|dollars|euros|usd|eur|gbp)\b|\bnames? for (?:my|our|a|the) (?:new )?(?:puppy|dog|cat|kitten|baby|pet|boat|band|startup)\b|\bfor (?:my )?(?:own )?personal use\b/i,
]);

/**
 * The candidate's own life as a user of some product, or their family and home: "my Uber said 4
 * minutes", "PYMK keeps suggesting my ex", "is my house blurred on the map apps?". Whatever case
 * words come with it, it is not the case.
 */
const PERSONAL_MATTER =
  /\bmy (?:mom|mum|mother|dad|father|parents|ex|wife|husband|partner|girlfriend|boyfriend|baby|kid|kids|son|daughter|roommate|flatmate|neighbou?r|puppy|dog|cat|pet|house|home(?![- ](?:feed|page|screen|tab|timeline))|flat|apartment|yard|garden|heart rate|smartwatch|fitbit|uber|lyft|taxi|doordash|search engine|bank account|credit card|groceries)\b/i;

/** Whether a sentence is about the candidate's own life, family or home (see PERSONAL_MATTER). */
export const isPersonalMatter = (sentence: string) => PERSONAL_MATTER.test(sentence);

/** Whether a sentence asks the interviewer for a task of the candidate's own life. */
export function isOutsideTask(sentence: string): boolean {
  // "Write the labels to a feature store", "an email digest model": the design talking.
  return OUTSIDE.test(sentence) && !hasDesignWord(sentence);
}

/**
 * The candidate saying that what they ask is for something outside the interview: "not for this,
 * just curious for my blog", "asking for my course", "a question not related: ...". Said of a question about transformers or
 * recommender systems, it still asks nothing of the case.
 */
const OWN_PURPOSE =
  /\bnot (?:for|about|related to|part of) (?:this|the)(?: (?:interview|case|mock|design|problem))?\s*(?:[,;:.!?—–-]|just\b|$)|\b(?:a |one |my )?(?:question|something|thing) (?:not related|unrelated|off[- ]topic)\b(?! to\b)|\b(?:curious|asking|wondering|need(?:ed)? (?:it|this)|want(?:ed)? to know|it'?s(?: just)?|it is(?: just)?) for (?:my|a) (?:own )?(?:blog|newsletter|podcast|class|course|thesis|dissertation|homework|side project|startup|talk|article|paper|kid|son|daughter|friend)\b/i;

/** Whether the message says that its ask is for the candidate's own purposes, not the case. */
export const isForOwnPurpose = (text: string) => OWN_PURPOSE.test(text);

/**
 * "Speaking of delivery, ...", "monitoring reminds me, ...": a tangent opened with a word of the
 * case. What follows says what the sentence is about ("my groceries are an hour late", "how many
 * couriers are there?").
 */
const TANGENT =
  /^(?:(?:oh|hey|btw|by the way|so|and|also|haha|lol)[,\s]+)*(?:(?:speaking of|talking of|talking about|on the (?:topic|subject) of|on)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+|(?:the )?(?:[\w'-]+\s+){0,3}?[\w'-]+ (?:reminds me|made me (?:think|wonder))|[\w'-]+ question but not for the case)\s*[,:—–]\s*(?=\S)/i;

/** A sentence without the tangent that opens it (see TANGENT). */
export const withoutTangent = (sentence: string) => sentence.replace(TANGENT, '');
