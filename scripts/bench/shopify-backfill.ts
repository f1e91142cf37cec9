// npm run bench -- shopify-backfill [--orders 100000] [--webhooks 5000] [--concurrency 50]
// The two ways orders reach the database, side by side in one run:
// - backfill: a bulk operation's JSONL of --orders orders (one line item each) served by the fake
//   Shopify on 127.0.0.1 (API port + 78), streamed by the shopify-sync worker and applied in
//   chunks of 500 through public.upsert_orders; orders/s over the reading of the file (from the
//   operation completing to the run completing), and over the whole run (start, poll, read);
// - webhooks: --webhooks signed orders/create deliveries from --concurrency senders through the
//   webhooks function and the batch processor; orders/s from the first acknowledgement to the
//   last processed event.
// Waits the worker would sleep out (its poll interval) are cut short, as the finish webhook does.
import { createHmac, randomUUID } from "node:crypto";
import type postgres from "postgres";
import { encryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { orderLines, ShopifyFake } from "../../tests/helpers/fakes/shopify.ts";
import { FakeServer } from "../../tests/helpers/fakes/server.ts";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { fakeProvidersUrl, localIntegrationEnv } from "../lib/gateway.ts";
import { stackKeys } from "../lib/keys.ts";
import { load, ms } from "./load.ts";
import { arg, benchDatabase, fmt } from "./scratch.ts";

async function untilDone(sql: postgres.Sql, runId: string, call: () => Promise<unknown>) {
  for (;;) {
    const [r] = await sql`select status, last_error from public.shopify_sync_runs where id = ${runId}`;
    if (r.status === "completed") return;
    if (r.status === "failed") throw new Error(`the backfill failed: ${r.last_error}`);
    await sql`update private.connector_jobs set next_attempt_at = now()
              where payload ->> 'run_id' = ${runId} and status = 'queued' and next_attempt_at > now()`;
    await call();
  }
}

async function untilProcessed(sql: postgres.Sql, workspaceId: string) {
  for (;;) {
    const [{ n }] = await sql`select count(*)::int as n from private.webhook_events
      where workspace_id = ${workspaceId} and status in ('pending', 'failed')`;
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function main(args: string[]): Promise<void> {
  const orders = arg(args, "orders", 100_000);
  const hooks = arg(args, "webhooks", 5000);
  const concurrency = arg(args, "concurrency", 50);
  const c = stackConfig();
  const env = localIntegrationEnv(c);
  const api = apiUrl(c);
  const { secretKey } = await stackKeys(c);
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const shop = `bench-${tag}.myshopify.com`;
  const shopify = new ShopifyFake();
  shopify.baseUrl = `${fakeProvidersUrl(c)}/shopify`;
  shopify.bulkReadyMs = 50;
  const server = await new FakeServer(Number(new URL(fakeProvidersUrl(c)).port), shopify).start();
  const [ws] = await sql`insert into public.workspaces (name, slug) values ('bench', ${"bench-" + tag}) returning id`;
  const cleanup = `
    delete from private.webhook_events where workspace_id = '${ws.id}';
    delete from public.workspaces where id = '${ws.id}';`;
  try {
    const token = "shpat_bench";
    shopify.tokens.set(token, shop);
    shopify.shop(shop);
    const t = new Date("2026-11-20T10:00:00Z").toISOString();
    shopify.orderSource.set(shop, function* () {
      for (let i = 0; i < orders; i++) {
        yield* orderLines({
          id: 1_000_000 + i, name: `#B${i}`, email: `buyer${i % 500}@example.com`, customerId: 70_000 + (i % 500), total: "40.00",
          processedAt: t, updatedAt: t,
          items: [{ id: 5_000_000 + i, variantId: 2, productId: 1, sku: "SKU-1", title: "Balm", quantity: 1, price: "40.00" }],
        });
      }
    });
    const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
    const [conn] = await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
      values (${ws.id}, 'shopify', ${shop}, 'active') returning id`;
    await sql`insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
      values (${conn.id}, ${await encryptToken(ring, token)}, ${ring.currentId})`;
    const call = () =>
      fetch(`${api}/functions/v1/shopify-sync`, {
        method: "POST",
        headers: { apikey: secretKey, authorization: `Bearer ${secretKey}`, "content-type": "application/json" },
        body: "{}",
      }).then((r) => r.text());

    // ----- backfill
    const t0 = Date.now();
    const [run] = await sql`select (private.start_shopify_backfill(${conn.id}::uuid, 'manual', null)).id`;
    await untilDone(sql, run.id, call);
    const total = (Date.now() - t0) / 1000;
    const [r] = await sql`select orders_count, lines_read, lines_rejected, started_at, finished_at from public.shopify_sync_runs where id = ${run.id}`;
    const ordersOp = [...shopify.ops.values()].find((o) => o.shop === shop && o.phase === "orders")!;
    const readSeconds = (new Date(r.finished_at).getTime() - new Date(ordersOp.createdAt).getTime()) / 1000 - shopify.bulkReadyMs / 1000;
    const [{ stored }] = await sql`select count(*)::int as stored from public.orders where workspace_id = ${ws.id}`;

    // ----- webhooks, same workspace, other orders
    const secret = env.SHOPIFY_API_SECRET;
    const deliveries = Array.from({ length: hooks }, (_, i) => {
      const body = JSON.stringify({
        id: 9_000_000 + i, name: `#W${i}`, email: `buyer${i % 500}@example.com`, currency: "USD",
        subtotal_price: "40.00", total_price: "40.00", financial_status: "paid",
        processed_at: t, updated_at: t, customer: { id: 70_000 + (i % 500) },
        line_items: [{ product_id: 1, variant_id: 2, sku: "SKU-1", title: "Balm", quantity: 1, price: "40.00" }],
      });
      return { id: randomUUID(), body, hmac: createHmac("sha256", secret).update(body).digest("base64") };
    });
    const url = `${api}/functions/v1/webhooks/shopify`;
    const w0 = Date.now();
    const ack = await load((i) => ({
      url,
      body: deliveries[i].body,
      headers: {
        "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-api-version": "2025-01",
        "x-shopify-webhook-id": deliveries[i].id, "x-shopify-hmac-sha256": deliveries[i].hmac,
      },
    }), hooks, concurrency);
    await untilProcessed(sql, ws.id);
    const [p] = await sql`select min(received_at) as first_in, max(processed_at) as last_out,
        count(*) filter (where status = 'processed')::int as processed
      from private.webhook_events where workspace_id = ${ws.id} and topic = 'orders/create'`;
    const webhookSeconds = (new Date(p.last_out).getTime() - new Date(p.first_in).getTime()) / 1000;
    const [{ all }] = await sql`select count(*)::int as all from public.orders where workspace_id = ${ws.id}`;

    console.log(`shopify-backfill benchmark: ${fmt(orders, 0)} orders in one bulk operation's JSONL (${fmt(Number(r.lines_read), 0)} lines), ` +
      `beside ${fmt(hooks, 0)} orders/create webhooks from ${concurrency} senders, in one run`);
    console.log(`backfill: ${fmt(Number(r.orders_count) / readSeconds, 0)} orders/s reading and applying the file ` +
      `(${readSeconds.toFixed(1)} s); ${fmt(orders / total, 0)} orders/s over the whole run (${total.toFixed(1)} s: start, poll, read); ` +
      `${fmt(stored, 0)} orders stored, ${r.lines_rejected} lines rejected; ${shopify.ranges.length} turns resumed with a ranged read`);
    console.log(`webhooks: ${fmt(p.processed / webhookSeconds, 0)} orders/s processed (first ack to last processed, ${webhookSeconds.toFixed(1)} s); ` +
      `acks ${fmt(ack.rate, 0)} req/s, p50 ${ms(ack.p50)}, p99 ${ms(ack.p99)}; sent over ${((Date.now() - w0) / 1000).toFixed(1)} s`);
    console.log(`backfill / webhook processing: ${((Number(r.orders_count) / readSeconds) / (p.processed / webhookSeconds)).toFixed(1)}x; ` +
      `orders stored in total ${fmt(all, 0)} (expected ${fmt(orders + hooks, 0)})`);
  } finally {
    await server.stop();
    await done(cleanup);
  }
}
