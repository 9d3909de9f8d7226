import { PeerReport } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { COVERAGE_DELAY_MS } from '../src/rooms/peer/human-interviewer.ts';
import { createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, SECOND_CASE_ID, STEP_WORD } from './peer-fixture.ts';
import { useRoomServer } from './room-server.ts';

const MINUTE = 60_000;
const env = useRoomServer('peer', 'c4n4ry0000000000');
const { settle, seat } = env;

async function startedRoom(durationMinutes = 30) {
  const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID, durationMinutes });
  const interviewer = await seat(room.roomId, room.interviewer.token);
  const candidate = await seat(room.roomId, room.candidate.token);
  interviewer.socket.send({ type: 'timer', clientId: 'start1', action: 'start' });
  await interviewer.socket.waitFor((m) => m.type === 'ack' && m.clientId === 'start1');
  await candidate.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
  return { room, interviewer: interviewer.socket, candidate: candidate.socket };
}

describe('peer lobby', () => {
  it('lets either seat join first and shows who is there', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const candidate = await seat(room.roomId, room.candidate.token);
    expect(candidate.snapshot).toMatchObject({ seat: 'candidate', room: { status: 'lobby' }, clock: null });
    expect((await candidate.socket.next('presence')).presence).toEqual({
      interviewer: false,
      candidate: true,
      observers: 0,
    });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    expect(interviewer.snapshot.seat).toBe('interviewer');
    expect((await interviewer.socket.next('console')).steps).toHaveLength(7);
    expect((await candidate.socket.next('presence')).presence).toEqual({
      interviewer: true,
      candidate: true,
      observers: 0,
    });
    await interviewer.socket.close();
    expect((await candidate.socket.next('presence')).presence.interviewer).toBe(false);
  });

  it('hides a surprise case from the candidate until the interviewer starts', async () => {
    const room = await createRoom(env.server.url, { surprise: true, durationMinutes: 30 });
    expect(room.caseTitle).toBeNull();
    const candidate = await seat(room.roomId, room.candidate.token);
    expect(candidate.snapshot.room).toMatchObject({ surprise: true, caseTitle: null, prompt: null });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    expect(interviewer.snapshot.room.caseTitle).not.toBeNull();
    interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
    const started = await candidate.socket.waitFor(
      (m) => m.type === 'snapshot' && m.room.status === 'active',
    );
    expect(started.type === 'snapshot' && started.room.prompt).toContain('fixture feed');
  });

  it('refuses to chat before the start', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    const { socket } = await seat(room.roomId, room.candidate.token);
    socket.send({ type: 'say', clientId: 'early', text: 'Hello?' });
    expect(await socket.next('error')).toMatchObject({ code: 'NOT_STARTED', clientId: 'early' });
  });
});

