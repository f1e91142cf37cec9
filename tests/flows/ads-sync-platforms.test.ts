// Google Ads and TikTok through the running stack: connected by OAuth (Google with PKCE, TikTok's
// auth_code), synced by the same worker. Google: GAQL through searchStream with the developer
// token and login customer id, micros converted exactly, rows at ad group and ad level, the
// restatement window following the longest conversion window, RESOURCE_EXHAUSTED's retryDelay,
// an expired access token refreshed once. TikTok: paged reports, deleted objects, code 40100.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { adFakes, connect, currentToken, runAdsSync, settled, waitFor } from "../helpers/ads.ts";
import { AdWorld, day } from "../helpers/fakes/ad_world.ts";
import { config, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fakes = adFakes();
const env = localIntegrationEnv(config);
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const today = day(0);

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await sql.end();
});

const totalsBy = (connection: string, level: string) =>
  sql`select sum(m.spend_cents)::int as spend, sum(m.impressions)::int as impressions, sum(m.clicks)::int as clicks,
        sum(m.conversions)::int as conversions, sum(m.revenue_cents)::int as revenue, count(*)::int as rows
      from public.ad_metrics_daily m join public.ad_accounts a on a.id = m.ad_account_id
      where a.integration_connection_id = ${connection} and m.level = ${level}::public.ad_level`.then((r) => r[0]);

let windows = 0;
async function queue(connection: string) {
  const [r] = await sql`select private.queue_ad_sync(${connection}, 'recent', ${day(-2)}::date, ${today}::date,
    ${`platform-test:${++windows}`}, 10::smallint) as job_id`;
  return String(r.job_id);
}
const run = async (jobId: string) =>
  (await sql`select status::text, error, extract(epoch from next_attempt_at - now()) as due_in_s from public.ad_sync_runs where job_id = ${jobId}`)[0];

