// Shopify beyond order webhooks, end to end through the running stack against a fake Shopify on
// 127.0.0.1: install -> backfill (bulk operations, JSONL) -> webhook updates -> reorder points
// from real levels; bad bulk lines rejected with their numbers; a revoked token; one bulk
// operation per shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { type FakeOrder, ShopifyFake } from "../helpers/fakes/shopify.ts";
import { callWorker, installShop, nudge, shopifyWebhook, waitFor } from "../helpers/shopify.ts";
import { userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const shopify = fake.mount(new ShopifyFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let shop: string;

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const T0 = day(1);

function orders(n: number): FakeOrder[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 9000 + i, name: `#${9000 + i}`, email: i % 2 ? "ann@example.com" : "bob@example.com",
    customerId: i % 2 ? 701 : 702, total: "40.00", processedAt: day(1 + (i % 20)), updatedAt: T0,
    items: [
      { id: 80000 + i * 2, variantId: 111, productId: 11, sku: `TEE-S-${shop}`, title: "Tee", quantity: 2, price: "15.00" },
      { id: 80001 + i * 2, variantId: 121, productId: 12, sku: `MUG-${shop}`, title: "Mug", quantity: 1, price: "10.00" },
    ],
  }));
}

/** Runs the worker and makes waiting jobs due until the run ends (or the deadline). */
async function runUntil(done: () => Promise<boolean>, queue = "shopify_sync", ms = 60_000) {
  await waitFor(async () => {
    await nudge(sql, ws.id, queue);
    await callWorker("shopify-sync");
    return (await done()) ? true : undefined;
  }, ms, `the ${queue} work to finish`);
}

const run = async () => (await sql`select * from public.shopify_sync_runs where workspace_id = ${ws.id} order by created_at desc limit 1`)[0];

beforeAll(async () => {
  await fake.start();
  shopify.baseUrl = `${fake.url}/shopify`;
  ws = await workspaceWithRoles(sql);
  shop = `sync-${ws.tag}.myshopify.com`;
  const s = shopify.shop(shop);
  s.products = [
    { id: 11, title: "Tee", updatedAt: T0, variants: [
      { id: 111, sku: `TEE-S-${shop}`, price: "15.00", cost: "4.00", inventoryItemId: 1111,
        levels: [{ locationId: 1, locationName: "Warehouse", available: 30, onHand: 32 }, { locationId: 2, locationName: "Store", available: 5 }] },
      { id: 112, sku: `TEE-M-${shop}`, price: "15.00", inventoryItemId: 1112, levels: [{ locationId: 1, locationName: "Warehouse", available: 12 }] },
    ] },
    { id: 12, title: "Mug", updatedAt: T0, variants: [
      { id: 121, sku: `MUG-${shop}`, price: "10.00", inventoryItemId: 1211, levels: [{ locationId: 1, locationName: "Warehouse", available: 4 }] },
    ] },
  ];
  s.customers = [
    { id: 701, email: "ann@example.com", subscribed: true, updatedAt: T0 },
    { id: 702, email: "bob@example.com", subscribed: false, updatedAt: T0 },
  ];
  s.orders = orders(40);
  // bad input in the orders file: a malformed line, a line item before any order, an order of
  // another kind, and an order whose line item names an order that is not the one before it
  s.mangle = {
    orders: (lines) => [
      JSON.stringify({ id: "gid://shopify/LineItem/1", sku: "X", quantity: 1, __parentId: "gid://shopify/Order/1" }),
      ...lines.slice(0, 6),
      "{not json",
      JSON.stringify({ id: "gid://shopify/Customer/9", email: "x@example.com" }),
      ...lines.slice(6),
    ],
  };
  shopify.onFinish = async (op) => {
    if (op.shop === shop) {
      await shopifyWebhook(shop, "bulk_operations/finish", {
        admin_graphql_api_id: op.id, completed_at: new Date().toISOString(), created_at: op.createdAt, error_code: null, status: "completed", type: "query",
      });
    }
  };
});

afterAll(async () => {
  await sql`delete from private.webhook_events where workspace_id = ${ws.id}`;
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fake.stop();
  await sql.end();
});

