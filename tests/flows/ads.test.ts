// Ads as a frontend drives them: campaigns, ingest_ad_metrics, every dashboard RPC right after
// a write (no waiting for the hourly rollup), roles, and the strict-mode dashboard page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { team, type Team, userClient } from "../helpers/api.ts";
import { superuser, userJwt } from "../helpers/stack.ts";
import { loadAdsDashboard } from "../frontend/ads-dashboard.ts";

const sql = superuser();
let t: Team;
const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n)).toISOString().slice(0, 10); // from 2026-10-01

beforeAll(async () => {
  t = await team(sql);
});
afterAll(() => sql.end());

async function campaign(name: string, externalId: string, platform: "meta" | "google" = "meta") {
  const { data, error } = await t.member.from("ad_campaigns")
    .insert({ workspace_id: t.ws.id, platform, external_id: externalId, name }).select("id").single();
  expect(error).toBeNull();
  return data!.id;
}

describe("campaigns and metrics", () => {
  it("a member adds campaigns; a viewer's insert is refused with 403", async () => {
    await campaign("Prospecting", "m-1");
    await campaign("Brand", "g-1", "google");
    const byViewer = await t.viewer.from("ad_campaigns")
      .insert({ workspace_id: t.ws.id, platform: "meta", external_id: "m-x", name: "No" });
    expect([byViewer.status, byViewer.error?.code]).toEqual([403, "42501"]);
    const cross = await t.outsider.from("ad_campaigns")
      .insert({ workspace_id: t.ws.id, platform: "meta", external_id: "m-y", name: "No" });
    expect([cross.status, cross.error?.code]).toEqual([403, "42501"]);
  });

  it("ingest_ad_metrics upserts, and every dashboard reflects it at once", async () => {
    const rows = [
      { platform: "meta", level: "campaign", external_id: "m-1", day: day(0), spend_cents: 10000, impressions: 20000, clicks: 300, conversions: 6, revenue_cents: 30000 },
      { platform: "meta", level: "campaign", external_id: "m-1", day: day(1), spend_cents: 5000, impressions: 10000, clicks: 100, conversions: 2, revenue_cents: 9000 },
      { platform: "google", level: "campaign", external_id: "g-1", day: day(1), spend_cents: 2000, impressions: 1000, clicks: 80, conversions: 4, revenue_cents: 16000 },
    ];
    const first = await t.member.rpc("ingest_ad_metrics", { p_workspace_id: t.ws.id, p_rows: rows });
    expect(first.data).toEqual([{ inserted: 3, updated: 0 }]);
    const retry = await t.member.rpc("ingest_ad_metrics", { p_workspace_id: t.ws.id, p_rows: rows });
    expect(retry.data).toEqual([{ inserted: 0, updated: 3 }]);

    // Expected values by hand: meta 15,000 spend / 39,000 revenue -> ROAS 2.6; google 2,000 / 16,000 -> 8.
    const byPlatform = await t.viewer.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1), p_group_by: "platform" });
    expect(byPlatform.error).toBeNull();
    expect(byPlatform.data!.map((r) => [r.key, r.spend_cents, r.revenue_cents, r.roas])).toEqual([
      ["meta", 15000, 39000, 2.6], ["google", 2000, 16000, 8],
    ]);
    const byDay = await t.viewer.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1), p_group_by: "day" });
    expect(byDay.data!.map((r) => [r.key, r.spend_cents])).toEqual([[day(0), 10000], [day(1), 7000]]);
    const byCampaign = await t.viewer.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1), p_group_by: "campaign" });
    // Prospecting: 15,000 spend / 8 conversions = CPA 1,875; CTR 400 / 30,000 = 0.013333.
    expect(byCampaign.data![0]).toMatchObject({ label: "Prospecting", spend_cents: 15000, cpa_cents: 1875, ctr: 0.013333 });
    const blended = await t.viewer.rpc("ads_blended_roas", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1) });
    // 17,000 spend, 55,000 platform revenue -> 3.2353; no orders in this workspace -> MER 0.
    expect(blended.data).toEqual({ ad_spend_cents: 17000, platform_revenue_cents: 55000, order_revenue_cents: 0, orders: 0, platform_roas: 3.2353, mer: 0 });
    const tile = await t.viewer.rpc("ads_roas_tile", { p_workspace_id: t.ws.id, p_today: day(2) });
    expect(tile.data).toEqual({ spend_cents: 17000, revenue_cents: 55000, roas: 3.2353, previous_roas: null, change: null });
  });

  it("bad rows are a 400 naming row and field, nothing written; a viewer cannot ingest", async () => {
    const bad = await t.member.rpc("ingest_ad_metrics", {
      p_workspace_id: t.ws.id,
      p_rows: [{ platform: "meta", level: "campaign", external_id: "m-1", day: day(5), spend_cents: 1 },
               { platform: "meta", level: "campaign", external_id: "nope", day: day(5) }],
    });
    expect([bad.status, bad.error?.code, bad.error?.message]).toEqual([400, "22023", "rows[1].external_id: no campaign nope in this workspace"]);
    const none = await t.viewer.from("ad_metrics_daily").select("id").eq("workspace_id", t.ws.id).eq("day", day(5));
    expect(none.data).toEqual([]);
    const byViewer = await t.viewer.rpc("ingest_ad_metrics", { p_workspace_id: t.ws.id, p_rows: [] });
    expect([byViewer.status, byViewer.error?.code]).toEqual([403, "42501"]);
  });

  it("another workspace's member and anon get no dashboard", async () => {
    const cross = await t.outsider.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1), p_group_by: "platform" });
    expect([cross.status, cross.error?.code]).toEqual([403, "42501"]);
    const anon = await t.anon.rpc("ads_blended_roas", { p_workspace_id: t.ws.id, p_from: day(0), p_to: day(1) });
    expect(anon.status).toBe(401);
    const range = await t.viewer.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: day(1), p_to: day(0), p_group_by: "day" });
    expect([range.status, range.error?.code]).toEqual([400, "22023"]);
  });
});

