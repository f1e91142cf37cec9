// The klaviyo-sync worker (queue klaviyo_sync, one job per connection at a time): consenting
// customers become Klaviyo profiles (profile-import upserts by email), and their orders "Placed
// Order" events whose unique_id is order:<Shopify order id>, so Klaviyo keeps one event per order
// however often it is sent. The cursors move (private.klaviyo_synced) only past what Klaviyo
// accepted; a 429 ends the turn throttled until Retry-After, a refused key marks the connection
// reauth_required.
import { type ClaimedJob, type JobReport, jobRound } from "../_shared/connector_jobs.ts";
import { asService } from "../_shared/db.ts";
import { authorizedClient, credentials } from "../_shared/providers/credentials.ts";
import type { Client } from "../_shared/providers/http.ts";
import { klaviyoAuth, klaviyoClient } from "../_shared/providers/klaviyo.ts";
import { drain, type Totals } from "../_shared/queue_worker.ts";
import type { WorkerDeps } from "../_shared/worker_deps.ts";

interface Profile {
  customer_id: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  updated_at: string;
}

interface Order {
  id: string;
  shopify_order_id: string;
  order_number: string | null;
  email: string;
  external_id: string | null;
  currency: string;
  total_price_cents: number;
  processed_at: string;
  updated_at: string;
  items: {
    sku: string | null;
    title: string | null;
    quantity: number;
    price_cents: number;
    product_id: string | null;
  }[];
}

const BATCH = 100;
const JSON_API = { "content-type": "application/vnd.api+json" };

export function profileBody(p: Profile) {
  return {
    data: {
      type: "profile",
      attributes: {
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone ? { phone_number: p.phone } : {}),
        ...(p.external_id ? { external_id: `shopify:${p.external_id}` } : {}),
      },
    },
  };
}

export function placedOrderBody(o: Order) {
  return {
    data: {
      type: "event",
      attributes: {
        unique_id: `order:${o.shopify_order_id}`,
        time: o.processed_at,
        value: o.total_price_cents / 100,
        value_currency: o.currency,
        properties: {
          OrderId: o.shopify_order_id,
          OrderNumber: o.order_number,
          Items: o.items.map((i) => ({
            SKU: i.sku,
            ProductName: i.title,
            Quantity: i.quantity,
            ItemPrice: i.price_cents / 100,
            ProductID: i.product_id,
          })),
        },
        metric: { data: { type: "metric", attributes: { name: "Placed Order" } } },
        profile: { data: { type: "profile", attributes: { email: o.email } } },
      },
    },
  };
}

async function turn(d: WorkerDeps, api: Client, job: ClaimedJob<unknown, unknown>): Promise<JobReport> {
  const began = d.now();
  for (;;) {
    const [{ b }] = await asService(
      d.sql,
      (tx) => tx`select private.klaviyo_batch(${job.job_id}, ${job.lease_id}, ${BATCH}) as b`,
    );
    const { profiles, orders } = b as { profiles: Profile[]; orders: Order[] };
    if (!profiles.length && !orders.length) return { outcome: "done", connection: { outcome: "ok" } };
    // one item at a time, the cursor saved after each page; a failure keeps what was accepted
    let lastProfile: Profile | null = null;
    let lastOrder: Order | null = null;
    let failure: unknown = null;
    try {
      for (const p of profiles) {
        await api.call({ path: "api/profile-import/", json: profileBody(p), headers: JSON_API });
        lastProfile = p;
      }
      for (const o of orders) {
        await api.call({ path: "api/events/", json: placedOrderBody(o), headers: JSON_API });
        lastOrder = o;
      }
    } catch (e) {
      failure = e;
    }
    const np = lastProfile ? profiles.indexOf(lastProfile) + 1 : 0;
    const no = lastOrder ? orders.indexOf(lastOrder) + 1 : 0;
    if (lastProfile || lastOrder) {
      await asService(d.sql, (tx) =>
        // cursors as text: a timestamptz parameter would go through a JS Date and lose microseconds
        tx`select private.klaviyo_synced(${job.job_id}, ${job.lease_id}, ${
          lastProfile?.updated_at ?? null
        }::text::timestamptz,
          ${lastProfile?.customer_id ?? null}, ${lastOrder?.updated_at ?? null}::text::timestamptz, ${
          lastOrder?.id ?? null
        }, ${np}, ${no})`);
    }
    if (failure) throw failure;
    if (d.now() - began > 20_000) return { outcome: "continue", connection: { outcome: "ok" } };
  }
}

export async function runKlaviyo(d: WorkerDeps, once = false): Promise<Totals> {
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "klaviyo sync" });
  const base = klaviyoClient(d.settings.KLAVIYO_API_URL, { fetch: d.fetch, now: d.now });
  return await drain(
    { sql: d.sql, name: "klaviyo-sync", roundSize: 4, budgetMs: 25_000, untilEmpty: true, once, now: d.now },
    jobRound(
      d.sql,
      "klaviyo_sync",
      (job) => turn(d, authorizedClient(base, creds, job.connection_id!, klaviyoAuth), job),
      { now: d.now },
    ),
  );
}
