// npm run bench -- ads [--workspaces 1000] [--rows-per-workspace 1000] [--big-campaigns 50]
// 1M metric rows across 1,000 workspaces, plus one workspace with 1M rows of its own; prints,
// side by side in one run:
// (a) ingestion rows/s through ingest_ad_metrics with the KPI trigger vs the same RPC and upsert
//     into the same table with that trigger disabled (target >= 0.7x); half of the workspaces go
//     each way, alternating, so both paths insert into a table of the same size;
// (b) a member's 30-day dashboard: the query a user's request sends (with its workspace filter)
//     under RLS vs as service_role vs the bare query as the table owner (the physical floor),
//     and the ads_dashboard RPC as member vs service_role; variants rotate order on every
//     iteration and the warm-up walks the very workspaces measured (target <= 1.3x);
// (c) incremental rollup after a 1% append vs a full rebuild (target <= 5%);
// (d) the 365-day campaign dashboard of a workspace holding 1M metric rows (mostly ad level),
//     with the campaign-level covering index and without it (target <= 10 ms).
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

class RollbackWithResult extends Error {
  constructor(readonly result: number[]) {
    super("rollback");
  }
}

export async function main(args: string[]): Promise<void> {
  const W = arg(args, "workspaces", 1000);
  const R = arg(args, "rows-per-workspace", 1000);
  const CAMPAIGNS = 4;
  const DAYS = Math.ceil(R / CAMPAIGNS);
  const { sql, done } = await benchDatabase();
  // Bench rows live in workspaces with slugs bench-*, removed at the end with the helper tables.
  const cleanup = `
    delete from public.workspaces where slug like 'bench-%';
    delete from auth.users where email like '%@bench.test';
    alter table public.ad_metrics_daily enable trigger derive_ad_kpis;
    drop table if exists public.bench_batches, public.bench_rollup_incremental;
    select private.rebuild_ad_rollup();`;
  await sql.unsafe(cleanup);
  const t = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  try {
    console.log(`setting up ${W} workspaces x ${CAMPAIGNS} campaigns x ${DAYS} days = ${fmt(W * CAMPAIGNS * DAYS, 0)} rows`);
    await sql.unsafe(`
      insert into auth.users (id, email)
        select ('b0000000-0000-4000-8000-' || lpad(to_hex(w), 12, '0'))::uuid, 'user' || w || '@bench.test'
        from generate_series(1, ${W}) w;
      insert into public.workspaces (id, name, slug, created_by)
        select ('b1000000-0000-4000-8000-' || lpad(to_hex(w), 12, '0'))::uuid, 'bench ' || w, 'bench-' || w,
               ('b0000000-0000-4000-8000-' || lpad(to_hex(w), 12, '0'))::uuid
        from generate_series(1, ${W}) w;
      insert into public.ad_campaigns (workspace_id, platform, external_id, name)
        select w.id, (array['meta', 'google']::public.ad_platform[])[1 + c % 2], 'c' || c, 'campaign ' || c
        from public.workspaces w, generate_series(1, ${CAMPAIGNS}) c where w.slug like 'bench-%';
      create table public.bench_batches (workspace_id uuid primary key, rpc jsonb not null);
      insert into public.bench_batches
        select w.id,
          jsonb_agg(jsonb_build_object('platform', c.platform, 'level', 'campaign', 'external_id', c.external_id,
            'day', (date '2026-11-21' - d)::text, 'spend_cents', 1000 + (d * 37) % 5000,
            'impressions', 10000 + d, 'clicks', 100 + d % 50, 'conversions', d % 7, 'revenue_cents', 3000 + d * 11))
        from public.workspaces w
        join public.ad_campaigns c on c.workspace_id = w.id and w.slug like 'bench-%'
        cross join generate_series(0, ${DAYS - 1}) d
        group by w.id;
    `);
    const ids = (await sql`select workspace_id from public.bench_batches order by workspace_id`).map((r) => r.workspace_id);

    // (a) ingestion: even workspaces with the KPI trigger, odd ones with it disabled, alternating.
    let withMs = 0, withoutMs = 0, withRows = 0, withoutRows = 0;
    const ingest = (id: string) =>
      sql`select * from public.ingest_ad_metrics(${id}, (select rpc from public.bench_batches where workspace_id = ${id}))`;
    for (let i = 0; i < ids.length; i++) {
      if (i % 2 === 0) {
        withMs += await t(() => ingest(ids[i]));
        withRows += CAMPAIGNS * DAYS;
      } else {
        await sql`alter table public.ad_metrics_daily disable trigger derive_ad_kpis`;
        withoutMs += await t(() => ingest(ids[i]));
        await sql`alter table public.ad_metrics_daily enable trigger derive_ad_kpis`;
        withoutRows += CAMPAIGNS * DAYS;
      }
    }
    const rows = withRows + withoutRows;
    const rpcRate = withRows / (withMs / 1000), plainRate = withoutRows / (withoutMs / 1000);
    await sql`vacuum analyze public.ad_metrics_daily`;

    // (b) a member's 30-day dashboard, timed inside the server (clock_timestamp around EXECUTE,
    // planned each time as PostgREST's queries are). The same workspaces are walked twice: the
    // first pass warms exactly what the second measures. Variants rotate order every iteration.
    const q = `select day, sum(spend_cents) as spend, sum(revenue_cents) as revenue, sum(clicks) as clicks
               from public.ad_metrics_daily where workspace_id = $1 and level = 'campaign' and day > date '2026-11-21' - 30
               group by day order by day`;
    const rpc = `select * from public.ads_dashboard($1, date '2026-11-21' - 29, date '2026-11-21', 'day')`;
    const runs = Math.min(W, 300);
    const timings = await sql.begin(async (tx) => {
      await tx.unsafe(`create temp table bench_timings (kind text, us float8) on commit drop`);
      await tx.unsafe(`
        do $bench$
        declare
          t0 timestamptz; ws uuid; usr uuid; d float8; k text;
          kinds text[] := array['owner', 'member', 'service', 'rpc_member', 'rpc_service'];
        begin
          for pass in 0..1 loop
            for i in 0..${runs - 1} loop
              ws := ('b1000000-0000-4000-8000-' || lpad(to_hex(i + 1), 12, '0'))::uuid;
              usr := ('b0000000-0000-4000-8000-' || lpad(to_hex(i + 1), 12, '0'))::uuid;
              for j in 0..4 loop
                k := kinds[1 + (i + j) % 5];
                if k in ('member', 'rpc_member') then
                  perform set_config('request.jwt.claims', json_build_object('sub', usr, 'role', 'authenticated')::text, true);
                  perform set_config('role', 'authenticated', true);
                elsif k in ('service', 'rpc_service') then
                  perform set_config('request.jwt.claims', '{"role":"service_role"}', true);
                  perform set_config('role', 'service_role', true);
                end if;
                t0 := clock_timestamp();
                if k like 'rpc%' then execute $q$${rpc}$q$ using ws; else execute $q$${q}$q$ using ws; end if;
                d := extract(epoch from clock_timestamp() - t0) * 1e6;
                perform set_config('role', 'none', true);
                perform set_config('request.jwt.claims', '', true);
                if pass = 1 then
                  insert into bench_timings values (k, d);
                end if;
              end loop;
            end loop;
          end loop;
        end $bench$`);
      return await tx.unsafe(`select kind, us from bench_timings`);
    });
    const med = (k: string) => median(timings.filter((r) => r.kind === k).map((r) => Number(r.us) / 1000));
    const rlsRows = await sql.begin(async (tx) => {
      await tx`select set_config('role', 'authenticated', true),
        set_config('request.jwt.claims', ${JSON.stringify({ sub: "b0000000-0000-4000-8000-000000000001", role: "authenticated" })}, true)`;
      return (await tx.unsafe(q, ["b1000000-0000-4000-8000-000000000001"])).length;
    });

    // (c) full rebuild, then a 1% append refreshed incrementally, then a full rebuild again.
    const fullMs = await t(() => sql`select private.rebuild_ad_rollup()`);
    const append = Math.round(W * CAMPAIGNS * DAYS / 100);
    await sql.unsafe(`
      insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, impressions, clicks, revenue_cents)
      select c.workspace_id, c.platform, 'campaign', c.id, c.id, date '2026-11-22' + (n / ${W * CAMPAIGNS}), 500, 1000, 10, 2000
      from (select c.*, row_number() over (order by c.workspace_id, c.external_id) - 1 as rn
            from public.ad_campaigns c join public.workspaces w on w.id = c.workspace_id and w.slug like 'bench-%') c
      cross join generate_series(0, ${append - 1}) n
      where c.rn = n % ${W * CAMPAIGNS}`);
    const dirty = Number((await sql`select count(*) from private.ad_rollup_dirty`)[0].count);
    const incMs = await t(() => sql`select private.refresh_ad_rollup()`);
    await sql`create table public.bench_rollup_incremental as select * from public.ad_metrics_rollup_daily`;
    const full2Ms = await t(() => sql`select private.rebuild_ad_rollup()`);
    const [{ diff }] = await sql`
      select count(*)::int as diff from (
        (select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.bench_rollup_incremental
         except select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily)
        union all
        (select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily
         except select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.bench_rollup_incremental)) d`;
    const total = Number((await sql`select count(*) from public.ad_metrics_daily m join public.workspaces w on w.id = m.workspace_id and w.slug like 'bench-%'`)[0].count);

    // (d) one workspace with ~1M metric rows over 365 days: BC campaigns at campaign level, each
    // with 54 ads at ad level. The 365-day campaign dashboard as its member, with the covering
    // index and (in a transaction that drops it, rolled back) without.
    const BC = arg(args, "big-campaigns", 50);
    await sql.unsafe(`
      insert into auth.users (id, email) values ('b0000000-0000-4000-8000-ffffffffffff', 'big@bench.test');
      insert into public.workspaces (id, name, slug) values ('b1000000-0000-4000-8000-ffffffffffff', 'bench big', 'bench-big');
      insert into public.workspace_members (workspace_id, user_id, role)
        values ('b1000000-0000-4000-8000-ffffffffffff', 'b0000000-0000-4000-8000-ffffffffffff', 'member');
      insert into public.ad_campaigns (workspace_id, platform, external_id, name)
        select 'b1000000-0000-4000-8000-ffffffffffff', 'meta', 'big-' || c, 'big campaign ' || c from generate_series(1, ${BC}) c;
      insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name)
        select c.workspace_id, c.id, c.platform, c.external_id || '-g', c.name || ' group'
        from public.ad_campaigns c where c.workspace_id = 'b1000000-0000-4000-8000-ffffffffffff';
      insert into public.ads (workspace_id, ad_group_id, platform, external_id, name)
        select g.workspace_id, g.id, g.platform, g.external_id || '-a' || a, 'ad ' || a
        from public.ad_groups g cross join generate_series(1, 54) a where g.workspace_id = 'b1000000-0000-4000-8000-ffffffffffff';
      insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, impressions, clicks, revenue_cents)
        select c.workspace_id, c.platform, 'campaign', c.id, c.id, date '2026-11-21' - d, 5400, 54000, 540, 16200
        from public.ad_campaigns c cross join generate_series(0, 364) d where c.workspace_id = 'b1000000-0000-4000-8000-ffffffffffff';
      insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, ad_group_id, ad_id, day, spend_cents, impressions, clicks, revenue_cents)
        select a.workspace_id, a.platform, 'ad', a.id, g.campaign_id, g.id, a.id, date '2026-11-21' - d, 100, 1000, 10, 300
        from public.ads a join public.ad_groups g on g.id = a.ad_group_id
        cross join generate_series(0, 364) d where a.workspace_id = 'b1000000-0000-4000-8000-ffffffffffff';`);
    await sql`vacuum analyze public.ad_metrics_daily`;
    const bigRows = Number((await sql`select count(*) from public.ad_metrics_daily where workspace_id = 'b1000000-0000-4000-8000-ffffffffffff'`)[0].count);
    const campaignDashboard = async (days: number, withIndex: boolean) => await sql.begin(async (tx) => {
      if (!withIndex) await tx`drop index public.ad_metrics_daily_campaign_level_idx`;
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: "b0000000-0000-4000-8000-ffffffffffff", role: "authenticated" })}, true),
                      set_config('role', 'authenticated', true)`;
      const out: number[] = [];
      for (let i = 0; i < 25; i++) {
        const [r] = await tx.unsafe(`select extract(epoch from clock_timestamp() - t0) * 1000 as ms, n from (
            select clock_timestamp() as t0) s, lateral (select count(*) as n from public.ads_dashboard(
              'b1000000-0000-4000-8000-ffffffffffff', date '2026-11-21' - ${days - 1}, date '2026-11-21', 'campaign')) d`);
        if (Number(r.n) !== BC) throw new Error(`campaign dashboard returned ${r.n} rows, not ${BC}`);
        if (i >= 5) out.push(Number(r.ms));
      }
      await tx`select set_config('role', 'none', true)`;
      if (!withIndex) throw new RollbackWithResult(out);
      return out;
    }).catch((e) => {
      if (e instanceof RollbackWithResult) return e.result;
      throw e;
    });
    const d365 = median(await campaignDashboard(365, true));
    const d30 = median(await campaignDashboard(30, true));
    const d365NoIdx = median(await campaignDashboard(365, false));

    console.log(`\nads benchmark: ${fmt(total, 0)} metric rows in ${W} workspaces, all ingested through ingest_ad_metrics in batches of ${CAMPAIGNS * DAYS}`);
    console.log(`(a) with the KPI trigger:    ${fmt(rpcRate, 0)} rows/s (${fmt(withRows, 0)} rows)`);
    console.log(`    with it disabled:        ${fmt(plainRate, 0)} rows/s (${fmt(withoutRows, 0)} rows)`);
    console.log(`    ratio: ${(rpcRate / plainRate).toFixed(2)}x (target >= 0.70x)`);
    console.log(`(b) a 30-day dashboard query (${rlsRows} rows), median of ${runs} workspaces each, variants rotating:`);
    console.log(`    table owner, no RLS (floor): ${med("owner").toFixed(3)} ms`);
    console.log(`    member under RLS:            ${med("member").toFixed(3)} ms`);
    console.log(`    service_role:                ${med("service").toFixed(3)} ms`);
    console.log(`    ratio member/service: ${(med("member") / med("service")).toFixed(2)}x (target <= 1.30x); member/owner ${(med("member") / med("owner")).toFixed(2)}x`);
    console.log(`    ads_dashboard RPC: member ${med("rpc_member").toFixed(3)} ms, service_role ${med("rpc_service").toFixed(3)} ms, ratio ${(med("rpc_member") / med("rpc_service")).toFixed(2)}x`);
    console.log(`(c) full rollup rebuild: ${fullMs.toFixed(0)} ms; after a ${fmt(append, 0)}-row (1%) append, incremental refresh of ${dirty} days: ${incMs.toFixed(0)} ms; full rebuild again: ${full2Ms.toFixed(0)} ms`);
    console.log(`    ratio: ${((incMs / full2Ms) * 100).toFixed(1)}% of a full rebuild (target <= 5%); incremental and full differ in ${diff} rows`);
    console.log(`(d) campaign dashboard of one workspace with ${fmt(bigRows, 0)} metric rows (${BC} campaigns x 365 days at campaign level, the rest ad level), as its member:`);
    console.log(`    365 days: ${d365.toFixed(2)} ms with the covering index, ${d365NoIdx.toFixed(2)} ms without (target <= 10 ms); 30 days: ${d30.toFixed(2)} ms`);
  } finally {
    await done(cleanup);
  }
}
