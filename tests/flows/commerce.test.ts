// Orders, products and inventory as a frontend and a connector use them through PostgREST.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { team, type Team } from "../helpers/api.ts";
import { superuser } from "../helpers/stack.ts";

const sql = superuser();
let t: Team;
let productId: string;

beforeAll(async () => {
  t = await team(sql);
  const { data, error } = await t.member.from("products").insert({
    workspace_id: t.ws.id, shopify_product_id: "p1", shopify_variant_id: "v1", sku: "BALM", title: "Balm", price_cents: 2500,
  }).select("id").single();
  expect(error).toBeNull();
  productId = data!.id;
});
afterAll(() => sql.end());

const order = (id: string, qty: number, at = "2026-11-01T10:00:00Z") => ({
  shopify_order_id: id, currency: "USD", total_price_cents: 2500 * qty, subtotal_cents: 2500 * qty, processed_at: at,
  email: "Shopper@Example.com", landing_site: "/?utm_source=google&utm_campaign=brand",
  line_items: [{ shopify_product_id: "p1", shopify_variant_id: "v1", sku: "BALM", title: "Balm", quantity: qty, price_cents: 2500 }],
});

describe("orders", () => {
  it("the connector (secret key) upserts orders idempotently", async () => {
    const first = await t.service.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9001", 2), order("9002", 1)] });
    expect(first.data).toEqual([{ inserted: 2, updated: 0, unchanged: 0 }]);
    const again = await t.service.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9001", 2)] });
    expect(again.data).toEqual([{ inserted: 0, updated: 0, unchanged: 1 }]);
  });

  it("an identical re-delivery changes nothing and reports unchanged; a changed line item is an update", async () => {
    const state = async () => ({
      order: (await t.member.from("orders").select("id, updated_at").eq("workspace_id", t.ws.id).eq("shopify_order_id", "9001").single()).data,
      items: (await t.member.from("order_line_items").select("id, quantity").eq("workspace_id", t.ws.id).order("id")).data,
      customers: (await t.member.from("customers").select("id, updated_at, orders_count").eq("workspace_id", t.ws.id)).data,
    });
    const before = await state();
    const same = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9001", 2), order("9002", 1)] });
    expect([same.error, same.data]).toEqual([null, [{ inserted: 0, updated: 0, unchanged: 2 }]]);
    expect(await state()).toEqual(before);

    const moreBalm = order("9001", 2);
    moreBalm.line_items = [{ ...moreBalm.line_items[0], quantity: 3 }];
    const changed = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [moreBalm, order("9002", 1)] });
    expect(changed.data).toEqual([{ inserted: 0, updated: 1, unchanged: 1 }]);
    const after = await state();
    expect(after.order!.updated_at).not.toBe(before.order!.updated_at);
    expect(after.items!.map((i) => i.quantity).sort()).toEqual([1, 3]);
    const back = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9001", 2)] });
    expect(back.data).toEqual([{ inserted: 0, updated: 1, unchanged: 0 }]);
  });

  it("a viewer reads orders with their line items and products embedded, newest first", async () => {
    const { data, error } = await t.viewer.from("orders")
      .select("shopify_order_id, total_price_cents, utm_source, order_line_items(quantity, price_cents, products(sku))")
      .eq("workspace_id", t.ws.id).order("shopify_order_id", { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { shopify_order_id: "9002", total_price_cents: 2500, utm_source: "google", order_line_items: [{ quantity: 1, price_cents: 2500, products: { sku: "BALM" } }] },
      { shopify_order_id: "9001", total_price_cents: 5000, utm_source: "google", order_line_items: [{ quantity: 2, price_cents: 2500, products: { sku: "BALM" } }] },
    ]);
    const star = await t.viewer.from("orders").select("*").eq("workspace_id", t.ws.id);
    expect(star.error).toBeNull();
    expect(Object.keys(star.data![0])).not.toContain("email");
  });

  it("counts come back in Content-Range; pages with range()", async () => {
    const { count, data } = await t.viewer.from("orders").select("id", { count: "exact" }).eq("workspace_id", t.ws.id).range(0, 0);
    expect([count, data!.length]).toEqual([2, 1]);
  });

  it("a bad order is a 400 naming it; a viewer cannot upsert; outsiders see nothing", async () => {
    const bad = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9003", 1), { shopify_order_id: "9004" }] });
    expect([bad.status, bad.error?.code, bad.error?.message]).toEqual([400, "22023", "orders[1].currency: must be a three-letter ISO code"]);
    const byViewer = await t.viewer.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [order("9005", 1)] });
    expect([byViewer.status, byViewer.error?.code]).toEqual([403, "42501"]);
    expect((await t.outsider.from("orders").select("id").eq("workspace_id", t.ws.id)).data).toEqual([]);
    expect((await t.outsider.from("order_line_items").select("id").eq("workspace_id", t.ws.id)).data).toEqual([]);
  });

  it("batches over the documented caps are 413 before any work", async () => {
    const many = Array.from({ length: 501 }, (_, i) => order(String(10000 + i), 1));
    const tooMany = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: many });
    expect([tooMany.status, tooMany.error?.code]).toEqual([413, "PT413"]);
    expect(tooMany.error?.message).toBe("too many orders: 501 given, at most 500 per call");
    const wide = { ...order("9006", 1), line_items: Array.from({ length: 251 }, () => order("x", 1).line_items[0]) };
    const tooWide = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: [wide] });
    expect([tooWide.status, tooWide.error?.code]).toEqual([413, "PT413"]);
    expect(tooWide.error?.message).toBe("too many line items in orders[0]: 251 given, at most 250 per call");
    const heavy = Array.from({ length: 500 }, (_, i) => ({ ...order(String(20000 + i), 1), line_items: Array(21).fill(order("x", 1).line_items[0]) }));
    const tooHeavy = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: heavy });
    expect([tooHeavy.status, tooHeavy.error?.code]).toEqual([413, "PT413"]);
    expect(tooHeavy.error?.message).toBe("too many line items: 10500 given, at most 10000 per call");
  });

  it("a batch at the caps finishes well inside the member's 8 s statement timeout; a repeated key is refused first", async () => {
    // 500 orders, 10,000 line items with titles and SKUs at their longest: about 9 MB.
    const item = (j: number) => ({ shopify_product_id: "p".repeat(64), shopify_variant_id: `${j}`.padStart(64, "v"), sku: "S".repeat(128),
      title: "T".repeat(500), quantity: 1, price_cents: 2500 });
    const full = Array.from({ length: 500 }, (_, i) => ({ ...order(`cap-${i}`, 1), line_items: Array.from({ length: 20 }, (_, j) => item(j)) }));
    const repeated = [...full.slice(0, 499), full[0]];
    let t0 = performance.now();
    const dup = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: repeated });
    const dupMs = performance.now() - t0;
    expect([dup.status, dup.error?.message]).toEqual([400, "orders: shopify_order_id cap-0 appears more than once in the batch"]);
    t0 = performance.now();
    const ok = await t.member.rpc("upsert_orders", { p_workspace_id: t.ws.id, p_orders: full });
    const okMs = performance.now() - t0;
    expect([ok.status, ok.error, ok.data]).toEqual([200, null, [{ inserted: 500, updated: 0, unchanged: 0 }]]);
    expect(okMs, "a full batch must leave room under the 8 s timeout").toBeLessThan(6000);
    expect(dupMs).toBeLessThan(okMs);
    await sql`delete from public.orders where workspace_id = ${t.ws.id} and shopify_order_id like 'cap-%'`;
  });
});

