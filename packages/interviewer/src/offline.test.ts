import type { InterviewerMove } from '@mlsd/engine';
import { describe, expect, it } from 'vitest';
import { fixtureCase, fixtureFramework } from '../test/fixtures.ts';
import type { SpeakRequest, TranscriptLine } from './interviewer.ts';
import { LINES } from './lines.ts';
import { createOfflineInterviewer, voiceOffline } from './offline.ts';

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

const asked = (text: string): TranscriptLine[] => [
  { role: 'interviewer', text: 'Before we design anything, what would you like to know?' },
  { role: 'candidate', text },
];

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
  it.each([
    ['How many daily active users are there?', 'user-scale'],
    ['What is the p99 latency budget?', 'latency'],
    ['Do we log likes and dwell time?', 'engagement-labels'],
    ['Are there privacy rules for EU users?', 'privacy'],
  ])('answers "%s" from the %s fact', (question, factId) => {
    const utterance = voiceOffline(
      request({ kind: 'answer-question', late: false }, { transcript: asked(question) }),
    );
    const fact = fixtureCase.facts.find((candidate) => candidate.id === factId)!;
    expect(utterance).toMatchObject({ kind: 'answer', factIds: [factId] });
    expect(utterance.text).toContain(fact.answer);
  });

  it('invites an assumption when no fact matches', () => {
    const utterance = voiceOffline(
      request(
        { kind: 'answer-question', late: false },
        { transcript: asked('What is the office dress code?') },
      ),
    );
    expect(utterance.factIds).toEqual([]);
    expect(LINES.noFact).toContain(utterance.text);
    expect(utterance.text).toMatch(/assumption/i);
  });

  it('answers the latest candidate message', () => {
    const transcript = [
      ...asked('What is the latency budget?'),
      { role: 'interviewer' as const, text: 'x' },
      ...asked('Do we need GDPR consent?'),
    ];
    expect(voiceOffline(request({ kind: 'answer-question', late: false }, { transcript })).factIds).toEqual([
      'privacy',
    ]);
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

  it('names the step when moving on, and wraps up by reason', () => {
    const moveOn = voiceOffline(request({ kind: 'move-on', reason: 'time-up', nextStep: 'framing' }));
    expect(moveOn.kind).toBe('move-on');
    expect(moveOn.text).toContain('requirements and scope');
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'ended-early' })).text).toMatch(/stop|end/i);
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'time-up' })).text).toMatch(/time/i);
    expect(voiceOffline(request({ kind: 'wrap-up', reason: 'completed' })).kind).toBe('wrap-up');
  });

  it('gives the time left in a warning', () => {
    expect(LINES.warningMinute).toContain(
      voiceOffline(request({ kind: 'time-warning', remainingMs: 60_000 })).text,
    );
    expect(voiceOffline(request({ kind: 'time-warning', remainingMs: 30_000 })).text).toMatch(/30 seconds/);
  });

  it('acknowledges neutrally, by situation', () => {
    const plain = voiceOffline(request({ kind: 'acknowledge', allCovered: false, late: false }));
    expect(plain.kind).toBe('acknowledgement');
    expect(LINES.acknowledge).toContain(plain.text);
    expect(LINES.acknowledgeCovered).toContain(
      voiceOffline(request({ kind: 'acknowledge', allCovered: true, late: false })).text,
    );
    expect(LINES.acknowledgeLate).toContain(
      voiceOffline(request({ kind: 'acknowledge', allCovered: false, late: true })).text,
    );
  });
});

describe('wording', () => {
  const script = (seed: number) => {
    const moves: MoveBody[] = [
      { kind: 'opening', withPrompt: true },
      { kind: 'answer-question', late: false },
      { kind: 'acknowledge', allCovered: false, late: false },
      { kind: 'probe', pointId: 'requirements-p3' },
      { kind: 'acknowledge', allCovered: false, late: false },
      { kind: 'time-warning', remainingMs: 60_000 },
      { kind: 'move-on', reason: 'time-up', nextStep: 'framing' },
      { kind: 'acknowledge', allCovered: true, late: false },
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
          request({ kind: 'acknowledge', allCovered: false, late: false }, { index, seed, transcript }),
        );
        expect(text).not.toBe(previous);
        transcript.push({ role: 'candidate', text: 'More detail.' }, { role: 'interviewer', text });
        previous = text;
      }
    }
  });

  it('contains no praise', () => {
    for (const line of Object.values(LINES).flat()) expect(line).not.toMatch(PRAISE);
    for (let seed = 0; seed < 20; seed++) for (const text of script(seed)) expect(text).not.toMatch(PRAISE);
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
