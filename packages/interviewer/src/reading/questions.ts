/**
 * Whether a sentence asks, and what each question part asks: a fact about the case (`fact`), or
 * approval of a design idea put as a question (`tentative`). Check-ins ("does that make sense?")
 * are caught before, in `patterns.ts`.
 */
import { wordCount } from './sentences.ts';
import { hasDesignVoice, hasDesignWord } from './vocabulary.ts';

export type QuestionKind = 'fact' | 'tentative';

/**
 * How the message marks its questions: with "?" (then a sentence without one does not ask), not at
 * all in a short message (a sentence that opens like a question asks), or not at all in a long one
 * (only a short sentence that plainly asks, "how many drivers are online at peak", asks).
 */
export type QuestionMarks = 'marked' | 'short-unmarked' | 'long-unmarked';

/**
 * An interrogative opening, so a sentence asks even without "?". "What/how" followed by a subject
 * ("what I'd do is", "how we rank is") opens a statement; "when"/"where" need an auxiliary next.
 */
const INTERROGATIVE_START =
  /^(?:(?:how|what|whats|what's|which|who|whose|why)\b(?!\s+(?:i|we|they|you|it|this|that)\b)|(?:when|where) (?:is|are|was|were|do|does|did|can|will|would|should)\b|(?:am|is|are|was|were|do|does|did|has|have|can|could|would|will|should|shall|may|must|might)\s+(?!not\b)[\p{L}\d])/iu;

/** "What matters is...", "what counts is...": a noun clause opens a statement. */
const NOUN_CLAUSE =
  /^what \w+[^s\W]s is\b|^what(?:'s| is) \w+ (?:is|are|was)\b|^what(?:'s| is) (?:more|nice|interesting|important|key|good|great|tricky|hard|neat|cool|worse|better)\b/i;

/** Asking in statement form, or asking the interviewer to tell. */
const ASKING =
  /^(?:tell me|i wonder|i'?m wondering|i was wondering|i'?m curious|curious (?:about|how|what|whether|if|why|when|where|which))\b|\b(?:could|can|would|will) you (?:please |kindly )?(?:be able to )?(?:tell|share|let me know|explain|clarify|confirm|describe|walk me through|give me (?:a |an |some |more )?(?:rough |quick |better |general |little )?(?:idea|sense|picture|feel|overview|context|background|numbers|ballpark|breakdown))\b|\bi(?:'d| would)? (?:like|want|need|love) to know\b|\b(?:hoping|wondering (?:if|whether)) you (?:could|can|might) (?:tell|share|give|explain|clarify|confirm)\b/i;

/** "Can I assume X?" asks the interviewer to confirm a fact. */
const ASSUMING =
  /\b(?:(?:can|could|may) (?:i|we)|(?:i|we) (?:can|could|may)) (?:safely )?assume\b|\bsafe to assume\b/i;

/**
 * An assumption put up for confirmation: about the case it asks ("I'll assume a 200ms budget, is
 * that right?"), about a method it proposes ("I'm guessing we'd need a reranker?").
 */
const SUPPOSING =
  /^(?:i'?ll assume|i'?m assuming|i assume|let'?s assume|assuming|i'?d assume|i'?m guessing|my guess is)\b(?: that)?/i;

/** Openings that put a design idea up for approval. */
const PROPOSING =
  /^(?:maybe|perhaps|i guess|i suppose|i think|i'?m thinking|i was thinking|(?:just )?thinking(?: out loud| aloud)?|what if|how about|what about (?:\w+ing|an?)\b|so we'?d|so we would|then we'?d|we'?d|we would|we could|we can|we should|i'?d|i would|i could|should (?:we|i)|shall (?:we|i)|would it make sense|does it make sense|is it (?:worth|a good idea|reasonable))\b/i;

/** Openings that ask about the world of the case whatever follows. */
const FACT_OPENING =
  /^(?:how|what|whats|what's|which|who|whose|where|when|do|does|did|has|have|is there|are there|(?:are|were) we (?:allowed|supposed|expected|required|(?!going|planning|thinking)\w+ing))\b/i;

/**
 * A modal question about someone or something other than the team: "should the assistant file
 * tickets?", "can creators pay to boost?" ask what the product must do. A design word among its
 * first words ("should the ranker see the price?") proposes.
 */
const MODAL_SUBJECT =
  /^(?:can|could|may|will|would|should|must) (?!(?:we|i|you|it|this|that|there|\w+ing)\b)(?:the |our |a |an |their )?((?:[\w'-]+ ){0,2}[\w'-]+) [\w'-]+/i;

/** A question about something that already exists: "is the p95 measured end to end?" */
const EXISTING = /^(?:is|are|was|were) (?:the|our|its|their|these|those|all|any)\b/i;

/** Judging a design idea: "a good baseline", "reasonable", "would that work". */
const JUDGING =
  /\b(?:good (?:baseline|choice|idea|approach|fit|start)|reasonable|make sense|makes sense|enough|work|help|improve)\b|\bbe (?:our|the|a|an) (?:\w+ )?(?:baseline|starting point|first model)\b/i;

/**
 * "Can we use X?" asks for permission when X is a resource ("GPUs", "the friends graph") and
 * proposes a design when X is a method ("the query embedding", "precision at k"); a method verb
 * ("can we cluster...") proposes whatever follows.
 */
const MAY_WE =
  /^(?:(?:can|could|may) (?:we|i)|(?:would|will) it be (?:possible|ok|okay|fine) (?:for (?:us|me) )?to|is it (?:possible|ok|okay|fine) (?:for (?:us|me) )?to|(?:are we|am i) (?:able|allowed) to) (?:just |also |maybe |still )?(use|train on|train with|run|get|access|store|log|collect|have|see|read|share|keep|call|query|show|send)\b(.*)$/i;
const OBJECT_END = /\b(?:for|to|so|as|in order|because|when|if|since)\b/i;
/** What the object is used as, when that is a design role: "as a weak label", "as a feature". */
const AS_DESIGN =
  /^\s*(?:an? |the |our )?(?:[\w-]+ ){0,2}?(?:labels?|features?|baselines?|targets?|negatives|positives|priors?|weights?)\b/i;
/** A method named by its form rather than its word: "cosine similarity", "label smoothing", "normalization". */
const METHOD_FORM =
  /\b(?:\w{3,}ing(?= (?:for|on|of|with|to|in|over|across|instead|rather|by)\b|\s*$)|\w{3,}(?:ation|isation|ization)|algorithms?|approach|technique|method|strategy|similarity|distance|loss|architecture)\b/i;
const RESOURCE_FORM =
  /\b(?:data|logs?|history|graph|lists?|information|access|signals?|records|tables?|stor(?:e|age))\b/i;

/** Asking the interviewer's opinion of what follows: "do you think a GBDT is enough?" */
const OPINION =
  /^(?:(?:do|would) you (?:think|say|agree|reckon)(?: that)?|what do you think (?:about|of)|how do you feel about|in your (?:opinion|view|experience),?)\s+/i;

/** The world as the subject: "can users filter...", "will drivers see...". */
const WORLD_SUBJECT =
  /^(?:can|could|may|will|would) (?:the |our )?(?:users?|people|customers|drivers|riders|sellers|buyers|advertisers|members|viewers|listeners|couriers|merchants|hosts|guests|moderators|reviewers|humans|they)\b/i;

/** Asking what is required, allowed, existing or most important, not what to build. */
const REQUIRED =
  /\b(?:expected|required|allowed|permitted|legal|existing|already|currently|today|right now|in production|important|priorit\w*|concerns?|constraints?|restrictions?|requirements?|limitations?|should know|matters? (?:more|most))\b/i;

/** "I was wondering whether a bandit would work better": an asking phrase around a proposal. */
const WONDERING_IF = /\b(?:wonder|wondering)\s+(?:if|whether)\s+(.*)$/i;
const PROPOSAL = /\b(?:would|could|might|help|work|better)\b/i;

/** Says outright that it asks: "I'd like to know...", "could you tell me...", "can I assume...". */
const asksOutright = (text: string) => ASKING.test(text) || ASSUMING.test(text);

/** Asks the interviewer to confirm an assumption about the case. */
export const assumes = (text: string) => ASSUMING.test(text);

/** A tag that turns a statement into a question: "..., right?", "..., would that work?", "or is that overkill?". */
const TAG =
  /(?:,?\s+(?:right|correct|yes|no|yeah|ok|okay|isn'?t it|wouldn'?t it|or not)|[,;]?\s+(?:or |and )?(?:(?:is|would|does|will|could|can|did) (?:that|this)|that'?s|that is)(?: \w+){0,2}? (?:work|help|scale|fly|sound\w*(?: \w+)?|make sense|ok|okay|fine|reasonable|feasible|viable|realistic|sensible|enough|overkill|too \w+|right|correct|acceptable|a good idea|good|better|worth it|valid|possible)\b[^?]{0,30}|[,;]?\s+(?:or|unless|if) you think\b[^?]*)\s*\?+\s*$/i;

/** A tag that asks without "?", in a message that uses none: "so users log in, right", "we have logs i assume". */
const UNMARKED_TAG =
  /(?:,?\s+(?:right|correct|is that (?:right|correct|so)|i (?:assume|presume|take it|suppose)|isn'?t it|don'?t (?:we|they)|aren'?t (?:we|they)))\s*$/i;

/** Checking an understanding: "just to confirm, ...", "if I understand correctly, ...". */
const CONFIRMING =
  /^(?:[\w']+\s+){0,2}?(?:just to (?:confirm|check|clarify|double[- ]check|verify)|to (?:confirm|check|clarify) my understanding)\b|^(?:[\w']+\s+){0,2}?(?:just )?to (?:confirm|check|clarify|double[- ]check|verify)(?: my understanding| i understand(?: correctly)?| that)?\s*[,:–—-]|\bif i understand(?: you| this| that)? (?:correctly|right)\b|^(?:so )?(?:am i right (?:that|in thinking)|correct me if i'?m wrong)\b/i;

/** The sentence without a closing tag: "So users log in, right?" asks "So users log in?". */
export const untag = (sentence: string) => sentence.replace(TAG, '?').replace(UNMARKED_TAG, '');

/**
 * A question after a short preface: "quick q - what's the p99", "sorry if this is obvious but how
 * are sellers paid".
 */
const PREFACED_BREAK = String.raw`^(?:[^\s.!?]+\s+){0,6}?[^\s.!?]*(?:\s[–—-]|:|,| but| and)\s+`;

/**
 * Openings that ask in any message, however long and without "?": a wh-word with its auxiliary, or
 * an auxiliary with its subject ("how many drivers are online", "do we know the weather").
 */
const ASK_FORM = String.raw`(?:how (?:many|much|often|long|big|fast|quickly|frequently|soon|far)(?: [\w']+){0,3}? (?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)|how (?:is|are|was|were|do|does|did|can|could|will|would|should)|what(?:'s| is| are| was| were| does| do| did)|what (?:kind|type|fraction|share|percentage|proportion|portion)s? of|which \w+ (?:do|does|is|are|can|should)|who (?:is|are|does|do|did|will)|where (?:do|does|is|are|did)|when (?:do|does|is|are|did|will)|(?:do|does|did|is|are|was|were|can|will) (?:we|you|they|the|our|users|there|it|this|that))\b`;
const STRICT_ASK = new RegExp(`^${ASK_FORM}`, 'i');
/** A question after a preface, in any form: "I covered the metrics, what else would you like". */
const ASKS_LATER =
  /^[^.!?]{0,80}?(?:\s[–—-]|:|,| but| and)\s+(?:how|what|whats|what's|where|am i|do you|would you|could you|can you|is there|are there)\b/i;
const PREFACED = new RegExp(`${PREFACED_BREAK}(?:how (?:many|much)\\b|${ASK_FORM})`, 'i');
/** An auxiliary before its subject: "are prices frozen during emergencies". */
const INVERTED =
  /^(?:am|is|are|was|were|do|does|did|has|have|can|could|would|will|should|shall|may|must)\s+(?:we|you|they|i|it|there|the|our|this|that|these|those|a|an|any|all|each|every|some|[a-z]+s)\b/i;
/** A sentence that adds to what was just asked. */
const FOLLOW_ON = /^(?:also|and|plus|oh and|one more)\b/i;
/** Longest sentence without "?" that still plainly asks in a message that marks its questions. */
const MARKED_WORDS = 12;
/** Longest unmarked sentence that still asks in a long message. */
const STRICT_WORDS = 20;

/** Requests to the interviewer: "any thoughts on...", "can you...", "please...". */
const REQUESTING =
  /^(?:any|some|please|tell me|(?:can|could|would|will) you|i'?d (?:appreciate|love|like)|i (?:could use|need|want)|would you mind)\b/i;

/**
 * Whether a sentence (filler stripped) asks something. Without "?" it asks in a message that uses
 * no "?" at all: in a short one when it opens like a question, after a preface too ("quick q - how
 * many users do we have") or with a tag ("..., right"); in a long one only when short and plainly
 * asking. A writer who marks questions does not ask in "What counts as a good watch needs care."
 */
export function isQuestion(sentence: string, stripped: string, marks: QuestionMarks): boolean {
  if (/\?\s*$/.test(sentence) || asksOutright(stripped) || CONFIRMING.test(sentence)) return true;
  if (NOUN_CLAUSE.test(stripped)) return false;
  // A writer who marks questions still forgets one, on a follow-up ("Also what share of ads are
  // new") or a short line ("Can we get bounding boxes drawn").
  if (marks === 'marked') {
    const plain = STRICT_ASK.test(stripped) || INVERTED.test(stripped);
    return plain && (FOLLOW_ON.test(sentence) || wordCount(stripped) <= MARKED_WORDS);
  }
  if (UNMARKED_TAG.test(stripped)) return true;
  if (marks === 'long-unmarked') return STRICT_ASK.test(stripped) && wordCount(stripped) <= STRICT_WORDS;
  return INTERROGATIVE_START.test(stripped) || PREFACED.test(stripped);
}

/** Whether a sentence asks or requests anything at all, for reading what it is about. */
export function asks(sentence: string, stripped: string): boolean {
  return (
    /\?\s*$/.test(sentence) ||
    opensQuestion(stripped) ||
    REQUESTING.test(stripped) ||
    ASKS_LATER.test(stripped)
  );
}

/** Whether a part opens like a question on its own (used for parts before the last one). */
export function opensQuestion(part: string): boolean {
  return INTERROGATIVE_START.test(part) || asksOutright(part);
}

/** The object of "can we use X": a method proposes, a resource ("the purchase history") asks. */
const proposesMethod = (object: string) =>
  hasDesignWord(object) || (METHOD_FORM.test(object) && !RESOURCE_FORM.test(object));

/** Reads one question part (filler stripped): fact or tentative. */
export function classifyQuestion(part: string): QuestionKind {
  const opinion = OPINION.exec(part);
  if (opinion) {
    const rest = part.slice(opinion[0].length);
    return hasDesignWord(rest) || METHOD_FORM.test(rest) ? 'tentative' : 'fact';
  }
  const wondered = WONDERING_IF.exec(part)?.[1];
  if (wondered && hasDesignWord(wondered) && PROPOSAL.test(wondered)) return 'tentative';
  const supposed = SUPPOSING.exec(part);
  if (supposed) return hasDesignWord(part.slice(supposed[0].length)) ? 'tentative' : 'fact';
  if (asksOutright(part)) return 'fact';
  if (PROPOSING.test(part)) return 'tentative';
  if (FACT_OPENING.test(part)) return 'fact';
  if (JUDGING.test(part)) return 'tentative';
  if (EXISTING.test(part)) return 'fact';
  const subject = MODAL_SUBJECT.exec(part)?.[1];
  if (subject !== undefined && !hasDesignWord(subject)) return 'fact';
  if (REQUIRED.test(part) || WORLD_SUBJECT.test(part)) return 'fact';
  const asking = MAY_WE.exec(part);
  if (asking) {
    // "Use the search CTR as a weak label" proposes, whatever the resource: it names its design role.
    const [object = '', ...purpose] = (asking[2] ?? '').split(OBJECT_END);
    return proposesMethod(object) || AS_DESIGN.test(purpose.join(' ')) ? 'tentative' : 'fact';
  }
  return hasDesignWord(part) || hasDesignVoice(part) ? 'tentative' : 'fact';
}

/** A question that opens a design topic the candidate then answers ("How do we deal with X? We..."). */
const DESIGN_QUESTION =
  /^(?:why|how (?:would|do|should|can|could|will|did) (?:we|i|you)|what about|which (?:model|approach|metric|loss)|what (?:would|will|should|do|can|could) (?:we|i) \w+|what happens (?:when|if|to|with)|what (?:could|can|might|would) (?:go wrong|break|fail)|what(?:'s| is| are) (?:the|our|my) (?:\w+ )?(?:risks?|catch|problems?|downsides?|trade-?offs?|challenges?|issues?|bottlenecks?|failure modes?|concerns?|(?:hard|hardest|tricky|difficult) part|gotchas?|alternatives?|plan|goal|point)|(?:is|are|would|does|do|should|could) (?:it|this|that|a|an|the)\b[^?]*\b(?:worth|right|best|better|enough|good|overkill|necessary|needed)\b)\b/i;

/** A statement that frames the question just asked instead of answering it. */
const FRAMES =
  /^(?:if|i'?m asking|asking|i ask|because i|i (?:want|need|'d like|would like) to (?:know|make sure|check|understand)|that (?:decides|matters|changes|affects|determines)|it (?:decides|matters|changes|affects|determines))\b/i;
/** Openings of a sentence that answers the question just before it. */
const SELF_ANSWER =
  /^(?:because|since|well|simple|the answer|(?:i|we) (?:think|believe|guess) so|yes|no|yeah|nope|probably|definitely|absolutely|of course|not really|not necessarily)\b/i;

/** How an answer to a design question opens: the design voice, or a subject like "it", "the". */
const ANSWER_OPENING =
  /^(?:we|i|it|they|that|this|the|a|an|every|each|all|both|just|only|mostly|mainly|usually|often|then|probably|simple|easy|one)\b/i;

/**
 * A question the candidate answers at once, so it asks the interviewer nothing: the next sentence
 * answers it ("Because...", "Probably not"), names the answer in a fragment followed by more
 * answer ("What's the hardest part? Cold start. New sellers..."), or a design question is followed
 * by design talk ("How do we deal with delayed labels? We train...").
 */
export function isRhetorical(question: string, following: readonly string[]): boolean {
  const [next, afterNext] = following;
  if (next === undefined || /\?\s*$/.test(next)) return false;
  if (SELF_ANSWER.test(next)) return true;
  if (afterNext !== undefined && !/\?\s*$/.test(afterNext) && next.split(/\s+/).length <= 3) return true;
  if (!DESIGN_QUESTION.test(question) || FRAMES.test(next)) return false;
  return hasDesignVoice(next) || ANSWER_OPENING.test(next);
}
