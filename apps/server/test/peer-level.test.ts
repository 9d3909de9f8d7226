import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, PeerReport, PeerRoomInfo } from '@mlsd/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { COVERAGE_DELAY_MS } from '../src/rooms/peer/human-interviewer.ts';
import { createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, SECOND_CASE_ID, STEP_WORD } from './peer-fixture.ts';
import { useRoomServer } from './room-server.ts';

const env = useRoomServer('peer-level', 'l3v3l0000000000x');
const { settle, seat } = env;

type CaseFile = {
  levels: string[];
  steps: Record<string, { points: { id: string; level?: string; staff?: string }[] }>;
};

/**
 * The fixture case suits senior and staff, and its sixth requirements point (`zebra facet6`) is
 * expected from staff up: a bonus in a senior room, a gap in a staff one. The second case stays
 * senior only.
 */
beforeEach(async () => {
  const path = join(env.dir, 'rubrics', 'cases', `${FIXTURE_CASE_ID}.yaml`);
  const study = JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
  study.levels = ['senior', 'staff'];
  const staffPoint = study.steps.requirements?.points.find((p) => p.id.startsWith('requirements-p6'));
  if (!staffPoint) throw new Error('the fixture case has no sixth requirements point');
  staffPoint.level = 'staff';
  staffPoint.staff = 'A staff answer prices the goal in money and names who owns it next year.';
  writeFileSync(path, JSON.stringify(study, null, 2));
  await env.restart();
});

const STAFF_POINT_TEXT = `I would also settle the ${STEP_WORD.requirements} facet6 early because it decides the budget, for example the yearly cost.`;

async function post(body: object) {
  return fetch(`${env.server.url}/api/peer/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function info(roomId: string, token: string) {
  const response = await fetch(`${env.server.url}/api/peer/rooms/${roomId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return PeerRoomInfo.parse(await response.json());
}

/** A started room at `level` where the candidate raised the staff point, then the end and the report. */
async function interviewAt(level: 'senior' | 'staff', saysStaffPoint: boolean) {
  const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30, level });
  const interviewer = await seat(room.roomId, room.interviewer.token);
  const candidate = await seat(room.roomId, room.candidate.token);
  const desk = await interviewer.socket.next('console');
  interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
  await candidate.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
  if (saysStaffPoint) {
    candidate.socket.send({ type: 'say', clientId: 'a1', text: STAFF_POINT_TEXT });
    await interviewer.socket.next('turn');
    await env.clock.advance(COVERAGE_DELAY_MS, settle);
  }
  const coverage = saysStaffPoint ? (await interviewer.socket.next('coverage')).coverage : desk.coverage;
  interviewer.socket.send({ type: 'timer', clientId: 'end', action: 'end' });
  await candidate.socket.next('ended');
  const response = await fetch(`${env.server.url}/api/peer/rooms/${room.roomId}/report`, {
    headers: { authorization: `Bearer ${room.interviewer.token}` },
  });
  const report = PeerReport.parse(await response.json());
  const staffPoint = desk.steps[0]!.points.find((p) => p.id.startsWith('requirements-p6'))!;
  return { room, desk, coverage, report, staffPoint };
}

describe('peer room levels', () => {
  it('creates a room at a level the case suits and keeps it across a restart', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID, level: 'staff' });
    expect(room.level).toBe('staff');
    expect(await info(room.roomId, room.candidate.token)).toMatchObject({
      seat: 'candidate',
      level: 'staff',
    });
    await env.restart();
    expect((await info(room.roomId, room.interviewer.token)).level).toBe('staff');
  });

  it('judges at senior when no level is given', async () => {
    const room = await createRoom(env.server.url, { caseId: FIXTURE_CASE_ID });
    expect(room.level).toBe('senior');
  });

  it('refuses a level the case is not written for with the same 400 as a solo session, storing nothing', async () => {
    const response = await post({ caseId: FIXTURE_CASE_ID, level: 'mid' });
    expect(response.status).toBe(400);
    const body = ApiError.parse(await response.json());
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('written for senior or staff candidates, not mid');
    const unknown = await post({ caseId: FIXTURE_CASE_ID, level: 'principal' });
    expect(unknown.status).toBe(400);
    expect(ApiError.parse(await unknown.json()).message).toContain('level');
    const rows = env.server.app.db.sqlite.prepare('select count(*) as n from peer_rooms').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });

  it('draws a surprise case among those that suit the level, and says when none does', async () => {
    for (let i = 0; i < 4; i += 1) {
      const room = await createRoom(env.server.url, { surprise: true, level: 'staff' });
      const interviewer = await seat(room.roomId, room.interviewer.token);
      expect((await interviewer.socket.next('console')).caseId).toBe(FIXTURE_CASE_ID);
    }
    const none = await post({ surprise: true, level: 'mid' });
    expect(none.status).toBe(400);
    expect(ApiError.parse(await none.json()).message).toContain('no case is written for mid candidates');
  });

  it('shows a point above a senior room as a bonus: never missing, credited when raised', async () => {
    const quiet = await interviewAt('senior', false);
    expect(quiet.staffPoint.bonus).toBe(true);
    expect(quiet.desk.coverage.points[quiet.staffPoint.id]).toBeUndefined();
    const requirements = quiet.report.steps[0]!;
    expect(quiet.report.level).toBe('senior');
    expect(requirements.points.find((p) => p.pointId === quiet.staffPoint.id)).toMatchObject({
      bonus: true,
      auto: 'missed',
    });
    // Five expected points in the step (six minus the bonus), plus the framework's three.
    expect(requirements.pointsTotal).toBe(8);

    const raised = await interviewAt('senior', true);
    expect(raised.coverage.points[raised.staffPoint.id]?.level).not.toBe('missed');
    const step = raised.report.steps[0]!;
    expect(step.autoScore).toBeGreaterThan(0);
    expect(step.pointsCovered).toBe(0);
    expect(step.points.find((p) => p.pointId === raised.staffPoint.id)).toMatchObject({ bonus: true });
  });

  it('expects the point in a staff room: missing when left out', async () => {
    const { desk, staffPoint, report } = await interviewAt('staff', false);
    expect(staffPoint.bonus).toBeUndefined();
    expect(desk.coverage.points[staffPoint.id]?.level).toBe('missed');
    expect(report.level).toBe('staff');
    const requirements = report.steps[0]!;
    expect(requirements.pointsTotal).toBe(9);
    expect(requirements.points.find((p) => p.pointId === staffPoint.id)).toMatchObject({ auto: 'missed' });
    expect(requirements.points.find((p) => p.pointId === staffPoint.id)?.bonus).toBeUndefined();
  });

  it('keeps the level in a swapped room when the next case suits it', async () => {
    const room = await createRoom(env.server.url, { caseId: SECOND_CASE_ID, level: 'senior' });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const candidate = await seat(room.roomId, room.candidate.token);
    interviewer.socket.send({ type: 'timer', clientId: 'go', action: 'start' });
    await candidate.socket.waitFor((m) => m.type === 'snapshot' && m.room.status === 'active');
    interviewer.socket.send({ type: 'timer', clientId: 'end', action: 'end' });
    await candidate.socket.next('ended');
    candidate.socket.send({ type: 'swap', clientId: 's1' });
    const next = await candidate.socket.next('next_room');
    expect(await info(next.roomId, room.candidate.token)).toMatchObject({
      seat: 'interviewer',
      level: 'senior',
    });
  });
});
