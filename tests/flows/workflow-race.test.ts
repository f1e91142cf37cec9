// The workflow queue with two workers racing: two postgres.js connections call
// private.process_scheduled_actions() at the same time, as two pg_cron rounds (or a round and a
// manual drain) would. Every action must run exactly once: one side effect each, attempts = 1,
// and together the workers handle each action once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { superuser, superuserUrl, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
// Two separate sessions, one connection each: the two workers.
const workerA = postgres(superuserUrl, { max: 1, onnotice: () => {} });
const workerB = postgres(superuserUrl, { max: 1, onnotice: () => {} });
let cronWasActive = true;

beforeAll(async () => {
  // pg_cron's own every-minute round would be a third worker and blur who did what; the
  // exactly-once property holds with it too, but the counts below are exact without it.
  const [job] = await sql`select active from cron.job where jobname = 'workflow-scheduled-actions'`;
  cronWasActive = job.active;
  await sql`update cron.job set active = false where jobname = 'workflow-scheduled-actions'`;
  // Nothing else may be due, or the workers' counts would include it.
  await sql`update public.scheduled_actions set status = 'cancelled' where status = 'pending'`;
});

afterAll(async () => {
  await sql`update cron.job set active = ${cronWasActive} where jobname = 'workflow-scheduled-actions'`;
  await Promise.all([workerA.end(), workerB.end(), sql.end()]);
});

/** A workspace whose rule logs one line per new lead, and n new leads: n queued actions. */
async function queue(n: number) {
  const ws = await workspaceWithRoles(sql);
  await sql`insert into public.workflow_rules (workspace_id, name, trigger_type, actions)
    values (${ws.id}, 'Log every lead', 'lead_created',
            '[{"type": "log_activity", "params": {"description": "lead {{ row.email }}"}}]')`;
  await sql`insert into public.leads (workspace_id, email)
    select ${ws.id}, 'race' || i || '-' || ${ws.tag} || '@example.com' from generate_series(1, ${n}::int) i`;
  const [{ due }] = await sql`select count(*)::int as due from public.scheduled_actions
    where workspace_id = ${ws.id} and status = 'pending'`;
  expect(due).toBe(n);
  return ws.id;
}

/** What happened to the workspace's actions: their states and the log lines they wrote. */
async function outcome(workspaceId: string) {
  const [a] = await sql`select count(*)::int as actions,
      (count(*) filter (where status = 'succeeded' and attempts = 1))::int as once
    from public.scheduled_actions where workspace_id = ${workspaceId}`;
  const [l] = await sql`select count(*)::int as lines, count(distinct metadata ->> 'scheduled_action_id')::int as distinct_actions
    from public.autopilot_activity_log where workspace_id = ${workspaceId} and activity_type = 'workflow_action'`;
  const [e] = await sql`select (count(*) filter (where status = 'succeeded'))::int as succeeded, count(*)::int as executions
    from public.workflow_executions where workspace_id = ${workspaceId}`;
  return { ...a, ...l, ...e };
}

const drain = async (worker: postgres.Sql, batch: number) => {
  let handled = 0;
  for (;;) {
    const [{ n }] = await worker`select private.process_scheduled_actions(${batch}::int) as n`;
    if (n === 0) return handled;
    handled += n;
  }
};

describe("scheduled actions with two workers", () => {
  it("skips what the other worker holds: B takes only the rows A has not locked", async () => {
    const ws = await queue(200);
    let aHandled = 0;
    let releaseA!: () => void;
    const aHolds = new Promise<void>((r) => (releaseA = r));
    let aClaimed!: () => void;
    const aHasClaimed = new Promise<void>((r) => (aClaimed = r));
    // A claims 120 and keeps its transaction (and row locks) open until B has finished.
    const a = workerA.begin(async (tx) => {
      const [{ n }] = await tx`select private.process_scheduled_actions(120) as n`;
      aHandled = n;
      aClaimed();
      await aHolds;
    });
    await aHasClaimed;
    const [{ n: bHandled }] = await workerB`select private.process_scheduled_actions(500) as n`;
    releaseA();
    await a;
    expect(aHandled).toBe(120);
    expect(bHandled).toBe(80);
    const [{ n: again }] = await workerB`select private.process_scheduled_actions(500) as n`;
    expect(again).toBe(0);
    expect(await outcome(ws)).toEqual({ actions: 200, once: 200, lines: 200, distinct_actions: 200, succeeded: 200, executions: 200 });
  });

  it("runs each action exactly once when both drain the queue at the same time", async () => {
    const ws = await queue(400);
    const [a, b] = await Promise.all([drain(workerA, 7), drain(workerB, 7)]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(a + b).toBe(400);
    expect(await outcome(ws)).toEqual({ actions: 400, once: 400, lines: 400, distinct_actions: 400, succeeded: 400, executions: 400 });
  });

  it("rolls an action back with its worker: a worker that dies mid-batch leaves its actions pending, not half done", async () => {
    const ws = await queue(20);
    await expect(
      workerA.begin(async (tx) => {
        await tx`select private.process_scheduled_actions(20)`;
        throw new Error("worker crashed before commit");
      }),
    ).rejects.toThrow("worker crashed before commit");
    const before = await outcome(ws);
    expect(before).toMatchObject({ once: 0, lines: 0 });
    expect(await drain(workerB, 50)).toBe(20);
    expect(await outcome(ws)).toEqual({ actions: 20, once: 20, lines: 20, distinct_actions: 20, succeeded: 20, executions: 20 });
  });
});
