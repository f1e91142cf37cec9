// Attribution through the gateway: the storefront records landings and sign-ins with the
// publishable key, orders arrive from the server, the dashboard reads ROAS per channel under a
// model, and the server-side pixel reports deliveries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, type Client, serviceClient, userClient } from "../helpers/api.ts";
import { anonKey, api, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import type { Database } from "../../types/database.ts";
import { loadRoasByChannel } from "../frontend/growth-dashboard.ts";

type ReportRow = Database["public"]["Views"]["attribution_report_row"]["Row"];

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let storefront: Client;
let service: Client;
const today = new Date().toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  storefront = await anonClient();
  service = await serviceClient();
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

/** How a dashboard prints ROAS: a dash where there was no spend. */
function roasLabel(row: ReportRow): string {
  return row.roas === null ? "-" : `${row.roas.toFixed(2)}x`;
}

/** A storefront's raw POST of an RPC with the publishable key: status and body as the browser sees them. */
async function storefrontPost(rpc: string, body: Record<string, unknown>): Promise<[number, string]> {
  const res = await fetch(`${api}/rest/v1/rpc/${rpc}`, {
    method: "POST",
    headers: { apikey: await anonKey(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return [res.status, await res.text()];
}

describe("identify_visitor is no customer oracle", () => {
  it("answers a customer's and a stranger's token alike, and the publishable key cannot mint one", async () => {
    const shop = await workspaceWithRoles(sql);
    const known = `known-${shop.tag}@example.com`;
    await service.rpc("upsert_orders", {
      p_workspace_id: shop.id,
      p_orders: [{ shopify_order_id: `oracle-${shop.tag}`, email: known, currency: "USD", total_price_cents: 100,
        processed_at: new Date().toISOString() }],
    });
    const answers = [];
    for (const [visitor, email] of [["oracle-a", known], ["oracle-b", `stranger-${shop.tag}@example.com`]]) {
      const minted = await service.rpc("create_visitor_identity_token", { p_workspace_id: shop.id, p_visitor_id: visitor, p_email: email });
      expect(minted.error).toBeNull();
      answers.push(await storefrontPost("identify_visitor", {
        p_workspace_id: shop.id, p_visitor_id: visitor, p_identity_token: minted.data![0].token,
      }));
    }
    expect(answers[0]).toEqual(answers[1]);
    const guess = await storefront.rpc("create_visitor_identity_token", { p_workspace_id: shop.id, p_visitor_id: "oracle-c", p_email: known });
    expect([guess.status, guess.error?.code]).toEqual([401, "42501"]);
    const [oldStatus] = await storefrontPost("identify_visitor", { p_workspace_id: shop.id, p_visitor_id: "oracle-c", p_email: known });
    expect(oldStatus).toBe(404);
    await dropWorkspace(sql, shop.tag);
  });
});

describe("a journey from landing to order", () => {
  it("records landings with the publishable key and refuses bad input with 400", async () => {
    const landing = await storefront.rpc("track_touchpoint", {
      p_workspace_id: ws.id, p_visitor_id: "flow-phone",
      p_landing_url: "https://shop.test/?utm_source=facebook&utm_medium=paid_social&utm_campaign=flow-bfcm&fbclid=x",
      p_device: { fingerprint: "fp-phone", type: "mobile" },
    });
    expect(landing.error).toBeNull();
    expect(typeof landing.data).toBe("number");
    const bad = await storefront.rpc("track_touchpoint", { p_workspace_id: ws.id, p_visitor_id: "flow-phone", p_landing_url: "ftp://x" });
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("22023");
    const nowhere = await storefront.rpc("track_touchpoint", {
      p_workspace_id: crypto.randomUUID(), p_visitor_id: "flow-phone", p_landing_url: "/",
    });
    expect(nowhere.status).toBe(404);
  });

  it("credits the order to the landing once the phone is identified, and reports ROAS against spend", async () => {
    const order = await service.rpc("upsert_orders", {
      p_workspace_id: ws.id,
      p_orders: [{
        shopify_order_id: `flow-${ws.tag}`, email: `buyer-${ws.tag}@example.com`, currency: "USD", total_price_cents: 12000,
        processed_at: new Date().toISOString(), visitor_id: "flow-laptop",
      }],
    });
    expect(order.error).toBeNull();
    // The shop's server mints the signed-in buyer's token (secret key); the page passes it on.
    const minted = await service.rpc("create_visitor_identity_token", {
      p_workspace_id: ws.id, p_visitor_id: "flow-phone", p_email: `Buyer-${ws.tag}@example.com`,
    });
    expect(minted.error).toBeNull();
    const identified = await storefront.rpc("identify_visitor", {
      p_workspace_id: ws.id, p_visitor_id: "flow-phone", p_identity_token: minted.data![0].token,
    });
    expect([identified.status, identified.error]).toEqual([204, null]);

    await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name, utm_campaign)
              values (${ws.id}, 'meta', ${"m-" + ws.tag}, 'Flow BFCM', 'flow-bfcm')`;
    await sql`insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents)
              select workspace_id, platform, 'campaign', id, id, current_date, 4000 from public.ad_campaigns where external_id = ${"m-" + ws.tag}`;

    const viewer = await userClient(ws.people.viewer.jwt);
    const report = await viewer.rpc("attribution_report", {
      p_workspace_id: ws.id, p_from: monthAgo, p_to: today, p_model: "first_touch", p_group_by: "channel",
    });
    expect(report.error).toBeNull();
    const rows = report.data as ReportRow[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: "paid_social", attributed_revenue_cents: 12000, spend_cents: 4000, roas: 3 });
    expect(roasLabel(rows[0])).toBe("3.00x");
    const page = await loadRoasByChannel(viewer, ws.id, monthAgo, today, "time_decay");
    expect(page).toEqual([{ channel: "paid_social", revenue: "$120.00", conversions: "1.00", spend: "$40.00", roas: "3.00x" }]);

    const byCampaign = await viewer.rpc("attribution_report", {
      p_workspace_id: ws.id, p_from: monthAgo, p_to: today, p_model: "linear", p_group_by: "campaign",
    });
    expect((byCampaign.data as ReportRow[]).map((r) => r.label)).toEqual(["Flow BFCM"]);
  });

  it("answers 400 for a reversed range and 403 for another workspace's report", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const reversed = await viewer.rpc("attribution_report", { p_workspace_id: ws.id, p_from: today, p_to: monthAgo });
    expect(reversed.status).toBe(400);
    const other = await workspaceWithRoles(sql);
    const foreign = await viewer.rpc("attribution_report", { p_workspace_id: other.id, p_from: monthAgo, p_to: today });
    expect(foreign.status).toBe(403);
    expect(foreign.error?.code).toBe("42501");
    await sql`delete from public.workspaces where id = ${other.id}`;
  });

  it("lets admins, not members, set the lookback", async () => {
    const member = await userClient(ws.people.member.jwt);
    const denied = await member.from("attribution_settings").insert({ workspace_id: ws.id, lookback_days: 14 });
    expect(denied.status).toBe(403);
    const admin = await userClient(ws.people.admin.jwt);
    const ok = await admin.from("attribution_settings").insert({ workspace_id: ws.id, lookback_days: 14 }).select("*").single();
    expect(ok.status).toBe(201);
    expect(ok.data?.time_decay_half_life_days).toBe(7);
  });
});

describe("the server-side pixel", () => {
  it("records events with the secret key, caps batches at 1000 and refuses users", async () => {
    const at = new Date().toISOString();
    const ok = await service.rpc("record_pixel_events", {
      p_workspace_id: ws.id,
      p_events: [{ event_id: "px-1", event_name: "purchase", shopify_order_id: `flow-${ws.tag}`, occurred_at: at, ga4_status: "sent" }],
    });
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual([{ inserted: 1, updated: 0 }]);
    const big = await service.rpc("record_pixel_events", {
      p_workspace_id: ws.id,
      p_events: Array.from({ length: 1001 }, (_, i) => ({ event_id: `b${i}`, event_name: "purchase", occurred_at: at })),
    });
    expect(big.status).toBe(413);
    expect(big.error?.code).toBe("PT413");
    const member = await userClient(ws.people.member.jwt);
    const refused = await member.rpc("record_pixel_events", { p_workspace_id: ws.id, p_events: [] });
    expect(refused.status).toBe(403);
  });
});
