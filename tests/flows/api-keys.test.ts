// API-key connections end to end: keys verified against the provider before they are saved (a bad
// key is refused and nothing is stored), encrypted, audited, never returned; Klaviyo profiles and
// Placed Order events (revision pinned, one event per order, 429 with Retry-After honoured); the
// one-time Yotpo import (idempotent, media linked, verified buyers kept); a user's own key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { KLAVIYO_REVISION } from "../../functions/_shared/providers/klaviyo.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { KlaviyoFake } from "../helpers/fakes/klaviyo.ts";
import { YotpoFake } from "../helpers/fakes/yotpo.ts";
import { callWorker, nudge, waitFor } from "../helpers/shopify.ts";
import { api, config, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const klaviyo = fake.mount(new KlaviyoFake());
const yotpo = fake.mount(new YotpoFake());
const openai = new FakeOpenAi();
const env = localIntegrationEnv(config);
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;

const GOOD_KLAVIYO = "pk_good_0123456789abcdef";

function saveKey(jwt: string, body: Record<string, unknown>) {
  return fetch(`${api}/functions/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  await fake.start();
  await openai.start();
  ws = await workspaceWithRoles(sql);
  klaviyo.validKeys.add(GOOD_KLAVIYO);
  yotpo.apps.set(`app${ws.tag}`, "yotpo-secret-123456");
  yotpo.reviews.set(`app${ws.tag}`, Array.from({ length: 130 }, (_, i) => ({
    id: 3000 + i, sku: `prod-${i % 3}`, score: 1 + (i % 5), title: `Review ${i}`, content: `Body ${i}`, name: `Reviewer ${i}`,
    email: `r${i}@example.com`, reviewer_type: i % 2 ? "verified_buyer" as const : "anonymous_user" as const,
    created_at: "2026-10-01T10:00:00Z", deleted: i === 129,
    images_data: i % 10 === 0 ? [{ id: i, thumb_url: `https://cdn.yotpo.test/t/${i}.jpg`, original_url: `https://cdn.yotpo.test/o/${i}.jpg` }] : [],
  })));
  // customers and orders to sync: one consenting, one not
  const [ann] = await sql`insert into public.customers (workspace_id, shopify_customer_id, accepts_marketing)
                          values (${ws.id}, '801', true) returning id`;
  await sql`insert into private.customer_contacts (workspace_id, customer_id, email) values (${ws.id}, ${ann.id}, 'ann@example.com')`;
  await sql`insert into public.customers (workspace_id, shopify_customer_id, accepts_marketing) values (${ws.id}, '802', false)`;
  await sql`select public.upsert_orders(${ws.id}::uuid, ${sql.json([1, 2, 3].map((n) => ({
    shopify_order_id: `77${n}`, order_number: `#77${n}`, shopify_customer_id: n === 3 ? "802" : "801", currency: "USD",
    total_price_cents: 1000 * n, financial_status: "paid", processed_at: "2026-12-01T10:00:00Z",
    line_items: [{ sku: "S", title: "Soap", quantity: n, price_cents: 1000 }],
  })))}::jsonb)`;
});

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fake.stop();
  await openai.stop();
  await sql.end();
});

describe("saving keys", () => {
  it("refuses a key the provider refuses, storing nothing", async () => {
    const r = await saveKey(ws.people.admin.jwt, { scope: "workspace", workspaceId: ws.id, provider: "klaviyo", privateKey: "pk_bad_0000000000" });
    expect(r.status).toBe(422);
    expect((await r.json()).error.code).toBe("key_rejected");
    const y = await saveKey(ws.people.admin.jwt, { scope: "workspace", workspaceId: ws.id, provider: "yotpo", appKey: `app${ws.tag}`, secret: "wrong-secret-1" });
    expect(y.status).toBe(422);
    expect(await sql`select id from public.integration_connections where workspace_id = ${ws.id}`).toHaveLength(0);
  });

  it("lets only admins save a workspace's key, before asking the provider", async () => {
    const before = klaviyo.requests.length;
    const r = await saveKey(ws.people.member.jwt, { scope: "workspace", workspaceId: ws.id, provider: "klaviyo", privateKey: GOOD_KLAVIYO });
    expect(r.status).toBe(403);
    expect(klaviyo.requests.length).toBe(before);
  });

  it("verifies, encrypts and stores a good key, audits the write, and never returns it", async () => {
    const r = await saveKey(ws.people.admin.jwt, { scope: "workspace", workspaceId: ws.id, provider: "klaviyo", privateKey: GOOD_KLAVIYO });
    const body = await r.json();
    expect(r.status).toBe(201);
    expect(body).toMatchObject({ provider: "klaviyo", externalAccountId: "KlAcct1", hint: "cdef" });
    expect(JSON.stringify(body)).not.toContain(GOOD_KLAVIYO);
    const [c] = await sql`select c.id, c.metadata, t.access_token_ciphertext from public.integration_connections c
                          join private.integration_tokens t on t.connection_id = c.id where c.workspace_id = ${ws.id} and c.provider = 'klaviyo'`;
    expect(c.access_token_ciphertext).not.toContain(GOOD_KLAVIYO);
    const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
    expect(await decryptToken(ring, c.access_token_ciphertext)).toBe(GOOD_KLAVIYO);
    expect(c.metadata).toMatchObject({ connected_via: "api_key", key_hint: "cdef" });
    const [audit] = await sql`select action, actor_id, reason from public.audit_log
                              where workspace_id = ${ws.id} and table_name = 'integration_tokens' and record_id = ${c.id}::text and action = 'insert'`;
    expect(audit).toMatchObject({ reason: "api key saved", actor_id: ws.people.admin.id });
  });

  it("stores a user's own verified key as their secret, audited in their trail", async () => {
    openai.validKeys.add("sk-mine-0123456789");
    const bad = await saveKey(ws.people.member.jwt, { scope: "user", provider: "openai", key: "sk-nope-0123456789" });
    expect(bad.status).toBe(422);
    const good = await saveKey(ws.people.member.jwt, { scope: "user", provider: "openai", name: "openai", key: "sk-mine-0123456789" });
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ name: "openai", hint: "6789" });
    const trail = await sql`select action from public.secret_audit_logs where user_id = ${ws.people.member.id}`;
    expect(trail.map((t) => t.action)).toContain("create");
  });
});

describe("Klaviyo", () => {
  it("syncs consenting customers as profiles and their orders as Placed Order events, once each, with the revision pinned", async () => {
    klaviyo.fail({ kind: "throttle", seconds: 1 }, { when: "/api/events/", times: 1 });
    await waitFor(async () => {
      await nudge(sql, ws.id, "klaviyo_sync");
      await callWorker("klaviyo-sync");
      return klaviyo.events.size === 2 ? true : undefined;
    }, 30_000, "the events to reach Klaviyo");
    expect([...klaviyo.profiles.keys()]).toEqual(["ann@example.com"]);
    expect([...klaviyo.events.keys()].sort()).toEqual(["order:771", "order:772"]);
    const ev = klaviyo.events.get("order:772")!;
    expect(ev).toMatchObject({ value: 20, value_currency: "USD", metric: { data: { attributes: { name: "Placed Order" } } } });
    expect(new Set(klaviyo.revisions)).toEqual(new Set([KLAVIYO_REVISION]));
    // the 429 was honoured (throttled, not failed), and nothing is sent twice on the next sync
    const posts = klaviyo.calls("/api/events/").length;
    await nudge(sql, ws.id, "klaviyo_sync");
    await sql`select private.enqueue_connector_job('klaviyo_sync', ${ws.id}::uuid, c.id, 'sync:again', '{}')
              from public.integration_connections c where c.workspace_id = ${ws.id} and c.provider = 'klaviyo'`;
    await callWorker("klaviyo-sync");
    expect(klaviyo.calls("/api/events/").length).toBe(posts);
    const [state] = await sql`select profiles_synced, events_sent from public.klaviyo_sync_states where workspace_id = ${ws.id}`;
    expect(state).toMatchObject({ profiles_synced: "1", events_sent: "2" });
  });

  it("marks the connection reauth_required when Klaviyo refuses the key", async () => {
    klaviyo.validKeys.clear();
    await sql`update public.orders set total_price_cents = total_price_cents + 1 where workspace_id = ${ws.id} and shopify_order_id = '771'`;
    await sql`select private.enqueue_connector_job('klaviyo_sync', ${ws.id}::uuid, c.id, 'sync:revoked', '{}')
              from public.integration_connections c where c.workspace_id = ${ws.id} and c.provider = 'klaviyo'`;
    const c = await waitFor(async () => {
      await callWorker("klaviyo-sync");
      const [x] = await sql`select health from public.integration_connections where workspace_id = ${ws.id} and provider = 'klaviyo'`;
      return x.health === "reauth_required" ? x : undefined;
    });
    expect(c.health).toBe("reauth_required");
  });
});

describe("Yotpo", () => {
  it("imports existing reviews once, with media and verified buyers, when the keys are saved", async () => {
    const r = await saveKey(ws.people.admin.jwt, { scope: "workspace", workspaceId: ws.id, provider: "yotpo", appKey: `app${ws.tag}`, secret: "yotpo-secret-123456" });
    expect(r.status).toBe(201);
    const count = () => sql`select count(*)::int as n, count(*) filter (where verified_purchase)::int as verified
                            from public.reviews where workspace_id = ${ws.id} and imported_from = 'yotpo'`;
    await waitFor(async () => {
      await nudge(sql, ws.id, "yotpo_import");
      await callWorker("yotpo-import");
      const [x] = await count();
      return x.n === 129 ? true : undefined;
    }, 30_000, "the reviews to be imported");
    const [x] = await count();
    expect(x).toEqual({ n: 129, verified: 64 });
    const media = await sql`select m.source_url, m.status from public.review_media m join public.reviews r on r.id = m.review_id
                            where m.workspace_id = ${ws.id} order by m.source_url`;
    expect(media).toHaveLength(13);
    expect(media[0]).toMatchObject({ status: "ready" });
    // importing again changes nothing
    await sql`select public.start_yotpo_import(c.id) from public.integration_connections c where c.workspace_id = ${ws.id} and c.provider = 'yotpo'`;
    await waitFor(async () => {
      await callWorker("yotpo-import");
      const [j] = await sql`select count(*)::int as n from private.connector_jobs where workspace_id = ${ws.id} and queue = 'yotpo_import' and status <> 'done'`;
      return j.n === 0 ? true : undefined;
    });
    expect((await count())[0]).toEqual({ n: 129, verified: 64 });
    expect(await sql`select 1 from public.review_media where workspace_id = ${ws.id}`).toHaveLength(13);
  });
});
