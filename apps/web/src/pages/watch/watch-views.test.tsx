import type { ConsoleMessage, ServerMessage } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot, sampleTranscript } from '../../lib/fixtures.ts';
import { initialPeerState, peerReducer } from '../../lib/peer/peer-state.ts';
import { initialRoomState, roomReducer } from '../../lib/room-state.ts';
import { type Access, WATCHING } from '../../lib/watch.ts';
import { CandidateView } from '../peer/candidate-view.tsx';
import { InterviewerConsole } from '../peer/interviewer-console.tsx';
import type { PeerRoomApi } from '../peer/use-peer-room.ts';
import { RoomView } from '../room/room-view.tsx';
import type { RoomApi } from '../room/use-room.ts';
import { PEER_INERT, SOLO_INERT } from './use-watch-room.ts';

const SEAT: Access = { kind: 'seat', token: 't'.repeat(43) };
const open = { kind: 'open' } as const;
const noop = () => {};
const steps = [{ id: 'requirements', title: 'Requirements', budgetMs: 300_000, usedMs: 0, status: 'active' }];

function soloRoom(): RoomApi {
  const snapshot = sampleSnapshot(
    {
      seat: 'observer',
      transcript: sampleTranscript,
      notes: '## Plan',
      presence: { interviewer: true, candidate: true, observers: 2 },
      clock: { steps: steps as never },
    },
    {},
  );
  const state = roomReducer(initialRoomState(), { type: 'server', message: snapshot, localNow: 0 });
  return { state, status: open, dismissNotice: noop, reconnectNow: noop, drawing: null, ...SOLO_INERT };
}

const desk: ConsoleMessage = {
  type: 'console',
  caseId: 'c',
  caseTitle: 'Case',
  prompt: 'Design it',
  steps: [
    {
      id: 'requirements',
      title: 'Requirements',
      purpose: 'Scope it',
      opening: 'What would you ask first?',
      points: [
        { id: 'p1', title: 'Business goal', weight: 3, probe: 'What is the goal?', strong: 'Revenue' },
      ],
      curveballs: [{ id: 'c1', text: 'Traffic doubles.', expects: 'Scale out' }],
      redFlags: [],
    },
  ],
  facts: [{ id: 'f1', cues: ['users'], answer: '300M users' }],
  coverage: { points: {}, stepScores: {} },
  assessment: {
    marks: { p1: 'covered' },
    ratings: { requirements: { score: 3, comment: 'Clear goal' } },
    privateNotes: 'secret',
  },
};

function peerRoom(view: 'candidate' | 'interviewer'): PeerRoomApi {
  const snapshot = sampleSnapshot(
    { seat: 'observer', view, transcript: sampleTranscript, clock: { steps: steps as never } },
    { mode: 'peer', interviewer: 'human' },
  );
  const messages: ServerMessage[] = view === 'interviewer' ? [snapshot, desk] : [snapshot];
  const state = messages.reduce(
    (s, message) => peerReducer(s, { type: 'server', message, localNow: 0 }),
    initialPeerState(),
  );
  return { state, status: open, dismissNotice: noop, reconnectNow: noop, ...PEER_INERT };
}

describe('the solo room through a watch link', () => {
  it('shows the transcript and the pad read only, with no answer box and no controls', () => {
    const html = renderToStaticMarkup(<RoomView sessionId="s1" room={soloRoom()} access={WATCHING} />);
    expect(html).toContain('>Candidate<');
    expect(html).not.toContain('>You<');
    expect(html).toContain('2 watching');
    expect(html).toMatch(/<textarea[^>]*readOnly/i);
    for (const absent of ['Your answer', 'Next step', 'End interview', 'Invite an observer', 'dialog']) {
      expect(html, absent).not.toContain(absent);
    }
  });

  it('gives the candidate the answer box, the controls and the invite', () => {
    const html = renderToStaticMarkup(<RoomView sessionId="s1" room={soloRoom()} access={SEAT} />);
    for (const present of ['Your answer', 'End interview', 'Invite an observer', '>You<', '2 watching']) {
      expect(html, present).toContain(present);
    }
  });
});

describe('a peer room through a watch link', () => {
  it("shows the candidate's screen with no message box", () => {
    const html = renderToStaticMarkup(<CandidateView peer={peerRoom('candidate')} access={WATCHING} />);
    expect(html).toContain('>Candidate<');
    expect(html).not.toContain('Your answer');
    expect(html).not.toContain('Invite an observer');
    expect(html).toMatch(/<textarea[^>]*readOnly/i);
  });

  it('shows the console with marks and ratings locked and nothing to send', () => {
    const html = renderToStaticMarkup(
      <InterviewerConsole peer={peerRoom('interviewer')} access={WATCHING} />,
    );
    expect(html).toContain('Interviewer console');
    expect(html).toContain('Business goal');
    expect(html).toContain('Interviewer&#x27;s notes');
    expect(html.match(/class="chip chip--(yes|no)"[^>]*disabled=""/g)).toHaveLength(2);
    expect(html.match(/type="radio"[^>]*disabled=""/g)).toHaveLength(4);
    expect(html).toMatch(/<textarea[^>]*readOnly[^>]*>Clear goal/i);
    for (const absent of [
      'Pause clock',
      'Message to the candidate',
      'Put in the message box',
      '>Ask<',
      '>Throw<',
      'Invite an observer',
    ]) {
      expect(html, absent).not.toContain(absent);
    }
  });

  it('lets the interviewer share the candidate screen or the console', () => {
    const html = renderToStaticMarkup(<InterviewerConsole peer={peerRoom('interviewer')} access={SEAT} />);
    expect(html).toContain('Invite an observer');
    expect(html).toContain('Pause clock');
    expect(html).toContain('Message to the candidate');
  });
});
