// npm run bench -- scale [--scales 1,10,100] [--calls 15] [--chart docs/benchmarks-scale.svg]
// Every dashboard RPC of every domain at 1x, 10x and 100x the demo seed's data, side by side in
// one run, and the table drawn as a chart (an SVG written by this script). One transaction that
// is rolled back: the demo workspace's rows are copied into it (9 more copies for 10x, 90 more
// for 100x) with fresh ids and keys, the maintained state rebuilt for the copies, ANALYZE, then
// each RPC timed inside the server as the demo's member (role authenticated and its claims, as
// PostgREST sets them; clock_timestamp around the call), median of --calls calls.
// Copied per scale step: customers, identities, visitors, orders, conversions, touchpoints,
// attribution credits, ad campaigns and their campaign-level daily metrics (ad-level rows, which
// no dashboard reads, are not copied), experiment assignments and events, leads, marketing
// campaigns and demo conversations. Copies are made with triggers off (session_replication_role
// replica, ids remapped consistently), then the ads rollup, the campaigns' running totals and the
// experiments' statistics are rebuilt from the copied rows.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type postgres from "postgres";
import { repoRoot } from "../lib/config.ts";
import { argText, benchDatabase, fmt, median } from "./scratch.ts";

const DEMO = "10000000-0000-4000-8000-000000000001";
const MEMBER = "00000000-0000-4000-8000-000000000003";
const uuidOf = (col: string) => `md5(${col}::text || '~' || c)::uuid`;
const keyOf = (col: string) => `${col} || '-x' || c`;

// table, copy filter beyond the workspace, overrides (SQL expressions over r and c), identity column
const COPIES: { table: string; where?: string; set: Record<string, string>; identity?: string }[] = [
  { table: "customers", set: { id: uuidOf("r.id"), shopify_customer_id: keyOf("r.shopify_customer_id") } },
  { table: "customer_identities", set: { id: uuidOf("r.id"), customer_id: uuidOf("r.customer_id") } },
  { table: "visitors", set: { id: uuidOf("r.id"), visitor_id: keyOf("r.visitor_id"), identity_id: uuidOf("r.identity_id") } },
  {
    table: "orders",
    set: { id: uuidOf("r.id"), shopify_order_id: keyOf("r.shopify_order_id"), customer_id: uuidOf("r.customer_id"), visitor_id: keyOf("r.visitor_id") },
  },
  {
    table: "conversions",
    set: { id: uuidOf("r.id"), order_id: uuidOf("r.order_id"), customer_id: uuidOf("r.customer_id"), identity_id: uuidOf("r.identity_id"), visitor_id: keyOf("r.visitor_id") },
  },
  { table: "touchpoints", set: { id: "r.id + c::bigint * 1000000000", visitor_id: keyOf("r.visitor_id") }, identity: "id" },
  { table: "attribution_credits", set: { conversion_id: uuidOf("r.conversion_id"), touchpoint_id: "r.touchpoint_id + c::bigint * 1000000000" } },
  { table: "ad_campaigns", set: { id: uuidOf("r.id"), external_id: keyOf("r.external_id"), name: keyOf("r.name") } },
  {
    table: "ad_metrics_daily", where: "r.level = 'campaign'",
    set: { id: "r.id + c::bigint * 1000000000", object_id: uuidOf("r.object_id"), campaign_id: uuidOf("r.campaign_id") }, identity: "id",
  },
  { table: "experiment_assignments", set: { visitor_id: keyOf("r.visitor_id") } },
  { table: "experiment_events", set: { id: "r.id + c::bigint * 1000000000", visitor_id: keyOf("r.visitor_id") }, identity: "id" },
  { table: "leads", set: { id: uuidOf("r.id"), email: `'c' || c || '.' || r.email` } },
  { table: "campaigns", set: { id: uuidOf("r.id"), name: keyOf("r.name") } },
  { table: "demo_conversations", set: { id: uuidOf("r.id"), conversation_id: keyOf("r.conversation_id") } },
];

interface Rpc {
  name: string;
  call: string;
}

