// npm run bench -- campaigns [--campaigns 3000] [--days 334] [--calls 25] [--keep]
// The 365-day campaign dashboard of one workspace with `campaigns` campaigns x `days` days of
// campaign-level rows (3,000 x 334 = 1,002,000), as its member, side by side in one run:
// (a) ads_dashboard by campaign (from the campaigns' running totals) against the same sums
//     computed from the campaign-level rows (the covering index, what the RPC did before), both
//     timed in the server, medians; plus the 30-day view;
// (b) fresh after every write: ingest_ad_metrics writes today's rows for 100 campaigns and
//     restates the last 7 days of 100 others, and the next read must equal summing the rows;
// (c) what the running totals cost a write: ingest_ad_metrics batches of 1,000 rows (one day for
//     1,000 campaigns, each batch a new day) with their triggers and with them disabled,
//     alternating batch by batch.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

const TRIGGERS = ["ad_campaign_totals_ins", "ad_campaign_totals_upd", "ad_campaign_totals_del"];

export async function main(args: string[]): Promise<void> {
  const N = arg(args, "campaigns", 3000);
  const DAYS = arg(args, "days", 334);
  const calls = arg(args, "calls", 25);
  const { sql, done } = await benchDatabase();
  const ws = randomUUID(), user = randomUUID(), tag = ws.slice(0, 8);
  const to = "2026-11-21";
  const cleanup = `${TRIGGERS.map((t) => `alter table public.ad_metrics_daily enable trigger ${t};`).join("\n")}
    delete from public.workspaces where id = '${ws}'; delete from auth.users where id = '${user}';`;
  try {
    await sql`insert into auth.users (id, email) values (${user}, ${"campaigns-" + tag + "@bench.test"})`;
    await sql`insert into public.workspaces (id, name, slug) values (${ws}, 'bench campaigns', ${"bench-campaigns-" + tag})`;
    await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${ws}, ${user}, 'viewer')`;
    await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name)
      select ${ws}, (array['meta', 'google', 'tiktok']::public.ad_platform[])[1 + c % 3], 'c' || c, 'campaign ' || c
      from generate_series(1, ${N}) c`;
    const t0 = performance.now();
    for (let lo = 1; lo <= N; lo += 300) {
      await sql.unsafe(`
        insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, impressions, clicks, conversions, revenue_cents)
        select c.workspace_id, c.platform, 'campaign', c.id, c.id, date '${to}' - d, 1000 + (d * 37 + k) % 5000, 20000 + d, 200 + d % 50, (d + k) % 7, 3000 + d * 11 + k
        from (select c.*, row_number() over (order by c.external_id) as k from public.ad_campaigns c where c.workspace_id = '${ws}') c
        cross join generate_series(0, ${DAYS - 1}) d
        where c.k between ${lo} and ${lo + 299}`);
    }
    const loadS = (performance.now() - t0) / 1000;
    await sql`vacuum analyze public.ad_metrics_daily`;
    await sql`vacuum analyze private.ad_campaign_running_totals`;
    await sql`vacuum analyze private.ad_campaign_spans`;
    const [{ rows }] = await sql`select count(*)::int as rows from public.ad_metrics_daily where workspace_id = ${ws} and level = 'campaign'`;

    const raw = (days: number) => `select m.campaign_id, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
        sum(m.impressions)::bigint as impr, sum(m.clicks)::bigint as clk, sum(m.conversions) as conv
      from public.ad_metrics_daily m
      where m.workspace_id = '${ws}' and m.level = 'campaign' and m.day between date '${to}' - ${days - 1} and date '${to}'
      group by m.campaign_id`;
    const rpc = (days: number) => `select * from public.ads_dashboard('${ws}', date '${to}' - ${days - 1}, date '${to}', 'campaign')`;
    const time = async (tx: postgres.TransactionSql, q: string) => {
      const [r] = await tx.unsafe(`select extract(epoch from clock_timestamp() - t0) * 1000 as ms, n from (
          select clock_timestamp() as t0) s, lateral (select count(*) as n from (${q}) q) d`);
      return { ms: Number(r.ms), n: Number(r.n) };
    };
    const asMember = async (tx: postgres.TransactionSql) =>
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: user, role: "authenticated" })}, true),
                      set_config('role', 'authenticated', true)`;
    const m365: number[] = [], r365: number[] = [], m30: number[] = [];
    await sql.begin(async (tx) => {
      for (let i = 0; i < calls + 3; i++) {
        // alternate which goes first; the reference as the table owner (no RLS: its floor)
        const order = i % 2 ? ["raw", "rpc"] : ["rpc", "raw"];
        for (const k of order) {
          if (k === "rpc") {
            await asMember(tx);
            const a = await time(tx, rpc(365));
            const b = await time(tx, rpc(30));
            await tx`select set_config('role', 'none', true)`;
            if (a.n !== N) throw new Error(`the dashboard returned ${a.n} campaigns, not ${N}`);
            if (i >= 3) [m365.push(a.ms), m30.push(b.ms)];
          } else {
            const a = await time(tx, raw(365));
            if (i >= 3) r365.push(a.ms);
          }
        }
      }
    });

    // (b) fresh after every write
    const payload = (campaigns: number[], days: number[], bump: number) => sql.json(campaigns.flatMap((c) => days.map((d) => ({
      platform: (["meta", "google", "tiktok"] as const)[c % 3], level: "campaign", external_id: `c${c}`,
      day: new Date(Date.parse(to) - d * 864e5).toISOString().slice(0, 10), spend_cents: 777 + bump, impressions: 5000, clicks: 50,
      conversions: 2, revenue_cents: 2500 + bump,
    }))));
    const today = Array.from({ length: 100 }, (_, i) => i + 1);
    const restated = Array.from({ length: 100 }, (_, i) => i + 201);
    await sql`select * from public.ingest_ad_metrics(${ws}, ${payload(today, [-1], 0)})`;
    await sql`select * from public.ingest_ad_metrics(${ws}, ${payload(restated, [0, 1, 2, 3, 4, 5, 6], 1)})`;
    const [{ differ }] = await sql.begin(async (tx) => {
      await asMember(tx);
      const got = await tx.unsafe(`select key, spend_cents, revenue_cents, impressions, clicks, conversions
        from public.ads_dashboard('${ws}', date '${to}' - 363, date '${to}' + 1, 'campaign')`);
      await tx`select set_config('role', 'none', true)`;
      const want = await tx.unsafe(`select m.campaign_id::text as key, sum(m.spend_cents)::bigint as spend_cents, sum(m.revenue_cents)::bigint as revenue_cents,
          sum(m.impressions)::bigint as impressions, sum(m.clicks)::bigint as clicks, sum(m.conversions) as conversions
        from public.ad_metrics_daily m where m.workspace_id = '${ws}' and m.level = 'campaign'
          and m.day between date '${to}' - 363 and date '${to}' + 1 group by 1`);
      const w = new Map(want.map((r) => [r.key, JSON.stringify([r.spend_cents, r.revenue_cents, r.impressions, r.clicks, r.conversions])]));
      const d = got.filter((r) => w.get(r.key) !== JSON.stringify([r.spend_cents, r.revenue_cents, r.impressions, r.clicks, r.conversions])).length
        + Math.abs(got.length - want.length);
      return [{ differ: d }];
    });

    // (c) write cost: batches of 1,000 rows, alternating with and without the running totals' triggers
    let onMs = 0, offMs = 0, onRows = 0, offRows = 0;
    for (let b = 0; b < 12; b++) {
      const off = b % 2 === 1;
      const campaigns = Array.from({ length: 1000 }, (_, i) => ((b * 1000 + i) % N) + 1);
      const body = payload(campaigns, [-2 - b], 3 + b);
      if (off) for (const t of TRIGGERS) await sql.unsafe(`alter table public.ad_metrics_daily disable trigger ${t}`);
      const t1 = performance.now();
      await sql`select * from public.ingest_ad_metrics(${ws}, ${body})`;
      const dt = performance.now() - t1;
      if (off) for (const t of TRIGGERS) await sql.unsafe(`alter table public.ad_metrics_daily enable trigger ${t}`);
      if (b < 2) continue; // warm-up
      if (off) [offMs, offRows] = [offMs + dt, offRows + 1000];
      else [onMs, onRows] = [onMs + dt, onRows + 1000];
    }

    console.log(`campaigns benchmark: one workspace, ${fmt(N, 0)} campaigns x ${DAYS} days = ${fmt(rows, 0)} campaign-level rows (loaded through the triggers in ${loadS.toFixed(0)} s)`);
    console.log(`(a) 365-day campaign dashboard as a viewer: ${median(m365).toFixed(2)} ms (target <= 15 ms), median of ${m365.length}`);
    console.log(`    reference, the same sums from the campaign-level rows (covering index, table owner): ${median(r365).toFixed(2)} ms (${(median(r365) / median(m365)).toFixed(0)}x)`);
    console.log(`    30-day view: ${median(m30).toFixed(2)} ms`);
    console.log(`(b) after ingest_ad_metrics wrote tomorrow's rows for 100 campaigns and restated 7 days of 100 others: ` +
      `campaigns whose dashboard sums differ from the rows: ${differ}`);
    console.log(`(c) ingest_ad_metrics, 1,000 rows a batch: ${fmt(onRows / (onMs / 1000), 0)} rows/s with the running totals, ` +
      `${fmt(offRows / (offMs / 1000), 0)} rows/s with their triggers disabled (${((onRows / onMs) / (offRows / offMs)).toFixed(2)}x)`);
  } finally {
    await done(args.includes("--keep") ? TRIGGERS.map((t) => `alter table public.ad_metrics_daily enable trigger ${t};`).join("\n") : cleanup);
  }
}
