import { fixed, loadNote, percentile } from '../apps/server/test/bench/stats.ts';
import { createSolo, Instance, SeatClient, startBackends } from '../apps/server/test/cluster-harness.ts';
import { prepareLauncher } from '../apps/server/test/durability-server.ts';

const KILLS = 10;
const CASE_ID = 'ad-click-prediction';

/**
 * Failover (issue 15): two instances on one PostgreSQL and one Redis. Each round creates a solo
 * session on a fresh instance (which then runs it), seats the candidate on the other instance,
 * kills the owner with SIGKILL, sends an answer at once and measures until the room answers again:
 * the answer acknowledged (stored by the new owner) and the interviewer's reply after it. The
 * lease TTL (3 s) bounds the wait: nobody may take a room over before its lease has expired.
 */
export async function run() {
  const backends = await startBackends();
  if ('skipped' in backends) {
    console.log(`skipped: ${backends.skipped}`);
    return;
  }
  console.log(`(${loadNote()} at the start)\n`);
  const launcher = await prepareLauncher('bundle');
  const env = { DATABASE_URL: backends.databaseUrl, REDIS_URL: backends.redisUrl };
  const survivor = await Instance.start(launcher, env);
  const ackMs: number[] = [];
  const replyMs: number[] = [];
  /** Errors the seat saw across all rounds (a command refused while the room changed hands). */
  let errors = 0;
  const clients: SeatClient[] = [];
  try {
    for (let round = 0; round < KILLS; round += 1) {
      const owner = await Instance.start(launcher, env);
      const session = await createSolo(owner.url, CASE_ID, round);
      const seat = new SeatClient(session.id, session.token, [
        { wsUrl: survivor.wsUrl, up: () => survivor.running },
      ]);
      clients.push(seat);
      await seat.connect();
      await seat.waitFor(() => seat.transcript.length > 0, 'the opening');
      seat.command({ type: 'say', clientId: 'warm', text: 'Who are the users of the ads?' });
      await seat.acknowledged('warm');
      await seat.waitFor(() => seat.transcript.at(-1)?.role === 'interviewer', 'the first reply');
      // Renewals come every 0.9 s; a kill lands anywhere between two of them.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 900));
      const killedAt = performance.now();
      await owner.kill9();
      seat.command({ type: 'say', clientId: 'after', text: 'I would predict the click probability.' });
      await seat.acknowledged('after', 30_000);
      ackMs.push(performance.now() - killedAt);
      await seat.waitFor(
        () =>
          seat.transcript.some((turn) => turn.clientId === 'after') &&
          seat.transcript.at(-1)?.role === 'interviewer',
        'the reply on the new owner',
        30_000,
      );
      replyMs.push(performance.now() - killedAt);
      if (seat.gaps.length > 0) console.log(`  round ${round}: gaps ${seat.gaps.join(', ')}`);
      errors += seat.errors.length;
      seat.close();
      await owner.stop();
    }
  } finally {
    for (const client of clients) client.close();
    await survivor.stop();
    launcher.dispose();
    await backends.stop();
  }
  console.log("time from the owner's kill -9 to the room answering again on the other instance:\n");
  console.log('| kills | until | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const [what, values] of [
    ['answer acknowledged', ackMs],
    ['interviewer replied', replyMs],
  ] as const) {
    console.log(
      `| ${values.length} | ${what} | ${fixed(percentile(values, 50), 0)} | ${fixed(percentile(values, 99), 0)} | ${fixed(Math.max(...values), 0)} |`,
    );
  }
  console.log(`\nerrors the seat saw over the ${KILLS} failovers: ${errors}`);
  return { ackMs, replyMs, errors };
}