async function copies(tx: postgres.TransactionSql, from: number, to: number) {
  await tx`set local session_replication_role = replica`;
  for (const t of COPIES) {
    const over = Object.entries(t.set).map(([k, v]) => `'${k}', ${v}`).join(", ");
    await tx.unsafe(`
      insert into public.${t.table} ${t.identity ? "overriding system value" : ""}
      select (jsonb_populate_record(null::public.${t.table}, to_jsonb(r) || jsonb_strip_nulls(jsonb_build_object(${over})))).*
      from bench_originals_${t.table} r cross join generate_series(${from}, ${to}) c`);
  }
  await tx`set local session_replication_role = origin`;
  // the maintained state of the copies: ads rollup, campaigns' running totals, experiment statistics
  await tx.unsafe(`
    select private.rebuild_ad_rollup();
    select private.apply_ad_campaign_deltas(array_agg(m.workspace_id), array_agg(m.campaign_id), array_agg(m.day),
      array_agg(1::bigint), array_agg(m.spend_cents), array_agg(m.revenue_cents), array_agg(m.impressions), array_agg(m.clicks),
      array_agg(m.conversions))
    from public.ad_metrics_daily m where m.workspace_id = '${DEMO}' and m.level = 'campaign' and m.id > ${from}::bigint * 1000000000;
    select private.rebuild_experiment_stats(array(select id from public.experiments where workspace_id = '${DEMO}'));`);
  for (const t of COPIES) await tx.unsafe(`analyze public.${t.table}`);
}

