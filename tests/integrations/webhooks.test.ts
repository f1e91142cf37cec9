// The webhooks and webhook-dispatch functions end to end through the running stack.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardWebhookSignature } from "../../functions/_shared/crypto.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { userClient } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { api, config, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const env = localIntegrationEnv(config);
const fake = new FakeProviders();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let shop: string;

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  shop = `hooks-${ws.tag}.myshopify.com`;
  // Webhooks route by the shop's active connection (made by a verified OAuth install).
  await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
    values (${ws.id}, 'shopify', ${shop}, 'active')`;
});
afterAll(async () => {
  await sql`delete from private.webhook_events where workspace_id = ${ws.id} or payload ->> 'tag' = ${ws.tag}`;
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fake.stop();
  await sql.end();
});

function order(id: number, extra: Record<string, unknown> = {}) {
  return {
    id, name: `#${id}`, email: "Buyer@Example.com", currency: "USD", subtotal_price: "40.00", total_price: "45.50",
    total_tax: "5.50", total_discounts: "0.00", financial_status: "paid", fulfillment_status: null,
    landing_site: "/?utm_source=google&utm_campaign=brand&gclid=xyz", processed_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z", customer: { id: id * 10 },
    line_items: [{ product_id: 1, variant_id: 2, sku: "SKU-1", title: "Balm", quantity: 2, price: "20.00" }],
    ...extra,
  };
}

function shopify(topic: string, body: string, opts: { id?: string; secret?: string; shopDomain?: string; apiVersion?: string | null } = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": opts.shopDomain ?? shop,
    "x-shopify-webhook-id": opts.id ?? randomUUID(),
    "x-shopify-hmac-sha256": createHmac("sha256", opts.secret ?? env.SHOPIFY_API_SECRET).update(body).digest("base64"),
  };
  if (opts.apiVersion !== null) headers["x-shopify-api-version"] = opts.apiVersion ?? "2025-01";
  return fetch(`${api}/functions/v1/webhooks/shopify`, { method: "POST", headers, body });
}

const events = async (id: string) => sql`select status, attempts, error from private.webhook_events where external_id = ${id}`;

/** Shopify deliveries are acknowledged when stored; this waits for the processor (pg_net-woken) to handle one. */
async function processed(id: string) {
  return await waitFor("the event to be processed", async () => {
    const [e] = await events(id);
    return e && e.status !== "pending" ? e : undefined;
  });
}

