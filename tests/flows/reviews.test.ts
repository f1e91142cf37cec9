// Reviews through the gateway the way the storefront (anon, publishable key), the brand's team
// (user tokens) and providers (signed webhooks) use them.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { type Client, serviceClient, userClient } from "../helpers/api.ts";
import { visitorClient } from "../helpers/storefront.ts";
import { api, config, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const env = localIntegrationEnv(config);
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let shop: string;
let member: Client;
let viewer: Client;
let admin: Client;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  shop = `reviews-${ws.tag}.myshopify.com`;
  // Webhooks route by the shop's active connection (a verified install).
  await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
    values (${ws.id}, 'shopify', ${shop}, 'active')`;
  await sql`insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title) values
    (${ws.id}, '101', '1011', 'Balm'), (${ws.id}, '102', '1021', 'Soap'), (${ws.id}, '103', '1031', 'Oil')`;
  member = await userClient(ws.people.member.jwt);
  viewer = await userClient(ws.people.viewer.jwt);
  admin = await userClient(ws.people.admin.jwt);
});
afterAll(async () => {
  await sql`delete from private.webhook_events where workspace_id = ${ws.id} or payload ->> 'tag' = ${ws.tag}`;
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

const submit = (c: Client, product: string, extra: Partial<{ p_token: string; p_rating: number; p_author_email: string }> = {}) =>
  c.rpc("submit_review", {
    p_workspace_id: ws.id, p_shopify_product_id: product, p_rating: 5, p_body: "Lovely", p_author_name: "Bea",
    p_author_email: "bea@example.test", p_title: "Great", ...extra,
  });

describe("the storefront as anon", () => {
  it("submits a review that waits for moderation and sees nothing private", async () => {
    const visitor = await visitorClient();
    const sent = await submit(visitor, "101", { p_rating: 4 });
    expect(sent.error).toBeNull();
    expect(sent.data).toEqual([{ review_id: expect.any(String), status: "pending", verified_purchase: false }]);
    const list = await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "101" });
    expect(list.error).toBeNull();
    expect(list.data).toEqual([]);

    const table = await visitor.from("reviews").select("*");
    expect(table.status).toBe(401);
    expect(table.error?.code).toBe("42501");

    const moderated = await member.rpc("moderate_reviews", {
      p_workspace_id: ws.id, p_review_ids: [sent.data![0].review_id], p_status: "published",
    });
    expect(moderated.data).toBe(1);
    const after = await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "101" });
    expect(after.data).toHaveLength(1);
    expect(Object.keys(after.data![0]).sort()).toEqual([
      "author_name", "body", "helpful_count", "id", "media", "rating", "responded_at", "response_author_name", "response_body",
      "shopify_product_id", "submitted_at", "title", "unhelpful_count", "verified_purchase",
    ]);
    const rating = await visitor.rpc("product_rating", { p_workspace_id: ws.id, p_shopify_product_id: "101" });
    expect(rating.data).toMatchObject({ review_count: 1, average_rating: 4, rating_4: 1 });
    const none = await visitor.rpc("product_rating", { p_workspace_id: ws.id, p_shopify_product_id: "999" });
    expect(none.data).toMatchObject({ review_count: 0, average_rating: null });
  });

  it("answers a frontend's mistakes with 400, 404 and 413", async () => {
    const visitor = await visitorClient();
    const bad = await submit(visitor, "101", { p_rating: 9 });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: "22023", message: "rating must be a whole number from 1 to 5" });
    const unknown = await submit(visitor, "nope");
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe("PT404");
    const page = await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "101", p_limit: 51 });
    expect(page.status).toBe(413);
    expect(page.error?.code).toBe("PT413");
  });

  it("votes once per voter, with counters that follow", async () => {
    const visitor = await visitorClient();
    const [review] = (await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "101" })).data!;
    const voter = randomUUID();
    const first = await visitor.rpc("vote_review", { p_review_id: review.id!, p_voter_id: voter, p_kind: "helpful" });
    expect(first.data).toEqual([{ review_id: review.id, helpful_count: 1, unhelpful_count: 0 }]);
    const again = await visitor.rpc("vote_review", { p_review_id: review.id!, p_voter_id: voter, p_kind: "unhelpful" });
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: "PT409", message: "you have already voted on this review" });
    const [{ n }] = await sql`select count(*)::int as n from public.review_votes where review_id = ${review.id!}`;
    const [{ helpful_count }] = await sql`select helpful_count from public.reviews where id = ${review.id!}`;
    expect(helpful_count).toBe(n);
  });

  it("rate limits submissions per client address with 429", async () => {
    const visitor = await visitorClient();
    for (let i = 0; i < 5; i++) expect((await submit(visitor, "102")).status).toBe(200);
    const limited = await submit(visitor, "102");
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe("PT429");
    expect((await submit(await visitorClient(), "102")).status).toBe(200);
  });
});

describe("review requests and verified reviews", () => {
  // Shopify's updated_at of the fulfilled version dates the fulfilment: an hour ago.
  const fulfilledAt = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
  const shopifyOrder = (fulfillment: string | null) =>
    JSON.stringify({
      id: 5001, name: "#5001", email: "Buyer@Example.test", currency: "USD", subtotal_price: "40.00", total_price: "40.00",
      financial_status: "paid", fulfillment_status: fulfillment, processed_at: new Date().toISOString(),
      updated_at: fulfilledAt, tag: ws.tag,
      line_items: [
        { product_id: 101, variant_id: 1011, title: "Balm", quantity: 1, price: "20.00" },
        { product_id: 102, variant_id: 1021, title: "Soap", quantity: 1, price: "20.00" },
      ],
    });
  const deliver = (topic: string, body: string, id = randomUUID()) =>
    fetch(`${api}/functions/v1/webhooks/shopify`, {
      method: "POST",
      headers: {
        "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-shop-domain": shop, "x-shopify-webhook-id": id,
        "x-shopify-api-version": "2025-01",
        "x-shopify-hmac-sha256": createHmac("sha256", env.SHOPIFY_API_SECRET).update(body).digest("base64"),
      },
      body,
    });

  it("queues one request per fulfilled order, however often Shopify redelivers", async () => {
    const settings = await admin.from("review_settings").upsert({ workspace_id: ws.id, request_delay_days: 3, auto_publish_verified: true })
      .select("*");
    expect(settings.error).toBeNull();
    const created = await deliver("orders/create", shopifyOrder(null));
    expect(created.status, JSON.stringify(await created.clone().json())).toBe(200);
    const fulfilled = shopifyOrder("fulfilled");
    const id = randomUUID();
    for (const r of [await deliver("orders/updated", fulfilled, id), await deliver("orders/updated", fulfilled, id),
                     await deliver("orders/updated", fulfilled)]) {
      expect(r.status, JSON.stringify(await r.json())).toBe(200);
    }
    // Deliveries are processed after they are acknowledged: wait until none is pending.
    await expect.poll(async () => (await sql`select 1 from private.webhook_events
      where shop = ${shop} and status = 'pending'`).length, { timeout: 5000, interval: 50 }).toBe(0);
    const requests = await viewer.from("review_requests").select("*").eq("workspace_id", ws.id);
    expect(requests.error).toBeNull();
    expect(requests.data).toHaveLength(1);
    expect(requests.data![0]).toMatchObject({ status: "queued", trigger_event: "order_fulfilled" });
    expect(Date.parse(requests.data![0].send_after) - Date.now()).toBeGreaterThan(2.9 * 86400_000);
  });

  it("verifies a purchase with the emailed token once per product; forged and reused tokens verify nothing", async () => {
    // pg_cron's job and the email dispatcher, as the database and the dispatcher run them
    await sql`update public.review_requests set send_after = now() where workspace_id = ${ws.id}`;
    await sql`select private.mark_review_requests_due()`;
    const [claimed] = await sql`select * from private.claim_review_requests(50, ${ws.id})`;
    expect(claimed.products).toEqual([{ shopify_product_id: "101", title: "Balm" }, { shopify_product_id: "102", title: "Soap" }]);
    await sql`select private.finish_review_request(${claimed.request_id}, true, 'msg-1')`;
    const token = claimed.token as string;

    const visitor = await visitorClient();
    const form = await visitor.rpc("open_review_request", { p_token: token });
    expect(form.error).toBeNull();
    expect(form.data).toMatchObject({ workspace_id: ws.id, order_number: "#5001" });
    const forged = await submit(visitor, "101", { p_token: "0".repeat(64) });
    expect(forged.data).toEqual([{ review_id: expect.any(String), status: "pending", verified_purchase: false }]);
    const verified = await submit(visitor, "101", { p_token: token, p_author_email: "buyer@example.test" });
    expect(verified.data).toEqual([{ review_id: expect.any(String), status: "published", verified_purchase: true }]);
    const reused = await submit(visitor, "101", { p_token: token });
    expect(reused.data![0].verified_purchase).toBe(false);
    const other = await submit(visitor, "102", { p_token: token });
    expect(other.data![0].verified_purchase).toBe(true);

    const request = await viewer.from("review_requests").select("status").eq("id", claimed.request_id).single();
    expect(request.data?.status).toBe("completed");
    const gone = await visitor.rpc("open_review_request", { p_token: token });
    expect(gone.status).toBe(404);
    expect(gone.error?.code).toBe("PT404");
  });
});

describe("the team: moderation, replies, imports, media", () => {
  it("moderates with audit; viewers cannot", async () => {
    const pending = await member.from("reviews").select("id").eq("workspace_id", ws.id).eq("status", "pending").limit(2);
    expect(pending.data!.length).toBe(2);
    const ids = pending.data!.map((r) => r.id);
    const denied = await viewer.rpc("moderate_reviews", { p_workspace_id: ws.id, p_review_ids: ids, p_status: "spam" });
    expect(denied.status).toBe(403);
    expect(denied.error?.code).toBe("42501");
    const done = await member.rpc("moderate_reviews", { p_workspace_id: ws.id, p_review_ids: ids, p_status: "spam", p_note: "bot" });
    expect(done.data).toBe(2);
    const back = await member.from("reviews").update({ status: "pending" }).eq("id", ids[0]).select();
    expect(back.status).toBe(409);
    expect(back.error).toMatchObject({ code: "PT409", message: "a moderated review cannot go back to pending" });
    const audit = await admin.from("audit_log").select("*").eq("table_name", "reviews").eq("record_id", ids[0]);
    expect(audit.data).toHaveLength(1);
    expect(audit.data![0].new_data).toMatchObject({ status: "spam", moderation_note: "bot" });
    expect(audit.data![0].new_data).not.toHaveProperty("author_email");
  });

  it("imports idempotently and replies on the storefront", async () => {
    const service = await serviceClient();
    const rows = [1, 2, 3].map((i) => ({ imported_from: "judgeme", original_id: `j${i}`, shopify_product_id: "103", rating: i + 2,
      title: `j${i}`, submitted_at: `2026-0${i}-01T00:00:00Z` }));
    expect((await service.rpc("import_reviews", { p_workspace_id: ws.id, p_reviews: rows })).data)
      .toEqual([{ inserted: 3, updated: 0, unchanged: 0 }]);
    expect((await member.rpc("import_reviews", { p_workspace_id: ws.id, p_reviews: rows })).data)
      .toEqual([{ inserted: 0, updated: 0, unchanged: 3 }]);
    const big = await member.rpc("import_reviews", { p_workspace_id: ws.id, p_reviews: Array(1001).fill(rows[0]) });
    expect(big.status).toBe(413);

    const j3 = await member.from("reviews").select("id").eq("original_id", "j3").single();
    const reply = await member.from("review_responses").insert({ workspace_id: ws.id, review_id: j3.data!.id, author_name: "The team",
      body: "Thanks!" }).select("*").single();
    expect(reply.error).toBeNull();
    expect(reply.data?.created_by).toBe(ws.people.member.id);
    const visitor = await visitorClient();
    const list = await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "103", p_sort: "highest_rating" });
    expect(list.data!.map((r) => r.title)).toEqual(["j3", "j2", "j1"]);
    expect(list.data![0]).toMatchObject({ response_body: "Thanks!", response_author_name: "The team" });
    const ratings = await visitor.rpc("product_ratings", { p_workspace_id: ws.id, p_shopify_product_ids: ["103", "101"] });
    expect(ratings.data!.map((r) => [r.shopify_product_id, r.review_count, r.average_rating])).toEqual([["103", 3, 4], ["101", 2, 4.5]]);
  });

  it("links a Mux video when the signed webhook reports the asset ready", async () => {
    const j1 = await member.from("reviews").select("id").eq("original_id", "j1").single();
    const upload = `upload-${ws.tag}`;
    const media = await member.from("review_media").insert({ workspace_id: ws.id, review_id: j1.data!.id, mux_upload_id: upload })
      .select("*").single();
    expect(media.data?.status).toBe("waiting");
    const mux = (event: object) => {
      const body = JSON.stringify({ ...event, tag: ws.tag });
      const t = Math.floor(Date.now() / 1000);
      return fetch(`${api}/functions/v1/webhooks/mux`, {
        method: "POST",
        headers: { "mux-signature": `t=${t},v1=${createHmac("sha256", env.MUX_WEBHOOK_SECRET).update(`${t}.${body}`).digest("hex")}` },
        body,
      });
    };
    expect((await mux({ id: randomUUID(), type: "video.upload.asset_created", data: { id: upload, asset_id: `asset-${ws.tag}` } })).status)
      .toBe(200);
    expect((await mux({ id: randomUUID(), type: "video.asset.ready", data: { id: `asset-${ws.tag}`, duration: 8.25,
      playback_ids: [{ id: `play-${ws.tag}`, policy: "public" }] } })).status).toBe(200);
    const visitor = await visitorClient();
    const list = await visitor.rpc("product_reviews", { p_workspace_id: ws.id, p_shopify_product_id: "103", p_sort: "lowest_rating" });
    expect(list.data![0].media).toEqual([{ playback_id: `play-${ws.tag}`, duration_seconds: 8.25, aspect_ratio: null }]);
  });

  it("select('*') works on every review table a viewer may read", async () => {
    for (const t of ["reviews", "review_votes", "review_media", "review_responses", "product_rating_summaries", "review_requests",
                     "review_settings"] as const) {
      const r = await viewer.from(t).select("*").eq("workspace_id", ws.id);
      expect(r.error, t).toBeNull();
      expect(r.data!.length, t).toBeGreaterThan(0);
    }
    const writes = await viewer.from("review_settings").update({ auto_publish_verified: false }).eq("workspace_id", ws.id).select();
    expect(writes.data).toEqual([]);
  });
});