describe("inventory", () => {
  it("a member records stock and recomputes reorder points; a viewer reads them with the product", async () => {
    const snap = await t.member.from("inventory_snapshots")
      .insert({ workspace_id: t.ws.id, product_id: productId, day: "2026-11-01", on_hand: 1 });
    expect(snap.error).toBeNull();
    const lead = await t.member.from("supplier_lead_times")
      .insert({ workspace_id: t.ws.id, product_id: productId, supplier_name: "Co-op", lead_time_days: 14, is_primary: true });
    expect(lead.error).toBeNull();
    const low = await t.member.rpc("recompute_reorder_points", { p_workspace_id: t.ws.id, p_as_of: "2026-11-02" });
    expect(low.error).toBeNull();
    // 3 units over the 28-day window before 2026-11-02: demand 3/28 a day; on hand 1 is below the reorder point.
    expect(low.data).toHaveLength(1);
    expect(low.data![0]).toMatchObject({ sku: "BALM", on_hand: 1 });
    const rp = await t.viewer.from("reorder_points").select("*, products(sku, title)").eq("workspace_id", t.ws.id).single();
    expect(rp.error).toBeNull();
    expect(rp.data!.units_sold).toBe(3);
    expect(rp.data!.products).toEqual({ sku: "BALM", title: "Balm" });
    const byViewer = await t.viewer.rpc("recompute_reorder_points", { p_workspace_id: t.ws.id });
    expect([byViewer.status, byViewer.error?.code]).toEqual([403, "42501"]);
  });

  it("gift card deliveries answer select('*') for a viewer", async () => {
    const r = await t.viewer.from("gift_card_emails").select("*").eq("workspace_id", t.ws.id);
    expect([r.status, r.error]).toEqual([200, null]);
  });
});