describe("shopify webhooks", () => {
  it("stores an order from orders/create once, however often Shopify redelivers it", async () => {
    const id = randomUUID();
    const body = JSON.stringify(order(5001));
    const first = await shopify("orders/create", body, { id });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "accepted" });
    const again = await shopify("orders/create", body, { id });
    expect(await again.json()).toEqual({ status: "duplicate" });
    await processed(id);
    expect(await events(id)).toEqual([{ status: "processed", attempts: 2, error: null }]);
    const rows = await sql`select total_price_cents, subtotal_cents, utm_source, gclid, email_sha256 is not null as hashed
      from public.orders where workspace_id = ${ws.id} and shopify_order_id = '5001'`;
    expect(rows).toEqual([{ total_price_cents: "4550", subtotal_cents: "4000", utm_source: "google", gclid: "xyz", hashed: true }]);
  });

  it("answers a forged HMAC with 401 and stores nothing", async () => {
    const id = randomUUID();
    const r = await shopify("orders/create", JSON.stringify(order(5002)), { id, secret: "forged" });
    expect(r.status).toBe(401);
    expect((await r.json()).error.code).toBe("invalid_signature");
    expect(await events(id)).toHaveLength(0);
    expect(await sql`select 1 from public.orders where shopify_order_id = '5002'`).toHaveLength(0);
  });

  it("refuses an oversized body (413) and malformed JSON (400) without writing", async () => {
    const id = randomUUID();
    const big = JSON.stringify({ ...order(5003), note: "x".repeat(1_100_000) });
    const r = await shopify("orders/create", big, { id });
    expect(r.status).toBe(413);
    const bad = await shopify("orders/create", "{not json", { id });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_json");
    expect(await events(id)).toHaveLength(0);
  });

  it("accepts unknown topics and unknown shops, and records them as ignored", async () => {
    const id = randomUUID();
    const r = await shopify("themes/publish", JSON.stringify({ id: 1 }), { id });
    expect(r.status).toBe(200);
    expect((await processed(id)).status).toBe("ignored");
    const id2 = randomUUID();
    const r2 = await shopify("orders/create", JSON.stringify(order(5004)), { id: id2, shopDomain: "nobody.myshopify.com" });
    expect(r2.status).toBe(202);
    expect((await events(id2))[0].status).toBe("ignored");
  });

  it("keeps a delivery it can never process as dead, with the reason, and writes nothing of it", async () => {
    const id = randomUUID();
    const r = await shopify("orders/create", JSON.stringify(order(5005, { total_price: "-3.00" })), { id });
    expect(r.status).toBe(200);
    const e = await processed(id);
    expect(e.status).toBe("dead");
    expect(e.error).toContain("total_price_cents");
    expect(await sql`select 1 from public.orders where shopify_order_id = '5005'`).toHaveLength(0);
  });

  it("revokes the connection on app/uninstalled, audited, and routes nothing to the workspace afterwards", async () => {
    const [c] = await sql`select id from public.integration_connections where workspace_id = ${ws.id} and provider = 'shopify'`;
    await sql`insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
      values (${c.id}, 'v1.local1.AAAA.BBBB', 'local1')`;
    const un = randomUUID();
    await shopify("app/uninstalled", JSON.stringify({ domain: shop }), { id: un });
    await processed(un);
    const [after] = await sql`select status from public.integration_connections where id = ${c.id}`;
    expect(after.status).toBe("revoked");
    expect(await sql`select 1 from private.integration_tokens where connection_id = ${c.id}`).toHaveLength(0);
    const [audit] = await sql`select reason from public.audit_log where table_name = 'integration_tokens'
      and record_id = ${c.id}::text and action = 'delete'`;
    expect(audit.reason).toBe("app uninstalled (Shopify webhook)");
    const id = randomUUID();
    expect((await shopify("orders/create", JSON.stringify(order(5006)), { id })).status).toBe(202);
    expect((await events(id))[0].status).toBe("ignored"); // no active connection: ignored at the door
    await sql`update public.integration_connections set status = 'active' where id = ${c.id}`;
  });

  it("routes by the active connection, never by a shop_domain someone wrote", async () => {
    const squatter = await workspaceWithRoles(sql);
    const victim = `victim-${ws.tag}.myshopify.com`;
    try {
      await sql`update public.workspaces set shop_domain = ${victim} where id = ${squatter.id}`;
      const id = randomUUID();
      const r = await shopify("orders/create", JSON.stringify(order(5007)), { id, shopDomain: victim });
      expect(r.status).toBe(202);
      const [e] = await sql`select status, workspace_id from private.webhook_events where external_id = ${id}`;
      expect(e).toEqual({ status: "ignored", workspace_id: null });
      expect(await sql`select 1 from public.orders where workspace_id = ${squatter.id}`).toHaveLength(0);
    } finally {
      await sql`delete from public.workspaces where id = ${squatter.id}`;
    }
  });

  it("stores a signed body holding NUL characters (customers type them) instead of failing", async () => {
    const id = randomUUID();
    const raw = JSON.stringify(order(5008, { email: "nul@example.com", note: "gift\u0000wrap", shipping_address: { address1: "1 Main St\u0000" } }));
    expect(raw).toContain("\\u0000");
    const r = await shopify("orders/create", raw, { id });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "accepted" });
    expect((await processed(id)).status).toBe("processed");
    // once processed the body is dropped (issue 21: raw bodies hold customers' data); its hash stays
    const [e] = await sql`select payload, payload_sha256 from private.webhook_events where external_id = ${id}`;
    expect(e.payload).toBeNull();
    expect(e.payload_sha256).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(await sql`select 1 from public.orders where workspace_id = ${ws.id} and shopify_order_id = '5008'`).toHaveLength(1);
  });

  it("answers a valid signature over JSON that is not an object with a 400 that says so, storing nothing", async () => {
    for (const [body, kind] of [["null", "null"], ["[1,2]", "an array"], ["42", "a number"], ['"x"', "a string"]]) {
      const id = randomUUID();
      const r = await shopify("orders/create", body, { id });
      expect(r.status, body).toBe(400);
      expect((await r.json()).error).toEqual({ code: "invalid_event", message: `the body must be a JSON object, not ${kind}; nothing was stored` });
      expect(await events(id)).toHaveLength(0);
    }
  });

  it("refuses a delivery without X-Shopify-API-Version, as Shopify's library does", async () => {
    const id = randomUUID();
    const r = await shopify("orders/create", JSON.stringify(order(5009)), { id, apiVersion: null });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toEqual({ code: "missing_headers", message: "required headers are missing: X-Shopify-API-Version" });
    expect(await events(id)).toHaveLength(0);
  });

  it("erases a customer on customers/redact and records the request", async () => {
    const body = JSON.stringify({ shop_domain: shop, customer: { id: 50010, email: "buyer@example.com" }, orders_to_redact: [5001] });
    const id = randomUUID();
    expect((await shopify("customers/redact", body, { id })).status).toBe(200);
    await processed(id);
    expect(await sql`select 1 from public.customers where workspace_id = ${ws.id} and shopify_customer_id = '50010'`).toHaveLength(0);
    const [o] = await sql`select email_sha256, customer_id from public.orders where workspace_id = ${ws.id} and shopify_order_id = '5001'`;
    expect(o).toEqual({ email_sha256: null, customer_id: null });
    const [p] = await sql`select kind, status, details ->> 'customers_erased' as n from public.privacy_requests where workspace_id = ${ws.id}`;
    expect(p).toEqual({ kind: "erasure", status: "completed", n: "1" });
  });

  it("queues customers/data_request as an export for the privacy worker and shop/redact erases every customer", async () => {
    const req = JSON.stringify({ shop_domain: shop, customer: { id: 50020, email: "other@example.com" },
      orders_requested: [5001], data_request: { id: 9 } });
    const id = randomUUID();
    expect((await shopify("customers/data_request", req, { id })).status).toBe(200);
    await processed(id);
    const [exp] = await sql`select kind, subject ->> 'shopify_customer_id' as customer, subject ? 'email' as plaintext
      from public.privacy_requests where workspace_id = ${ws.id} and kind = 'export'`;
    // The privacy worker, woken at commit, builds and stores it (tests/flows/privacy.test.ts).
    expect(exp).toEqual({ kind: "export", customer: "50020", plaintext: false });
    await sql`select public.upsert_orders(${ws.id}, ${sql.json([{ shopify_order_id: "6001", email: "c@example.com",
      shopify_customer_id: "60010", currency: "USD", total_price_cents: 100, processed_at: "2026-11-21T00:00:00Z" }])})`;
    const redact = randomUUID();
    expect((await shopify("shop/redact", JSON.stringify({ shop_domain: shop }), { id: redact })).status).toBe(200);
    await processed(redact);
    expect(await sql`select 1 from public.customers where workspace_id = ${ws.id}`).toHaveLength(0);
    expect(await sql`select 1 from public.orders where workspace_id = ${ws.id} and email_sha256 is not null`).toHaveLength(0);
  });
});

