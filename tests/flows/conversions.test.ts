// Conversions sent back server-side, through the running stack: an admin connects Meta and
// TikTok (OAuth) and GA4 (its API secret), configures the destinations; the storefront's pixel
// events and new orders are queued and sent by the conversions worker with nobody calling it,
// with hashed user data and the event id the browser pixel uses; consent decides; statuses and
// the hourly accuracy come from the real results; failures retry and end as failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Client, serviceClient, userClient } from "../helpers/api.ts";
import { adFakes, connect, sha256, waitFor } from "../helpers/ads.ts";
import { AdWorld } from "../helpers/fakes/ad_world.ts";
import { api, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fakes = adFakes();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let admin: Client;
let service: Client;
const pixel = { meta: "1234567890123", ga4: "G-TEST1234", tiktok: "CTESTPIXEL0123456789" };

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
  admin = await userClient(ws.people.admin.jwt);
  service = await serviceClient();
  const n = Number.parseInt(ws.tag, 16) % 1_000_000_000;
  const tiny = { currency: "EUR", timezone: "UTC", campaigns: 1, adGroupsPerCampaign: 1, adsPerAdGroup: 1, historyDays: 1 };
  fakes.meta.add(new AdWorld({ ...tiny, accountId: `act_${n}`, seed: 7 }));
  fakes.tiktok.add(new AdWorld({ ...tiny, accountId: String(7_100_000_000 + n), seed: 8 }));
  const metaConn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", `act_${n}`);
  const tiktokConn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "tiktok", String(7_100_000_000 + n));
  const r = await fetch(`${api}/functions/v1/oauth/secret`, {
    method: "POST",
    headers: { authorization: `Bearer ${ws.people.admin.jwt}`, "content-type": "application/json" },
    body: JSON.stringify({ workspaceId: ws.id, provider: "ga4", accountId: pixel.ga4, secret: "ga4-api-secret-123" }),
  });
  expect(r.status).toBe(200);
  const { connectionId: ga4Conn } = await r.json();
  const made = await admin.from("conversion_destinations").insert([
    { workspace_id: ws.id, destination: "meta", connection_id: metaConn, pixel_id: pixel.meta, require_consent: true },
    { workspace_id: ws.id, destination: "ga4", connection_id: ga4Conn, pixel_id: pixel.ga4, require_consent: false },
    { workspace_id: ws.id, destination: "tiktok", connection_id: tiktokConn, pixel_id: pixel.tiktok, require_consent: true },
  ]).select("destination");
  expect(made.error).toBeNull();
}, 120_000);

beforeEach(() => {
  for (const f of [fakes.meta, fakes.tiktok, fakes.ga4]) f.clearFaults();
});

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await sql.end();
});

const statuses = (eventId: string) =>
  sql`select meta_status::text as meta, ga4_status::text as ga4, tiktok_status::text as tiktok, last_error, user_data
      from public.pixel_events where workspace_id = ${ws.id} and event_id = ${eventId}`.then((r) => r[0]);
const settled = (eventId: string) =>
  waitFor(`event ${eventId} to settle`, () => statuses(eventId), (s) => !!s && [s.meta, s.ga4, s.tiktok].every((x) => x !== "pending"));
const metaEvent = (id: string) => fakes.meta.events.flatMap((b) => b.body.data).find((e) => e.event_id === id);
const tiktokEvent = (id: string) => fakes.tiktok.events.flatMap((b) => b.body.data ?? []).find((e) => e.event_id === id);
const ga4Hit = (tx: string) => fakes.ga4.hits.find((h) => h.body.events?.some((e) => e.params.transaction_id === tx || e.params.event_id === tx));

describe("destinations", () => {
  it("only admins see and change them; a destination sends with the workspace's connection of its platform", async () => {
    const member = await userClient(ws.people.member.jwt);
    expect((await member.from("conversion_destinations").select("*").eq("workspace_id", ws.id)).data).toEqual([]);
    const { data } = await admin.from("conversion_destinations").select("destination, pixel_id, require_consent").order("destination");
    expect(data).toEqual([
      { destination: "meta", pixel_id: pixel.meta, require_consent: true },
      { destination: "ga4", pixel_id: pixel.ga4, require_consent: false },
      { destination: "tiktok", pixel_id: pixel.tiktok, require_consent: true },
    ]);
    const [{ id: ga4Conn }] = await sql`select id from public.integration_connections where workspace_id = ${ws.id} and provider = 'ga4'`;
    const wrong = await admin.from("conversion_destinations").update({ connection_id: ga4Conn }).eq("destination", "meta").eq("workspace_id", ws.id);
    expect(wrong.error).toMatchObject({ code: "22023" });
  });
});