describe("install, backfill, webhooks, reorder points", () => {
  it("installing the app queues a backfill that brings the catalog, real levels, customers and orders", async () => {
    const r = await installShop(ws.people.admin.jwt, ws.id, shop);
    expect(new URL(r.headers.get("location")!).searchParams.get("status")).toBe("connected");
    const queued = await run();
    expect(queued).toMatchObject({ trigger: "install" });
    await runUntil(async () => ["completed", "failed"].includes((await run()).status));
    const done = await run();
    expect(done, done.last_error).toMatchObject({ status: "completed", products_count: 3, inventory_levels_count: 4, customers_count: 2 });
    expect(done.orders_count).toBe(40);

    const products = await sql`select sku, shopify_inventory_item_id, cost_cents, title from public.products where workspace_id = ${ws.id} order by sku`;
    expect(products.map((p) => p.shopify_inventory_item_id)).toEqual(["1211", "1112", "1111"]);
    expect(products.find((p) => p.shopify_inventory_item_id === "1111")!.cost_cents).toBe("400");
    const levels = await sql`select shopify_inventory_item_id as item, shopify_location_id as loc, available, on_hand
                             from public.inventory_levels where workspace_id = ${ws.id} order by 1, 2`;
    expect(levels.map((l) => [l.item, l.loc, l.available, l.on_hand])).toEqual([
      ["1111", "1", 30, 32], ["1111", "2", 5, 5], ["1112", "1", 12, 12], ["1211", "1", 4, 4]]);
    const [{ n }] = await sql`select count(*)::int as n from public.orders where workspace_id = ${ws.id}`;
    expect(n).toBe(40);
    // only the consenting customer's address is kept in plain text
    const contacts = await sql`select k.email from private.customer_contacts k where k.workspace_id = ${ws.id}`;
    expect(contacts.map((c) => c.email)).toEqual(["ann@example.com"]);
  });

  it("rejects malformed, out-of-order and foreign-kind lines with their line numbers, applying the rest", async () => {
    const rejected = await sql`select phase, line_number, reason from public.shopify_sync_rejections
                               where workspace_id = ${ws.id} order by line_number`;
    expect(rejected.map((x) => [x.phase, Number(x.line_number)])).toEqual([["orders", 1], ["orders", 8], ["orders", 9]]);
    expect(rejected[0].reason).toMatch(/out of order/);
    expect(rejected[1].reason).toBe("malformed JSON");
    expect(rejected[2].reason).toMatch(/not a Order/);
    expect(Number((await run()).lines_rejected)).toBe(3);
    // admins read runs and rejections; members do not
    const admin = await userClient(ws.people.admin.jwt);
    const member = await userClient(ws.people.member.jwt);
    expect((await admin.from("shopify_sync_rejections").select("line_number").eq("workspace_id", ws.id)).data).toHaveLength(3);
    expect((await member.from("shopify_sync_runs").select("id").eq("workspace_id", ws.id)).data).toEqual([]);
  });

  it("snapshots real levels and computes reorder points from them and from real sales", async () => {
    const rp = await sql`select p.shopify_inventory_item_id as item, r.on_hand, r.units_sold
                         from public.reorder_points r join public.products p on p.id = r.product_id
                         where r.workspace_id = ${ws.id} order by 1`;
    // on_hand: the sum over locations of Shopify's on_hand (else available)
    expect(rp.map((r) => [r.item, r.on_hand])).toEqual([["1111", 37], ["1112", 12], ["1211", 4]]);
    // 40 orders over the last 20 days: 2 tees and 1 mug each
    expect(rp.map((r) => r.units_sold)).toEqual([80, 0, 40]);
    const [{ n }] = await sql`select count(*)::int as n from public.inventory_snapshots where workspace_id = ${ws.id} and day = current_date`;
    expect(n).toBe(4);
  });

  it("applies products, inventory and customer webhooks newest-version-wins, and an order both paths bring stays one order", async () => {
    const now = new Date().toISOString();
    const hooks = [
      ["inventory_levels/update", { inventory_item_id: 1211, location_id: 1, available: 40, updated_at: now }],
      // an older delivery arriving late changes nothing
      ["inventory_levels/update", { inventory_item_id: 1211, location_id: 1, available: 1, updated_at: day(3) }],
      ["products/update", { id: 12, title: "Mug XL", status: "active", updated_at: now,
        variants: [{ id: 121, product_id: 12, title: "Default Title", sku: `MUG-${shop}`, price: "12.00", inventory_item_id: 1211, updated_at: now }] }],
      ["inventory_items/update", { id: 1112, sku: `TEE-M-${shop}`, cost: "3.50", updated_at: now }],
      ["customers/update", { id: 702, email: "bob@example.com", updated_at: now, email_marketing_consent: { state: "subscribed" } }],
      ["orders/updated", { id: 9001, name: "#9001", email: "ann@example.com", currency: "USD", subtotal_price: "40.00", total_price: "40.00",
        financial_status: "paid", processed_at: day(2), updated_at: now, customer: { id: 701 },
        line_items: [{ product_id: 11, variant_id: 111, sku: `TEE-S-${shop}`, title: "Tee", quantity: 2, price: "15.00" }] }],
    ] as const;
    for (const [topic, payload] of hooks) expect((await shopifyWebhook(shop, topic, payload)).status).toBe(200);
    await waitFor(async () => {
      const [{ pending }] = await sql`select count(*)::int as pending from private.webhook_events
                                      where workspace_id = ${ws.id} and status in ('pending', 'failed') and topic <> 'bulk_operations/finish'`;
      return pending === 0 ? true : undefined;
    }, 15_000, "the webhooks to be processed");
    const [mug] = await sql`select title, price_cents from public.products where workspace_id = ${ws.id} and shopify_variant_id = '121'`;
    expect(mug).toEqual({ title: "Mug XL", price_cents: "1200" });
    const [level] = await sql`select available from public.inventory_levels where workspace_id = ${ws.id} and shopify_inventory_item_id = '1211'`;
    expect(level.available).toBe(40);
    const [{ cost_cents }] = await sql`select cost_cents from public.products where workspace_id = ${ws.id} and shopify_inventory_item_id = '1112'`;
    expect(cost_cents).toBe("350");
    expect((await sql`select email from private.customer_contacts where workspace_id = ${ws.id} order by email`).map((c) => c.email))
      .toEqual(["ann@example.com", "bob@example.com"]);
    const [{ n }] = await sql`select count(*)::int as n from public.orders where workspace_id = ${ws.id}`;
    expect(n).toBe(40);

    // the daily jobs: today's snapshot from real levels, then reorder points
    await sql`select private.snapshot_inventory(${ws.id}::uuid, current_date)`;
    await sql`select private.compute_reorder_points(${ws.id}::uuid, current_date)`;
    const [rp] = await sql`select r.on_hand from public.reorder_points r join public.products p on p.id = r.product_id
                           where r.workspace_id = ${ws.id} and p.shopify_inventory_item_id = '1211'`;
    expect(rp.on_hand).toBe(40);
  });

  it("wakes the run with bulk_operations/finish of its own operation only; another shop's is ignored", async () => {
    const id = crypto.randomUUID();
    await shopifyWebhook(shop, "bulk_operations/finish", { admin_graphql_api_id: "gid://shopify/BulkOperation/999999", status: "completed" }, id);
    const e = await waitFor(async () => {
      const [x] = await sql`select status from private.webhook_events where external_id = ${id}`;
      return x && x.status !== "pending" ? x : undefined;
    });
    expect(e.status).toBe("ignored");
  });

  it("runs one bulk operation per shop: a second backfill while one runs is the same run", async () => {
    // another app's bulk operation is running in the shop: the run waits instead of starting a second
    shopify.ops.set("gid://shopify/BulkOperation/other", { id: "gid://shopify/BulkOperation/other", shop, status: "RUNNING", query: "{ orders { edges { node { id } } } }", phase: "orders", polls: 0, createdAt: new Date().toISOString(), errorCode: null });
    const admin = await userClient(ws.people.admin.jwt);
    const [conn] = await sql`select id from public.integration_connections where workspace_id = ${ws.id} and provider = 'shopify'`;
    const a = await admin.rpc("start_shopify_backfill", { p_connection_id: conn.id });
    const b = await admin.rpc("start_shopify_backfill", { p_connection_id: conn.id });
    expect(a.error).toBeNull();
    expect(b.data!.id).toBe(a.data!.id);
    const member = await userClient(ws.people.member.jwt);
    const refused = await member.rpc("start_shopify_backfill", { p_connection_id: conn.id });
    expect(refused.error?.code).toBe("42501");
    const job = await waitFor(async () => {
      await callWorker("shopify-sync", { once: true });
      const [j] = await sql`select status, last_error from private.connector_jobs where payload ->> 'run_id' = ${a.data!.id}`;
      return j?.last_error ? j : undefined;
    });
    expect(job.last_error).toMatch(/another bulk operation/);
    expect([...shopify.ops.values()].filter((o) => o.shop === shop && o.status === "RUNNING")).toHaveLength(1);
    shopify.ops.get("gid://shopify/BulkOperation/other")!.status = "COMPLETED";
    await runUntil(async () => (await run()).status === "completed");
    // the same data again: nothing changes
    const [{ n }] = await sql`select count(*)::int as n from public.orders where workspace_id = ${ws.id}`;
    expect(n).toBe(40);
  });

  it("marks the connection reauth_required when Shopify refuses the token, and fails nothing half-way", async () => {
    shopify.revoke(shop);
    const admin = await userClient(ws.people.admin.jwt);
    const [conn] = await sql`select id from public.integration_connections where workspace_id = ${ws.id} and provider = 'shopify'`;
    const started = await admin.rpc("start_shopify_backfill", { p_connection_id: conn.id });
    expect(started.error).toBeNull();
    const c = await waitFor(async () => {
      await callWorker("shopify-sync", { once: true });
      const [x] = await sql`select health, last_error from public.integration_connections where id = ${conn.id}`;
      return x.health === "reauth_required" ? x : undefined;
    });
    expect(c.last_error).toMatch(/refused the token/);
    expect((await run()).status).not.toBe("completed");
  });
});