describe("mux, tavus and chatwoot webhooks", () => {
  const mux = (body: string, t: number, secret = env.MUX_WEBHOOK_SECRET) =>
    fetch(`${api}/functions/v1/webhooks/mux`, {
      method: "POST",
      headers: { "mux-signature": `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}` },
      body,
    });

  it("verifies Mux's timestamped signature with a 5-minute window", async () => {
    const body = JSON.stringify({ id: randomUUID(), type: "video.asset.ready", data: { id: "asset1" }, tag: ws.tag });
    const now = Math.floor(Date.now() / 1000);
    expect((await mux(body, now, "forged")).status).toBe(401);
    expect((await (await mux(body, now - 600)).json()).error.code).toBe("stale_signature");
    expect(await (await mux(body, now)).json()).toEqual({ status: "processed" });
    expect(await (await mux(body, now)).json()).toEqual({ status: "duplicate" });
  });

  it("takes Tavus events with the URL token, deduplicates them by body hash and extracts the transcript", async () => {
    const body = JSON.stringify({
      event_type: "application.transcription_ready", message_type: "application", conversation_id: `c-${ws.tag}`,
      timestamp: "2026-11-21T10:00:00Z", tag: ws.tag,
      properties: { transcript: [
        { role: "system", content: "You are a demo guide." },
        { role: "user", content: "Does the balm work on dry skin?" },
        { role: "assistant", content: "Yes, it was made for it." },
      ] },
    });
    const url = (token: string) => `${api}/functions/v1/webhooks/tavus?token=${token}&workspace=${ws.id}`;
    expect((await fetch(url("wrong"), { method: "POST", body })).status).toBe(401);
    expect(await (await fetch(url(env.TAVUS_WEBHOOK_TOKEN), { method: "POST", body })).json()).toEqual({ status: "processed" });
    expect(await (await fetch(url(env.TAVUS_WEBHOOK_TOKEN), { method: "POST", body })).json()).toEqual({ status: "duplicate" });
    const msgs = await sql`select message_index, role, content_length from public.conversation_messages
      where workspace_id = ${ws.id} order by message_index`;
    expect(msgs.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(msgs[1].content_length).toBe("Does the balm work on dry skin?".length);
    const other = JSON.stringify({ event_type: "application.transcription_ready", conversation_id: "x", tag: ws.tag });
    const noWs = await fetch(`${api}/functions/v1/webhooks/tavus?token=${env.TAVUS_WEBHOOK_TOKEN}`, { method: "POST", body: other });
    expect(noWs.status).toBe(202);
  });
});

/**
 * These tests assert the wake-up at commit. A wake-up left pending by an earlier gateway (stopped
 * or restarted by another test before pg_net performed it) holds new ones back for 30 s, until it
 * counts as lost, and the every-minute sweeper would deliver instead: start from none pending.
 */
async function noPendingWakeup(name: string) {
  await sql`update private.callable_functions set wake_requested_at = null where name = ${name}`;
}

describe("outbound webhooks", () => {
  it("a delivery queued by the order trigger reaches the receiver with no manual call, signed with Standard Webhooks", async () => {
    const [ep] = await sql`insert into public.webhook_endpoints (workspace_id, url, events)
      values (${ws.id}, ${fake.url + "/sink/orders"}, '{order.created}') returning id`;
    const [{ secret }] = await sql`select private.new_webhook_secret(${ep.id}) as secret`;
    const [{ before }] = await sql`select coalesce(max(id), 0) as before from net._http_response`;
    fake.sinkStatus = 200;
    const seen = fake.requests.length;
    await noPendingWakeup("webhook-dispatch");
    // Nothing but the database runs now: the order's trigger queues a delivery; pg_cron's 2-second
    // job sees it due and calls webhook-dispatch through net.http_post with the Vault secrets (the
    // migrations' cloud branch); the stack's pg_net worker performs that call.
    await sql`select public.upsert_orders(${ws.id}, ${sql.json([{ shopify_order_id: "7001", currency: "USD",
      total_price_cents: 100, processed_at: "2026-11-21T00:00:00Z" }])})`;
    const hit = await waitFor("the delivery at the receiver", () => fake.requests.slice(seen).find((r) => r.path === "/sink/orders"));
    const expected = await standardWebhookSignature(secret, String(hit.headers["webhook-id"]),
      Number(hit.headers["webhook-timestamp"]), hit.body);
    expect(hit.headers["webhook-signature"]).toBe(expected);
    expect(JSON.parse(hit.body)).toMatchObject({ type: "order.created", data: { shopify_order_id: "7001" } });
    // The receiver is hit inside the dispatcher's call; pg_net records the dispatcher's answer only
    // after that call returns: wait for the recorded answer, not for the receiver.
    const call = await waitFor("pg_net to record the dispatcher's answer", async () =>
      (await sql`select r.status_code, r.content from net._http_response r where r.id > ${before}`)
        .find((c) => c.status_code === 200 && JSON.parse(c.content).succeeded === 1));
    expect(call.status_code).toBe(200);
    await waitFor("the delivery to succeed", async () => (await sql`select 1 from public.webhook_deliveries where endpoint_id = ${ep.id}
      and status = 'succeeded'`).length === 1 || undefined);
  });

  it("retries a failing endpoint with backoff and dead-letters after the last attempt", async () => {
    const [ep] = await sql`select id from public.webhook_endpoints where workspace_id = ${ws.id} and url like '%/sink/orders'`;
    fake.sinkStatus = 500;
    await noPendingWakeup("webhook-dispatch");
    await sql`select public.upsert_orders(${ws.id}, ${sql.json([{ shopify_order_id: "7002", currency: "USD",
      total_price_cents: 100, processed_at: "2026-11-21T00:00:00Z" }])})`;
    const d = await waitFor("the first attempt's 500 to be recorded", async () => {
      const [row] = await sql`select status, attempts, last_status_code, next_attempt_at > now() as later
        from public.webhook_deliveries where endpoint_id = ${ep.id} and payload #>> '{data,shopify_order_id}' = '7002'`;
      // attempts counts claims: wait until the attempt's answer (the 500) is recorded too
      return row?.attempts === 1 && row.last_status_code === 500 ? row : undefined;
    });
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_status_code: 500, later: true });
    // The 8th attempt is due now: a round (the minute sweeper's, or this call) makes it and dead-letters the delivery.
    await sql`update public.webhook_deliveries set attempts = 7, next_attempt_at = now() where endpoint_id = ${ep.id} and status = 'pending'`;
    await fetch(`${api}/functions/v1/webhook-dispatch`, { method: "POST", headers: { authorization: `Bearer ${await serviceKey()}` } });
    await waitFor("the delivery to be dead-lettered", async () => (await sql`select 1 from public.webhook_deliveries where endpoint_id = ${ep.id}
      and status = 'dead'`).length === 1 || undefined);
    const [ep2] = await sql`select consecutive_failures, enabled from public.webhook_endpoints where id = ${ep.id}`;
    expect(ep2).toEqual({ consecutive_failures: 2, enabled: true });
    fake.sinkStatus = 200;
  });

  it("an admin cannot register an endpoint on our own network; one that predates the rule is refused at delivery, no redirect followed", async () => {
    const admin = await userClient(ws.people.admin.jwt);
    for (const url of ["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://2852039166/latest/",
      "http://[::ffff:169.254.169.254]/", "http://10.0.0.7:8080/hook", "https://metadata.google.internal/"]) {
      const r = await admin.rpc("create_webhook_endpoint", { p_workspace_id: ws.id, p_url: url, p_events: ["order.created"] });
      expect([r.status, r.error?.code], url).toEqual([400, "22023"]);
      expect(r.error?.message, url).toMatch(/^url: this endpoint cannot receive webhooks \(/);
    }
    // Endpoints written before the rule (or whose host changed since): triggers off for this insert only.
    const planted = await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      return await tx`insert into public.webhook_endpoints (workspace_id, url, events) values
        (${ws.id}, 'http://169.254.169.254/latest/meta-data/', '{order.updated}'),
        (${ws.id}, ${fake.url + "/redirect"}, '{order.updated}') returning id, url`;
    });
    for (const ep of planted) await sql`select private.new_webhook_secret(${ep.id})`;
    const seen = fake.requests.length;
    await sql`select public.upsert_orders(${ws.id}, ${sql.json([{ shopify_order_id: "7001", currency: "USD",
      total_price_cents: 101, processed_at: "2026-11-21T00:00:00Z" }])})`;
    const outcome = async (id: string) => {
      const { data } = await admin.from("webhook_deliveries").select("*").eq("endpoint_id", id);
      return data?.[0]?.last_error || data?.[0]?.last_status_code ? data[0] : undefined;
    };
    const metadata = await waitFor("the metadata endpoint's refusal", () => outcome(planted[0].id), 15_000);
    expect(metadata).toMatchObject({ status: "pending", last_status_code: null, last_error: "refused: cloud metadata address" });
    const redirected = await waitFor("the redirecting endpoint's answer", () => outcome(planted[1].id), 15_000);
    expect(redirected).toMatchObject({ status: "pending", last_status_code: 307, last_error: "HTTP 307" });
    expect(fake.requests.slice(seen).map((r) => r.path)).toEqual(["/redirect"]);
    await sql`delete from public.webhook_endpoints where id in ${sql(planted.map((p) => p.id))}`;
  });

  it("refuses the dispatcher to anyone without the service role key", async () => {
    const r = await fetch(`${api}/functions/v1/webhook-dispatch`, { method: "POST", headers: { authorization: `Bearer ${ws.people.admin.jwt}` } });
    expect(r.status).toBe(401);
  });
});
