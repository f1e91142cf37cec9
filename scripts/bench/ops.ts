// npm run bench -- ops [--reports 4000] [--connections 20] [--log-batches 100]
// Ops under load, side by side in one run:
// (a) report_error: N reports of ONE error (every call updates the same row) vs N reports of N
//     distinct errors (every call inserts), over the same pool of parallel connections; the
//     counts must come out exact;
// (b) ops_logs ingestion through ingest_logs in batches of 1,000 into the monthly partitions;
// (c) "the latest 50 log lines" for a member (level-filtered policy), an admin, and service_role
//     with an explicit workspace filter, timed inside the server;
// (d) dashboard_tiles for the seeded demo workspace as its viewer, timed inside the server.
import postgres from "postgres";
import { dbUrl, stackConfig } from "../lib/config.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

const WS = "b2000000-0000-4000-8000-000000000001";
const OWNER = "b2100000-0000-4000-8000-000000000001";
const MEMBER = "b2100000-0000-4000-8000-000000000002";

export async function main(args: string[]): Promise<void> {
  const N = arg(args, "reports", 4000);
  const C = arg(args, "connections", 20);
  const B = arg(args, "log-batches", 100);
  const { sql, done } = await benchDatabase();
  const cleanup = `
    delete from public.workspaces where slug = 'bench-ops';
    delete from auth.users where email like '%@bench-ops.test';`;
  await sql.unsafe(cleanup);
  const pool = postgres(dbUrl(stackConfig()), { max: C, onnotice: () => {} });
  try {
    await sql.unsafe(`
      insert into auth.users (id, email) values ('${OWNER}', 'owner@bench-ops.test'), ('${MEMBER}', 'member@bench-ops.test');
      insert into public.workspaces (id, name, slug, created_by) values ('${WS}', 'bench ops', 'bench-ops', '${OWNER}');
      insert into public.workspace_members (workspace_id, user_id, role) values ('${WS}', '${MEMBER}', 'member');`);
    await Promise.all(Array.from({ length: C }, () => pool`select 1`)); // open every connection first

    // (a) one hot row vs distinct rows
    const burst = async (msg: (i: number) => string) => {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: N }, (_, i) =>
        pool`select 1 from public.report_error(${WS}, 'BenchError', ${"bench"}, ${msg(i)}, 'low')`));
      return performance.now() - t0;
    };
    const hotMs = await burst((i) => `request ${i} failed`); // numbers are masked: one fingerprint
    const [hot] = await sql`select count(*)::int as rows, max(occurrence_count)::int as n from public.ops_errors
      where workspace_id = ${WS} and source = 'bench'`;
    await sql`delete from public.ops_errors where workspace_id = ${WS}`;
    const coldMs = await burst((i) => `request failed with code ${String.fromCharCode(97 + (i % 26))}${"x".repeat(1 + Math.floor(i / 26))}`);
    const [cold] = await sql`select count(*)::int as rows, sum(occurrence_count)::int as n from public.ops_errors
      where workspace_id = ${WS} and source = 'bench'`;

    // (b) logs in batches of 1,000, spread over the last 40 days (so across monthly partitions)
    const levels = ["debug", "info", "info", "info", "warn", "error"];
    const batches = Array.from({ length: B }, (_, b) =>
      Array.from({ length: 1000 }, (_, i) => ({
        level: levels[(b + i) % levels.length], source: "bench", message: `line ${i} of batch ${b}`,
        logged_at: new Date(Date.now() - (((b * 1000 + i) * 37) % (40 * 86_400)) * 1000).toISOString(),
      })));
    const t0 = performance.now();
    for (const batch of batches) await sql`select public.ingest_logs(${WS}, ${sql.json(batch)})`;
    const logMs = performance.now() - t0;
    await sql`analyze public.ops_logs`;

    // (c) + (d), inside the server
    const runs = 300;
    const q = `select * from public.ops_logs where workspace_id = '${WS}' order by logged_at desc limit 50`;
    const timings = await sql.begin(async (tx) => {
      await tx.unsafe(`create temp table bench_timings (kind text, us float8) on commit drop`);
      await tx.unsafe(`
        do $bench$
        declare t0 timestamptz; k text; u uuid;
        begin
          for i in 0..${runs * 2 - 1} loop
            foreach k in array array['member', 'admin', 'service', 'tiles'] loop
              u := case k when 'member' then '${MEMBER}'::uuid when 'admin' then '${OWNER}'::uuid
                          when 'tiles' then '00000000-0000-4000-8000-000000000004'::uuid end;
              perform set_config('request.jwt.claims', case when u is null then '{"role":"service_role"}'
                else json_build_object('sub', u, 'role', 'authenticated')::text end, true);
              perform set_config('role', case when u is null then 'service_role' else 'authenticated' end, true);
              t0 := clock_timestamp();
              if k = 'tiles' then
                perform public.dashboard_tiles('10000000-0000-4000-8000-000000000001');
              else
                execute $q$${q}$q$;
              end if;
              perform set_config('role', 'none', true);
              if i >= ${runs} then
                insert into bench_timings values (k, extract(epoch from clock_timestamp() - t0) * 1e6);
              end if;
            end loop;
          end loop;
        end $bench$`);
      return await tx.unsafe(`select kind, us from bench_timings`);
    });
    const ms = (k: string) => median(timings.filter((r) => r.kind === k).map((r) => Number(r.us) / 1000));
    const memberRows = await sql.begin(async (tx) => {
      await tx`select set_config('role', 'authenticated', true),
        set_config('request.jwt.claims', ${JSON.stringify({ sub: MEMBER, role: "authenticated" })}, true)`;
      return await tx.unsafe(`select level, count(*)::int as n from (${q}) x group by level order by level`);
    });
    const parts = await sql`select count(distinct tableoid)::int as n from public.ops_logs where workspace_id = ${WS}`;

    console.log(`\nops benchmark: ${fmt(N, 0)} error reports over ${C} connections; ${fmt(B * 1000, 0)} log lines`);
    console.log(`(a) one error reported ${fmt(N, 0)} times (one hot row): ${fmt(N / (hotMs / 1000), 0)} reports/s; rows ${hot.rows}, count ${hot.n} (expect 1, ${N})`);
    console.log(`    ${fmt(N, 0)} distinct errors (inserts):         ${fmt(N / (coldMs / 1000), 0)} reports/s; rows ${cold.rows}, total ${cold.n} (expect ${N}, ${N})`);
    console.log(`    ratio hot/distinct: ${(coldMs / hotMs).toFixed(2)}x`);
    console.log(`(b) ingest_logs: ${fmt((B * 1000) / (logMs / 1000), 0)} lines/s in batches of 1,000 (${parts[0].n} partitions touched)`);
    console.log(`(c) latest 50 lines, median of ${runs}: member (info/warn policy) ${ms("member").toFixed(2)} ms, admin ${ms("admin").toFixed(2)} ms, ` +
      `service_role with explicit filter ${ms("service").toFixed(2)} ms; the member's 50: ${memberRows.map((r) => `${r.level} ${r.n}`).join(", ")}`);
    console.log(`(d) dashboard_tiles for the demo workspace as its viewer: median ${ms("tiles").toFixed(2)} ms`);
  } finally {
    await pool.end();
    await done(cleanup);
  }
}