describe('peer interview', () => {
  it('keeps a shared transcript and shows the interviewer live coverage and the pad', async () => {
    const { interviewer, candidate } = await startedRoom();
    candidate.send({
      type: 'say',
      clientId: 'a1',
      text: `For requirements I would look at the ${STEP_WORD.requirements} facet1 because it sets the goal, and explain why it matters.`,
    });
    expect(await candidate.next('ack')).toEqual({ type: 'ack', clientId: 'a1', duplicate: false });
    const turn = await interviewer.next('turn');
    expect(turn.turn).toMatchObject({ role: 'candidate', step: 'requirements', kind: 'answer' });
    candidate.send({ type: 'notes', text: `## Plan\n\n${STEP_WORD.data} facet2 with a reason` });
    expect((await interviewer.next('notes_update')).text).toContain('## Plan');
    await env.clock.advance(COVERAGE_DELAY_MS, settle);
    const coverage = await interviewer.next('coverage');
    const covered = Object.entries(coverage.coverage.points).filter(([, p]) => p.level !== 'missed');
    expect(covered.map(([id]) => id.split('-c4n4ry')[0])).toEqual(
      expect.arrayContaining(['requirements-p1', 'data-p2']),
    );
    expect(candidate.all('coverage')).toEqual([]);
    expect(candidate.all('notes_update')).toEqual([]);
  });

  it('runs the clock from the console: pause, resume, add minutes, next step, end', async () => {
    const { interviewer, candidate } = await startedRoom(30);
    await settle();
    // The start's snapshot carries the clock; changes come as peer_clock from then on.
    expect(candidate.all('clock')).toEqual([]);
    interviewer.send({ type: 'timer', clientId: 'p1', action: 'pause' });
    const paused = await candidate.next('clock');
    expect(paused.clock.pausedAt).toBe(env.clock.now());
    await env.clock.advance(30 * MINUTE, settle);
    // Paused: no step ended though the whole budget went by.
    expect(candidate.all('step')).toHaveLength(1);
    interviewer.send({ type: 'timer', clientId: 'r1', action: 'resume' });
    expect((await candidate.next('clock')).clock.pausedAt).toBeNull();
    interviewer.send({ type: 'timer', clientId: 'add', action: 'add_minutes', minutes: 3 });
    const added = await candidate.next('clock');
    expect(added.clock.stepBudgetMs).toBe(paused.clock.stepBudgetMs + 3 * MINUTE);
    interviewer.send({ type: 'timer', clientId: 'n1', action: 'next_step' });
    expect((await candidate.next('step')).step).toBe('framing');
    interviewer.send({ type: 'timer', clientId: 'e1', action: 'end' });
    expect(await candidate.next('ended')).toMatchObject({ reason: 'ended-early' });
    // The offline interviewer never spoke.
    expect(candidate.all('turn').filter((t) => t.turn.role === 'interviewer')).toEqual([]);
  });

  it('advances by time when the clock runs out', async () => {
    const { candidate } = await startedRoom(30);
    await env.clock.advance(4 * MINUTE, settle);
    expect(candidate.all('warning').length).toBeGreaterThan(0);
    expect(candidate.all('step').map((s) => s.step)).toEqual(['requirements', 'framing']);
  });

  it('stores a resent message once', async () => {
    const { candidate, interviewer } = await startedRoom();
    const frame = { type: 'say', clientId: 'dup', text: 'Same words twice.' };
    candidate.send(frame);
    candidate.send(frame);
    await candidate.waitFor((m) => m.type === 'ack' && m.duplicate);
    await settle();
    expect(interviewer.all('turn')).toHaveLength(1);
  });

  it('gives a reconnecting seat everything back', async () => {
    const { room, interviewer, candidate } = await startedRoom();
    candidate.send({ type: 'say', clientId: 'x1', text: 'First answer.' });
    candidate.send({ type: 'notes', text: 'graph TD; A-->B' });
    interviewer.send({ type: 'say', clientId: 'i1', text: 'Why that?', kind: 'probe' });
    interviewer.send({ type: 'rate', step: 'requirements', score: 3, comment: 'solid' });
    interviewer.send({ type: 'private_notes', text: 'watch the data part' });
    await interviewer.waitFor((m) => m.type === 'assessment' && m.assessment.privateNotes !== '');
    await candidate.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer');
    await candidate.close();
    await interviewer.close();
    const again = await seat(room.roomId, room.candidate.token);
    expect(again.snapshot.transcript.map((t) => t.text)).toEqual(['First answer.', 'Why that?']);
    expect(again.snapshot.notes).toBe('graph TD; A-->B');
    expect(again.snapshot.clock?.currentStep).toBe('requirements');
    const console2 = await seat(room.roomId, room.interviewer.token);
    const desk = await console2.socket.next('console');
    expect(desk.assessment).toMatchObject({
      ratings: { requirements: { score: 3, comment: 'solid' } },
      privateNotes: 'watch the data part',
    });
  });

  it('picks up a running room after a server restart, clock included', async () => {
    const { room, interviewer, candidate } = await startedRoom(30);
    candidate.send({ type: 'say', clientId: 'before', text: 'Said before the restart.' });
    await interviewer.next('turn');
    await env.restart();
    const again = await seat(room.roomId, room.candidate.token);
    expect(again.snapshot.transcript.map((t) => t.text)).toEqual(['Said before the restart.']);
    expect(again.snapshot.room.status).toBe('active');
    // The resumed clock still ends the first step on time, with nobody pressing anything.
    await env.clock.advance(4 * MINUTE, settle);
    expect(again.socket.all('step').map((s) => s.step)).toContain('framing');
  });

  it('builds a report with ratings beside coverage, and marks disagreements', async () => {
    const { room, interviewer, candidate } = await startedRoom();
    candidate.send({
      type: 'say',
      clientId: 'a1',
      text: `I would start from the ${STEP_WORD.requirements} facet1 because the goal drives it, for example revenue.`,
    });
    await interviewer.next('turn');
    const desk = interviewer.all('console')[0]!;
    const point1 = desk.steps[0]!.points.find((p) => p.id.startsWith('requirements-p1'))!;
    const point2 = desk.steps[0]!.points.find((p) => p.id.startsWith('requirements-p2'))!;
    interviewer.send({ type: 'mark', pointId: point1.id, verdict: 'missed' });
    interviewer.send({ type: 'mark', pointId: point2.id, verdict: 'missed' });
    interviewer.send({ type: 'rate', step: 'framing', score: 4, comment: 'great framing' });
    interviewer.send({ type: 'timer', clientId: 'end', action: 'end' });
    await candidate.next('ended');

    const get = (token: string) =>
      fetch(`${env.server.url}/api/peer/rooms/${room.roomId}/report`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const full = PeerReport.parse(await (await get(room.interviewer.token)).json());
    expect(full).toMatchObject({ seat: 'interviewer', answerKey: true, humanAverage: 4 });
    const req = full.steps[0]!;
    expect(req.points.find((p) => p.pointId === point1.id)).toMatchObject({
      human: 'missed',
      disagree: true,
    });
    expect(req.points.find((p) => p.pointId === point2.id)).toMatchObject({
      human: 'missed',
      disagree: false,
    });
    // Framing: nothing said, rated 4 = strong hire; the matcher scored 0 = no hire.
    expect(full.steps[1]).toMatchObject({ rating: 4, comment: 'great framing', disagree: true });
    expect(full.disagreements).toBe(2);

    const mine = PeerReport.parse(await (await get(room.candidate.token)).json());
    expect(mine).toMatchObject({ seat: 'candidate', answerKey: false, disagreements: 2 });
    expect(mine.steps.every((step) => step.points.length === 0)).toBe(true);
    expect(mine.steps[1]?.comment).toBe('great framing');
    expect(mine.steps[0]?.quotes[0]?.quote).toContain('facet1');
  });

  it('swaps seats into a new room with another case, each keeping their own link token', async () => {
    const { room, interviewer, candidate } = await startedRoom();
    interviewer.send({ type: 'timer', clientId: 'end', action: 'end' });
    await candidate.next('ended');
    candidate.send({ type: 'swap', clientId: 'swap1' });
    const next = await interviewer.next('next_room');
    expect((await candidate.next('next_room')).roomId).toBe(next.roomId);
    interviewer.send({ type: 'swap', clientId: 'swap2' });
    expect((await interviewer.next('next_room')).roomId).toBe(next.roomId);

    const formerCandidate = await seat(next.roomId, room.candidate.token);
    expect(formerCandidate.snapshot.seat).toBe('interviewer');
    const desk = await formerCandidate.socket.next('console');
    expect(desk.caseId).toBe(SECOND_CASE_ID);
    const formerInterviewer = await seat(next.roomId, room.interviewer.token);
    expect(formerInterviewer.snapshot).toMatchObject({
      seat: 'candidate',
      room: { surprise: true, caseTitle: null, status: 'lobby' },
    });
  });

  it('refuses a swap before the end', async () => {
    const { candidate } = await startedRoom();
    candidate.send({ type: 'swap', clientId: 's' });
    expect(await candidate.next('error')).toMatchObject({ code: 'NOT_ENDED', clientId: 's' });
  });
});