describe("sending", () => {
  it("a storefront event with consent reaches all three, hashed, its plaintext never stored", async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const r = await service.rpc("record_conversion_events", {
      p_workspace_id: ws.id,
      p_events: [{
        event_id: `atc-${ws.tag}`, event_name: "add_to_cart", occurred_at: at, visitor_id: `v-${ws.tag}`, value_cents: 2599,
        currency: "EUR", marketing_consent: true,
        user_data: { email: "  Jane.Doe@Example.COM ", fbp: "fb.1.1700000000000.123", ttp: "ttp-1", client_user_agent: "Mozilla/5.0", page_url: "https://shop.test/p/balm" },
      }],
    });
    expect(r.data).toEqual([{ inserted: 1, duplicates: 0 }]);
    const s = await settled(`atc-${ws.tag}`);
    expect([s.meta, s.ga4, s.tiktok]).toEqual(["sent", "sent", "sent"]);
    const em = sha256("jane.doe@example.com");
    expect(s.user_data).toMatchObject({ em, fbp: "fb.1.1700000000000.123" });
    expect(JSON.stringify(s)).not.toMatch(/jane/i);
    expect(metaEvent(`atc-${ws.tag}`)).toMatchObject({ event_name: "AddToCart", action_source: "website",
      event_source_url: "https://shop.test/p/balm", user_data: { em: [em], fbp: "fb.1.1700000000000.123", client_user_agent: "Mozilla/5.0" },
      custom_data: { value: 25.99, currency: "EUR" } });
    expect(tiktokEvent(`atc-${ws.tag}`)).toMatchObject({ event: "AddToCart", user: { email: em, ttp: "ttp-1" } });
    const hit = ga4Hit(`atc-${ws.tag}`)!;
    expect(hit).toMatchObject({ measurementId: pixel.ga4, apiSecret: "ga4-api-secret-123",
      body: { client_id: `v-${ws.tag}`, consent: { ad_user_data: "GRANTED" }, user_data: { sha256_email_address: [em] } } });
    const again = await service.rpc("record_conversion_events", { p_workspace_id: ws.id, p_events: [{ event_id: `atc-${ws.tag}`, event_name: "add_to_cart", occurred_at: at }] });
    expect(again.data).toEqual([{ inserted: 0, duplicates: 1 }]); // recorded once, sent once
  }, 60_000);

  it("an order becomes a purchase with the Shopify order id as event id, and the accuracy counts what reached each platform", async () => {
    const processed = new Date(Date.now() - 5 * 60_000).toISOString();
    const order = `50${Number.parseInt(ws.tag, 16)}`;
    const up = await service.rpc("upsert_orders", { p_workspace_id: ws.id, p_orders: [{
      shopify_order_id: order, currency: "EUR", total_price_cents: 12_345, processed_at: processed, email: "jane.doe@example.com",
      phone: "+44 20 7946 0958", shopify_customer_id: "777", visitor_id: `v-${ws.tag}`,
      landing_site: "https://shop.test/?fbclid=IwAR123&ttclid=tt-9",
    }] });
    expect(up.error).toBeNull();
    const s = await settled(order);
    expect([s.meta, s.ga4, s.tiktok]).toEqual(["sent", "sent", "sent"]); // the visitor consented on the storefront
    const m = metaEvent(order)!;
    expect(m).toMatchObject({ event_name: "Purchase", event_id: order, custom_data: { value: 123.45, currency: "EUR", order_id: order },
      user_data: { em: [sha256("jane.doe@example.com")], external_id: [sha256("777")] } });
    expect(m.user_data).not.toHaveProperty("ph"); // Meta hashes phones without the "+" ours carry
    expect(tiktokEvent(order)!.user).toMatchObject({ phone: sha256("+442079460958") });
    expect((m.user_data as { fbc: string }).fbc).toMatch(/^fb\.1\.\d{13}\.IwAR123$/);
    expect(tiktokEvent(order)).toMatchObject({ event: "CompletePayment", properties: { value: 123.45, currency: "EUR" }, user: { ttclid: "tt-9" } });
    expect(ga4Hit(order)!.body.events![0]).toMatchObject({ name: "purchase", params: { transaction_id: order, value: 123.45, currency: "EUR" } });
    const hour = new Date(processed);
    hour.setUTCMinutes(0, 0, 0);
    const [acc] = await sql`select shopify_orders, tracked_orders, ga4_sent, meta_sent, tiktok_sent, meta_accuracy::float
      from public.pixel_accuracy_hourly where workspace_id = ${ws.id} and hour = ${hour}`;
    expect(acc).toEqual({ shopify_orders: 1, tracked_orders: 1, ga4_sent: 1, meta_sent: 1, tiktok_sent: 1, meta_accuracy: 1 });
  }, 60_000);

  it("without the visitor's consent only the destination that does not require it is sent", async () => {
    const order = `51${Number.parseInt(ws.tag, 16)}`;
    await service.rpc("upsert_orders", { p_workspace_id: ws.id, p_orders: [{
      shopify_order_id: order, currency: "EUR", total_price_cents: 500, processed_at: new Date().toISOString(), visitor_id: `stranger-${ws.tag}`,
    }] });
    const s = await settled(order);
    expect([s.meta, s.ga4, s.tiktok]).toEqual(["skipped", "sent", "skipped"]);
    expect(metaEvent(order)).toBeUndefined();
    expect(ga4Hit(order)!.body.consent).toBeUndefined(); // unknown consent is not claimed either way
  }, 60_000);
});

