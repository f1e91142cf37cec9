// npm run bench -- results [--events 1000000,10000000] [--calls 25] [--scan-calls 3] [--keep]
// get_experiment_results from the maintained sufficient statistics against the same results
// computed by the raw-event pass (private.experiment_moments_scan swapped in, in a transaction
// that rolls back), side by side in one run, for experiments of each size: an exposure and an
// add to cart per visitor and a purchase for one in five (2.2 events each), revenue per visitor with CUPED on (an order before the
// assignment for one visitor in four), two variants. Both timed inside the server as a member of
// the workspace (clock_timestamp around the call), medians. Also prints the largest relative
// difference between the two results' columns, and what a storefront write costs with every
// trigger (the statistics', the daily rollup's queue, foreign keys) against the same single-row
// inserts with none (session_replication_role replica, the floor).
// Data is loaded with triggers off (session_replication_role replica) and the statistics built
// once by private.rebuild_experiment_stats; the tests (supabase/tests/140) check the triggers.
import type postgres from "postgres";
import { argText, benchDatabase, fmt, median } from "./scratch.ts";

const WS = "b2000000-0000-4000-8000-000000000001";
const USER = "b2000000-0000-4000-8000-0000000000aa";
const cleanupSql = `
  set session_replication_role = replica;
  delete from public.experiment_events where workspace_id = '${WS}';
  delete from private.experiment_visitor_stats where workspace_id = '${WS}';
  delete from private.experiment_variant_stats where workspace_id = '${WS}';
  delete from public.experiment_assignments where workspace_id = '${WS}';
  delete from public.orders where workspace_id = '${WS}';
  delete from public.experiment_variants where workspace_id = '${WS}';
  delete from public.experiments where workspace_id = '${WS}';
  set session_replication_role = origin;
  delete from public.workspaces where id = '${WS}';
  delete from auth.users where id = '${USER}';`;

async function load(sql: postgres.Sql, events: number): Promise<string> {
  const visitors = Math.round(events / 2.2); // 2 events each, and a purchase for one in five
  const [exp] = await sql`insert into public.experiments (workspace_id, key, name, goal_event, primary_metric, cuped_enabled)
    values (${WS}, ${"results-" + events}, 'bench', 'add_to_cart', 'revenue_per_visitor', true) returning id`;
  await sql`insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
    values (${WS}, ${exp.id}, 'a', 'A', 50, true), (${WS}, ${exp.id}, 'b', 'B', 50, false)`;
  await sql`update public.experiments set status = 'running' where id = ${exp.id}`;
  // bulk load in slices so no single statement holds gigabytes of state
  const slice = 1_000_000;
  for (let from = 1; from <= visitors; from += slice) {
    const to = Math.min(visitors, from + slice - 1);
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx.unsafe(`
        insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
        select '${WS}', '${exp.id}', 'r${events}-' || i, v.id, timestamptz '2026-11-01' + make_interval(days => i % 30, secs => i % 86400)
        from generate_series(${from}, ${to}) i
        join public.experiment_variants v on v.experiment_id = '${exp.id}' and v.key = (array['a', 'b'])[1 + i % 2];
        insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents, occurred_at)
        select '${WS}', '${exp.id}', v.id, 'r${events}-' || i,
               (array['exposure', 'add_to_cart', 'purchase']::public.experiment_event_type[])[1 + k],
               case when k = 2 then 2000 + (i * 37 + k) % 5000 end,
               timestamptz '2026-11-01' + make_interval(days => i % 30, secs => i % 86400, mins => 5 + k)
        from generate_series(${from}, ${to}) i
        cross join generate_series(0, 2) k
        join public.experiment_variants v on v.experiment_id = '${exp.id}' and v.key = (array['a', 'b'])[1 + i % 2]
        where k < 2 or i % 5 = 0;
        insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, visitor_id)
        select '${WS}', 'r${events}-pre-' || i, 'USD', 1000 + (i * 13) % 9000,
               timestamptz '2026-11-01' + make_interval(days => i % 30 - 10), 'r${events}-' || i
        from generate_series(${from}, ${to}) i where i % 4 = 0;`);
    });
  }
  await sql.unsafe(`analyze public.experiment_assignments; analyze public.experiment_events; analyze public.orders`);
  await sql`select private.rebuild_experiment_stats(array[${exp.id}]::uuid[])`;
  await sql.unsafe(`analyze private.experiment_visitor_stats; analyze private.experiment_variant_stats`);
  return exp.id;
}

