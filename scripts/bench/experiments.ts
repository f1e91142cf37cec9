// npm run bench -- experiments [--requests 5000] [--concurrency 20] [--visitors 200000] [--events-per-visitor 3]
// (a) assignment calls/s through the storefront RPC: POST /rest/v1/rpc/assign_experiment with
//     the publishable key via the gateway, from `concurrency` senders, first for new visitors
//     (hash bucketing + insert) then again for the same visitors (the stored, sticky answer); and
//     the same RPC called in a loop inside the database as anon, without HTTP;
// (b) the daily rollup: a full rebuild over `visitors` assignments and their events, then a 1%
//     append of events on the last day refreshed incrementally, then a full rebuild again, and
//     whether the incremental and full tables agree; plus the live results of that experiment.
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { publicKeys } from "../lib/keys.ts";
import { arg, benchDatabase, fmt } from "./scratch.ts";
import { visitorAddress } from "../lib/visitor_address.ts";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

export async function main(args: string[]): Promise<void> {
  const total = arg(args, "requests", 5000);
  const concurrency = arg(args, "concurrency", 20);
  const visitors = arg(args, "visitors", 200_000);
  const perVisitor = arg(args, "events-per-visitor", 3);
  const c = stackConfig();
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const [ws] = await sql`insert into public.workspaces (name, slug) values ('bench', ${"bench-exp-" + tag}) returning id`;
  const cleanup = `delete from public.workspaces where id = '${ws.id}'; select private.rebuild_experiment_rollup();`;
  const t = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  try {
    const [rpcExp] = await sql`insert into public.experiments (workspace_id, key, name, traffic_percentage)
      values (${ws.id}, 'bench-assign', 'bench', 100) returning id`;
    await sql`insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
      values (${ws.id}, ${rpcExp.id}, 'a', 'A', 50, true), (${ws.id}, ${rpcExp.id}, 'b', 'B', 50, false)`;
    await sql`update public.experiments set status = 'running' where id = ${rpcExp.id}`;

    // (a) through the gateway
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const target = new URL(`${apiUrl(c)}/rest/v1/rpc/assign_experiment`);
    let calls = 0;
    const call = (visitor: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ p_workspace_id: ws.id, p_experiment_key: "bench-assign", p_visitor_id: visitor, p_context: { country: "US" } });
        const t0 = performance.now();
        const req = request({
          agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
          headers: { apikey: keys.publishableKey, "content-type": "application/json", "content-length": Buffer.byteLength(body),
                     "x-forwarded-for": visitorAddress(calls++) },
        }, (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on("error", reject);
        req.end(body);
      });
    const round = async () => {
      const lat: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < total) lat.push(await call(`bench-${tag}-${next++}`));
      }));
      return { ms: performance.now() - t0, lat };
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => call(`warmup-${i}`)));
    const fresh = await round();
    const sticky = await round();
    agent.destroy();
    const [{ assigned }] = await sql`select count(*)::int as assigned from public.experiment_assignments
      where experiment_id = ${rpcExp.id} and visitor_id like ${"bench-" + tag + "-%"}`;

    // the same RPC inside the database, as anon, for new visitors
    const inDbMs = await t(() =>
      sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', '{"role":"anon"}', true), set_config('role', 'anon', true)`;
        await tx.unsafe(`select count(public.assign_experiment('${ws.id}', 'bench-assign', 'db-${tag}-' || i)) from generate_series(1, ${total}) i`);
      }));

    // (b) the rollup
    const [exp] = await sql`insert into public.experiments (workspace_id, key, name, goal_event, primary_metric)
      values (${ws.id}, 'bench-rollup', 'bench', 'add_to_cart', 'revenue_per_visitor') returning id`;
    await sql`insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
      values (${ws.id}, ${exp.id}, 'a', 'A', 50, true), (${ws.id}, ${exp.id}, 'b', 'B', 50, false)`;
    await sql`update public.experiments set status = 'running' where id = ${exp.id}`;
    await sql.unsafe(`
      insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
      select '${ws.id}', '${exp.id}', 'r-' || i, v.id, now() - make_interval(days => 1 + i % 30, secs => i % 86400)
      from generate_series(1, ${visitors}) i
      join public.experiment_variants v on v.experiment_id = '${exp.id}' and v.key = (array['a', 'b'])[1 + i % 2];
      insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents, occurred_at)
      select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id,
             (array['exposure', 'add_to_cart', 'purchase']::public.experiment_event_type[])[1 + k % 3],
             case when k % 3 = 2 then 2000 + (k * 37) % 5000 end, a.assigned_at + make_interval(mins => k)
      from public.experiment_assignments a cross join generate_series(0, ${perVisitor - 1}) k
      where a.experiment_id = '${exp.id}';
      analyze public.experiment_assignments; analyze public.experiment_events;`);
    const events = visitors * perVisitor;
    const fullMs = await t(() => sql`select private.rebuild_experiment_rollup()`);
    const append = Math.round(events / 100);
    await sql.unsafe(`
      insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, occurred_at)
      select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'add_to_cart', now() - interval '1 hour'
      from public.experiment_assignments a where a.experiment_id = '${exp.id}' limit ${append}`);
    const [{ dirty }] = await sql`select count(*)::int as dirty from private.experiment_rollup_dirty`;
    const incMs = await t(() => sql`select private.refresh_experiment_rollup()`);
    await sql`create temp table bench_inc as select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts,
      goal_events, converting_visitors, purchases, revenue_cents from public.experiment_daily_metrics`;
    const full2Ms = await t(() => sql`select private.rebuild_experiment_rollup()`);
    const [{ diff }] = await sql`select count(*)::int as diff from (
      (select * from bench_inc except select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts,
         goal_events, converting_visitors, purchases, revenue_cents from public.experiment_daily_metrics)
      union all
      (select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors,
         purchases, revenue_cents from public.experiment_daily_metrics except select * from bench_inc)) d`;
    await sql`drop table bench_inc`;
    const resultsMs = await t(() => sql`select * from public.get_experiment_results(${exp.id})`);

    console.log(`experiments benchmark (the machine's 2 cores are shared with the load generator and other work)`);
    console.log(`(a) assign_experiment through the gateway (publishable key), ${fmt(total, 0)} calls, ${concurrency} concurrent:`);
    console.log(`    new visitors:   ${fmt(total / (fresh.ms / 1000), 0)} calls/s, p50 ${pct(fresh.lat, 0.5).toFixed(1)} ms, p99 ${pct(fresh.lat, 0.99).toFixed(1)} ms`);
    console.log(`    same visitors:  ${fmt(total / (sticky.ms / 1000), 0)} calls/s, p50 ${pct(sticky.lat, 0.5).toFixed(1)} ms, p99 ${pct(sticky.lat, 0.99).toFixed(1)} ms`);
    console.log(`    assignments stored: ${fmt(assigned, 0)} (one per visitor)`);
    console.log(`    inside the database as anon, one session: ${fmt(total / (inDbMs / 1000), 0)} calls/s`);
    console.log(`(b) rollup over ${fmt(visitors, 0)} assignments and ${fmt(events, 0)} events (30 days):`);
    console.log(`    full rebuild: ${fullMs.toFixed(0)} ms; after a ${fmt(append, 0)}-event (1%) append, incremental refresh of ${dirty} day(s): ${incMs.toFixed(0)} ms; full rebuild again: ${full2Ms.toFixed(0)} ms`);
    console.log(`    ratio: ${((incMs / full2Ms) * 100).toFixed(1)}% of a full rebuild; incremental and full differ in ${diff} rows`);
    console.log(`    live results (get_experiment_results, CUPED on) for those ${fmt(visitors, 0)} visitors: ${resultsMs.toFixed(0)} ms`);
  } finally {
    await done(cleanup);
  }
}
