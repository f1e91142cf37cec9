// The ads sync as a brand meets it, through the running stack: an admin connects a Meta ad
// account (OAuth); the database queues the first windows and wakes the worker, which backfills
// two years in chunks (asynchronous report runs, cursor paging, partial pages) with nobody calling
// it; the dashboards read the platform's numbers at once; an hourly sync picks up a rename, a
// paused ad set and a removed ad and writes nothing else; a restatement rewrites only the day the
// platform revised; runs and health are visible to the frontend; a second account in another
// currency makes the dashboards refuse to add up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, userClient } from "../helpers/api.ts";
import { adFakes, connect, queueWindowsAt, settled } from "../helpers/ads.ts";
import { AdWorld, day } from "../helpers/fakes/ad_world.ts";
import { loadAdSyncStatus } from "../frontend/ad-sync-status.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fakes = adFakes();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let viewer: Client;
let admin: Client;
let world: AdWorld;
let conn: string;
const today = day(0);

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
  viewer = await userClient(ws.people.viewer.jwt);
  admin = await userClient(ws.people.admin.jwt);
  const n = Number.parseInt(ws.tag, 16) % 1_000_000_000;
  world = fakes.meta.add(new AdWorld({
    accountId: `act_${n}`, currency: "USD", timezone: "UTC", campaigns: 2, adGroupsPerCampaign: 2, adsPerAdGroup: 3,
    historyDays: 45, seed: 1,
  }));
  fakes.meta.pageSize = 7; // pages shorter than the client's limit, with a next cursor
  fakes.meta.pollsToComplete = 1;
});

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await sql.end();
});

const campaignRows = (from: string, to: string) =>
  sql`select c.external_id, sum(m.spend_cents)::int as spend, sum(m.impressions)::int as impressions,
        sum(m.clicks)::int as clicks, sum(m.conversions)::int as conversions, sum(m.revenue_cents)::int as revenue
      from public.ad_metrics_daily m join public.ad_campaigns c on c.id = m.campaign_id
      where m.workspace_id = ${ws.id} and m.level = 'campaign' and m.day between ${from} and ${to}
      group by c.external_id order by 1`;

