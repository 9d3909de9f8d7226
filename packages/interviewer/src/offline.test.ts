import type { InterviewerMove } from '@mlsd/engine';
import { describe, expect, it } from 'vitest';
import { fixtureCase, fixtureFramework } from '../test/fixtures.ts';
import { glossaryEntry } from './glossary/glossary.ts';
import type { SpeakRequest, TranscriptLine } from './interviewer.ts';
import { LINES, STEP_HINTS } from './lines.ts';
import { createOfflineInterviewer, voiceOffline } from './offline.ts';
import { linesFor } from './persona-lines.ts';

type MoveBody = InterviewerMove extends infer M
  ? M extends InterviewerMove
    ? Omit<M, 'index' | 'step'>
    : never
  : never;

function request(
  body: MoveBody,
  options: {
    step?: InterviewerMove['step'];
    index?: number;
    seed?: number;
    transcript?: TranscriptLine[];
  } = {},
): SpeakRequest {
  return {
    caseStudy: fixtureCase,
    framework: fixtureFramework,
    move: { ...body, step: options.step ?? 'requirements', index: options.index ?? 3 } as InterviewerMove,
    transcript: options.transcript ?? [],
    seed: options.seed ?? 42,
  };
}

const PRAISE =
  /\b(great|excellent|awesome|fantastic|perfect|amazing|brilliant|impressive|wonderful|well done|nice|good (?:answer|point|job|question))\b/i;

describe('openings', () => {
  it("reads out the case prompt, then the case's opening, on the first turn", () => {
    const { text, kind } = voiceOffline(request({ kind: 'opening', withPrompt: true }, { index: 0 }));
    expect(kind).toBe('opening');
    expect(text).toContain(fixtureCase.prompt);
    expect(text.indexOf(fixtureCase.prompt)).toBeLessThan(
      text.indexOf(fixtureCase.steps.requirements.opening),
    );
  });

  it("opens later steps with the case's own question", () => {
    const { text } = voiceOffline(request({ kind: 'opening', withPrompt: false }, { step: 'model' }));
    expect(text).toContain(fixtureCase.steps.model.opening);
    expect(text).not.toContain(fixtureCase.prompt);
  });

  it('does not name the step again right after a move-on line that named it', () => {
    for (let seed = 0; seed < 10; seed++) {
      const transcript: TranscriptLine[] = [{ role: 'interviewer', text: 'All right, on to model.' }];
      const { text } = voiceOffline(
        request({ kind: 'opening', withPrompt: false }, { step: 'model', seed, transcript }),
      );
      expect(text).toBe(fixtureCase.steps.model.opening);
    }
  });

  it("falls back to the framework's opening when the case has none", () => {
    const bare = structuredClone(fixtureCase);
    bare.steps.data.opening = '';
    const { text } = voiceOffline({
      ...request({ kind: 'opening', withPrompt: false }, { step: 'data' }),
      caseStudy: bare,
    });
    expect(text).toContain(fixtureFramework.steps[2]!.opening);
  });
});