describe("failures", () => {
  it("a 500 is retried; a refused batch is sent again event by event; TikTok's refusal ends as failed with the error", async () => {
    fakes.meta.fail({ kind: "status", status: 500 }, { when: "/events" });
    // the batch, then each of its two events one by one: refused every time
    fakes.tiktok.fail({ kind: "status", status: 200, json: { code: 40002, message: "event_time: too old", data: {} } }, { when: "/event/track/", times: 3 });
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    await service.rpc("record_conversion_events", { p_workspace_id: ws.id, p_events: [
      { event_id: `pv1-${ws.tag}`, event_name: "page_view", occurred_at: at(30), marketing_consent: true },
      { event_id: `pv2-${ws.tag}`, event_name: "page_view", occurred_at: at(20), marketing_consent: true },
    ] });
    const failed = await waitFor("tiktok to fail", () => statuses(`pv1-${ws.tag}`), (s) => s?.tiktok === "failed");
    expect(failed.last_error).toBe("tiktok: TikTok error 40002: event_time: too old");
    const [job] = await waitFor("the meta jobs to retry", () => sql`select status::text, attempts, last_error from private.connector_jobs
      where queue = 'conversions' and payload ->> 'event_id' = ${`pv1-${ws.tag}`} and payload ->> 'destination' = 'meta'`,
      (rows) => rows[0]?.status === "queued" && rows[0]?.attempts === 1);
    expect(job.last_error).toMatch(/^Meta answered 500/);
    // the next attempt's batch is refused once (one bad event, say): the two go again one by one
    fakes.meta.fail({ kind: "status", status: 400, json: { error: { message: "Invalid parameter", type: "OAuthException", code: 100 } } }, { when: "/events" });
    const before = fakes.meta.calls("/events").length;
    await sql`update private.connector_jobs set next_attempt_at = now() where queue = 'conversions' and workspace_id = ${ws.id} and status = 'queued'`;
    await fetch(`${api}/functions/v1/conversions`, { method: "POST", headers: { authorization: `Bearer ${await serviceKey()}` } });
    await waitFor("meta to be sent", () => statuses(`pv2-${ws.tag}`), (s) => s?.meta === "sent");
    expect((await statuses(`pv1-${ws.tag}`)).meta).toBe("sent");
    expect(fakes.meta.calls("/events").length - before).toBe(3); // the refused batch, then each event
  }, 60_000);
});
