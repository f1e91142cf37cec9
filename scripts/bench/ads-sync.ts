// npm run bench -- ads-sync [--campaigns 50] [--ads-per-campaign 20] [--days 730] [--compare-days 30]
//                            [--platforms meta,google,tiktok]
// The ads sync through its whole path: fake platforms on 127.0.0.1 (speaking each API's wire
// format), the ads-sync function woken by the database, and SQL applying each page. Printed
// side by side from one run:
// (a) rows/s written through the sync path (windows of --compare-days days of a --campaigns x
//     --ads-per-campaign account: ad rows and the ad group and campaign rows derived from them)
//     beside the same rows written by calling ingest_ad_metrics directly in batches of the
//     platform's page size, into a workspace holding the same objects; the median of two windows
//     after the account's first (printed beside); target: >= 0.8x;
// (b) a backfill on first connect of --days days per platform (the schedule's recent,
//     restatement and backfill windows), its wall time, API calls, pages and rows.
import type postgres from "postgres";
import { encryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { AdWorld, day } from "../../tests/helpers/fakes/ad_world.ts";
import { GoogleAdsFake } from "../../tests/helpers/fakes/google_ads.ts";
import { MetaFake } from "../../tests/helpers/fakes/meta.ts";
import { FakeServer } from "../../tests/helpers/fakes/server.ts";
import { TikTokFake } from "../../tests/helpers/fakes/tiktok.ts";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { fakeProvidersUrl, localIntegrationEnv } from "../lib/gateway.ts";
import { publicKeys } from "../lib/keys.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

type Platform = "meta" | "google" | "tiktok";
const PROVIDER = { meta: "meta", google: "google_ads", tiktok: "tiktok" } as const;
const PAGE = { meta: 500, google: 1000, tiktok: 1000 } as const;

export async function main(args: string[]): Promise<void> {
  const campaigns = arg(args, "campaigns", 50);
  const adsPerCampaign = arg(args, "ads-per-campaign", 20);
  const days = arg(args, "days", 730);
  const compareDays = arg(args, "compare-days", 30);
  const i = args.indexOf("--platforms");
  const platforms = (i >= 0 ? args[i + 1] : "meta,google,tiktok").split(",") as Platform[];
  const c = stackConfig();
  const env = localIntegrationEnv(c);
  const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
  const keys = await publicKeys(c);
  const fakes = { meta: new MetaFake(), google: new GoogleAdsFake(), tiktok: new TikTokFake() };
  fakes.meta.pollsToComplete = 1;
  const server = new FakeServer(Number(new URL(fakeProvidersUrl(c)).port), fakes.meta, fakes.google, fakes.tiktok);
  await server.start();
  const { sql, done } = await benchDatabase();
  const cleanup = `
    delete from public.workspaces where slug like 'bench-sync-%';
    delete from auth.users where email like '%@bench-sync.test';`;
  await sql.unsafe(cleanup);

  const worker = () =>
    fetch(`${apiUrl(c)}/functions/v1/ads-sync`, {
      method: "POST",
      headers: { apikey: keys.secretKey, authorization: `Bearer ${keys.secretKey}`, "content-type": "application/json" },
      body: "{}",
    }).then((r) => r.text());
  const shape = Math.max(1, Math.round(adsPerCampaign / 10));
  const world = (p: Platform, seed: number, history: number) => {
    const id = p === "meta" ? `act_${9_000_000 + seed}` : p === "google" ? `900-000-${String(seed).padStart(4, "0")}` : String(7_900_000_000 + seed);
    const w = new AdWorld({ accountId: id, currency: "USD", timezone: "UTC", campaigns, adGroupsPerCampaign: shape,
      adsPerAdGroup: Math.round(adsPerCampaign / shape), historyDays: history, seed });
    return (fakes[p] as MetaFake).add(w);
  };
  let seq = 0;
  const workspace = async (label: string) => {
    const n = ++seq;
    const [u] = await sql`insert into auth.users (id, email) values (gen_random_uuid(), ${`u${n}@bench-sync.test`}) returning id`;
    const [w] = await sql`insert into public.workspaces (name, slug, created_by) values (${label}, ${`bench-sync-${n}`}, ${u.id}) returning id`;
    return w.id as string;
  };
  /** A connection with a token; inactive first when the schedule must be set before it connects. */
  const connection = async (ws: string, p: Platform, account: string, schedule?: { backfill_days: number; enabled: boolean }) => {
    const [conn] = await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
      values (${ws}, ${PROVIDER[p]}, ${account}, ${schedule ? "revoked" : "active"}) returning id`;
    await sql`insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
      values (${conn.id}, ${await encryptToken(ring, `bench-token-${p}`)}, ${ring.currentId})`;
    if (schedule) {
      const [a] = await sql`insert into public.ad_accounts (workspace_id, platform, external_account_id, integration_connection_id)
        values (${ws}, ${p}, ${account}, ${conn.id}) returning id`;
      await sql`insert into public.ad_sync_schedules (connection_id, workspace_id, ad_account_id, platform, restatement_days,
          backfill_days, enabled) values (${conn.id}, ${ws}, ${a.id}, ${p}, 28, ${schedule.backfill_days}, ${schedule.enabled})`;
      await sql`update public.integration_connections set status = 'active' where id = ${conn.id}`;
    }
    return conn.id as string;
  };
  /** Waits until the connection's runs settle (calling the worker when nothing moved for 5 s; pg_cron is paused). */
  const settle = async (conn: string) => {
    let last = "", since = Date.now();
    for (;;) {
      const [r] = await sql`select count(*) filter (where status not in ('succeeded', 'dead'))::int as open,
          count(*) filter (where status = 'dead')::int as dead, coalesce(sum(pages), 0)::int as pages
        from public.ad_sync_runs where connection_id = ${conn}`;
      if (r.open === 0) return r.dead as number;
      const now = `${r.open}/${r.pages}`;
      if (now !== last) [last, since] = [now, Date.now()];
      else if (Date.now() - since > 5000) {
        await sql`update private.connector_jobs set next_attempt_at = now() where connection_id = ${conn} and status = 'queued'`;
        void worker();
        since = Date.now();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  try {
    // (a) one window through the sync path, beside the same rows through ingest_ad_metrics
    console.log(`(a) ${compareDays}-day windows of ${campaigns} campaigns x ${adsPerCampaign} ads, sync path vs ingest_ad_metrics`);
    const header = ["platform", "rows", "sync rows/s", "direct rows/s", "ratio", "first window's ratio", "sync API calls", "pages"];
    const table: string[][] = [];
    for (const p of platforms) {
      const w = world(p, 100 + platforms.indexOf(p), 4 * compareDays);
      const syncWs = await workspace(`sync ${p}`);
      const directWs = await workspace(`direct ${p}`);
      const conn = await connection(syncWs, p, w.accountId, { backfill_days: 0, enabled: false });
      const ratios: number[] = [], syncRates: number[] = [], directRates: number[] = [];
      let rows = 0, calls = 0, pages = 0, first = 0;
      // round 0 is the account's first window: the sync creates its campaigns, ad groups and ads
      // there, while the direct side gets them copied outside the clock; the ratio is that of the
      // next two windows (an account's objects exist, as at every sync after the first), and the
      // first window's ratio is printed beside it
      for (let round = 0; round < 3; round++) {
        const from = day(-(round + 1) * compareDays - round), to = day(-round * compareDays - round - 1);
        // statistics as autovacuum keeps them in steady state: the tables were empty at the last
        // analyze, so the planner would take both paths' lookups for scans of a few rows
        await sql`analyze public.ad_campaigns, public.ad_groups, public.ads, public.ad_metrics_daily`;
        // sync: one window, woken by the database at commit
        const t0 = performance.now();
        const [job] = await sql`select private.queue_ad_sync(${conn}, 'backfill', ${from}::date, ${to}::date,
          ${`bench:${conn}:${round}`}, 100::smallint) as id`;
        await settle(conn);
        const syncMs = performance.now() - t0;
        const [run] = await sql`select rows_applied, api_calls, pages from public.ad_sync_runs where job_id = ${job.id}`;
        // direct: the same rows (every level the sync wrote), in batches of the platform's page size
        if (round === 0) {
          await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name, status)
            select ${directWs}, platform, external_id, name, status from public.ad_campaigns where workspace_id = ${syncWs}`;
          await sql`insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name, status)
            select ${directWs}, dc.id, g.platform, g.external_id, g.name, g.status from public.ad_groups g
            join public.ad_campaigns sc on sc.id = g.campaign_id
            join public.ad_campaigns dc on dc.workspace_id = ${directWs} and dc.platform = sc.platform and dc.external_id = sc.external_id
            where g.workspace_id = ${syncWs}`;
          await sql`insert into public.ads (workspace_id, ad_group_id, platform, external_id, name, status)
            select ${directWs}, dg.id, a.platform, a.external_id, a.name, a.status from public.ads a
            join public.ad_groups sg on sg.id = a.ad_group_id
            join public.ad_groups dg on dg.workspace_id = ${directWs} and dg.platform = sg.platform and dg.external_id = sg.external_id
            where a.workspace_id = ${syncWs}`;
        }
        const batches = await directBatches(sql, syncWs, from, to, PAGE[p]);
        if (!batches.length) throw new Error(`the ${p} window ${from}..${to} wrote no rows`);
        const t1 = performance.now();
        for (const b of batches) await sql`select * from public.ingest_ad_metrics(${directWs}, ${sql.json(b as never)})`;
        const directMs = performance.now() - t1;
        const n = batches.reduce((s, b) => s + b.length, 0);
        if (round === 0) {
          first = directMs / syncMs;
          continue;
        }
        rows += n;
        calls += Number(run.api_calls);
        pages += Number(run.pages);
        syncRates.push(n / syncMs * 1000);
        directRates.push(n / directMs * 1000);
        ratios.push(directMs / syncMs);
      }
      table.push([p, fmt(rows, 0), fmt(median(syncRates), 0), fmt(median(directRates), 0), `${fmt(median(ratios), 2)}x`,
        `${fmt(first, 2)}x`, fmt(calls, 0), fmt(pages, 0)]);
    }
    print(header, table);

    // (b) a backfill on first connect, per platform
    console.log(`\n(b) backfill on first connect: ${days} days of ${campaigns} campaigns x ${adsPerCampaign} ads per platform`);
    const rowsB: string[][] = [];
    for (const p of platforms) {
      const w = world(p, 200 + platforms.indexOf(p), days);
      const ws = await workspace(`backfill ${p}`);
      const t0 = performance.now();
      const conn = await connection(ws, p, w.accountId);
      const dead = await settle(conn);
      const ms = performance.now() - t0;
      const [r] = await sql`select count(*)::int as windows, sum(api_calls)::int as calls, sum(pages)::int as pages,
          sum(rows_applied)::int as applied, sum(rows_unchanged)::int as unchanged
        from public.ad_sync_runs where connection_id = ${conn}`;
      const [m] = await sql`select count(*)::int as n from public.ad_metrics_daily where workspace_id = ${ws}`;
      rowsB.push([p, `${fmt(ms / 1000, 1)} s`, fmt(r.windows, 0), fmt(r.calls, 0), fmt(r.pages, 0), fmt(m.n, 0),
        fmt(r.applied, 0), fmt(r.unchanged, 0), fmt(m.n / ms * 1000, 0), String(dead)]);
    }
    print(["platform", "wall", "windows", "API calls", "pages", "daily rows", "rows written", "rows unchanged", "rows/s", "dead"], rowsB);
  } finally {
    await server.stop();
    await done(cleanup);
  }
}