describe('clarifying answers', () => {
  const facts = (ids: string[], repeat = false) => ids.map((id) => ({ id, repeat }));
  const answer = (ids: string[], extra: Partial<{ unanswered: string[]; repeat: boolean }> = {}) =>
    voiceOffline(
      request({
        kind: 'answer-facts',
        facts: facts(ids, extra.repeat),
        unanswered: extra.unanswered ?? [],
        ambiguous: [],
        late: false,
      }),
    );

  it('gives every fact asked for, in full, in order', () => {
    const utterance = answer(['user-scale', 'latency']);
    const [scale, latency] = ['user-scale', 'latency'].map(
      (id) => fixtureCase.facts.find((f) => f.id === id)!,
    );
    expect(utterance).toMatchObject({ kind: 'answer', factIds: ['user-scale', 'latency'] });
    expect(utterance.text.indexOf(scale!.answer)).toBeGreaterThanOrEqual(0);
    expect(utterance.text.indexOf(latency!.answer)).toBeGreaterThan(utterance.text.indexOf(scale!.answer));
  });

  it("reads back the brief's sentence for a question the brief answers", () => {
    const first = fixtureCase.prompt.split(/(?<=[.!?])\s+/)[0]!.trim();
    const utterance = answer(['brief-0']);
    expect(utterance.kind).toBe('answer');
    expect(utterance.text).toContain(first);
    expect(LINES.factFromBrief.some((lead) => utterance.text.startsWith(lead))).toBe(true);
  });

  /** The latency fact, two sentences long, voiced as `entry` in reply to `said`. */
  const latencyReply = (
    said: string,
    entry: { repeat: boolean; nearby?: true; corrects?: { said: string; sentence: string } },
    answer = 'The feed must render in 200 ms at p99. Ranking gets 80 ms of that budget.',
  ) => {
    const study = structuredClone(fixtureCase);
    const fact = study.facts.find((f) => f.id === 'latency')!;
    fact.answer = answer;
    return voiceOffline({
      ...request(
        {
          kind: 'answer-facts',
          facts: [{ id: 'latency', ...entry }],
          unanswered: [],
          ambiguous: [],
          late: false,
        },
        { transcript: [{ role: 'candidate', text: said }] },
      ),
      caseStudy: study,
    }).text;
  };

  it('corrects a figure stated wrongly with the sentence of the case that holds it, and only that', () => {
    const sentence = 'The feed must render in 200 ms at p99.';
    const text = latencyReply('The budget is 2 seconds, so a big model fits.', {
      repeat: true,
      corrects: { said: '2 seconds', sentence },
    });
    const lead = LINES.figureCorrected.find((line) => text.startsWith(line.replace('{said}', '2 seconds')));
    expect(lead).toBeDefined();
    expect(text.endsWith(sentence)).toBe(true);
    expect(text).not.toContain('Ranking gets 80 ms');
  });

  it("gives the closest fact plainly when it answers in the question's own words, hedged otherwise", () => {
    const nearby = (said: string) => latencyReply(said, { repeat: false, nearby: true });
    const hedged = (text: string) => LINES.factNearby.some((lead) => text.startsWith(lead));
    expect(hedged(nearby('How many ms does the ranking budget get?'))).toBe(false);
    expect(hedged(nearby('Does showing slower pages change what people buy next week?'))).toBe(true);
    // Named by two of the fact's own cues, however loosely the rest matched.
    expect(hedged(nearby('How fast must be the response, I mean the latency?'))).toBe(false);
    // The sentence that asks is measured, not the reasons given after it.
    expect(
      hedged(
        nearby(
          'How many ms does the ranking budget get? I want to know so I can decide between a tree model and a deep network and how much to precompute.',
        ),
      ),
    ).toBe(false);
  });

  it('reminds of a fact given before with the sentence that answers the question asked now', () => {
    const remind = (said: string) => latencyReply(said, { repeat: true });
    const ranking = remind('how many ms does ranking get again?');
    expect(ranking).toMatch(/(mentioned|before|said)[,:] ranking gets 80 ms of that budget\.$/i);
    expect(ranking).not.toContain('The feed must render');
    const render = remind('how fast must the feed render?');
    expect(render).toMatch(/the feed must render in 200 ms at p99\.$/i);
    expect(render).not.toContain('Ranking gets');
    // A question that singles out no sentence gets the fact again, whole.
    expect(remind('sorry, what was that again?')).toContain('200 ms at p99. Ranking gets 80 ms');
    // Two questions, two sentences, in the fact's order.
    expect(remind('how much does ranking get? and how fast must the feed render?')).toMatch(
      /the feed must render in 200 ms at p99\. Ranking gets 80 ms of that budget\.$/i,
    );
    // A full stop inside a figure is no sentence end: "1.2M" is never cut to "2M".
    const drivers = 'About 1.2M drivers are active each week. Ranking gets 80 ms of that budget.';
    expect(latencyReply('how many drivers are active?', { repeat: true }, drivers)).toMatch(
      /about 1\.2M drivers are active each week\.$/i,
    );
  });

  it('says which part the case does not cover, next to the facts it does', () => {
    const utterance = answer(['latency'], { unanswered: ['is there a dress code?'] });
    expect(utterance.text).toContain('is there a dress code');
    expect(utterance.text).toMatch(/assum/i);
  });

  it('asks which of two facts they mean', () => {
    const utterance = voiceOffline(
      request({
        kind: 'answer-facts',
        facts: [],
        unanswered: [],
        ambiguous: [{ question: 'how big is it', options: ['user-scale', 'latency'] }],
        late: false,
      }),
    );
    expect(utterance.kind).toBe('clarification');
    expect(utterance.text).toMatch(/mean/);
  });

  it('invites an assumption when no fact matches', () => {
    const utterance = voiceOffline(
      request({ kind: 'clarify', reason: 'no-fact', unanswered: ['What is the dress code?'], late: false }),
    );
    expect(utterance.factIds).toEqual([]);
    expect(LINES.noFact).toContain(utterance.text);
    expect(utterance.text).toMatch(/assumption/i);
  });

  it("lets the candidate's own assumption stand when the case leaves it open", () => {
    const alone = voiceOffline(
      request({
        kind: 'clarify',
        reason: 'no-fact',
        unanswered: [],
        assumed: ['we support scheduled orders too'],
        late: false,
      }),
    );
    expect(alone.kind).toBe('clarification');
    expect(LINES.assumptionStands).toContain(alone.text);
    expect(alone.text).not.toMatch(/make an assumption|state an assumption/i);
    // Beside a fact, the assumption is named so it is clear which part stands.
    const beside = voiceOffline(
      request({
        kind: 'answer-facts',
        facts: facts(['latency']),
        unanswered: [],
        ambiguous: [],
        assumed: ['we support scheduled orders too'],
        late: false,
      }),
    );
    expect(beside.kind).toBe('answer');
    expect(beside.text).toContain('"we support scheduled orders too"');
    expect(beside.text).toMatch(/stands/);
  });

  it('asks to rephrase a message it could not read, in English when it was in another language', () => {
    const said = (text: string): TranscriptLine[] => [{ role: 'candidate', text }];
    const ask = (text: string, seed: number) =>
      voiceOffline(
        request(
          { kind: 'clarify', reason: 'unclear', unanswered: [], late: false },
          { seed, transcript: said(text) },
        ),
      );
    for (const seed of [1, 2, 3, 4]) {
      const foreign = ask('je ne sais pas quoi dire ici', seed);
      expect(foreign.kind).toBe('clarification');
      expect(foreign.text).toMatch(/english/i);
      const garbled = ask('Tthe fe', seed);
      expect(garbled.kind).toBe('clarification');
      expect(garbled.text).toMatch(/rephrase|again|another way/i);
      expect(garbled.text).not.toMatch(/english/i);
    }
  });
});

