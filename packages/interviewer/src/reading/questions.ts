/**
 * Whether a sentence asks, and what each question part asks: a fact about the case (`fact`), or
 * approval of a design idea put as a question (`tentative`). Check-ins ("does that make sense?")
 * are caught before, in `patterns.ts`.
 */
import { CONFIRM_TAG_END, SUPPOSED_IN, SUPPOSING } from '../facts/checks.ts';
import { isBareTopic } from '../facts/split.ts';
import { headsOwnList, LIST_LABEL } from './own-lists.ts';
import { PLAN, PLAN_CLAUSE, PROPOSAL_QUESTION } from './proposals.ts';
import {
  ASSUMING,
  asksOutright,
  FIGURE_ASKED,
  GOAL_NAMED,
  namesFigures,
  opensQuestion,
  TAG,
  UNMARKED_FIGURES,
} from './question-form.ts';
import { stripFiller } from './sentences.ts';
import { hasDesignVoice, hasDesignWord, opensWithDesignVerb } from './vocabulary.ts';

export type QuestionKind = 'fact' | 'tentative';

/**
 * What an assumption supposes is a design ("I'll assume a GBDT") unless it leans on what the company
 * decides ("let's say the model gets 30ms p99"): the case's budget, hardware or rules.
 */
const supposesDesign = (supposed: string) => hasDesignWord(supposed) && !GIVEN.test(supposed);

/** "I'd say p90 under 60ms": an assumption about the case put up, not a design ("I'll assume a GBDT"). */
export function supposesGiven(text: string): boolean {
  const supposed = SUPPOSING.exec(text);
  return supposed !== null && !supposesDesign(text.slice(supposed[0].length));
}

/**
 * The candidate's own assumption about the case, put up for a check ("I'll assume scheduled orders
 * too, ok?", "can I assume we have GPS?"): what it assumes, or null when the text asks otherwise.
 */
export function assumptionPutUp(text: string): string | null {
  const core = stripFiller(text.trim());
  const supposed = SUPPOSING.exec(core);
  const assumed = supposed
    ? supposesDesign(core.slice(supposed[0].length))
      ? undefined
      : core.slice(supposed[0].length)
    : ASSUMING.test(core)
      ? ASSUMED.exec(core)?.[1]
      : undefined;
  if (assumed === undefined) return null;
  return (
    assumed
      .replace(CONFIRM_TAG_END, '')
      .replace(TAG, '')
      .replace(/[\s,;?.!]+$/, '')
      .trim() || null
  );
}

/** The designer's own leaning, put up for approval: "I'm leaning toward a two-stage funnel, ok?" */
const INTENDING =
  /^(?:i'?m|i am|i'?d|i would|i was|i)\s+(?:\w+\s+)?(?:leaning|inclined|planning|tempted|considering|intending|lean|plan|opt|favou?r\w*|prefer\w*)\b/i;