describe("connect and backfill", () => {
  it("connecting makes the account, its schedule and the first windows, and the worker backfills two years unasked", async () => {
    conn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", world.accountId);
    const { data: schedule } = await admin.from("ad_sync_schedules").select("*").eq("connection_id", conn).single();
    expect(schedule).toMatchObject({ platform: "meta", enabled: true, recent_days: 3, restatement_days: 28, backfill_days: 730 });
    const all = await settled(sql, conn, 90_000);
    expect(all.map((r) => r.status)).toEqual(all.map(() => "succeeded"));
    expect(all.filter((r) => r.kind === "backfill")).toHaveLength(25); // 730 days, newest first, 30 days a chunk
    expect(all.find((r) => r.kind === "recent")).toMatchObject({ window_from: day(-2), window_to: today });
    const oldest = all.filter((r) => r.kind === "backfill").map((r) => r.window_from).sort()[0];
    expect(oldest).toBe(day(-729));
    // windows over 8 days were asynchronous report runs (polled once each); short ones read insights directly
    const long = all.filter((r) => (Date.parse(r.window_to) - Date.parse(r.window_from)) / 86_400_000 + 1 > 8).length;
    expect(long).toBe(25); // the restatement and 24 chunks; the oldest chunk is 7 days
    expect(fakes.meta.calls(/^\/v21\.0\/act_\d+\/insights$/).filter((r) => r.method === "POST")).toHaveLength(long);
    expect(fakes.meta.calls(/^\/v21\.0\/\d+$/)).toHaveLength(long);
  }, 120_000);

  it("stores the account, the hierarchy with budgets in minor units, and exact daily rows", async () => {
    const [a] = await sql`select name, currency, timezone, integration_connection_id from public.ad_accounts
      where workspace_id = ${ws.id} and platform = 'meta'`;
    expect(a).toEqual({ name: world.name, currency: "USD", timezone: "UTC", integration_connection_id: conn });
    const { data: campaigns } = await viewer.from("ad_campaigns").select("external_id, name, status, objective, daily_budget_cents")
      .eq("workspace_id", ws.id).order("external_id");
    expect(campaigns).toEqual(world.campaigns.map((c) => ({
      external_id: c.id, name: c.name, status: "active", objective: "OUTCOME_SALES", daily_budget_cents: c.dailyBudgetMinor,
    })));
    const [{ n }] = await sql`select count(*)::int as n from public.ad_metrics_daily where workspace_id = ${ws.id} and level = 'ad'`;
    expect(n).toBe(world.ads.length * 46);
    const expected = world.campaigns.map((c) => {
      const t = world.totals(day(-45), today, c.id);
      return { external_id: c.id, spend: t.spendMinor, impressions: t.impressions, clicks: t.clicks, conversions: t.purchases, revenue: t.revenueMinor };
    });
    expect(await campaignRows(day(-45), today)).toEqual(expected);
  });

  it("the viewer's dashboards read the platform's numbers", async () => {
    const t = world.totals(day(-29), today);
    const byPlatform = await viewer.rpc("ads_dashboard", { p_workspace_id: ws.id, p_from: day(-29), p_to: today, p_group_by: "platform" });
    expect(byPlatform.error).toBeNull();
    expect(byPlatform.data).toEqual([expect.objectContaining({ key: "meta", spend_cents: t.spendMinor, revenue_cents: t.revenueMinor,
      impressions: t.impressions, clicks: t.clicks })]);
    const byCampaign = await viewer.rpc("ads_dashboard", { p_workspace_id: ws.id, p_from: day(-29), p_to: today, p_group_by: "campaign" });
    expect(byCampaign.data!.map((r) => r.label).sort()).toEqual(["Campaign 1", "Campaign 2"]);
  });

  it("shows runs to viewers, and the connection's health to admins", async () => {
    const { data: rs } = await viewer.from("ad_sync_runs").select("*").eq("workspace_id", ws.id);
    expect(rs!.length).toBe(27);
    const recent = rs!.find((r) => r.kind === "recent")!;
    expect(recent).toMatchObject({ status: "succeeded", error: null, next_attempt_at: null, rows_rejected: 0 });
    expect(recent.api_calls).toBeGreaterThanOrEqual(1 + 3 + 6); // the account, three lists, rows in pages of 7
    expect(recent.pages).toBeGreaterThan(5);
    expect(recent.rows_applied).toBeGreaterThan(0);
    const { data: c } = await admin.from("integration_connections").select("health, last_success_at, throttled_until").eq("id", conn).single();
    expect(c).toMatchObject({ health: "ok", throttled_until: null });
    expect(c!.last_success_at).not.toBeNull();
    const panel = await loadAdSyncStatus(admin, ws.id);
    expect(panel).toEqual([{ account: world.accountId, health: "ok", says: "syncing", windows: expect.any(Array) }]);
    expect(panel[0].windows.every((w) => w.state === "done")).toBe(true);
    const outsider = await userClient((await workspaceWithRoles(sql)).people.owner.jwt);
    expect((await outsider.from("ad_sync_runs").select("*").eq("workspace_id", ws.id)).data).toEqual([]);
  });
});