/** The rows the sync wrote for the window, as ingest_ad_metrics takes them, in batches. */
async function directBatches(sql: postgres.Sql, ws: string, from: string, to: string, size: number) {
  const rows = await sql`select m.platform, m.level, coalesce(a.external_id, g.external_id, c.external_id) as external_id,
      m.day::text as day, m.currency, m.spend_cents, m.impressions, m.clicks, m.conversions, m.revenue_cents
    from public.ad_metrics_daily m
    left join public.ads a on m.level = 'ad' and a.id = m.ad_id
    left join public.ad_groups g on m.level = 'ad_group' and g.id = m.ad_group_id
    left join public.ad_campaigns c on m.level = 'campaign' and c.id = m.campaign_id
    where m.workspace_id = ${ws} and m.day between ${from} and ${to}
    order by case m.level when 'ad' then 0 when 'ad_group' then 1 else 2 end, m.day, m.id`;
  const out: Record<string, unknown>[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    out.push(rows.slice(i, i + size).map((r) => ({ ...r, spend_cents: Number(r.spend_cents), impressions: Number(r.impressions),
      clicks: Number(r.clicks), conversions: Number(r.conversions), revenue_cents: Number(r.revenue_cents) })));
  }
  return out;
}

function print(header: string[], rows: string[][]) {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`| ${header.map((h, i) => h.padEnd(w[i])).join(" | ")} |`);
  console.log(`|${w.map((n) => "-".repeat(n + 2)).join("|")}|`);
  for (const r of rows) console.log(`| ${r.map((x, i) => x.padEnd(w[i])).join(" | ")} |`);
}