describe('probes', () => {
  it("ask the point's probe and never give away its strong answer or signals", () => {
    for (const step of ['requirements', 'data', 'serving'] as const) {
      for (const point of [
        ...fixtureCase.steps[step].points,
        ...fixtureFramework.steps.find((s) => s.id === step)!.points,
      ]) {
        for (let seed = 0; seed < 6; seed++) {
          const utterance = voiceOffline(request({ kind: 'probe', pointId: point.id }, { step, seed }));
          expect(utterance).toMatchObject({ kind: 'probe', probedPointIds: [point.id] });
          expect(utterance.text).toContain(point.probe);
          expect(utterance.text).not.toContain(point.strong);
          expect(utterance.text).not.toContain('STRONG');
          for (const signal of point.signals)
            expect(utterance.text.toLowerCase()).not.toContain(signal.toLowerCase());
        }
      }
    }
  });

  it('use a varied lead-in', () => {
    const texts = new Set(
      Array.from(
        { length: 12 },
        (_, index) =>
          voiceOffline(request({ kind: 'probe', pointId: 'data-p1' }, { step: 'data', index })).text,
      ),
    );
    expect(texts.size).toBeGreaterThan(2);
  });

  it('say that they ask again what the line before asked, never "a follow-up"', () => {
    const point = fixtureCase.steps.data.points[0]!;
    const hinted: TranscriptLine[] = [
      { role: 'interviewer', text: `One direction to think about. ${point.probe}` },
      { role: 'candidate', text: 'We would use accuracy on the whole set.' },
    ];
    for (let index = 0; index < 8; index++) {
      const { text } = voiceOffline(
        request({ kind: 'probe', pointId: point.id }, { step: 'data', index, transcript: hinted }),
      );
      expect(LINES.probeAgain.some((lead) => text.startsWith(lead))).toBe(true);
      expect(text).toContain(point.probe);
    }
    for (let index = 0; index < 8; index++) {
      const { text } = voiceOffline(request({ kind: 'probe', pointId: point.id }, { step: 'data', index }));
      expect(text).not.toMatch(/follow-up|something else/i);
    }
  });

  it('fall back to a generic question for an unknown point', () => {
    const utterance = voiceOffline(request({ kind: 'probe', pointId: 'no-such-point' }));
    expect(LINES.probeFallback).toContain(utterance.text);
    expect(utterance.probedPointIds).toBeUndefined();
  });
});

