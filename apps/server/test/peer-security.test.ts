import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEER_LOBBY_TTL_MS } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { COVERAGE_DELAY_MS } from '../src/rooms/peer/human-interviewer.ts';
import { containsCanary, createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, STEP_WORD } from './peer-fixture.ts';
import { useRoomServer } from './room-server.ts';

/** A fresh random canary per run, so nothing can be tuned to a known string. */
const CANARY = `zq${randomBytes(12).toString('hex')}`;

const env = useRoomServer('peer-sec', CANARY);
const { settle, seat, open } = env;

/** Every HTTP body the candidate's browser received, as text. */
const candidateHttp: string[] = [];
async function candidateFetch(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${env.server.url}${path}`, { ...init, headers });
  candidateHttp.push(await response.clone().text());
  return response;
}

describe('the answer key never reaches the candidate', () => {
  it('keeps a canary in the rubric out of every frame and response the candidate gets', async () => {
    candidateHttp.length = 0;
    // The candidate creates the room (so the creation reply counts as theirs) and browses the cases.
    await candidateFetch('/api/cases');
    const createdResponse = await candidateFetch('/api/peer/rooms', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: FIXTURE_CASE_ID, durationMinutes: 30 }),
    });
    const room = (await createdResponse.json()) as {
      roomId: string;
      interviewer: { token: string };
      candidate: { token: string };
    };
    const candidateFrames: string[] = [];

    const first = await seat(room.roomId, room.candidate.token);
    await candidateFetch(`/api/peer/rooms/${room.roomId}`, room.candidate.token);
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const desk = await interviewer.socket.next('console');
    const point = desk.steps[0]!.points[0]!;

    interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
    await first.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
    const say = (text: string, clientId: string) => first.socket.send({ type: 'say', clientId, text });
    say('How many daily active users are there?', 'q1');
    say(`We need ${STEP_WORD.requirements} facet1 because it frames the goal.`, 'a1');
    first.socket.send({ type: 'notes', text: '```mermaid\ngraph TD; user-->ranker\n```' });
    interviewer.socket.send({ type: 'say', clientId: 'i1', text: 'Tell me more.', pointId: point.id });
    interviewer.socket.send({ type: 'mark', pointId: point.id, verdict: 'covered' });
    interviewer.socket.send({ type: 'rate', step: 'requirements', score: 3, comment: 'clear goal' });
    interviewer.socket.send({ type: 'private_notes', text: `private ${CANARY}` });
    await env.clock.advance(COVERAGE_DELAY_MS, settle);

    // Everything a candidate might try that it must not do, and frames that are plain wrong.
    const attempts: object[] = [
      { type: 'timer', clientId: 't1', action: 'end' },
      { type: 'mark', pointId: point.id, verdict: 'missed' },
      { type: 'rate', step: 'requirements', score: 1, comment: 'x' },
      { type: 'private_notes', text: 'x' },
      { type: 'hello', roomId: room.roomId, token: room.interviewer.token },
      { type: 'console' },
      { type: 'nope' },
    ];
    for (const attempt of attempts) first.socket.send(attempt);
    first.socket.send('{not json');
    await settle();
    candidateFrames.push(...first.socket.raw);
    await first.socket.close();

    // A reconnect mid-interview, then the step changes, a time check and the end.
    const second = await seat(room.roomId, room.candidate.token);
    second.socket.send({ type: 'say', clientId: 'a1', text: 'a resend' });
    interviewer.socket.send({ type: 'timer', clientId: 'n1', action: 'next_step' });
    await env.clock.advance(3 * 60_000, settle);
    await candidateFetch(`/api/peer/rooms/${room.roomId}/report`, room.candidate.token);
    interviewer.socket.send({ type: 'timer', clientId: 'e1', action: 'end' });
    await second.socket.next('ended');
    second.socket.send({ type: 'say', clientId: 'late', text: 'after the end' });
    second.socket.send({ type: 'swap', clientId: 'sw' });
    await second.socket.next('next_room');
    await settle();
    candidateFrames.push(...second.socket.raw);
    await second.socket.close();

    const afterEnd = await seat(room.roomId, room.candidate.token);
    await settle();
    candidateFrames.push(...afterEnd.socket.raw);
    await candidateFetch(`/api/peer/rooms/${room.roomId}/report`, room.candidate.token);
    await candidateFetch(`/api/peer/rooms/${room.roomId}`, room.candidate.token);

    // The canary is really in what the interviewer was given: the check below could fail.
    expect(interviewer.socket.raw.some((frame) => containsCanary(frame, CANARY))).toBe(true);
    expect(candidateFrames.length).toBeGreaterThan(20);
    const all = candidateFrames.join('\n');
    for (const seen of ['"snapshot"', '"turn"', '"step"', '"warning"', '"ended"', '"next_room"']) {
      expect(all).toContain(seen);
    }
    for (const code of ['FORBIDDEN', 'ALREADY_JOINED', 'BAD_MESSAGE', 'ROOM_ENDED'])
      expect(all).toContain(code);
    expect(candidateHttp.length).toBe(6);
    for (const frame of candidateFrames) expect(containsCanary(frame, CANARY), frame).toBe(false);
    for (const body of candidateHttp) expect(containsCanary(body, CANARY), body).toBe(false);
    expect(candidateFrames.some((frame) => frame.includes('probedPointIds'))).toBe(false);
  });
});

describe('seats and tokens', () => {
  it('issues 256-bit tokens and stores only their hashes', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    for (const token of [room.interviewer.token, room.candidate.token]) {
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    }
    expect(room.interviewer.token).not.toBe(room.candidate.token);
    expect(room.interviewer.path).toBe(`#/peer/${room.roomId}/${room.interviewer.token}`);
    const dump = JSON.stringify(env.server.app.db.sqlite.prepare('select * from peer_rooms').all());
    expect(dump).toContain(room.roomId);
    // Read the file with the server stopped, then start it again so afterEach can close it.
    await env.restart(() => {
      const bytes = readFileSync(join(env.dir, 'mlsd.sqlite')).toString('latin1');
      for (const token of [room.interviewer.token, room.candidate.token]) {
        expect(dump).not.toContain(token);
        expect(bytes).not.toContain(token);
      }
    });
  });

  it('lets a candidate token perform no interviewer action', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const desk = await interviewer.socket.next('console');
    const candidate = await seat(room.roomId, room.candidate.token);
    const pointId = desk.steps[0]!.points[0]!.id;
    const forbidden = [
      { type: 'timer', clientId: 's1', action: 'start' },
      { type: 'timer', clientId: 's2', action: 'pause' },
      { type: 'timer', clientId: 's3', action: 'add_minutes', minutes: 5 },
      { type: 'timer', clientId: 's4', action: 'next_step' },
      { type: 'timer', clientId: 's5', action: 'end' },
      { type: 'mark', pointId, verdict: 'missed' },
      { type: 'rate', step: 'data', score: 4, comment: 'self-rated' },
      { type: 'private_notes', text: 'mine now' },
    ];
    for (const frame of forbidden)
      candidate.socket.send({ ...frame, role: 'interviewer', seat: 'interviewer' });
    await settle();
    const errors = candidate.socket.all('error');
    expect(errors).toHaveLength(forbidden.length);
    expect(errors.every((e) => e.code === 'FORBIDDEN')).toBe(true);
    // Nothing changed: still a lobby, the interviewer heard of nothing but presence.
    interviewer.socket.skipAll();
    const again = await seat(room.roomId, room.interviewer.token);
    expect(again.snapshot.room.status).toBe('lobby');
    expect((await again.socket.next('console')).assessment).toEqual({
      marks: {},
      ratings: {},
      privateNotes: '',
      level: 'senior',
    });
    const report = await fetch(`${env.server.url}/api/peer/rooms/${room.roomId}/report`, {
      headers: { authorization: `Bearer ${room.candidate.token}` },
    });
    expect(report.status).toBe(409);
  });

  it('ignores a role claimed in a frame in favour of the token', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const candidate = await seat(room.roomId, room.candidate.token, {
      role: 'interviewer',
      seat: 'interviewer',
    });
    expect(candidate.snapshot.seat).toBe('candidate');
    interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
    await candidate.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
    candidate.socket.send({
      type: 'say',
      clientId: 'c1',
      text: 'I am the interviewer now.',
      role: 'interviewer',
      kind: 'probe',
      pointId: 'anything',
    });
    const turn = await interviewer.socket.next('turn');
    expect(turn.turn).toMatchObject({ role: 'candidate', kind: 'answer' });
    expect(turn.turn.probedPointIds).toBeUndefined();
    await settle();
    expect(candidate.socket.all('console')).toEqual([]);
  });

  it("gives room A's tokens nothing of room B", async () => {
    const a = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    const b = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    for (const token of [a.interviewer.token, a.candidate.token]) {
      const socket = await open();
      socket.send({ type: 'hello', roomId: b.roomId, token });
      expect((await socket.next('error')).code).toBe('UNAUTHORIZED');
      expect(socket.all('snapshot')).toEqual([]);
      for (const path of ['', '/report']) {
        const response = await fetch(`${env.server.url}/api/peer/rooms/${b.roomId}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(401);
      }
    }
  });

  it('answers a wrong token and an unknown room identically', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    const wrongToken = randomBytes(32).toString('base64url');
    const unknownRoom = '00000000-0000-4000-8000-000000000000';
    const replies: string[] = [];
    for (const [roomId, token] of [
      [room.roomId, wrongToken],
      [unknownRoom, wrongToken],
      [unknownRoom, room.candidate.token],
    ] as const) {
      const socket = await open();
      socket.send({ type: 'hello', roomId, token });
      await socket.next('error');
      replies.push(socket.raw.join('\n'));
      for (const path of ['', '/report']) {
        const response = await fetch(`${env.server.url}/api/peer/rooms/${roomId}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        replies.push(`${response.status} ${await response.text()}`);
      }
    }
    const noHeader = await fetch(`${env.server.url}/api/peer/rooms/${room.roomId}`);
    replies.push(`${noHeader.status} ${await noHeader.text()}`);
    const [socketReply, info, report] = replies;
    expect(replies).toEqual([
      socketReply,
      info,
      report,
      socketReply,
      info,
      report,
      socketReply,
      info,
      report,
      info,
    ]);
    expect(info).toMatch(/^401 /);
  });

  it('tells a seat holder that a never-started room expired, and no one else', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    await env.clock.advance(PEER_LOBBY_TTL_MS + 1, settle);
    const socket = await open();
    socket.send({ type: 'hello', roomId: room.roomId, token: room.candidate.token });
    expect((await socket.next('error')).code).toBe('ROOM_EXPIRED');
    const valid = await fetch(`${env.server.url}/api/peer/rooms/${room.roomId}`, {
      headers: { authorization: `Bearer ${room.interviewer.token}` },
    });
    expect(valid.status).toBe(410);
    expect(await valid.json()).toMatchObject({ code: 'ROOM_EXPIRED' });
    const wrong = await fetch(`${env.server.url}/api/peer/rooms/${room.roomId}`, {
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
    });
    expect(wrong.status).toBe(401);
  });
});