describe("Google Ads", () => {
  let world: AdWorld;
  let conn: string;

  it("syncs through searchStream with the developer token and login customer id, in exact micros", async () => {
    const n = Number.parseInt(ws.tag, 16) % 1_000_000_000;
    world = fakes.google.add(new AdWorld({ accountId: `${n}`.padStart(10, "7").replace(/^(\d{3})(\d{3})(\d{4}).*/, "$1-$2-$3"),
      currency: "JPY", timezone: "Asia/Tokyo", campaigns: 2, adGroupsPerCampaign: 2, adsPerAdGroup: 2, historyDays: 20, seed: 5 }));
    fakes.google.conversionWindowDays = 45;
    conn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "google_ads", world.accountId);
    const all = await settled(sql, conn, 120_000);
    expect(all.every((r) => r.status === "succeeded")).toBe(true);
    const call = fakes.google.calls(":searchStream")[0];
    expect(call.path).toBe(`/v21/customers/${world.accountId.replace(/-/g, "")}/googleAds:searchStream`);
    expect([call.headers["developer-token"], call.headers["login-customer-id"]]).toEqual([env.GOOGLE_ADS_DEVELOPER_TOKEN, env.GOOGLE_ADS_LOGIN_CUSTOMER_ID]);
    expect(String(call.headers.authorization)).toMatch(/^Bearer ya29_/);
    const [a] = await sql`select currency, timezone from public.ad_accounts where integration_connection_id = ${conn}`;
    expect(a).toEqual({ currency: "JPY", timezone: "Asia/Tokyo" });
    const t = world.totals(day(-20), today);
    // yen have no minor unit: micros / 1,000,000, exactly
    expect(await totalsBy(conn, "campaign")).toEqual({ spend: t.spendMinor, impressions: t.impressions, clicks: t.clicks,
      conversions: t.purchases, revenue: t.revenueMinor, rows: 2 * 21 });
    expect((await totalsBy(conn, "ad_group")).rows).toBe(4 * 21);
    expect((await totalsBy(conn, "ad")).rows).toBe(8 * 21);
    const [c] = await sql`select daily_budget_cents from public.ad_campaigns where workspace_id = ${ws.id} and external_id = ${world.campaigns[0].id}`;
    expect(Number(c.daily_budget_cents)).toBe(world.campaigns[0].dailyBudgetMinor);
    const [s] = await sql`select restatement_days from public.ad_sync_schedules where connection_id = ${conn}`;
    expect(s.restatement_days).toBe(45); // the longest enabled conversion window
  }, 150_000);

  it("RESOURCE_EXHAUSTED waits for its retryDelay", async () => {
    fakes.google.fail({ kind: "throttle", seconds: 42 });
    const job = await queue(conn);
    const r = await waitFor("the window to wait", () => run(job), (x) => x?.status === "waiting");
    expect(r.error).toMatch(/^Google Ads RESOURCE_EXHAUSTED/);
    const [c] = await sql`select health::text, extract(epoch from throttled_until - now()) as s from public.integration_connections where id = ${conn}`;
    expect(c.health).toBe("rate_limited");
    expect(Number(c.s)).toBeGreaterThan(35);
    expect(Number(c.s)).toBeLessThanOrEqual(42);
    await sql`update public.integration_connections set throttled_until = now() where id = ${conn}`;
    await sql`update private.connector_jobs set next_attempt_at = now() where id = ${job}`;
    await runAdsSync();
    await waitFor("the window to succeed", () => run(job), (x) => x?.status === "succeeded");
  }, 60_000);

  it("an expired access token is refreshed once and the call made again", async () => {
    const old = await currentToken(sql, fakes, conn);
    fakes.google.expired.add(old);
    const refreshes = fakes.oauth.calls("/google/token").length;
    const job = await queue(conn);
    await waitFor("the window to succeed", () => run(job), (x) => x?.status === "succeeded");
    expect(fakes.oauth.calls("/google/token").length).toBe(refreshes + 1);
    const fresh = await currentToken(sql, fakes, conn);
    expect(fresh).not.toBe(old);
    const [c] = await sql`select health::text from public.integration_connections where id = ${conn}`;
    expect(c.health).toBe("ok");
    const [audit] = await sql`select count(*)::int as n from public.audit_log where table_name = 'integration_tokens'
      and record_id = ${conn} and reason = 'token refresh'`;
    expect(audit.n).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe("TikTok", () => {
  let world: AdWorld;
  let conn: string;

  it("connects with TikTok's auth_code and syncs paged reports, deleted objects included", async () => {
    const n = 7_000_000_000 + (Number.parseInt(ws.tag, 16) % 1_000_000_000);
    world = fakes.tiktok.add(new AdWorld({ accountId: String(n), currency: "EUR", timezone: "Europe/Paris", campaigns: 2,
      adGroupsPerCampaign: 1, adsPerAdGroup: 3, historyDays: 10, seed: 6 }));
    world.ads[5].status = "deleted";
    fakes.tiktok.pageSize = 5;
    conn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "tiktok", world.accountId);
    expect(fakes.oauth.calls("/tiktok/oauth2/access_token/").map((r) => r.json)).toContainEqual(
      { app_id: env.TIKTOK_APP_ID, secret: env.TIKTOK_APP_SECRET, auth_code: "the-code" });
    const all = await settled(sql, conn, 120_000);
    expect(all.every((r) => r.status === "succeeded")).toBe(true);
    const reports = fakes.tiktok.calls("/report/integrated/get/");
    expect(reports.every((r) => String(r.headers["access-token"]).startsWith("tt_"))).toBe(true);
    const recent = reports.filter((r) => r.query.get("start_date") === day(-2)).map((r) => Number(r.query.get("page")));
    expect(recent).toEqual([1, 2, 3, 4]); // the recent window: 6 ads x 3 days in pages of 5
    const t = world.totals(day(-10), today);
    expect(await totalsBy(conn, "campaign")).toEqual({ spend: t.spendMinor, impressions: t.impressions, clicks: t.clicks,
      conversions: t.purchases, revenue: t.revenueMinor, rows: 2 * 11 });
    const [ad] = await sql`select status::text from public.ads where workspace_id = ${ws.id} and external_id = ${world.ads[5].id}`;
    expect(ad.status).toBe("deleted");
  }, 150_000);

  it("code 40100 throttles the connection; 40105 needs it reconnected", async () => {
    fakes.tiktok.fail({ kind: "throttle", seconds: 60 });
    const job = await queue(conn);
    const r = await waitFor("the window to wait", () => run(job), (x) => x?.status === "waiting");
    expect(r.error).toBe("TikTok error 40100: Requests made too frequently. Please try again later.");
    await sql`update public.integration_connections set throttled_until = now() where id = ${conn}`;
    fakes.tiktok.expired.add(await currentToken(sql, fakes, conn));
    await sql`update private.connector_jobs set next_attempt_at = now() where id = ${job}`;
    await runAdsSync();
    await waitFor("the connection to need reconnecting", () => sql`select health::text from public.integration_connections where id = ${conn}`,
      (x) => x[0].health === "reauth_required");
  }, 60_000);
});
