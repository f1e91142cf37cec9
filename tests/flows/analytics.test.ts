// Analytics through the gateway: the HotDash tiles in one call (typed with their nulls), CEO
// briefings for owners and admins only, event tracking caps, social engagement.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { serviceClient, userClient } from "../helpers/api.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
type Ws = Awaited<ReturnType<typeof workspaceWithRoles>>;
let ws: Ws;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
});

afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await sql.end();
});

describe("dashboard tiles", () => {
  it("one call returns every tile; an empty workspace has zeros and NULL ratios, typed as nullable", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const { data, error, status } = await viewer.rpc("dashboard_tiles", { p_workspace_id: ws.id, p_today: "2026-11-20" });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toMatchObject({
      as_of: "2026-11-20", revenue_cents: 0, revenue_change: null, orders: 0, average_order_cents: null,
      skus_tracked: 0, roas: null, pending_approvals: 0, open_errors: 0,
    });
    // A strict-mode frontend must handle the nulls: the generated types say so.
    expectTypeOf(data!.roas).toEqualTypeOf<number | null>();
    expectTypeOf(data!.revenue_change).toEqualTypeOf<number | null>();
  });

  it("counts what the caller just wrote (orders and approvals are read fresh)", async () => {
    const service = await serviceClient();
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await service.rpc("upsert_orders", {
      p_workspace_id: ws.id,
      p_orders: [{ shopify_order_id: "t1", currency: "EUR", total_price_cents: 4200, processed_at: yesterday }],
    });
    await service.from("agent_approvals").insert({ workspace_id: ws.id, action: "other", title: "Fresh", priority: "urgent" });
    const viewer = await userClient(ws.people.viewer.jwt);
    const { data } = await viewer.rpc("dashboard_tiles", { p_workspace_id: ws.id, p_today: today });
    expect(data).toMatchObject({ revenue_currency: "EUR", revenue_cents: 4200, orders: 1, average_order_cents: 4200,
      pending_approvals: 1, urgent_approvals: 1 });
  });

  it("someone outside the workspace gets 403", async () => {
    const other = await workspaceWithRoles(sql);
    try {
      const r = await (await userClient(other.people.owner.jwt)).rpc("dashboard_tiles", { p_workspace_id: ws.id });
      expect([r.status, r.error?.code]).toEqual([403, "42501"]);
    } finally {
      await sql`delete from public.workspaces where id = ${other.id}`;
      await sql`delete from auth.users where email like ${"%-" + other.tag + "@test.local"}`;
    }
  });
});

describe("CEO briefings", () => {
  it("owners and admins read and rate; members and viewers see none", async () => {
    const service = await serviceClient();
    const b = await service.from("ceo_briefings").insert({
      workspace_id: ws.id, kind: "weekly", period_start: "2026-11-09", period_end: "2026-11-15", executive_summary: "A good week.",
    }).select("id").single();
    expect(b.error).toBeNull();
    for (const who of [ws.people.member, ws.people.viewer]) {
      const r = await (await userClient(who.jwt)).from("ceo_briefings").select("*").eq("workspace_id", ws.id);
      expect([r.status, r.data]).toEqual([200, []]);
    }
    const owner = await userClient(ws.people.owner.jwt);
    const seen = await owner.from("ceo_briefings").select("executive_summary").eq("workspace_id", ws.id);
    expect(seen.data).toEqual([{ executive_summary: "A good week." }]);
    const admin = await userClient(ws.people.admin.jwt);
    const rated = await admin.from("ceo_briefings").update({ rating: 5, feedback_notes: "More on cash" }).eq("id", b.data!.id)
      .select("rating, rated_by").single();
    expect(rated.data).toEqual({ rating: 5, rated_by: ws.people.admin.id });
    const bad = await admin.from("ceo_briefings").update({ rating: 9 }).eq("id", b.data!.id);
    expect([bad.status, bad.error?.code]).toEqual([400, "23514"]);
  });
});

describe("events and social", () => {
  it("tracks a batch, refuses over 500 with 413, and computes engagement on ingest", async () => {
    const member = await userClient(ws.people.member.jwt);
    const ok = await member.rpc("track_events", { p_workspace_id: ws.id, p_events: [{ event_name: "page.view", page: "/" }] });
    expect(ok.data).toBe(1);
    const big = await member.rpc("track_events", {
      p_workspace_id: ws.id, p_events: Array.from({ length: 501 }, () => ({ event_name: "page.view" })),
    });
    expect([big.status, big.error?.code]).toEqual([413, "PT413"]);

    const post = await member.from("social_posts").insert({ workspace_id: ws.id, platform: "instagram", caption: "Drop" })
      .select("id").single();
    const service = await serviceClient();
    const m = await service.from("social_analytics").insert({
      workspace_id: ws.id, social_post_id: post.data!.id, platform: "instagram", measured_at: new Date().toISOString(),
      likes: 12, comments: 3, shares: 4, saves: 1, reach: 400,
    }).select("engagements, engagement_rate").single();
    // (12 + 3 + 4 + 1) / 400 = 0.05
    expect(m.data).toEqual({ engagements: 20, engagement_rate: 0.05 });
  });
});