describe("later syncs change only what the platform changed", () => {
  it("an hourly sync brings a rename, a paused ad set and a removed ad, and rewrites no daily row", async () => {
    world.campaigns[0].name = "Prospecting (renamed)";
    world.adGroups[1].status = "paused";
    world.ads[0].status = "deleted";
    const before = await sql`select id, updated_at from public.ad_metrics_daily where workspace_id = ${ws.id} order by id`;
    expect(await queueWindowsAt(sql, conn, "61 minutes")).toBe(1); // the recent window only
    const all = await settled(sql, conn);
    const recent = all.filter((r) => r.kind === "recent").at(-1)!;
    expect(recent).toMatchObject({ status: "succeeded", rows_applied: 3, rows_rejected: 0 });
    expect(recent.rows_unchanged).toBeGreaterThan(world.ads.length * 3);
    const { data: objs } = await viewer.from("ad_campaigns").select("name, ad_groups(external_id, status, ads(external_id, status))")
      .eq("workspace_id", ws.id).eq("external_id", world.campaigns[0].id).single();
    expect(objs!.name).toBe("Prospecting (renamed)");
    const groups = Object.fromEntries(objs!.ad_groups.map((g) => [g.external_id, g]));
    expect(groups[world.adGroups[1].id].status).toBe("paused");
    expect(groups[world.adGroups[0].id].ads.find((a) => a.external_id === world.ads[0].id)!.status).toBe("deleted");
    const after = await sql`select id, updated_at from public.ad_metrics_daily where workspace_id = ${ws.id} order by id`;
    expect(after).toEqual(before);
  }, 60_000);

  it("a restatement rewrites the day the platform revised, and only it", async () => {
    const revised = day(-10);
    world.restate(revised);
    await queueWindowsAt(sql, conn, "1 day");
    const all = await settled(sql, conn);
    const restatement = all.filter((r) => r.kind === "restatement").at(-1)!;
    expect([restatement.window_from, restatement.window_to]).toEqual([day(-29), day(-2)]);
    const changedAds = world.ads.filter((a) => world.row(a, revised)).length;
    // the ads of the day, their ad sets and campaigns; the recent window queued with it changed nothing
    expect(restatement.rows_applied).toBe(changedAds + world.adGroups.length + world.campaigns.length);
    expect(all.filter((r) => r.kind === "recent").at(-1)!.rows_applied).toBe(0);
    const expected = world.campaigns.map((c) => {
      const t = world.totals(revised, revised, c.id);
      return { external_id: c.id, spend: t.spendMinor, impressions: t.impressions, clicks: t.clicks, conversions: t.purchases, revenue: t.revenueMinor };
    });
    expect(await campaignRows(revised, revised)).toEqual(expected);
    const day2 = await viewer.rpc("ads_dashboard", { p_workspace_id: ws.id, p_from: revised, p_to: revised, p_group_by: "day" });
    expect(day2.data![0].spend_cents).toBe(world.totals(revised, revised).spendMinor);
  }, 60_000);

  it("an admin pauses the schedule; nothing more is queued until it is resumed", async () => {
    const paused = await admin.from("ad_sync_schedules").update({ enabled: false }).eq("connection_id", conn).select("enabled");
    expect(paused.data).toEqual([{ enabled: false }]);
    expect(await queueWindowsAt(sql, conn, "3 days")).toBe(0);
    const member = await userClient(ws.people.member.jwt);
    const byMember = await member.from("ad_sync_schedules").update({ enabled: true }).eq("connection_id", conn).select();
    expect(byMember.data).toEqual([]); // members do not see schedules, let alone change them
    await admin.from("ad_sync_schedules").update({ enabled: true }).eq("connection_id", conn);
    expect(await queueWindowsAt(sql, conn, "3 days")).toBe(2);
    await settled(sql, conn);
  }, 60_000);
});

describe("currencies", () => {
  it("a second account in EUR makes the dashboards refuse to add up and say which currencies they hold", async () => {
    const n = (Number.parseInt(ws.tag, 16) + 7) % 1_000_000_000;
    const eur = fakes.meta.add(new AdWorld({ accountId: `act_${n}`, currency: "EUR", timezone: "Europe/Berlin", campaigns: 1,
      adGroupsPerCampaign: 1, adsPerAdGroup: 1, historyDays: 5, seed: 2 }));
    const eurConn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", eur.accountId);
    await settled(sql, eurConn, 90_000);
    const [a] = await sql`select currency, timezone from public.ad_accounts where integration_connection_id = ${eurConn}`;
    expect(a).toEqual({ currency: "EUR", timezone: "Europe/Berlin" });
    const refused = await viewer.rpc("ads_dashboard", { p_workspace_id: ws.id, p_from: day(-5), p_to: today, p_group_by: "platform" });
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({ code: "PT409" });
    expect(refused.error!.message).toContain("EUR, USD");
    expect(JSON.parse(refused.error!.details!)).toEqual({ currencies: ["EUR", "USD"] });
    const held = await viewer.rpc("ads_currencies", { p_workspace_id: ws.id, p_from: day(-5), p_to: today });
    expect(held.data!.map((r) => r.currency).sort()).toEqual(["EUR", "USD"]);
    expect(held.data!.find((r) => r.currency === "EUR")!.spend_cents).toBe(eur.totals(day(-5), today).spendMinor);
    // a range before the EUR account had spend still adds up
    const older = await viewer.rpc("ads_dashboard", { p_workspace_id: ws.id, p_from: day(-40), p_to: day(-10), p_group_by: "platform" });
    expect(older.error).toBeNull();
  }, 120_000);
});
