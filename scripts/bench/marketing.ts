// npm run bench -- marketing [--leads 10000] [--activities-per-lead 10] [--actions 20000]
// In one bench workspace of the local stack, side by side in one run:
// (a) lead activities inserted in batches of 1,000 rows with the rescoring triggers vs the same
//     inserts with them disabled (five scoring rules; every batch rescores its leads);
// (b) one scoring rule edited: every lead of the workspace rescored, and the stored scores
//     compared with private.lead_scores (the full recomputation): mismatches must be 0;
// (c) the workflow queue drained by one worker vs two concurrent workers (actions/s), and
//     whether any action ran twice;
// (d) get_autopilot_dashboard_stats as a viewer under RLS, median of 50 calls.
import postgres from "postgres";
import { dbUrl, stackConfig } from "../lib/config.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

const WS = "b7000000-0000-4000-8000-000000000001";
const VIEWER = "b7000000-0000-4000-8000-0000000000a4";
const OWNER = "b7000000-0000-4000-8000-0000000000a1";

export async function main(args: string[]): Promise<void> {
  const LEADS = arg(args, "leads", 10000);
  const PER = arg(args, "activities-per-lead", 10);
  const ACTIONS = arg(args, "actions", 20000);
  const { sql, done } = await benchDatabase();
  const cleanup = `
    alter table public.lead_activities enable trigger rescore_leads_ins;
    drop table if exists public.bench_mkt_leads;
    delete from public.workspaces where id = '${WS}';
    delete from auth.users where id in ('${VIEWER}', '${OWNER}');`;
  await sql.unsafe(cleanup);
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  try {
    await sql.unsafe(`
      insert into auth.users (id, email) values ('${OWNER}', 'owner@bench-mkt.test'), ('${VIEWER}', 'viewer@bench-mkt.test');
      insert into public.workspaces (id, name, slug, created_by) values ('${WS}', 'bench marketing', 'bench-marketing', '${OWNER}');
      insert into public.workspace_members (workspace_id, user_id, role) values ('${WS}', '${VIEWER}', 'viewer');
      insert into public.lead_scoring_rules (workspace_id, name, activity_type, conditions, points, max_occurrences) values
        ('${WS}', 'opens', 'email_open', '[]', 3, 5),
        ('${WS}', 'clicks', 'email_click', '[]', 8, null),
        ('${WS}', 'pricing', 'page_view', '[{"field": "data.url", "op": "contains", "value": "/pricing"}]', 15, 2),
        ('${WS}', 'demo', 'demo_request', '[]', 40, null),
        ('${WS}', 'unsubscribe', 'unsubscribe', '[]', -25, null);
      insert into public.leads (workspace_id, email, source)
        select '${WS}', 'lead' || n || '@bench-mkt.test', 'form' from generate_series(1, ${LEADS}) n;
      create table public.bench_mkt_leads as
        select id, row_number() over (order by id) as n from public.leads where workspace_id = '${WS}';`);
    console.log(`marketing benchmark: ${fmt(LEADS, 0)} leads, ${fmt(LEADS * PER, 0)} activities, 5 scoring rules; machine shared with other work`);

    // (a) activities in batches of 1,000, alternating: with the rescoring trigger / without it
    const batches = Math.ceil((LEADS * PER) / 1000);
    let withMs = 0, withoutMs = 0, withRows = 0, withoutRows = 0;
    const types = "array['email_open','email_open','email_click','page_view','page_view','demo_request','unsubscribe','call']";
    for (let b = 0; b < batches; b++) {
      const insert = () => sql.unsafe(`
        insert into public.lead_activities (workspace_id, lead_id, activity_type, activity_data)
        select '${WS}', l.id, (${types})[1 + (g % 8)]::public.lead_activity_type,
               jsonb_build_object('url', case when g % 3 = 0 then '/pricing' else '/blog' end)
        from generate_series(${b * 1000}, ${b * 1000 + 999}) g
        join public.bench_mkt_leads l on l.n = 1 + (g % ${LEADS})`);
      if (b % 2 === 0) {
        withMs += await time(insert);
        withRows += 1000;
      } else {
        withoutRows += 1000;
        await sql`alter table public.lead_activities disable trigger rescore_leads_ins`;
        withoutMs += await time(insert);
        await sql`alter table public.lead_activities enable trigger rescore_leads_ins`;
      }
    }
    const withRate = withRows / (withMs / 1000), withoutRate = withoutRows / (withoutMs / 1000);
    console.log(`(a) activity inserts: ${fmt(withRate, 0)} rows/s with rescoring vs ${fmt(withoutRate, 0)} rows/s without (${fmt(withoutRate / withRate, 2)}x the time per row)`);

    // (b) a rule edit rescores the workspace; then stored = full recomputation?
    const editMs = await time(() => sql`update public.lead_scoring_rules set points = 4 where workspace_id = ${WS} and name = 'opens'`);
    const [{ mismatches }] = await sql`
      select count(*)::int as mismatches from public.leads l
      join private.lead_scores(array(select id from public.leads where workspace_id = ${WS})) s on s.lead_id = l.id
      where l.score <> s.score`;
    console.log(`(b) one rule edit rescored ${fmt(LEADS, 0)} leads in ${fmt(editMs, 0)} ms; stored scores differing from the full recomputation: ${mismatches}`);

    // (c) the queue: one worker, then two concurrent workers
    await sql`update public.scheduled_actions set status = 'cancelled' where status = 'pending'`;
    await sql.unsafe(`insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values
      ('${WS}', 'bench', 'manual', '[{"type": "log_activity", "params": {"description": "x"}}]')`);
    const enqueue = (n: number) => sql.unsafe(`
      select private.enqueue_workflow_runs('manual',
        (select jsonb_agg(jsonb_build_object('workspace_id', '${WS}', 'subject', jsonb_build_object('row', jsonb_build_object('n', g))))
         from generate_series(1, ${n}) g))`);
    const url = dbUrl(stackConfig());
    const w1 = postgres(url, { max: 1, onnotice: () => {} });
    const w2 = postgres(url, { max: 1, onnotice: () => {} });
    const drain = async (w: postgres.Sql) => {
      for (;;) {
        const [{ n }] = await w`select private.process_scheduled_actions(200) as n`;
        if (n === 0) return;
      }
    };
    await enqueue(ACTIONS / 2);
    const oneMs = await time(() => drain(w1));
    await enqueue(ACTIONS / 2);
    const twoMs = await time(() => Promise.all([drain(w1), drain(w2)]));
    await Promise.all([w1.end(), w2.end()]);
    const [{ lines, distinct }] = await sql`
      select count(*)::int as lines, count(distinct metadata ->> 'scheduled_action_id')::int as distinct
      from public.autopilot_activity_log where workspace_id = ${WS} and activity_type = 'workflow_action'`;
    console.log(`(c) queue: ${fmt(ACTIONS / 2 / (oneMs / 1000), 0)} actions/s with one worker, ${fmt(ACTIONS / 2 / (twoMs / 1000), 0)} with two; ` +
      `${fmt(lines, 0)} log lines for ${fmt(distinct, 0)} actions (${lines === distinct && lines === ACTIONS ? "each once" : "MISMATCH"})`);

    // (d) the dashboard as a viewer, timed inside one session as PostgREST runs it
    const runs: number[] = [];
    await sql.begin(async (tx) => {
      await tx.unsafe(`select set_config('request.jwt.claims', '{"sub": "${VIEWER}", "role": "authenticated"}', true); set local role authenticated;`);
      for (let i = 0; i < 51; i++) {
        const ms = await time(() => tx`select * from public.get_autopilot_dashboard_stats(${WS})`);
        if (i > 0) runs.push(ms);
      }
    });
    console.log(`(d) get_autopilot_dashboard_stats as a viewer over ${fmt(LEADS, 0)} leads: median ${fmt(median(runs), 1)} ms (50 calls)`);
  } finally {
    await done(cleanup);
  }
}