describe('other moves', () => {
  it('throws the curveball text with a question', () => {
    const { text, kind } = voiceOffline(
      request({ kind: 'curveball', curveballId: 'creator-push' }, { step: 'data' }),
    );
    expect(kind).toBe('curveball');
    expect(text).toContain(fixtureCase.curveballs[0]!.text);
    expect(text).not.toContain(fixtureCase.curveballs[0]!.expects);
    expect(text.trim().endsWith('?')).toBe(true);
  });

  it("asks for a wrong sum to be checked in the candidate's words, never with the result", () => {
    const sum = '120 million times 3 KB is about 36 GB';
    const { kind, text } = voiceOffline(request({ kind: 'challenge', flagId: 'miscalculation', sum }));
    expect(kind).toBe('challenge');
    expect(text).toContain(`"${sum}"`);
    expect(text).not.toMatch(/360/);
  });

  it('puts the curveball again with its own lead, not as a new change', () => {
    const { text, kind } = voiceOffline(
      request({ kind: 'curveball', curveballId: 'creator-push', again: true }, { step: 'data' }),
    );
    expect(kind).toBe('curveball');
    expect(text).toContain(fixtureCase.curveballs[0]!.text);
    expect(LINES.curveballAgain.some((lead) => text.startsWith(lead))).toBe(true);
    expect(LINES.curveballLead.some((lead) => text.startsWith(lead))).toBe(false);
  });

  it('says the question again when asked to, instead of redirecting', () => {
    const asked: TranscriptLine[] = [
      { role: 'interviewer', text: 'One question before we go on. How would you pick the threshold?' },
      { role: 'candidate', text: 'sorry, can you repeat the question?' },
    ];
    const again = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 60_000 }, { transcript: asked }),
    );
    expect(again.kind).toBe('clarification');
    expect(again.text).toContain('How would you pick the threshold?');
    // After a fact answer, "the question" is the step's own.
    const afterFacts: TranscriptLine[] = [
      { role: 'interviewer', text: 'About 2M users a day.' },
      { role: 'candidate', text: 'what was the question again?' },
    ];
    const step = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 60_000 }, { transcript: afterFacts }),
    );
    expect(step.text).toContain(fixtureCase.steps.requirements.opening);
  });

  it('puts the question another way when asked what it means, never nesting its own leads', () => {
    const meta = { kind: 'redirect', reason: 'meta', stepRemainingMs: 60_000 } as const;
    const reply = (transcript: TranscriptLine[]) => voiceOffline(request(meta, { transcript })).text;
    // An invitation to go on is explained for what it is, without the acknowledgement before it.
    const invited = reply([
      { role: 'interviewer', text: 'Okay, noted. Anything to add for this part?' },
      { role: 'candidate', text: "Sorry, I don't understand the question." },
    ]);
    expect(invited).toMatch(/more (?:you would say|to say) (?:about|on) requirements/i);
    expect(invited).not.toContain('noted');
    // Asked again after the explanation: the step's question in other words.
    const again = reply([
      { role: 'interviewer', text: 'Okay, noted. Anything to add for this part?' },
      { role: 'candidate', text: "Sorry, I don't understand the question." },
      { role: 'interviewer', text: invited },
      { role: 'candidate', text: 'what do you mean?' },
    ]);
    expect(STEP_HINTS.requirements.some((hint) => again.includes(hint))).toBe(true);
    expect(again).not.toContain('I mean:');
    // A question set in a scene: the question first, the scene as why it is asked, the lead dropped.
    const scene = reply([
      {
        role: 'interviewer',
        text: "I'd like to go a bit deeper. New creators post daily. How would their videos get seen at all?",
      },
      { role: 'interviewer', text: 'About a minute left for requirements.', kind: 'warning' },
      { role: 'candidate', text: 'Can you rephrase that?' },
    ]);
    expect(scene).toMatch(
      /How would their videos get seen at all\? (?:I ask because|The situation I have in mind:) new creators post daily\.$/,
    );
    expect(scene).not.toContain('go a bit deeper');
    // A one-sentence question has no other wording offline: again, with a term offered.
    const plain = reply([
      { role: 'interviewer', text: 'How would you pick the threshold?' },
      { role: 'candidate', text: 'what do you mean?' },
    ]);
    expect(plain).toContain('How would you pick the threshold?');
    expect(plain).toMatch(/tell me which|name it/);
  });

  it('asks what a bare "depends" hinges on, and for the rest of a bare choice', () => {
    const reply = (said: string) =>
      voiceOffline(
        request(
          { kind: 'clarify', reason: 'unclear', unanswered: [], late: false },
          {
            transcript: [
              { role: 'interviewer', text: 'Who labels the examples?' },
              { role: 'candidate', text: said },
            ],
          },
        ),
      ).text;
    expect(reply('depends')).toMatch(/on what|hinge|tip it/i);
    expect(reply('the first one')).toMatch(/which one|spell that out|what exactly/i);
    expect(reply('depends')).not.toMatch(/couldn't make that out|didn't follow/i);
    // Assent to an open question: the answer is asked for, not a choice.
    expect(reply('Yes, definitely.')).toMatch(/more than a yes|rather than a yes|what does that look like/i);
  });

  it('asks why after a bare yes or no to a yes-or-no question about the design', () => {
    const after = (line: string, said: string) =>
      voiceOffline(
        request(
          { kind: 'clarify', reason: 'unclear', unanswered: [], late: false },
          {
            transcript: [
              { role: 'interviewer', text: line },
              { role: 'candidate', text: said },
            ],
          },
        ),
      );
    const said = after('Is the closest place always the one to put first?', 'Yes.');
    expect(said.kind).toBe('follow-up');
    expect(said.text).toMatch(/why|what makes you say/i);
    // "yes" after a fact answer acknowledges it: the floor is handed back.
    const afterFact = after('About 7 million active listings in roughly 120,000 markets.', 'yes');
    expect(afterFact.text).not.toMatch(/more than a yes|rather than a yes|why/i);
  });

  it('leaves the choice of reading to the candidate when asked "do you mean X or Y?" with the request', () => {
    const asked: TranscriptLine[] = [
      { role: 'interviewer', text: 'How would you measure it?' },
      { role: 'candidate', text: 'Sorry, can you repeat that? Do you mean offline or online?' },
    ];
    const reply = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 60_000 }, { transcript: asked }),
    );
    expect(reply.kind).toBe('clarification');
    expect(reply.text).toMatch(/which|either|your pick/i);
    expect(reply.text).toContain('How would you measure it?');
  });

  it('answers a question about the clock with the time left, putting nothing off', () => {
    const asked: TranscriptLine[] = [{ role: 'candidate', text: "hmm what's my time left?" }];
    const reply = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 180_000 }, { transcript: asked }),
    );
    expect(reply.text).toMatch(/3 minutes/);
    expect(reply.text).not.toMatch(/after the interview|can wait/i);
    // Pace is the clock too, however it is asked; it is not a question about the score.
    for (const text of ['How am I doing on time? Should I speed up?', 'Sorry, am I going too slowly?']) {
      const pace = voiceOffline(
        request(
          { kind: 'redirect', reason: 'meta', stepRemainingMs: 180_000 },
          { transcript: [{ role: 'candidate', text }] },
        ),
      );
      expect(pace.text).toMatch(/3 minutes/);
      expect(pace.text).not.toMatch(/rubric|score|after the interview|can wait/i);
    }
  });

  it('says the time left and the parts to come first when the clock was asked beside an answer', () => {
    const clock = { stepRemainingMs: 240_000, partsAfter: 3, totalRemainingMs: 1_440_000 };
    const said: TranscriptLine[] = [
      {
        role: 'candidate',
        text: "I'd use a gradient boosted model on the order features. Is this the last section?",
      },
    ];
    const plain = voiceOffline(
      request(
        { kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
        { step: 'model', transcript: said },
      ),
    );
    const clocked = voiceOffline(
      request(
        { kind: 'acknowledge', allCovered: false, late: false, lastStep: false, clock },
        { step: 'model', transcript: said },
      ),
    );
    expect(clocked.text).toMatch(
      /^(?:About|We have about) 4 minutes left on model\b.*three more parts.*about 24 minutes in all\./,
    );
    expect(clocked.text.endsWith(plain.text)).toBe(true);
    expect(clocked.kind).toBe('acknowledgement');
    // Asked alone in the last part: said to be the last, and the floor handed back; nothing put off,
    // and "gradient" is not a question about the grade.
    const alone = voiceOffline(
      request(
        {
          kind: 'redirect',
          reason: 'meta',
          stepRemainingMs: 120_000,
          clock: { ...clock, stepRemainingMs: 120_000, partsAfter: 0 },
        },
        { step: 'monitoring', transcript: said },
      ),
    );
    expect(alone.text).toMatch(/last part/);
    expect(alone.text).toMatch(/2 minutes/);
    expect(alone.text).not.toMatch(/rubric|score|can wait|after the interview/i);
    const unclocked = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 120_000 }, { transcript: said }),
    );
    expect(unclocked.text).not.toMatch(/rubric|score/i);
  });

  it('gives another angle on a point already probed, then its concept once no angle is left', () => {
    const point = fixtureCase.steps.requirements.points.find((each) => each.followUps.length > 0)!;
    const probed: TranscriptLine[] = [
      { role: 'interviewer', text: point.probe, kind: 'probe' },
      { role: 'candidate', text: "I don't know, honestly." },
    ];
    const angle = voiceOffline(
      request({ kind: 'hint', level: 2, pointId: point.id }, { transcript: probed }),
    );
    expect(angle.text).toContain(point.followUps[0]!);
    expect(angle.text).not.toContain(point.probe);
    expect(angle.hintLevel).toBe(2);
    const allAsked: TranscriptLine[] = [
      ...point.followUps.map((text) => ({ role: 'interviewer' as const, text })),
      ...probed,
    ];
    const concept = voiceOffline(
      request({ kind: 'hint', level: 2, pointId: point.id }, { transcript: allAsked }),
    );
    expect(concept.hintLevel).toBe(3);
    expect(concept.text.toLowerCase()).toContain(point.title.toLowerCase());
  });

  it('opens with a short reminder of a fact checked in passing, then the reply to the answer', () => {
    const fact = fixtureCase.facts[0]!;
    const said: TranscriptLine[] = [
      { role: 'candidate', text: 'We precompute the heavy part nightly. What was the volume again?' },
    ];
    const plain = voiceOffline(
      request({ kind: 'acknowledge', allCovered: false, late: false, lastStep: false }, { transcript: said }),
    );
    const reminded = voiceOffline(
      request(
        { kind: 'acknowledge', allCovered: false, late: false, lastStep: false, reminds: [fact.id] },
        { transcript: said },
      ),
    );
    expect(reminded.text.endsWith(plain.text)).toBe(true);
    expect(reminded.text.length).toBeGreaterThan(plain.text.length + 10);
    expect(LINES.factReminder.some((lead) => reminded.text.startsWith(lead.split('{')[0]!.trim()))).toBe(
      true,
    );
  });

  it('says yes to "should I draw something?" and points at the pad, putting nothing off', () => {
    for (const text of ['should I draw something?', 'Can I sketch the architecture quickly?']) {
      const reply = voiceOffline(
        request(
          { kind: 'redirect', reason: 'meta', stepRemainingMs: 180_000 },
          { transcript: [{ role: 'candidate', text }] },
        ),
      );
      expect(reply.text).toMatch(/notes and diagrams pad/);
      expect(reply.text).not.toMatch(/can wait|after the interview|rubric/i);
    }
  });

  it('answers how the session works and which way to go, instead of putting them off', () => {
    const replyTo = (text: string) =>
      voiceOffline(
        request(
          { kind: 'redirect', reason: 'meta', stepRemainingMs: 180_000 },
          { transcript: [{ role: 'candidate', text }] },
        ),
      ).text;
    const format = replyTo('how does this work, do I just talk through each stage and you stop me?');
    expect(LINES.redirectFormat.some((line) => format.startsWith(line))).toBe(true);
    for (const text of [
      'Do you want me to go into the infrastructure, or is this enough for serving?',
      'Which would you rather I go deep on, the client-side gate or the server-side ranker?',
    ]) {
      const reply = replyTo(text);
      expect(
        LINES.redirectDirection.some((line) => reply.startsWith(line)),
        text,
      ).toBe(true);
      expect(reply).not.toMatch(/after the interview|can wait|rubric/i);
    }
  });

  it('gives leave asked for ("can I think out loud for a second?") instead of putting it off', () => {
    const asked: TranscriptLine[] = [
      { role: 'candidate', text: "I'm torn between the two. Can I think out loud for a second?" },
    ];
    const reply = voiceOffline(
      request({ kind: 'redirect', reason: 'meta', stepRemainingMs: 180_000 }, { transcript: asked }),
    );
    expect(reply.text).toMatch(/^(?:Sure, go ahead|Of course, take a moment)\./);
    expect(reply.text).not.toMatch(/after the interview|can wait/i);
  });

  it('names the step when moving on, and wraps up by reason', () => {
    const moveOn = voiceOffline(request({ kind: 'move-on', reason: 'time-up', nextStep: 'framing' }));
    expect(moveOn.kind).toBe('move-on');
    expect(moveOn.text).toContain('requirements and scope');
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'ended-early' })).text).toMatch(/stop|end/i);
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'time-up' })).text).toMatch(/time/i);
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'completed' })).kind).toBe('wrap-up');
  });

  it('says a later part asked for comes later, and does not go back to a part done', () => {
    for (const seed of [1, 2, 3]) {
      const ahead = voiceOffline(
        request({ kind: 'move-on', reason: 'candidate', nextStep: 'framing', asked: 'evaluation' }, { seed }),
      );
      expect(ahead.kind).toBe('move-on');
      expect(ahead.text).toMatch(/order/);
      expect(ahead.text).toContain('evaluation');
      const back = voiceOffline(
        request(
          { kind: 'clarify', reason: 'step-order', toward: 'requirements', unanswered: [], late: false },
          { step: 'data', seed },
        ),
      );
      expect(back.kind).toBe('clarification');
      expect(back.text).toMatch(/\b(?:won't go back|rather than back)\b/);
      expect(back.text).not.toMatch(/\b(?:sure|moving on)\b/i);
    }
  });

  it('returns a greeting in a few words instead of putting it off', () => {
    const greeted = voiceOffline(
      request(
        { kind: 'redirect', reason: 'meta', stepRemainingMs: 240_000 },
        {
          transcript: [{ role: 'candidate', text: "Hi! Thanks for having me. How's your day going so far?" }],
        },
      ),
    );
    expect(greeted.text).toMatch(/^(?:Good|Fine), thank/);
    expect(greeted.text).not.toMatch(/can wait|after the interview/);
  });

  it('says why a question is asked when the candidate challenges it, without the rubric', () => {
    const why = voiceOffline(request({ kind: 'clarify', reason: 'why-asked', unanswered: [], late: false }));
    expect(why.kind).toBe('clarification');
    expect(why.text).toMatch(/\b(?:asking because|matters because)\b/);
    expect(why.text).not.toMatch(/can't give you|no detail/i);
  });

  it('says whether the answer landed: yes, or the question again', () => {
    const point = fixtureCase.steps.requirements.points[0]!;
    const base = { kind: 'acknowledge' as const, allCovered: false, late: false, lastStep: false };
    const yes = voiceOffline(request({ ...base, answered: 'yes' }));
    expect(yes.kind).toBe('acknowledgement');
    expect(yes.text).toMatch(/^Yes\b/);
    const probed = [{ role: 'interviewer' as const, text: point.probe }];
    const partly = voiceOffline(
      request({ ...base, answered: 'partly', pointId: point.id }, { transcript: probed }),
    );
    expect(partly.kind).toBe('follow-up');
    expect(partly.text).toMatch(/^(?:Partly|In part)\b/);
    expect(partly.text).toContain(point.probe);
  });

  it('does not call an end asked for in the last part cut short', () => {
    for (const seed of [1, 2, 3, 4]) {
      const text = voiceOffline(
        request({ kind: 'wrap-up', reason: 'ended-early' }, { step: 'monitoring', seed }),
      ).text;
      expect(text).toMatch(/last part|final part/);
      expect(text).not.toMatch(/parts we reached|what we discussed/);
    }
  });

  it('gives the time left in a warning, naming the step', () => {
    const minute = voiceOffline(request({ kind: 'time-warning', remainingMs: 60_000 })).text;
    expect(minute).toMatch(/minute/);
    expect(minute).toContain('requirements and scope');
    expect(voiceOffline(request({ kind: 'time-warning', remainingMs: 30_000 })).text).toMatch(/30 seconds/);
  });

  it('acknowledges neutrally, by situation', () => {
    const plain = voiceOffline(
      request({ kind: 'acknowledge', allCovered: false, late: false, lastStep: false }),
    );
    expect(plain.kind).toBe('acknowledgement');
    expect(LINES.acknowledge.some((lead) => plain.text.startsWith(lead))).toBe(true);
    const covered = voiceOffline(
      request({ kind: 'acknowledge', allCovered: true, late: false, lastStep: false }),
    );
    expect(LINES.acknowledgeCovered.some((line) => covered.text.endsWith(line))).toBe(true);
    expect(LINES.acknowledgeLate).toContain(
      voiceOffline(request({ kind: 'acknowledge', allCovered: false, late: true, lastStep: false })).text,
    );
    const last = voiceOffline(
      request({ kind: 'acknowledge', allCovered: true, late: false, lastStep: true }, { step: 'monitoring' }),
    );
    expect(last.text).not.toMatch(/next part|move on/i);
  });
});

describe('wording', () => {
  const script = (seed: number) => {
    const moves: MoveBody[] = [
      { kind: 'opening', withPrompt: true },
      {
        kind: 'answer-facts',
        facts: [{ id: 'latency', repeat: false }],
        unanswered: [],
        ambiguous: [],
        late: false,
      },
      { kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
      { kind: 'probe', pointId: 'requirements-p3' },
      { kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
      { kind: 'time-warning', remainingMs: 60_000 },
      { kind: 'move-on', reason: 'time-up', nextStep: 'framing' },
      { kind: 'acknowledge', allCovered: true, late: false, lastStep: false },
      { kind: 'wrap-up', reason: 'completed' },
    ];
    const transcript: TranscriptLine[] = [];
    return moves.map((body, index) => {
      transcript.push({ role: 'candidate', text: 'How many users are there?' });
      const { text } = voiceOffline(request(body, { index, seed, transcript }));
      transcript.push({ role: 'interviewer', text });
      return text;
    });
  };

  it('is the same for the same seed and varies across seeds', () => {
    expect(script(7)).toEqual(script(7));
    const distinct = new Set([1, 2, 3, 4, 5, 6].map((seed) => script(seed).join('\n')));
    expect(distinct.size).toBeGreaterThan(3);
  });

  it('never repeats the previous interviewer line word for word', () => {
    for (let seed = 0; seed < 30; seed++) {
      const transcript: TranscriptLine[] = [];
      let previous = '';
      for (let index = 0; index < 20; index++) {
        const { text } = voiceOffline(
          request(
            { kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
            { index, seed, transcript },
          ),
        );
        expect(text).not.toBe(previous);
        transcript.push({ role: 'candidate', text: 'More detail.' }, { role: 'interviewer', text });
        previous = text;
      }
    }
  });

  it('does not open a probe with a lead-in one of the last four lines opened with', () => {
    const leads = LINES.probeLead.filter((lead) => lead !== '');
    const used = leads.slice(0, 4);
    const transcript: TranscriptLine[] = used.flatMap((lead, i) => [
      { role: 'candidate' as const, text: `Answer ${i}.` },
      { role: 'interviewer' as const, text: `${lead} Question ${i}?` },
    ]);
    for (let seed = 0; seed < 40; seed++) {
      const { text } = voiceOffline(
        request({ kind: 'probe', pointId: 'data-p1' }, { step: 'data', index: 9, seed, transcript }),
      );
      for (const lead of used) expect(text.startsWith(lead), `${seed}: ${text}`).toBe(false);
    }
  });

  it('contains no praise, in any persona', () => {
    for (const persona of ['supportive', 'neutral', 'tough'] as const)
      for (const line of Object.values(linesFor(persona)).flat()) expect(line).not.toMatch(PRAISE);
    for (let seed = 0; seed < 20; seed++) for (const text of script(seed)) expect(text).not.toMatch(PRAISE);
  });
});

describe('follow-ups', () => {
  const followUp = (pointId: string, transcript: TranscriptLine[] = []) =>
    voiceOffline(
      request(
        { kind: 'follow-up', pointId, angle: 'why' },
        { transcript: [...transcript, { role: 'candidate', text: 'I would go with the sixth idea here.' }] },
      ),
    ).text;

  it("ask the case's own follow-ups on a point first, each once, then the general ones", () => {
    const first = followUp('requirements-p6');
    expect(first).toMatch(/FOLLOW-UP requirements [AB]:/);
    const second = followUp('requirements-p6', [{ role: 'interviewer', text: first }]);
    expect(second).toMatch(/FOLLOW-UP requirements [AB]:/);
    expect(second.match(/FOLLOW-UP requirements ([AB])/)?.[1]).not.toBe(
      first.match(/FOLLOW-UP requirements ([AB])/)?.[1],
    );
    const third = followUp('requirements-p6', [
      { role: 'interviewer', text: first },
      { role: 'interviewer', text: second },
    ]);
    expect(third).not.toContain('FOLLOW-UP');
    expect(LINES.followUpWhy.some((line) => third.includes(line))).toBe(true);
  });

  it('skip one the message already answers', () => {
    for (let seed = 0; seed < 6; seed++) {
      const text = voiceOffline({
        ...request(
          { kind: 'follow-up', pointId: 'requirements-p6', angle: 'why' },
          {
            seed,
            transcript: [
              {
                role: 'candidate',
                text: 'The sixth idea holds at this scale; the follow-up requirements are met.',
              },
            ],
          },
        ),
      }).text;
      expect(text).toMatch(/FOLLOW-UP requirements B:/);
    }
  });

  it('skip one an earlier message of the step answered, not only the last one', () => {
    for (let seed = 0; seed < 6; seed++) {
      const text = voiceOffline(
        request(
          { kind: 'follow-up', pointId: 'requirements-p6', angle: 'why' },
          {
            seed,
            transcript: [
              {
                role: 'candidate',
                text: 'The sixth idea holds at this scale; the follow-up requirements are met.',
              },
              { role: 'interviewer', text: 'Noted.' },
              { role: 'candidate', text: 'I would go with the sixth idea here.' },
            ],
          },
        ),
      ).text;
      expect(text).toMatch(/FOLLOW-UP requirements B:/);
    }
  });

  it("name the candidate's phrase only before a question about it", () => {
    for (let seed = 0; seed < 6; seed++) {
      // "sixth idea" is in neither of the point's own follow-ups: no "On sixth idea:" before them.
      const own = voiceOffline(
        request(
          { kind: 'follow-up', pointId: 'requirements-p6', angle: 'why' },
          { seed, transcript: [{ role: 'candidate', text: 'I would go with the sixth idea here.' }] },
        ),
      ).text;
      expect(own).toMatch(/^FOLLOW-UP requirements [AB]:/);
      // The general questions ask about whatever was said: they keep the lead.
      const general = voiceOffline(
        request(
          { kind: 'follow-up', pointId: 'requirements-p2', angle: 'why' },
          { seed, transcript: [{ role: 'candidate', text: 'I would go with the second idea here.' }] },
        ),
      ).text;
      expect(general.toLowerCase()).toContain('second idea');
    }
  });

  it('ask the general ones on a point without its own', () => {
    expect(LINES.followUpWhy.some((line) => followUp('requirements-p2').includes(line))).toBe(true);
  });
});

describe('definitions', () => {
  it('say what a term means from the glossary, and leave its use to the candidate', () => {
    const mmoe = glossaryEntry('MMoE')!;
    const utterance = voiceOffline(request({ kind: 'define', terms: ['MMoE'], late: false }));
    expect(utterance.kind).toBe('clarification');
    expect(utterance.text).toContain(mmoe.definition);
    expect(utterance.text).toMatch(/your call|up to you|your decision/);
    expect(utterance.text).not.toMatch(PRAISE);
  });
});

describe('createOfflineInterviewer', () => {
  it('implements the async interface and streams its line once', async () => {
    const interviewer = createOfflineInterviewer();
    const deltas: string[] = [];
    const utterance = await interviewer.speak(request({ kind: 'opening', withPrompt: true }, { index: 0 }), {
      onDelta: (delta) => deltas.push(delta),
    });
    expect(interviewer.kind).toBe('offline');
    expect(deltas).toEqual([utterance.text]);
    expect(utterance).toEqual(voiceOffline(request({ kind: 'opening', withPrompt: true }, { index: 0 })));
  });

  it('rejects when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      createOfflineInterviewer().speak(request({ kind: 'opening', withPrompt: true }), {
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});