/** Openings that put a design idea up for approval. */
const PROPOSING =
  /^(?:(?:so |and )?(?:for|on|in|with) [^,]{1,30},\s*)?(?:maybe|perhaps|i guess|i suppose|i think|i'?m thinking|i was thinking|(?:just )?thinking(?: out loud| aloud)?|what if|how about|what about (?:\w+ing|an?)\b|so we'?d|so we would|then we'?d|we'?d|we would|we could|we can|we should|i'?d|i would|i could|should (?:we|i)|shall (?:we|i)|would it make sense|does it make sense|is it (?:worth|a good idea|reasonable))\b/i;

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

/** Judging a design idea: "a good baseline", "reasonable", "would that work", "overkill". */
const JUDGING =
  /\b(?:good (?:baseline|choice|idea|approach|fit|start)|reasonable|make sense|makes sense|enough|work|help|improve|overkill|worth it|sufficient|better|worse|the right (?:call|choice|way|approach|move|thing))\b|\bbe (?:our|the|a|an) (?:\w+ ){0,2}(?:baselines?|starting point|models?|classifiers?|rankers?|retrievers?|encoders?)\b/i;

/**
 * The designer asking whether to do something: "do we need to calibrate...", "is it ok if I
 * chunk...", "do I want a separate model...". What follows decides: a way of building the model
 * proposes, a thing the product must do ("support", "handle", "blur") asks a requirement.
 */
const NEED_ASKS =
  /^(?:do|does|would|will|should|did) (?:we|i) (?:really |actually |even |also |still |then )?(?:(?:need|want)(?: to)?|(?:have|got) to)\s+(.*)$/i;
/** "Is it ok to ignore the long tail?": the designer's own choice unless it asks leave to use something. */
const OK_ASKS =
  /^(?:(?:is|would|will|could) it (?:be )?(?:ok|okay|fine|alright|reasonable|acceptable|better|worse|wise|wiser|smart|smarter|safe|safer|sensible|simpler|easier|cheaper|faster|preferable|advisable|necessary|worth it|overkill|a (?:good|bad) idea|a mistake|the right (?:call|way|approach|move|choice|thing)|enough)(?: (?:if (?:we|i)|for (?:us|me) to|to)))\s+(.*)$/i;
/** Coping with a problem: a design choice when the problem is one of modelling ("class imbalance"). */
const COPING =
  /^(?:(?:also|really|still|even|actually) )*(?:handle|deal with|address|correct for|account for|worry about|care about|fix|mitigate|reduce|avoid|prevent)\b/i;
const CAN_ASKS = /^(?:can|could|may|shall|should) (?:we|i) (?:just |also |maybe |still )?(.*)$/i;
/** Acts that ask leave of the company or the world rather than choose a design: "contact users", "assume 10% growth". */
const LEAVE_VERB =
  /^(?:(?:just|also|really|still|even|actually) )*(?:use|access|get|have|see|read|keep|store|log|collect|share|sell|track|record|scrape|crawl|buy|pay|charge|contact|email|message|notify|ask|call|show|display|send|assume|expect|rely on|depend on)\b/i;
/** Verbs of what the product must do: after "do we need to" they ask a requirement, whatever follows. */
const REQUIREMENT_VERB =
  /^(?:(?:just|also|really|still|even|actually) )*(?:support|handle|explain|comply|show|display|notify|tell|inform|serve|respond|answer|return|process|scan|moderate|blur|protect|store|keep|retain|delete|remove|log|track|report|meet|hit|stay|respect|allow|let|provide|offer|guarantee|ensure|cover|run|work|deal with|care about|operate|launch|charge|pay|ask|send)\b/i;
/** A general verb whose object decides: "use the last 30 days", "drop users with under 5 events". */
const GENERAL_VERB =
  /^(?:(?:just|also|first|then|really|still|maybe|even|actually) )*(?:use|try|add|build|pick|choose|go with|start with|switch to|combine|drop|remove|exclude|filter(?: out)?|keep|include|ignore|skip)\s+(.*)$/i;
/** A choice of how much data: "the last 30 days", "users with fewer than 5 interactions". */
const SELECTION =
  /\b(?:last|past|first|recent|most recent) (?:\d+|few|couple of|two|three|six|seven|thirty|ninety) (?:days?|weeks?|months?|years?|hours?)\b|\b(?:fewer|less|more|greater|lower|higher) than \d|\b(?:under|below|above|over) \d/i;
/** Approval of an assumed design: "a daily retrain is fine", "log loss is ok". */
const APPROVED =
  /\b(?:is|are|would be|will be|'s|being|as) (?:\w+ )?(?:fine|ok|okay|enough|acceptable|good enough|reasonable|sufficient|alright|adequate|sensible)\b|\bthat'?s (?:fine|ok|okay|enough)\b/i;
/** What an assumption leans on that the company decides: money, hardware, latency, what is allowed. */
const GIVEN =
  /\b(?:gpus?|cpus?|hardware|budget|cost\w*|money|allowed|permitted|legal|privacy|compute|infra\w*|latency|qps|sla|p\d\d|\d+\s*(?:ms|milliseconds?|seconds?))\b/i;
/** What "can I assume" puts up: "can I assume a daily retrain is fine?" proposes. */
const ASSUMED = /\b(?:assume|assuming)\b(?: that)?\s+(.*)$/i;
/** The designer's own future act: "we'll filter out bots", "I'd retrain weekly". */
const DESIGNER_WILL = /^(?:we|i)(?:'ll|'d| will| would| can| could| should)\s+(.*)$/i;

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

/** Judgements only a design takes: "make sense", "overkill", "the right call". */
const JUDGED =
  /\b(?:make|makes) sense\b|\b(?:be|is) (?:right|appropriate|suitable|a good fit) (?:for|here)\b|\bworth (?:it|the)\b|\boverkill\b|\ba (?:good|bad) idea\b|\bhold up\b|\bthe right (?:call|choice|approach|way|move)\b/i;
/** A part of the design doubted: "is the embedding table a problem?", "would the reranker be too slow?". */
const DOUBTED_PART =
  /^(?:is|are|would|will|isn'?t|won'?t|wouldn'?t) (?:the |our |my |this |that |these |those |an? )?(?!(?:there|it|that|this|my|english)\b)([\w' -]{2,40}?) (?:be |get |become )?(?:a |an )?(?:(?:real |big |major )?(?:problem|issue|bottleneck|concern)|too (?:slow|expensive|costly|big|large|heavy|much))\b/i;
/** A cost the design is feared to blow: "will a vector for every ad id blow up memory?". */
const BLOWS_BUDGET =
  /^(?:will|would|won'?t|wouldn'?t|does|doesn'?t|could) (?:the |our |my |this |that |an? )?[\w' -]{2,50}? (?:blow up|blow through|exceed|explode|run out of) (?:the )?(?:memory|ram|storage|index|latency|budget|disk|gpu memory|space)\b/i;

/** Asking whether something exists: "do we have a reasonable baseline?" asks, whatever follows. */
const EXISTS = /^(?:is there|are there|do we have|does it have|have we|do you have|is it already)\b/i;

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

/** The object of "can we use X": a method or a cut of the data proposes, a resource ("the purchase history") asks. */
const proposesMethod = (object: string) =>
  hasDesignWord(object) ||
  SELECTION.test(object) ||
  (METHOD_FORM.test(object) && !RESOURCE_FORM.test(object));

/** An act of the designer: a way of building the model, or a general verb on a method. */
function proposesAct(act: string): boolean {
  if (opensWithDesignVerb(act)) return true;
  const object = GENERAL_VERB.exec(act)?.[1];
  return object !== undefined && proposesMethod(object.split(OBJECT_END)[0] ?? '');
}

/** What the designer asks about doing, or what an assumption puts up: proposes, asks, or neither. */
function designerKind(part: string): QuestionKind | null {
  // "Can I treat add-to-cart as a soft positive?": a way of building the model, asked leave for.
  const may = CAN_ASKS.exec(part)?.[1];
  if (may !== undefined && opensWithDesignVerb(may) && !MAY_WE.test(part)) return 'tentative';
  const allowed = OK_ASKS.exec(part)?.[1];
  if (allowed !== undefined) {
    if (allowed.split(/,? or /).some(proposesAct)) return 'tentative';
    return LEAVE_VERB.test(allowed) || REQUIREMENT_VERB.test(allowed) ? null : 'tentative';
  }
  const asked = NEED_ASKS.exec(part)?.[1];
  if (asked !== undefined) {
    // "do we want to log every impression, or sample them?": a choice with a way of building in it.
    if (asked.split(/,? or /).some(proposesAct)) return 'tentative';
    // A modelling problem to handle: "handle class imbalance", "correct for position bias".
    if (COPING.test(asked) && hasDesignWord(asked)) return 'tentative';
    // An act the product does not owe, done with a design thing: "rebalance the classes for the GBDT".
    if (
      /^\w+\b/.test(asked) &&
      !REQUIREMENT_VERB.test(asked) &&
      !GENERAL_VERB.test(asked) &&
      hasDesignWord(asked)
    )
      return 'tentative';
    // "do we need a separate model for cold start?": a design thing wanted, not a resource.
    const wanted = /^(?:an?|some|separate|another|more|two|multiple|any) (.*)$/i.exec(asked)?.[1];
    if (wanted !== undefined && hasDesignWord(wanted.split(OBJECT_END)[0] ?? '')) return 'tentative';
    return null;
  }
  const assumption = ASSUMING.test(part) ? ASSUMED.exec(part)?.[1] : undefined;
  if (assumption === undefined) return null;
  const act = DESIGNER_WILL.exec(assumption)?.[1];
  const approved = (hasDesignWord(assumption) || METHOD_FORM.test(assumption)) && APPROVED.test(assumption);
  return (act !== undefined && proposesAct(act)) || (approved && !GIVEN.test(assumption))
    ? 'tentative'
    : 'fact';
}

/** Asks whether something is in scope: "X in scope?", "is X part of v1?". */
const ASKS_SCOPE = /\b(?:in|out of) scope\W*$|\bpart of (?:the )?(?:v1|scope|first version|mvp)\W*$/i;
/** The candidate's own scoping put up: "I'd leave X out of scope?", "can we keep X out of scope?". */
const OWN_SCOPE =
  /\b(?:i'?d|i would|we'?d|we would|let'?s|can (?:we|i)|could (?:we|i)|should (?:we|i)|i'?ll|we'?ll|leave|keep|put|treat)\b/i;

/** "are ads part of this?", "is the EU part of the launch, or just the US?": the case's ground asked. */
const PART_OF_THIS =
  /^(?:(?:hmm+|um+|so|and|also|ok|okay|wait)[,\s]+)*(?:are|is) (?:the )?[\w-]+(?: [\w-]+){0,3} (?:part of (?:this|it|the (?:problem|task|system|product|launch|scope|feed|design))|included|in (?:this|the) (?:scope|problem|task))\b/i;
/** "would it make sense to also ask about latency?", "can I ask what the budget is?". */
const ASKS_TO_ASK =
  /^(?:(?:hmm+|um+|so|and|also|ok|okay)[,\s]+)*(?:would it make sense to|does it make sense to|can i|could i|may i|should i|is it ok(?:ay)? (?:if i|to)|mind if i) (?:also |just |quickly |first )?ask\b/i;

/** Reads one question part (filler stripped): fact or tentative. */
export function classifyQuestion(part: string): QuestionKind {
  // "Like, we map every image into one space and find the nearest?": the words that lead into an
  // idea say nothing of what kind of question it is.
  const led = LEAD_IN.exec(part);
  if (led && led[0].length < part.length) return classifyQuestion(part.slice(led[0].length));
  // "Cold start for new users in scope?": what the product must cover is the case's to say.
  if (ASKS_SCOPE.test(part) && !OWN_SCOPE.test(part)) return 'fact';
  // "Are ads part of this, or should I just focus on organic posts?": which ground the case covers.
  if (PART_OF_THIS.test(part)) return 'fact';
  // "Would it make sense to also ask about latency?": a question announced is a question.
  if (ASKS_TO_ASK.test(part)) return 'fact';
  // "the hash matching we already have is cheaper, so that should run first?": a conclusion of the
  // candidate's drawn from a remark, put up with a rising voice.
  const concluded = CONCLUSION.exec(part)?.[1];
  if (concluded !== undefined && !opensQuestion(part) && classifyQuestion(concluded) === 'tentative')
    return 'tentative';
  // "registration can come days after the impression, so is there a typical delay?": a remark, then
  // the question it leads to, asked in so many words.
  if (concluded !== undefined && opensQuestion(concluded) && classifyQuestion(concluded) === 'fact')
    return 'fact';
  // "the phone uploads the photo — maybe resize it on the phone first?", "how often people search
  // again — that might mean bad results?": a step of the design or a reading of a signal, hedged.
  const hedged = HEDGED_ACT.exec(part);
  if (hedged && !NOT_AN_ACT.test(hedged[1] ?? '')) return 'tentative';
  if (HYPOTHESIS.test(part) || DIAGNOSIS.test(part) || THEN_STEP.test(part)) return 'tentative';
  // "Did you mean the path where the model is down?": the candidate's reading of the interviewer's
  // question, checked; the case holds no fact for it.
  if (MEANING_CHECKED.test(part)) return 'tentative';
  if (PROPOSAL_QUESTION.test(part)) return 'tentative';
  // "What do we do if the judge and humans disagree?", "how do we detect this?", "do we need to
  // rebuild the whole index every time?": the design asked of the interviewer, the candidate's to
  // decide. ("What happens if we're too slow?" asks what the case does, and stays a fact question.)
  if (asksDesignOfInterviewer(part)) return 'tentative';
  // "Would you be happy with that as the north star?": the interviewer's view, handed back.
  if (asksOpinionOfInterviewer(part)) return 'tentative';
  // "ranking budget in ms?": a figure of the case named, whatever word it opens with.
  if (
    namesFigures(part) ||
    namesFigures(part, UNMARKED_FIGURES, FIGURE_ASKED) ||
    namesFigures(part, 1, GOAL_NAMED)
  )
    return 'fact';
  // "So we first gather candidates, then rank them?", "decline if it's above 0.5?", "the user part
  // is the same for every ad, so compute it once?": a plan said with a rising voice.
  if (!opensQuestion(part) && (PLAN.test(part) || PLAN_CLAUSE.test(part))) return 'tentative';
  const opinion = OPINION.exec(part);
  if (opinion) {
    const rest = part.slice(opinion[0].length);
    return hasDesignWord(rest) || METHOD_FORM.test(rest) ? 'tentative' : 'fact';
  }
  const wondered = WONDERING_IF.exec(part)?.[1];
  if (wondered && hasDesignWord(wondered) && PROPOSAL.test(wondered)) return 'tentative';
  const supposed = SUPPOSING.exec(part);
  if (supposed) return supposesDesign(part.slice(supposed[0].length)) ? 'tentative' : 'fact';
  // "Latency: the auction has its own budget, so let's say the model gets 30ms?": what is supposed.
  const supposedLater = SUPPOSED_IN.exec(part);
  if (supposedLater && supposedLater.index > 0)
    return classifyQuestion(
      part.slice(supposedLater.index).replace(/^[\s,;:–—-]*(?:(?:so|and|but|then) )?/i, ''),
    );
  const designer = designerKind(part);
  if (designer) return designer;
  if (asksOutright(part)) return 'fact';
  // "Any limits on how long we can keep traces?" asks what exists, whatever voice follows.
  if (/^any\b/i.test(part) && !hasDesignWord(part)) return 'fact';
  if (PROPOSING.test(part) || INTENDING.test(part)) return 'tentative';
  // "What about item2vec?", "chunk docs at 500 tokens?": a method or an act of building put up.
  if ((/^(?:what|how) about\b/i.test(part) && hasDesignWord(part)) || opensWithDesignVerb(part))
    return 'tentative';
  // "Does combining BM25 and embeddings make sense?": a design judged, whatever the opening.
  if (JUDGED.test(part) && hasDesignWord(part) && !EXISTS.test(part)) return 'tentative';
  // "is the embedding table a problem?": a part of the candidate's design doubted.
  const doubted = DOUBTED_PART.exec(part)?.[1];
  if ((doubted !== undefined && hasDesignWord(doubted)) || BLOWS_BUDGET.test(part)) return 'tentative';
  if (FACT_OPENING.test(part)) return 'fact';
  if (JUDGING.test(part)) return 'tentative';
  if (EXISTING.test(part)) return 'fact';
  const subject = MODAL_SUBJECT.exec(part)?.[1];
  if (subject !== undefined && !hasDesignWord(subject)) return 'fact';
  const asking = MAY_WE.exec(part);
  if (asking) {
    // "Use the search CTR as a weak label" proposes, whatever the resource: it names its design role.
    const [object = '', ...purpose] = (asking[2] ?? '').split(OBJECT_END);
    return proposesMethod(object) || AS_DESIGN.test(purpose.join(' ')) ? 'tentative' : 'fact';
  }
  if (REQUIRED.test(part) || WORLD_SUBJECT.test(part)) return 'fact';
  return hasDesignWord(part) || hasDesignVoice(part) ? 'tentative' : 'fact';
}

/** Words that lead into what is asked: "like,", "I mean", "oh okay so". */
const LEAD_IN = /^(?:(?:like|i mean|oh|okay|ok|so|um+|uh+|well)\b[,\s—–-]+)+/i;

/** What a remark's ", so ..." concludes. */
const CONCLUSION = /[,;]\s*(?:and\s+)?so\s+(.+)$/i;

/** "maybe" or "perhaps" opening a clause, and what follows it. */
const HEDGED_ACT = /(?:^|[,;:—–-]\s*|\b(?:and|then|so)\s+)(?:maybe|perhaps|probably)\s+(.*)$/i;

/**
 * What follows "maybe" when it does not name an act of the design ("maybe the logs have it?",
 * "maybe there's a budget?", "maybe how many are there?"): an article, a pronoun of the world, a
 * question word or a verb of being. Anything else ("maybe resize it", "maybe we compress it") is
 * the candidate's step.
 */
const NOT_AN_ACT =
  /^(?:the|a|an|there|it|its|this|that|these|those|they|you|your|he|she|some|any|all|how|what|which|when|where|who|why|is|are|was|were|be|not|more|less|\d)\b/i;

/**
 * "Then a server runs the detector?", "the phone resizes it first?": a part of the system doing the
 * next step of the candidate's flow, said with a rising voice (no inverted "does" or "is").
 */
const THEN_STEP =
  /^(?:then\s+)?(?:a|the|our|each|every)\s+(?:[\w-]+\s+){0,2}(?:server|service|model|client|phone|app|job|pipeline|worker|ranker|encoder|detector|index|gateway|cache|queue|classifier|backend|frontend|device)s?\s+(?:then\s+|also\s+|just\s+|first\s+)?(?!is\b|has\b|does\b|was\b|needs\b)[a-z]+s\b/i;

/** A signal read as meaning something: "that might mean bad results", "which could indicate drift". */
const HYPOTHESIS =
  /\b(?:that|this|which|it)\s+(?:might|may|could|would)\s+(?:mean|indicate|suggest|signal|tell us)\b/i;
/** "Did you mean ...", "are you asking about ...": which reading of the question was meant. */
const MEANING_CHECKED =
  /^(?:(?:so|or|and|ok|okay|sorry|hmm+|um+|uh+)[,\s]+)*(?:did|do) you mean\b|^(?:(?:so|or|and|ok|okay|sorry|hmm+|um+|uh+)[,\s]+)*are you asking (?:about|whether|if|for)\b/i;

/** "That sounds like card testing?": the candidate's reading of what is happening, put up. */
const DIAGNOSIS =
  /^(?:(?:so|ok|okay|hmm+|um+|uh+|well|and)[,\s]+)*(?:(?:that|this|it)(?:'s| is)?\s+)?(?:sounds|looks|seems|smells|feels) (?:a lot |very much |kind of |kinda )?like\b/i;

/** A question about what the design should do, put to the interviewer (see classifyQuestion). */
const DESIGN_ASKED =
  /^(?:(?:and|so|but|ok|okay|hmm+|then|also)[,\s]+)*(?:(?:how|what|which|when|where|how often|how long|how many)\b[^?]{0,30}\bdo you want (?:the|us|me|it|them|to)\b|what (?:do we do|should we do|would we do|do i do|should i do)\s+(?:if|when)\b|how (?:to|do we|would we|should we|can we|could we|do i|would i|should i|we) (?:detect|handle|limit|prevent|deal with|avoid|fix|mitigate|reduce|cap|stop|catch|protect against|recover from|cope with)\b|(?:do|would|will) we (?:need|have) to (?:rebuild|retrain|recompute|reindex|re-index|redo|reprocess|rescore)\b)/i;

/**
 * The interviewer's own view of the design asked for: "would you be happy with that as the north
 * star?", "is that the direction you'd take too?", "do you think we should price per rider or per
 * area?". The choice is the candidate's; the interviewer hands it back rather than answering from
 * the case. ("What would you use instead?" asks for a hint, help-asked.ts; "in your view" alone
 * also asks what matters, or about the candidate's own standing.)
 */
const OPINION_ASKED =
  /\bwould you be (?:happy|ok|okay|fine|comfortable|satisfied|good) with (?:that|this|it|the|my|our)\b|\b(?:is|was) (?:that|this) (?:the|a) (?:direction|approach|choice|route|path|way|call|option|one) you(?:'?d| would) (?:take|go|pick|choose|make|use|want)\b|\b(?:is|was) (?:that|this) what you(?:'?d| would) (?:do|pick|choose|go with|use)\b|\bdo you think we should\b|\bwould you (?:do|have done) (?:it|the same|that) (?:the same way|differently)\b/i;

/** Whether a question asks the interviewer's own view of a design choice (see OPINION_ASKED). */
export const asksOpinionOfInterviewer = (question: string) => OPINION_ASKED.test(question);

/** About what exists today: "how do we detect fraud today?" asks the case. */
const NOW_ASKED = /\b(?:today|currently|right now|at the moment|existing|in place|at present)\b/i;

/** Whether a question asks the interviewer what the design should do (see classifyQuestion). */
export const asksDesignOfInterviewer = (question: string) =>
  DESIGN_ASKED.test(question.trim()) && !NOW_ASKED.test(question);