async function timeAll(tx: postgres.TransactionSql, rpcs: Rpc[], calls: number): Promise<number[]> {
  await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: MEMBER, role: "authenticated" })}, true),
                  set_config('role', 'authenticated', true)`;
  const out: number[] = [];
  for (const r of rpcs) {
    const ms: number[] = [];
    for (let i = 0; i < calls + 2; i++) {
      const [row] = await tx.unsafe(`select extract(epoch from clock_timestamp() - t0) * 1000 as ms from (
        select clock_timestamp() as t0) s, lateral (select count(*) from (${r.call}) q) d`);
      if (i >= 2) ms.push(Number(row.ms));
    }
    out.push(median(ms));
  }
  await tx`select set_config('role', 'none', true)`;
  return out;
}

/** A log-log line chart of ms against scale, one line per RPC, as SVG. */
function chart(rpcs: Rpc[], scales: number[], ms: number[][]): string {
  const W = 900, H = 520, L = 70, R = 330, T = 40, B = 60;
  const all = ms.flat().filter((x) => x > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all)))), hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const x = (s: number) => L + ((Math.log10(s) - Math.log10(scales[0])) / (Math.log10(scales[scales.length - 1]) - Math.log10(scales[0]))) * (W - L - R);
  const y = (v: number) => H - B - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - T - B);
  const colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"];
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${L}" y="22" font-size="15">Dashboard RPCs at 1x, 10x and 100x the demo seed's data (ms per call, in the server; log scales)</text>`);
  for (let d = lo; d <= hi; d *= 10) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(d)}" y2="${y(d)}" stroke="#ddd"/>`);
    parts.push(`<text x="${L - 8}" y="${y(d) + 4}" text-anchor="end">${d >= 1 ? d : d.toFixed(2)} ms</text>`);
  }
  for (const s of scales) {
    parts.push(`<line x1="${x(s)}" x2="${x(s)}" y1="${T}" y2="${H - B}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(s)}" y="${H - B + 18}" text-anchor="middle">${s}x</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 15}" text-anchor="middle">data size (multiple of the demo seed)</text>`);
  rpcs.forEach((r, i) => {
    const col = colors[i % colors.length];
    const pts = scales.map((s, j) => `${x(s).toFixed(1)},${y(ms[j][i]).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${col}" stroke-width="2" points="${pts}"/>`);
    scales.forEach((s, j) => parts.push(`<circle cx="${x(s).toFixed(1)}" cy="${y(ms[j][i]).toFixed(1)}" r="3" fill="${col}"/>`));
    const last = ms[ms.length - 1][i];
    parts.push(`<rect x="${W - R + 20}" y="${T + 10 + i * 22}" width="12" height="12" fill="${col}"/>`);
    parts.push(`<text x="${W - R + 38}" y="${T + 20 + i * 22}">${r.name}: ${ms[0][i].toFixed(2)} -> ${last.toFixed(2)} ms</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("\n");
}

export async function main(args: string[]): Promise<void> {
  const scales = argText(args, "scales", "1,10,100").split(",").map(Number);
  const calls = Number(argText(args, "calls", "15"));
  const chartPath = argText(args, "chart", "docs/benchmarks-scale.svg");
  const { sql, done } = await benchDatabase();
  try {
    const [{ to }] = await sql`select max(day)::text as to from public.ad_metrics_daily where workspace_id = ${DEMO}`;
    const [{ exp }] = await sql`select id as exp from public.experiments where workspace_id = ${DEMO} order by status = 'running' desc, key limit 1`;
    const [{ demo }] = await sql`select id as demo from public.demos where workspace_id = ${DEMO} order by created_at limit 1`;
    const range = `'${DEMO}', date '${to}' - 89, date '${to}'`;
    const rpcs: Rpc[] = [
      { name: "ads_dashboard by platform (90 d)", call: `select * from public.ads_dashboard(${range}, 'platform')` },
      { name: "ads_dashboard by campaign (365 d)", call: `select * from public.ads_dashboard('${DEMO}', date '${to}' - 364, date '${to}', 'campaign')` },
      { name: "ads_dashboard by day (90 d)", call: `select * from public.ads_dashboard(${range}, 'day')` },
      { name: "ads_blended_roas (90 d)", call: `select * from public.ads_blended_roas(${range})` },
      { name: "ads_roas_tile", call: `select * from public.ads_roas_tile('${DEMO}', date '${to}')` },
      { name: "dashboard_tiles", call: `select * from public.dashboard_tiles('${DEMO}')` },
      { name: "attribution_report by channel", call: `select * from public.attribution_report(${range}, 'linear', 'channel')` },
      { name: "attribution_report by campaign", call: `select * from public.attribution_report(${range}, 'position_based', 'campaign')` },
      { name: "get_autopilot_dashboard_stats", call: `select * from public.get_autopilot_dashboard_stats('${DEMO}')` },
      { name: "get_demo_stats", call: `select * from public.get_demo_stats('${demo}')` },
      { name: "get_experiment_results", call: `select * from public.get_experiment_results('${exp}')` },
    ];
    const results: number[][] = [];
    const rowsAt: number[] = [];
    await sql.begin(async (tx) => {
      for (const t of COPIES) {
        await tx.unsafe(`create temp table bench_originals_${t.table} on commit drop as
          select r.* from public.${t.table} r where r.workspace_id = '${DEMO}' ${t.where ? `and ${t.where}` : ""}`);
      }
      let have = 1;
      for (const s of scales) {
        if (s > have) await copies(tx, have, s - 1);
        have = s;
        const [{ n }] = await tx.unsafe(`select (${COPIES.map((t) => `(select count(*) from public.${t.table} where workspace_id = '${DEMO}')`).join(" + ")})::bigint as n`);
        rowsAt.push(Number(n));
        results.push(await timeAll(tx, rpcs, calls));
      }
      throw new Error("rollback");
    }).catch((e) => {
      if (!(e instanceof Error) || e.message !== "rollback") throw e;
    });
    console.log(`scale benchmark: every dashboard RPC as the demo's member, ms per call in the server, median of ${calls}; rolled back`);
    console.log(`rows in the copied tables: ${scales.map((s, i) => `${s}x ${fmt(rowsAt[i], 0)}`).join(", ")}`);
    console.log(`| dashboard RPC | ${scales.map((s) => `${s}x`).join(" | ")} | ${scales[scales.length - 1]}x / ${scales[0]}x |`);
    console.log(`|---|${scales.map(() => "---|").join("")}---|`);
    rpcs.forEach((r, i) => {
      const v = results.map((row) => row[i]);
      console.log(`| ${r.name} | ${v.map((x) => `${x.toFixed(2)} ms`).join(" | ")} | ${(v[v.length - 1] / v[0]).toFixed(1)}x |`);
    });
    writeFileSync(resolve(repoRoot, chartPath), chart(rpcs, scales, results));
    console.log(`chart: ${chartPath}`);
  } finally {
    await done("select 1");
  }
}
