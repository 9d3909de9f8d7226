import { randomBytes } from 'node:crypto';
import { CreateSessionResponse, ObserverLinkResponse } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { COVERAGE_DELAY_MS } from '../src/rooms/peer/human-interviewer.ts';
import { MAX_OBSERVER_LINKS } from '../src/routes/observers.ts';
import { containsCanary, createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, STEP_WORD } from './peer-fixture.ts';
import { useRoomServer } from './room-server.ts';

/** A fresh random canary per run, so nothing can be tuned to a known string. */
const CANARY = `zq${randomBytes(12).toString('hex')}`;

const env = useRoomServer('observers', CANARY);
const { settle, seat } = env;

function invite(roomId: string, token: string | null, body: object = {}) {
  return fetch(`${env.server.url}/api/rooms/${roomId}/observers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function link(roomId: string, token: string, body: object = {}) {
  const response = await invite(roomId, token, body);
  expect(response.status).toBe(201);
  return ObserverLinkResponse.parse(await response.json());
}

describe('watching a solo mock', () => {
  it('shows the candidate screen live and refuses anything the observer sends', async () => {
    const created = await fetch(`${env.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: FIXTURE_CASE_ID, durationMinutes: 30 }),
    });
    const session = CreateSessionResponse.parse(await created.json());
    const candidate = await seat(session.id, session.token);
    const watch = await link(session.id, session.token);
    expect(watch.path).toBe(`#/watch/${session.id}/${watch.token}`);
    const observer = await seat(session.id, watch.token);
    expect(observer.snapshot).toMatchObject({ seat: 'observer', view: 'candidate', room: { mode: 'solo' } });
    // The candidate sees that someone watches.
    await candidate.socket.waitFor((m) => m.type === 'presence' && m.presence.observers === 1);

    candidate.socket.send({ type: 'say', clientId: 'a1', text: `We need ${STEP_WORD.requirements} facet1.` });
    await observer.socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'candidate' && m.turn.clientId === 'a1',
    );
    await observer.socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer');
    candidate.socket.send({ type: 'notes', text: 'graph TD; A-->B' });
    expect(await observer.socket.next('notes_update')).toMatchObject({ text: 'graph TD; A-->B' });

    for (const attempt of [
      { type: 'say', clientId: 'o1', text: 'let me help' },
      { type: 'notes', text: 'x' },
      { type: 'timer', clientId: 'o2', action: 'end' },
    ]) {
      observer.socket.send(attempt);
      expect(await observer.socket.next('error')).toMatchObject({ code: 'FORBIDDEN' });
    }
    await settle();
    // Nothing the observer sent was stored, and the candidate never saw its own pad echoed.
    expect(env.server.app.db.sessions.transcript(session.id).some((t) => t.text === 'let me help')).toBe(
      false,
    );
    expect(env.server.app.db.sessions.get(session.id)?.status).toBe('active');
    expect(candidate.socket.received.some((m) => m.type === 'notes_update')).toBe(false);
  });

  it('refuses watch links to anyone without a seat, to observers, and the console of a solo room', async () => {
    const created = await fetch(`${env.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: FIXTURE_CASE_ID, durationMinutes: 30 }),
    });
    const session = CreateSessionResponse.parse(await created.json());
    expect((await invite(session.id, null)).status).toBe(401);
    expect((await invite(session.id, 'x'.repeat(43))).status).toBe(401);
    expect((await invite(session.id, session.token, { view: 'interviewer' })).status).toBe(403);
    expect((await invite(session.id, session.token, { view: 'everything' })).status).toBe(400);
    const watch = await link(session.id, session.token);
    const byObserver = await invite(session.id, watch.token);
    expect(byObserver.status).toBe(403);
    expect(((await byObserver.json()) as { message: string }).message).toMatch(/observers cannot invite/);
    for (let i = 1; i < MAX_OBSERVER_LINKS; i++) await link(session.id, session.token);
    expect((await invite(session.id, session.token)).status).toBe(429);
  });
});

describe('watching a peer mock', () => {
  it('keeps the answer key from candidate-view observers and gives the console only to its own observers', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const candidate = await seat(room.roomId, room.candidate.token);
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const desk = await interviewer.socket.next('console');
    const point = desk.steps[0]!.points[0]!;
    expect((await invite(room.roomId, room.candidate.token, { view: 'interviewer' })).status).toBe(403);
    const coachLink = await link(room.roomId, room.interviewer.token, { view: 'interviewer' });
    const friendLink = await link(room.roomId, room.candidate.token);
    const coach = await seat(room.roomId, coachLink.token);
    const friend = await seat(room.roomId, friendLink.token);
    expect(coach.snapshot).toMatchObject({ seat: 'observer', view: 'interviewer' });
    await coach.socket.next('console');

    interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
    await friend.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
    candidate.socket.send({ type: 'say', clientId: 'a1', text: `We need ${STEP_WORD.requirements} facet1.` });
    candidate.socket.send({ type: 'notes', text: 'graph TD; user-->ranker' });
    interviewer.socket.send({ type: 'say', clientId: 'i1', text: 'Tell me more.', pointId: point.id });
    interviewer.socket.send({ type: 'private_notes', text: `private ${CANARY}` });
    await env.clock.advance(COVERAGE_DELAY_MS, settle);
    for (const watcher of [coach, friend]) {
      watcher.socket.send({ type: 'mark', pointId: point.id, verdict: 'missed' });
      watcher.socket.send({ type: 'say', clientId: 'w1', text: 'psst' });
    }
    interviewer.socket.send({ type: 'timer', clientId: 'end', action: 'end' });
    await friend.socket.next('ended');
    await settle();

    // The canary reached the console's observer (so the check below could fail), never the friend.
    expect(coach.socket.raw.some((frame) => containsCanary(frame, CANARY))).toBe(true);
    expect(friend.socket.raw.length).toBeGreaterThan(8);
    for (const frame of friend.socket.raw) expect(containsCanary(frame, CANARY), frame).toBe(false);
    for (const type of ['console', 'coverage', 'assessment']) {
      expect(friend.socket.received.some((m) => m.type === type)).toBe(false);
    }
    expect(friend.socket.received.some((m) => m.type === 'notes_update')).toBe(true);
    const refusals = [...coach.socket.received, ...friend.socket.received].filter((m) => m.type === 'error');
    expect(refusals.map((m) => m.type === 'error' && m.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect((await env.server.app.peer.info(room.roomId, room.interviewer.token)).status).toBe('ended');
  });
});