// Median ms of `calls` calls of get_experiment_results as the workspace's member; with `scan`
// the raw-event pass is swapped in for the maintained statistics (rolled back afterwards).
async function timeResults(sql: postgres.Sql, id: string, calls: number, scan: boolean): Promise<{ ms: number; rows: postgres.Row[] }> {
  let out = { ms: 0, rows: [] as postgres.Row[] };
  await sql.begin(async (tx) => {
    if (scan) {
      await tx`alter function private.experiment_moments(uuid) rename to experiment_moments_kept`;
      await tx`alter function private.experiment_moments_scan(uuid) rename to experiment_moments`;
    }
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: USER, role: "authenticated" })}, true),
                    set_config('role', 'authenticated', true)`;
    const ms: number[] = [];
    for (let i = 0; i < calls + 1; i++) {
      const [r] = await tx.unsafe(`select extract(epoch from clock_timestamp() - t0) * 1000 as ms, rows from (
          select clock_timestamp() as t0) s, lateral (select json_agg(r order by r.variant_key) as rows
          from public.get_experiment_results('${id}') r) d`);
      if (i > 0 || calls === 1) ms.push(Number(r.ms));
      out = { ms: 0, rows: r.rows };
    }
    out.ms = median(ms);
    await tx`select set_config('role', 'none', true)`;
    throw new Error("rollback");
  }).catch((e) => {
    if (!(e instanceof Error) || e.message !== "rollback") throw e;
  });
  return out;
}

function maxRelDiff(a: postgres.Row[], b: postgres.Row[]): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    for (const [k, v] of Object.entries(a[i])) {
      const w = b[i][k];
      if (typeof v === "number" && typeof w === "number") worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
      else if (typeof v === "number" || typeof w === "number") {
        if (k !== "computed_at" && v !== w) return Infinity;
      }
    }
  }
  return worst;
}

export async function main(args: string[]): Promise<void> {
  const sizes = argText(args, "events", "1000000,10000000").split(",").map(Number);
  const calls = Number(argText(args, "calls", "25"));
  const scanCalls = Number(argText(args, "scan-calls", "3"));
  const { sql, done } = await benchDatabase();
  await sql.unsafe(cleanupSql);
  try {
    await sql.unsafe(`
      insert into auth.users (id, email) values ('${USER}', 'results@bench.test');
      insert into public.workspaces (id, name, slug) values ('${WS}', 'bench results', 'bench-results');
      insert into public.workspace_members (workspace_id, user_id, role) values ('${WS}', '${USER}', 'viewer');`);
    console.log("experiment results benchmark: get_experiment_results as a viewer, timed in the server");
    console.log("  events     | visitors  | maintained (median of " + calls + ") | raw-event pass (median of " + scanCalls + ") | speed-up | max rel. diff");
    for (const events of sizes) {
      const t0 = performance.now();
      const id = await load(sql, events);
      const loadS = (performance.now() - t0) / 1000;
      const [{ n, ev }] = await sql`select (select count(*) from public.experiment_assignments where experiment_id = ${id})::int as n,
                                           (select count(*) from public.experiment_events where experiment_id = ${id})::int as ev`;
      const kept = await timeResults(sql, id, calls, false);
      const scan = await timeResults(sql, id, scanCalls, true);
      const diff = maxRelDiff(kept.rows, scan.rows);
      console.log(`  ${fmt(ev, 0).padStart(10)} | ${fmt(n, 0).padStart(9)} | ${kept.ms.toFixed(2).padStart(8)} ms | ${scan.ms.toFixed(0).padStart(8)} ms | ${fmt(scan.ms / kept.ms, 0).padStart(7)}x | ${diff.toExponential(1)}   (loaded in ${loadS.toFixed(0)} s)`);
    }
    // a storefront's single-row writes: assignment + exposure + purchase per visitor, with the
    // statistics' triggers and with them disabled, alternating in blocks of 100 visitors
    const [exp] = await sql`select id from public.experiments where workspace_id = ${WS} order by created_at limit 1`;
    // each variant on a connection of its own: switching session_replication_role resets a
    // session's cached plans, which would bill replanning to the triggers
    const conns = { with: await sql.reserve(), none: await sql.reserve() };
    await conns.none`set session_replication_role = replica`;
    let withMs = 0, withoutMs = 0;
    for (let block = 0; block < 20; block++) {
      const off = block % 2 === 1;
      const t0 = performance.now();
      await (off ? conns.none : conns.with).unsafe(`do $w$ begin
          for i in ${block * 100} .. ${block * 100 + 99} loop
            insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id)
            select '${WS}', '${exp.id}', 'w-' || i, v.id from public.experiment_variants v where v.experiment_id = '${exp.id}' and v.key = 'a';
            insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type)
            select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'exposure' from public.experiment_assignments a
            where a.workspace_id = '${WS}' and a.experiment_id = '${exp.id}' and a.visitor_id = 'w-' || i;
            insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents)
            select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'purchase', 1999 from public.experiment_assignments a
            where a.workspace_id = '${WS}' and a.experiment_id = '${exp.id}' and a.visitor_id = 'w-' || i;
          end loop; end $w$`);
      if (process.env.BENCH_DEBUG) console.log(block, off, (performance.now() - t0).toFixed(0));
      if (block < 2) continue; // each connection's first block warms its caches
      if (off) withoutMs += performance.now() - t0;
      else withMs += performance.now() - t0;
    }
    await conns.none`set session_replication_role = origin`;
    conns.with.release();
    conns.none.release();
    console.log(`  single-row writes (assignment, exposure, purchase per visitor, 900 visitors each way after a warm-up block): ` +
      `${(withMs / 900 / 3).toFixed(3)} ms per write with every trigger, ${(withoutMs / 900 / 3).toFixed(3)} ms with none (replica role) ` +
      `(${(withMs / withoutMs).toFixed(2)}x)`);
  } finally {
    await done(args.includes("--keep") ? "select 1" : cleanupSql);
  }
}
