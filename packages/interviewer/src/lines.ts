import type { StepId } from '@mlsd/protocol';

/**
 * Everything the offline interviewer says that does not come from a rubric: short, calm and
 * neutral. No praise ("great", "excellent"): an acknowledgement only says the answer was heard.
 * `{title}` is the step's title, `{next}` the next step's; `{n}` a number of seconds.
 */
export const LINES = {
  firstOpening: ["Let's begin.", "Let's get started.", 'Thanks for joining. Here is the problem.'],
  opening: ['', 'Next, {title}.', 'On to {title}.', 'Now, {title}.'],
  /** Before a glossary definition ("what is MMoE?"); `{term}` is the term as the glossary spells it. */
  defineLead: ['{term}:', 'Here is what {term} means.', 'Briefly, on {term}.'],
  /** After it: the term is explained, its use left to the candidate. */
  defineClose: [
    'Whether it fits this design is your call.',
    'Whether and how it applies here is up to you.',
    "It's your decision whether it belongs in this design.",
  ],
  /** After it, when the step's time is up and the interview moves on next. */
  defineLate: ['Whether it fits is your call; keep it in mind for the next part.'],
  noFact: [
    "I don't have more detail on that. State an assumption that seems reasonable and carry on.",
    "That isn't something I can give you. Make an assumption, say it out loud, and move on.",
    "There's no detail on that here. Pick a sensible assumption, tell me what it is, and continue.",
  ],
  factLead: ['', '', 'Sure.'],
  /** Acknowledgements are a lead and an invitation, so a long session rarely says the same line twice. */
  acknowledge: ['Noted.', 'Okay.', 'Understood.', 'Got it.', 'Right.', 'I see.', 'Okay, noted.'],
  acknowledgeInvite: [
    'Go on.',
    'Keep going.',
    'Continue.',
    'What else matters here?',
    'Anything to add for this part?',
    'Carry on with {title}.',
    'Take it further if you like.',
    'Go on with {title}.',
  ],
  acknowledgeCovered: [
    "Add anything else you think matters here, or move on when you're ready.",
    "If there's nothing more for this part, we can move on.",
    'Tell me when you want to go to the next part.',
    'Say when you would like to move to the next part.',
  ],
  /** A push-back the candidate disputed with an argument that holds (then an invitation). */
  challengeConceded: [
    'Fair; that answers my concern.',
    "That's a fair distinction, and it covers what I was worried about.",
    'That settles it for me.',
  ],
  /** ...with one that does not yet meet the concern: it stands, without the fix. */
  challengeStands: [
    "I'm not convinced yet. Take my scenario with this case's numbers: what actually happens?",
    'I hear you, but my concern stands. Walk me through that scenario step by step for this case.',
    'That may be, but it does not answer the scenario I gave. What happens in it, concretely?',
  ],
  /** The candidate said the question was answered already (then an invitation). */
  answeredAlready: [
    "You're right, you covered that.",
    'Fair, you said that already.',
    'Right, you did say that.',
  ],
  /** The candidate said so, but nothing they said so far covers what was asked: the short version, please. */
  answeredAlreadyUnseen: [
    "I may have missed it; I don't have that yet. Give me the one-line version so I have it right.",
    "I don't see that in what we've covered so far, so I may have lost it. What's the short version?",
    'Could be I missed it. Say it again in a sentence or two, so it is on the record.',
  ],
  /** The candidate said the last question rested on something they never said (then an invitation). */
  neverSaid: [
    "You're right, you didn't say that; my mistake.",
    'Fair, that was my reading, not what you proposed.',
    'My mistake, you did not propose that.',
  ],
  /** "Does that answer your question?" when it did (then an invitation). */
  answeredYes: ['Yes, that answers it.', 'Yes, that covers what I asked.', "Yes, that's what I was after."],
  /** ...when it did not yet: the point's question again, said to be the same one or put another way. */
  answeredPartlyAgain: ['Partly. What I asked was:', 'In part. The question was:'],
  answeredPartlyOtherWords: ['Partly. Let me put it another way:', 'In part. Put another way:'],
  /** On the last step there is no next part: the candidate can add more or we wrap up. */
  acknowledgeLastStep: [
    'Anything else on {title} before we wrap up?',
    "Add anything you think is missing, or tell me you're done and we'll finish.",
    'Is there more you want to say here, or shall we finish?',
  ],
  acknowledgeLate: ['Noted.', 'Understood.', 'Okay, noted.'],
  /**
   * Before a probe. Neutral on purpose: "a follow-up" or "something else" would claim a relation
   * to the last answer that a probe of the next open point does not have.
   */
  probeLead: [
    '',
    'Let me push on one thing.',
    'One question before we go on.',
    "I'd like to go a bit deeper.",
    "I'm curious about this:",
    'Tell me this:',
    "Here's one I'd like your take on.",
  ],
  /** Before a probe of a topic the candidate just asked about: their question goes back to them. */
  probeRaised: [
    'Worth asking. You tell me:',
    "Good thing to raise. Let's see what you think:",
    'Fair question; I would like your view first.',
  ],
  /** Before a question asked again because the answer was about something else. */
  probeSidestepped: [
    'Let me bring you back to my question:',
    "Hold that thought; I'd still like an answer to this:",
    'Before we go there, back to what I asked:',
  ],
  /** Before a probe the previous interviewer line already asked (a hint pointed at it, unanswered). */
  probeAgain: ['Back to that question:', 'Let me put it to you again:', 'Coming back to it:'],
  /**
   * Before the case's sentence, when the candidate stated its figure wrongly (`{said}`, their figure):
   * put right at once, before the design is sized on it.
   */
  figureCorrected: [
    'One correction before you build on that: not {said}.',
    'A quick check on the numbers, since it matters for what follows: not {said}.',
    'Careful with that figure; it is not {said}.',
  ],
  /** Before the next figure put right in the same reply. */
  figureCorrectedToo: ['And not {said}.', 'Nor is it {said}.'],
  /** A fact the candidate asked for before: a short reminder, not the whole answer again. */
  factReminder: ['As I mentioned,', 'Same as before:', 'As I said earlier,'],
  /** `{part}` is the part of the question the case does not cover. */
  factMissingPart: [
    'On "{part}", the case does not say; state an assumption and go on.',
    'I have nothing on "{part}"; make an assumption there and say it.',
  ],
  /** The candidate put up their own assumption and the case leaves it open: it stands. */
  assumptionStands: [
    "The case doesn't settle that, so go ahead with your assumption.",
    'Nothing in the case pins that down; your assumption stands, so keep it explicit as you go.',
    "That's left open here, so carry on with that assumption.",
  ],
  /** The same beside other parts of the message; `{part}` is the assumption. */
  assumptionStandsPart: [
    'On "{part}", the case leaves it open; your assumption stands.',
    'The case says nothing on "{part}", so that assumption stands.',
  ],
  /** `{a}` and `{b}` are the two facts a question could mean. */
  // Asked also when the question is only like those two facts: "neither" must have an answer too.
  factWhich: [
    'Which do you mean: {a}, or {b}? If it is neither, the case does not say; make an assumption.',
    'Do you mean {a}, or {b}? If neither, assume something reasonable and say it.',
  ],
  /** A message it could not read: a lead and a request, naming the step so the line stays new. */
  unclear: [
    "I didn't follow that.",
    "Sorry, I couldn't make that out.",
    "I'm not sure what you mean.",
    'That did not come through clearly.',
  ],
  /** A bare choice ("the first one", "both") to an open question: the rest asked for. */
  sayMore: [
    'Say a bit more: which one do you mean, and why?',
    'Walk me through it: what exactly would you pick, and what makes it the right call here?',
    'Can you spell that out? What would you do, and why that?',
  ],
  /** A bare "yes" or "sure" to an open question: the question wanted an answer, not assent. */
  answerNotAssent: [
    'That one needs more than a yes: walk me through how you would handle it.',
    "I'm after the how rather than a yes or no: what would you actually do here?",
    'Tell me more: in your design, what does that look like?',
  ],
  /** A bare yes or no to a yes-or-no question: the reason asked for. */
  whyYesOrNo: [
    'Why, for this case?',
    'What makes you say that here?',
    'And why is that? Walk me through your reasoning.',
  ],
  /** A bare "depends": what it depends on, asked for. */
  dependsOnWhat: [
    'Depends on what? Walk me through the cases that would change your answer.',
    'On what, here? Tell me what would tip it one way or the other.',
    'What does it hinge on for this case, and what would you do in each situation?',
  ],
  /** A bare "ok" or "hmm": the floor handed back, no rephrase asked. */
  carryOn: [
    'Go ahead whenever you are ready: where do you want to take {title}?',
    'Take your time. What would you say next about {title}?',
    'Whenever you are ready, carry on with {title}.',
  ],
  /** Before the interviewer's last question, said again because the candidate asked for it. */
  repeatQuestion: ['Sure. Here it is again:', 'Of course:', 'No problem. Once more:'],
  /** A sum worked out wrongly, asked to be checked ({sum}: the candidate's words, quoted); never the result. */
  recheckSum: [
    'Before we build on that, check one figure for me: {sum}. Does that hold?',
    'Let me stop you on one number: {sum}. Can you redo that sum?',
    'Quick check on {sum}: walk me through that arithmetic again.',
  ],
  /** A measure defined as another ({term}: its name; {said}: the candidate's words); never the right definition. */
  recheckDefinition: [
    'Let me check one term. You said {said}. Is that what {term} measures?',
    'Quick check on {term}: you described it as {said}. Walk me through what it counts, exactly.',
    'Before we build on {term}: in your words, {said}. Does that definition hold?',
  ],
  /** Before the interviewer's last question in other words ("what do you mean?"). */
  rewordLead: ['Let me put it another way:', 'Put differently:', 'In other words:'],
  /** After a question said before the scene it stands in: the scene, as the reason it is asked. */
  rewordScene: ['I ask because {scene}', 'The situation I have in mind: {scene}'],
  /** "What do you mean?" to an invitation to go on: what it asks, plainly. */
  inviteExplained: [
    "I mean: is there more you would say about {title} before we go on? If not, just say so and we'll move to the next part.",
    "I'm only checking whether you have more to say on {title}. If you're done with it, tell me and we'll go on.",
  ],
  /** A question with no second wording: said again, with an offer to explain a term of it. */
  rewordUnavailable: ['Sure. The question is:', 'Of course. What I asked is:'],
  rewordOfferTerm: [
    "If a word in it is unclear, tell me which and I'll explain it.",
    'If one of its terms is the problem, name it and I will say what it means.',
  ],
  /** The line asked again with "do you mean X or Y?": the choice is the candidate's, then the question. */
  repeatEither: [
    'Either reading works; start with the one you think matters more here and say why. The question was:',
    'Your pick: take it the way you think matters most for this case. Here it is again:',
    'Whichever you think is more important; tell me which and why. Once more:',
  ],
  /** Before a sentence of the brief read back: the candidate asked what the opening already said. */
  factFromBrief: ['As the brief says:', "That's in the brief:", 'From the brief:'],
  /** Before a fact that is only the closest the case has to what was asked. */
  factNearby: [
    "I don't have exactly that; the closest I can give you:",
    "I can't give you that exactly, but here's what I know:",
    'Not in those terms, but this is what I can tell you:',
  ],
  /** The message was English words that did not make sense ("Tthe fe", "framing"): rephrase. */
  unclearAsk: [
    'Could you rephrase that in a sentence or two about {title}?',
    'Can you say it again, a little more fully? We are on {title}.',
    'Could you put that another way? A sentence or two on {title} is enough.',
    'Please rephrase: where are you on {title}?',
  ],
  /** The message was mostly in another language or script: English asked for. */
  unclearAskEnglish: [
    'Could you rephrase it in English, in a sentence or two, about {title}?',
    'Can you say it again in English, a little more fully? We are on {title}.',
    'Could you put that another way, in English? A sentence or two on {title} is enough.',
    'Please rephrase in English; where are you on {title}?',
  ],
  /** Level 2: `{probe}` is a question about an open area, never its answer. */
  hintArea: ['Here is a pointer.', 'One direction to think about.', 'A nudge.'],
  /** Level 2 on a point whose probe was already asked: one of its other questions. */
  hintAngle: ['Let me put it another way.', 'Try it from a different side.', 'Another way to look at it.'],
  /**
   * Level 3 names the concept: `{topic}` is the open point's title, a noun phrase ("calibrated
   * scores") or an instruction ("find the object in the query photo first"), so it stands alone.
   */
  hintConcept: [
    'One area still open here: {topic}. How would you handle it in this design?',
    'Something to think about: {topic}. What would you do about it here?',
    'Consider this one: {topic}. How does it apply to this problem?',
  ],
  hintNothingOpen: [
    "You've covered the main ground for this part. Add anything you think is missing, or we can move on.",
    'The important pieces of this part are on the table. Go deeper on one, or move on when ready.',
  ],
  /** Follow-ups on what the candidate just proposed; `{said}` is their own phrase, when found. */
  followUpLead: ['You mentioned {said}.', 'On {said}:', 'About {said}:'],
  followUpWhy: [
    'Why that choice over the obvious alternative here?',
    'What makes that the right call for this problem rather than something simpler?',
    'Why that, and what would make you choose differently?',
  ],
  followUpCost: [
    'What does that cost you at this scale, in latency, compute or effort?',
    'What is the price of that choice here, and is it worth paying?',
    'What does that add to the cost of building and running the system?',
  ],
  /** The cost angle on a metric or a signal to watch (evaluation, monitoring). */
  followUpMeasure: [
    'What would that number miss here, and what would you pair it with?',
    'What value of that would make you act, and what would you do?',
    'How could that number look fine while users are worse off?',
  ],
  /** The candidate asked whether something is a problem: turned back to them. */
  /** An idea put up for a verdict, handed back: the candidate decides, the interviewer does not. */
  turnBack: [
    "That's yours to decide. What would you pick, and what would make you change your mind?",
    "It's your call here. What would convince you either way?",
    "Talk me through how you'd decide that for this case.",
  ],
  /** ...when the candidate asked why something matters: the reasoning is theirs to give. */
  turnBackWhy: [
    "That's worth reasoning through yourself: what would go wrong in this case without it?",
    'That one is yours to settle. What would change in this case if you skipped it?',
    "I'd rather hear your reasoning: argue it for this case, either way.",
  ],
  followUpConcern: [
    'Good instinct to check. What do you think, and what would you do about it?',
    'You tell me: does it, and if so how would you handle it?',
    "That's worth working through. How big a problem is it here, and what would you change?",
  ],
  followUpFailure: [
    'How could that go wrong in production, and how would you notice?',
    'Where does that break down, and what would you see when it does?',
    'What is the failure mode of that approach here, and how would you catch it?',
  ],
  /** Push-backs on a known mistake, without the fix; `{said}` is the candidate's own phrase. */
  challengeLead: ['Let me push back on {said}.', 'I want to question {said}.', 'Hold on, {said}.'],
  challengeGeneric: [
    'Are you sure that holds up for this case? Walk me through why.',
    'What could go wrong with that here?',
    'Think about the numbers of this case: does that still work?',
  ],
  /** Asked about the rubric, a score or how they are doing. */
  redirectMeta: [
    "I can't share the rubric or any score during the interview; the report at the end covers all of it.",
    "That stays with me until the end: the report afterwards shows what was covered and what wasn't.",
  ],
  /** Asked about the interviewer itself: "are you an AI?", "who made this?". */
  redirectMetaSelf: [
    "I'm the practice interviewer for this session; questions about the tool can wait until the end.",
    "I'm here as your interviewer for this mock; let's keep the focus on your design.",
  ],
  /** How the session works, asked: said in a sentence, not put off. */
  redirectFormat: [
    "Talk me through each part in your own words; I'll ask questions as we go and tell you when a part's time is nearly up.",
    "You lead, part by part; I'll ask about what I want to hear more of and keep us on time.",
  ],
  /** Which way to go or how deep, asked of the interviewer: the candidate's call, said as such. */
  redirectDirection: [
    "Your call: go deepest where you see the most risk for this design. I'll steer if I need something else.",
    "Up to you; depth on what matters most beats covering everything lightly. I'll ask if I want more somewhere.",
  ],
  /** Any other question about the interview: its format, the session, what is allowed. */
  redirectMetaOther: [
    "Let's leave that for after the interview.",
    'Fair question; it can wait until we finish.',
  ],
  /**
   * "How much time is left?", "is this the last part?", alone or beside an answer: the time left
   * (`{left}`, `{Left}` capitalised) in `{title}`, and `{parts}` ("two more parts") after it.
   */
  clockMore: [
    '{Left} left on {title}, then {parts} after it: {total} in all.',
    'We have {left} left on {title}, and {parts} to go after this one, {total} in all.',
  ],
  clockLast: ['{Left} left on {title}, the last part.', 'This is the last part: {left} left on {title}.'],
  /** After the clock, to a message that asked only that: the floor back. */
  clockBack: ['Where were you?', 'Go on.', 'Carry on from where you were.'],
  /** Before the time left, to a question about the clock: it is answered, not put off. */
  redirectTime: ['Good to keep an eye on it.', 'Sure.'],
  /** Before the time left, to "should I draw something?": yes, on the pad, or in words. */
  redirectDraw: [
    'Sure, if it helps: the notes and diagrams pad draws mermaid blocks, and what you write there counts as your answer.',
    'Go ahead if it helps; the notes and diagrams pad is there for it. Describing it in words works too.',
  ],
  /** Before the time left, to "can I think out loud for a second?": yes, without putting it off. */
  redirectPermission: ['Sure, go ahead.', 'Of course, take a moment.'],
  /** Before the time left, to plain thanks ("thanks for the hint"). */
  /** A greeting returned in a few words before the step goes on. */
  redirectGreeting: ['Good, thank you, and thanks for joining.', "Fine, thanks. Glad you're here."],
  redirectThanks: ["You're welcome.", 'Glad to help.'],
  redirectOffTopic: ["Let's keep to the case for now.", "Let's stay with the design problem."],
  redirectSteer: ["I'll keep to the interview itself.", "I'll stay with the interview as it is."],
  /** `{left}` ("about 3 minutes", "less than a minute") left on `{title}`. */
  redirectBack: [
    'We have {left} left on {title}; where were you?',
    "There's {left} left for {title}. Carry on from where you were.",
    'Back to {title}: {left} left.',
  ],
  /** A tough interviewer cutting a long answer that makes no choice short. */
  interrupt: [
    "Let me stop you there — what's your choice?",
    'Let me cut in: which option do you pick, and why?',
    "I'll stop you there. What do you decide, and why?",
  ],
  probeFallback: [
    'What else would you consider for this part?',
    'Is there anything in this part you have not covered yet?',
  ],
  /** The step's curveball put again when the candidate asked to go on without a word on it. */
  /** The change put again after the candidate waved it away: it stands, and they are asked again. */
  curveballWaved: ['Take the change as given, though:', 'Assume it does matter here:'],
  curveballAgain: [
    'Before we move on, back to the change I mentioned:',
    'One thing first; you did not get to this:',
    'Before we leave this part, take a moment on the new constraint:',
  ],
  curveballLead: ['Let me change one thing.', "Here's a new constraint.", 'Suppose this changes.'],
  curveballAsk: [
    'How would you adapt?',
    'What changes in your design?',
    'How does that change your approach?',
  ],
  warningMinute: [
    'About a minute left for {title}.',
    'We have roughly a minute left on {title}.',
    'One minute left on {title}; start wrapping it up.',
  ],
  warningSeconds: ['About {n} seconds left for {title}.', 'Roughly {n} seconds left on {title}.'],
  moveOnTime: [
    "We're at time for {title}, so let's move on.",
    "That's time for {title}. Let's move on.",
    "Let's leave {title} there and move on.",
  ],
  /** "Why does that matter?": why the question is asked, and room to argue that it does not. */
  whyAsked: [
    "Fair challenge. I'm asking because it changes what the system has to do in this case. If you think it doesn't matter here, tell me why; that's a fine answer too.",
    "It matters because the answer shapes the design. If you'd argue it doesn't for this case, make that argument and tell me what you'd do instead.",
  ],
  /** A red flag said again in a later part, after it was pushed back on: the same question, flagged as a return. */
  challengeAgainLead: [
    'We came back to {said}, which I questioned earlier.',
    'I pushed on {said} before, and it is back here.',
  ],
  /** A later part asked for: the parts go in order ({asked} comes after {next}). */
  moveOnInOrder: [
    'We take the parts in order, so {asked} comes later. On to {next} now.',
    "We'll get to {asked}; the parts go in order, so next is {next}.",
  ],
  /** Asked to go back to a part already done: not done; what they wanted to add can be said now. */
  noGoingBack: [
    "We keep going forward rather than back to {asked}, but add what you wanted in a sentence or two now, then let's carry on with {title}.",
    "We won't go back to {asked}; say what you wanted to add briefly here, and then back to {title}.",
  ],
  /** Asked to go to the part under way. */
  alreadyInStep: ["We're on {asked} now, so go ahead.", "This is {asked} we're in; carry on."],
  moveOnCandidate: [
    "Sure, let's move on from {title}.",
    'Okay, moving on to {next}.',
    'All right, on to {next}.',
  ],
  wrapUpCompleted: [
    "That's all seven parts. Thank you for your time; your report is being prepared.",
    "We've covered every part. Thanks — your report is on its way.",
  ],
  wrapUpTimeUp: [
    "We're out of time, so let's stop here. Thank you; your report is being prepared.",
    "That's time for the interview. Thanks — the report follows.",
  ],
  wrapUpEarly: [
    "Understood, we'll stop here. Your report covers what we discussed.",
    "Okay, let's end here. The report covers the parts we reached.",
  ],
  /** Ended by the candidate in the last part: every part was reached, so nothing was cut short. */
  wrapUpLastPart: [
    "Understood, we'll end there; that was the last part anyway. Thank you, your report is being prepared.",
    'Okay, that wraps up the final part. Thanks for your time; the report follows.',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Fills `{name}` slots. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}

/** Level-1 hints: the step's question again, in other words, pointing at nothing in particular. */
export const STEP_HINTS: Record<StepId, readonly string[]> = {
  requirements: [
    'Put the design aside for a moment: what would you need to know about the goal, the users, the scale and the constraints before choosing anything?',
    'Before any design, think about what the business wants from this and which limits you must respect. What would you ask?',
  ],
  framing: [
    'Try to say it in one sentence: what goes into the model, what comes out, and how does that output serve the goal?',
    'What exactly would the model predict for each request, and how is that tied to what the business wants?',
  ],
  data: [
    'Think about what the model learns from: where the examples and their labels come from, and what you would feed it.',
    'Where would your training examples come from, and what do you know about each one when you predict?',
  ],
  model: [
    'Start simple: what is the first model you would ship, and what would you try after it?',
    'What would a first version look like, and what would make you move to something more complex?',
  ],
  evaluation: [
    'How would you know the model is good, before launch and after it?',
    'Think about the two moments you judge the model: offline on past data, and online with real users. What would you look at in each?',
  ],
  serving: [
    'Picture one request end to end: what runs, how fast, and what is computed ahead of time?',
    'Walk through what happens between a request arriving and the answer going back, and where the time goes.',
  ],
  monitoring: [
    'Imagine it has been live for three months: what could have gone wrong, and how would you find out?',
    'Once this is running, what would you watch, and what would make you retrain or roll back?',
  ],
};
