import { describe, expect, it } from 'vitest';
import { stripFiller } from './filler.ts';
import { splitMessage } from './split.ts';

const texts = (message: string) => splitMessage(message).map((part) => part.text);
const asked = (message: string) => splitMessage(message).map((part) => part.asked);

describe('stripFiller', () => {
  it.each([
    ['um ok. so how many documents are there?', 'how many documents are there?'],
    ['Quick question: what is the latency?', 'what is the latency?'],
    ['sorry if I missed it, can we use GPUs?', 'can we use GPUs?'],
    ['I was wondering if you could tell me the QPS', 'the QPS'],
    ['okay so, hmm, right - what about GDPR', 'what about GDPR'],
  ])('"%s" -> "%s"', (text, stripped) => {
    expect(stripFiller(text)).toBe(stripped);
  });

  it('leaves a question that starts with a content word alone', () => {
    expect(stripFiller('Latency budget?')).toBe('Latency budget?');
  });
});

describe('splitMessage', () => {
  it('splits sentences, "and what/how ...", ", also ..." and list lines', () => {
    expect(texts('How many users? What is the latency?')).toEqual([
      'How many users?',
      'What is the latency?',
    ]);
    expect(texts('How many users are there and what about latency?')).toEqual([
      'How many users are there',
      'what about latency?',
    ]);
    expect(texts('how many users, also the latency budget')).toEqual([
      'how many users',
      'the latency budget',
    ]);
    // "Two things:" announces the list; it asks nothing itself.
    expect(texts('Two things:\n1) the QPS\n2) labels')).toEqual(['the QPS', 'labels']);
    // Numbered asks typed on one line are lines of their own.
    expect(texts('1) how many ads per request 2) how long can scoring take')).toEqual([
      'how many ads per request',
      'how long can scoring take',
    ]);
    // One number alone is no list: "top 1." is part of a sentence.
    expect(texts('is the 2) case covered?')).toHaveLength(1);
    // Typed without a comma, "also" still starts a new question when a question word follows.
    expect(texts("how many users also what's the latency")).toEqual(['how many users', "what's the latency"]);
    expect(texts('do we also need GPUs')).toEqual(['do we also need GPUs']);
  });

  it('keeps a leading clause that is no question with the question after it', () => {
    expect(texts('Besides approve or decline, what else can we do?')).toEqual([
      'Besides approve or decline, what else can we do?',
    ]);
    expect(texts('What do queries look like, are they short?')).toEqual([
      'What do queries look like, are they short?',
    ]);
  });

  it('takes a lead-in about the candidate off the question after it', () => {
    expect(texts('Before I pick metrics, how do we define a successful search?')).toEqual([
      'how do we define a successful search?',
    ]);
    expect(texts("I'm worried about candidate gen - how big does the 2-hop set get?")).toEqual([
      'how big does the 2-hop set get?',
    ]);
    expect(texts('I assume there is some regulation - anything about PSD2?')).toEqual([
      'I assume there is some regulation - anything about PSD2?',
    ]);
  });

  it('reads why the candidate asks, said beside the question, as no question', () => {
    const parts = splitMessage('how much money do we lose to fraud a year? I want to size the upside first');
    expect(parts.map((part) => part.asked)).toEqual([true, false]);
    expect(splitMessage('whats the p99 budget. asking because of calibration')[1]?.asked).toBe(false);
    // Said with a question mark, or as a request to be told, it still asks.
    expect(splitMessage("qps? I'll go with a GBDT, by the way how many labels do we get?")[1]?.asked).toBe(
      true,
    );
    expect(splitMessage('qps? I would like to know the label delay')[1]?.asked).toBe(true);
  });

  it('reads "like ..." after a question as the same question, and a guess at the answer as none', () => {
    expect(texts('how precise are the declines? like out of all we decline, how many are fraud')).toEqual([
      'how precise are the declines? like out of all we decline, how many are fraud',
    ]);
    const guessed = splitMessage('what do sellers complain about most? i guess wrong takedowns?');
    expect(guessed.map((part) => part.asked)).toEqual([true, false]);
    expect(splitMessage('what % of purchases get returned? could be a negative label')[1]?.asked).toBe(false);
    // Alone, "could we..." and "maybe..." still ask.
    expect(splitMessage('could we use the returns as labels?')[0]?.asked).toBe(true);
  });

  it('reads a remark typed after a question without closing punctuation as no question', () => {
    expect(asked('how many sellers list each week? that sets my index refresh')).toEqual([true, false]);
    expect(asked('rough p99 for search? ballpark is fine')).toEqual([true, false]);
    expect(asked('do we keep raw audio? might need it for relabelling')).toEqual([true, false]);
    expect(asked('is the catalog mostly english? thinking about multilingual encoders')).toEqual([
      true,
      false,
    ]);
    // A bare noun phrase, a question word or a modal with a subject still asks.
    expect(asked('how many users? and the peak qps')).toEqual([true, true]);
    expect(asked('how many users? what is the peak qps')).toEqual([true, true]);
    expect(asked('how many users? could we get their history too')).toEqual([true, true]);
  });

  it('keeps numbers with a decimal point whole', () => {
    expect(texts('Is the CTR about 1.2% overall?')).toEqual(['Is the CTR about 1.2% overall?']);
  });

  it('marks the later clauses of one sentence as joined to it', () => {
    expect(splitMessage('How big is the catalog, and how much is added daily?')).toEqual([
      { text: 'How big is the catalog', asked: true },
      { text: 'how much is added daily?', asked: true, joined: true },
    ]);
  });

  it('asks about a bare subject joined to a question by "and"', () => {
    expect(texts('Daily orders, and how many estimates per second do we need at peak?')).toEqual([
      'Daily orders',
      'how many estimates per second do we need at peak?',
    ]);
    expect(texts('Median time to acceptance, and is there a cap on invitations?')).toEqual([
      'Median time to acceptance',
      'is there a cap on invitations?',
    ]);
    expect(texts('How many people use the feed daily, and peak QPS?')).toEqual([
      'How many people use the feed daily',
      'peak QPS?',
    ]);
    expect(texts('what is the latency, and so on?')).toHaveLength(1);
    expect(texts('Is it US only, and for mobile?')).toHaveLength(1);
    // A lead, a clause with a verb, or a comma alone: the next question's context, not its own ask.
    expect(texts('Besides approve or decline, and what else can we do?')).toHaveLength(1);
    expect(texts('For the ranking stage, what is the budget?')).toHaveLength(1);
  });

  it('reads a request for a figure after a question as asked', () => {
    expect(
      splitMessage("how many people use it daily? I'll also need the peak number of ad requests per second."),
    ).toEqual([
      { text: 'how many people use it daily?', asked: true },
      { text: "I'll also need the peak number of ad requests per second", asked: true, told: true },
    ]);
    expect(asked('how many users? I need a plan for users with no history')).toEqual([true, false]);
    expect(asked('what is the p99? I would like the model to be small.')).toEqual([true, false]);
  });

  it("marks the candidate's own view or plan as told, so it drops when it finds nothing", () => {
    const told = (message: string) => splitMessage(message).map((part) => part.told === true);
    expect(told('the data is confounded, right? is there any random price variation logged?')).toEqual([
      true,
      false,
    ]);
    expect(told('could I embed every frame? how many GPUs can the indexer use?')).toEqual([true, false]);
    expect(told('how many 2-hop people are there? just want to know if I need sampling')).toEqual([
      false,
      true,
    ]);
    expect(told('is the data confounded, right?')).toEqual([false]);
  });

  it('reads a bare subject typed tersely as asked: after a question, or before an "also"', () => {
    expect(asked("Cost cap per question. also what's the p95 for the first token")).toEqual([true, true]);
    expect(asked('Average QPS? Then, the comment rate per impression.')).toEqual([true, true]);
    expect(asked('Total estimates per day. Also the time budget for a whole list page.')).toEqual([
      true,
      true,
    ]);
    expect(asked('Right, serving constraints. How long can the estimate take?')).toEqual([false, true]);
    // A figure named just before a question is asked with it; an area named there leads into it.
    expect(asked('Rides per day. And how many price quotes a day?')).toEqual([true, true]);
    expect(asked('Upload volume at peak. How fast must a verdict come back?')).toEqual([true, true]);
    // "— same for Y": the question before asked again of another subject.
    expect(asked('Monthly churn — same for new sign-ups, how many a month?')).toEqual([true, true]);
    expect(asked('How many refunds a week; same for chargebacks?')).toEqual([true, true]);
    // "use" ending a noun phrase is the noun: "Existing model use, and how clean are the photos?"
    expect(asked('Existing image model use, and how clean are the catalog photos?')).toEqual([true, true]);
    expect(asked('ok so prefetching... how many posts per page?')).toEqual([false, true]);
    expect(asked('how many users? otherwise I will keep the current cadence.')).toEqual([true, false]);
  });

  it('splits "- and how many..." like ", and how many..."', () => {
    expect(texts('how many estimates a day - and how many ms do we have per page?')).toEqual([
      'how many estimates a day',
      'how many ms do we have per page?',
    ]);
  });

  it('takes the frame of the question off its end', () => {
    expect(texts('ok, um, how much imagery are we talking about')).toEqual(['how much imagery']);
  });

  it('reads "has to" and "wants" after a question as a remark', () => {
    expect(asked('how many agents are there? the eval sample has to cover the tail')).toEqual([true, false]);
    expect(asked('how many gpus can i get? a big cross network wants a few')).toEqual([true, false]);
  });

  it('parts two asks typed with a slash after a question, and reads a question after a comma', () => {
    expect(texts('bad-content rate per surface? / how many decisions a day can reviewers make')).toEqual([
      'bad-content rate per surface?',
      'how many decisions a day can reviewers make',
    ]);
    expect(asked('questions per day? also hosted or self-host, what are the options')).toEqual([true, true]);
    // A slash inside a phrase is no break.
    expect(texts('is it approve / decline only?')).toHaveLength(1);
  });

  it('parts two asks typed with a spaced slash or plus before a question word', () => {
    expect(texts("checkout latency limit / how is today's estimate computed?")).toHaveLength(2);
    expect(
      texts('what % of impressions get clicked + how many clicks get refunded as invalid?'),
    ).toHaveLength(2);
    expect(texts('A / B test or interleaving?')).toHaveLength(1);
  });

  it('marks statements closed by a full stop as not asked', () => {
    expect(splitMessage("I'd start with a baseline. What's the QPS?")).toEqual([
      { text: "I'd start with a baseline", asked: false, told: true },
      { text: "What's the QPS?", asked: true },
    ]);
  });
});

describe('a heading that names what the question after it asks about', () => {
  it('stays with a question that names no subject of its own', () => {
    expect(splitMessage('Serving cost: is there a cap relative to today?').map((part) => part.text)).toEqual([
      'Serving cost: is there a cap relative to today?',
    ]);
    expect(splitMessage('Quick q: is there a GPU budget?').map((part) => part.text)).toEqual([
      'is there a GPU budget?',
    ]);
  });
});