describe("the strict-mode dashboard page", () => {
  it("renders zero-spend data without throwing: every NULL ratio shows as a dash", async () => {
    const empty = await team(sql);
    const id = (await empty.member.from("ad_campaigns")
      .insert({ workspace_id: empty.ws.id, platform: "meta", external_id: "z-1", name: "Zero" }).select("id").single()).data!.id;
    expect(id).toBeTruthy();
    await empty.member.rpc("ingest_ad_metrics", {
      p_workspace_id: empty.ws.id,
      p_rows: [{ platform: "meta", level: "campaign", external_id: "z-1", day: day(0), spend_cents: 0, impressions: 0 }],
    });
    const view = await loadAdsDashboard(empty.viewer, empty.ws.id, day(0), day(1));
    expect(view).toEqual({
      spend: "$0.00", mer: "—", platformRoas: "—", tileRoas: "—", tileChange: "—",
      campaigns: [{ name: "Zero", spend: "$0.00", roas: "—", cpa: "—", ctr: "—" }],
    });
  });

  it("renders the demo brand's last 30 days with numbers (the seed a newcomer starts with)", async () => {
    const viewer = await userClient(await userJwt("00000000-0000-4000-8000-000000000004", "viewer@demo.test"));
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
    const view = await loadAdsDashboard(viewer, "10000000-0000-4000-8000-000000000001", monthAgo, today);
    expect(view.spend).toMatch(/^\$\d{3,},?\d*\.\d{2}$/);
    expect(view.mer).toMatch(/^\d+\.\d{2}x$/);
    expect(view.tileRoas).toMatch(/^\d+\.\d{2}x$/);
    expect(view.campaigns.length).toBeGreaterThanOrEqual(5);
  });
});
