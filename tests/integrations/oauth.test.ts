// The oauth function end to end through the running stack, against fake providers on 127.0.0.1.
import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { anonKey, api, config, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const env = localIntegrationEnv(config);
const fn = `${api}/functions/v1/oauth`;
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let shop: string;

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  shop = `shop-${ws.tag}.myshopify.com`;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fake.stop();
  await sql.end();
});

async function startFlow(jwt: string, body: Record<string, unknown>) {
  return fetch(`${fn}/start`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function shopifyCallback(state: string, opts: { shop?: string; timestamp?: number; secret?: string } = {}) {
  const q = new URLSearchParams({
    code: "the-code",
    host: "YWRtaW4uc2hvcGlmeS5jb20",
    shop: opts.shop ?? shop,
    state,
    timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
  });
  const message = [...q.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join("&");
  q.set("hmac", createHmac("sha256", opts.secret ?? env.SHOPIFY_API_SECRET).update(message).digest("hex"));
  return fetch(`${fn}/callback/shopify?${q}`, { redirect: "manual" });
}

const outcome = (r: Response) => {
  const u = new URL(r.headers.get("location") ?? "http://x/");
  return { status: u.searchParams.get("status"), code: u.searchParams.get("code"), path: u.pathname };
};

async function startShopify() {
  const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop, redirectTo: "/done" });
  expect(r.status).toBe(200);
  return new URL((await r.json()).url).searchParams.get("state")!;
}

describe("oauth start", () => {
  it("gives an admin the provider's authorize URL with an exact redirect URI and a state stored only as a hash", async () => {
    const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop });
    expect(r.status).toBe(200);
    const { url, expiresAt } = await r.json();
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe(`${fake.url}/shopify/${shop}/admin/oauth/authorize`);
    expect(u.searchParams.get("redirect_uri")).toBe(`${api}/functions/v1/oauth/callback/shopify`);
    expect(u.searchParams.get("client_id")).toBe(env.SHOPIFY_API_KEY);
    const state = u.searchParams.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(43);
    const rows = await sql`select state_hash, expires_at from private.oauth_states where workspace_id = ${ws.id}`;
    expect(rows.map((x) => x.state_hash)).toContain(createHash("sha256").update(state).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(state);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it("refuses members, anonymous callers and bad input", async () => {
    const member = await startFlow(ws.people.member.jwt, { workspaceId: ws.id, provider: "shopify", shop });
    expect(member.status).toBe(403);
    expect((await member.json()).error.code).toBe("forbidden");
    const anon = await startFlow(await anonKey(), { workspaceId: ws.id, provider: "shopify", shop });
    expect(anon.status).toBe(401);
    const bad = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop: "evil.com" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("shop");
    const noAccount = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "meta" });
    expect(noAccount.status).toBe(400);
  });
});

describe("shopify callback", () => {
  it("exchanges the code, stores only ciphertext, and redirects back connected", async () => {
    const state = await startShopify();
    const r = await shopifyCallback(state);
    expect(r.status).toBe(302);
    expect(outcome(r)).toEqual({ status: "connected", code: null, path: "/done" });
    const [c] = await sql`select c.id, c.status, c.scopes, t.access_token_ciphertext, t.key_id
      from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
      where c.workspace_id = ${ws.id} and c.provider = 'shopify' and c.external_account_id = ${shop}`;
    expect(c.status).toBe("active");
    expect(c.scopes).toEqual(["read_orders", "read_products"]);
    const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
    expect(fake.issued).toContain(await decryptToken(ring, c.access_token_ciphertext));
    const [w] = await sql`select shop_domain from public.workspaces where id = ${ws.id}`;
    expect(w.shop_domain).toBe(shop);
  });

  it("refuses a replayed state, a forged or stale HMAC, another shop and an expired state", async () => {
    const state = await startShopify();
    expect(outcome(await shopifyCallback(state, { secret: "not-the-secret" })).code).toBe("invalid_hmac");
    expect(outcome(await shopifyCallback(state, { timestamp: Math.floor(Date.now() / 1000) - 600 })).code).toBe("stale_request");
    expect(outcome(await shopifyCallback(state, { shop: "other-shop.myshopify.com" })).code).toBe("shop_mismatch");
    // shop_mismatch consumed the state: it is single-use whatever the outcome
    expect(outcome(await shopifyCallback(state)).code).toBe("invalid_state");

    const replayed = await startShopify();
    expect(outcome(await shopifyCallback(replayed)).status).toBe("connected");
    expect(outcome(await shopifyCallback(replayed)).code).toBe("invalid_state");

    const expired = await startShopify();
    await sql`update private.oauth_states set expires_at = now() - interval '1 second'
              where state_hash = ${createHash("sha256").update(expired).digest("hex")}`;
    expect(outcome(await shopifyCallback(expired)).code).toBe("invalid_state");
    expect(outcome(await shopifyCallback("made-up-state")).code).toBe("invalid_state");
  });

  it("stores nothing when the provider fails the code exchange", async () => {
    const other = await workspaceWithRoles(sql);
    const otherShop = `fail-${other.tag}.myshopify.com`;
    try {
      const r = await startFlow(other.people.admin.jwt, { workspaceId: other.id, provider: "shopify", shop: otherShop });
      const state = new URL((await r.json()).url).searchParams.get("state")!;
      fake.failStatus = 500;
      const cb = await shopifyCallback(state, { shop: otherShop });
      expect(outcome(cb)).toMatchObject({ status: "error", code: "exchange_failed" });
      expect(await sql`select 1 from public.integration_connections where workspace_id = ${other.id}`).toHaveLength(0);
    } finally {
      fake.failStatus = null;
      await sql`delete from public.workspaces where id = ${other.id}`;
    }
  });
});

describe("google ads", () => {
  it("uses PKCE S256, keeps a refresh token, refreshes by job and revokes on disconnect", async () => {
    const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "google_ads", accountId: "123-456-7890" });
    const u = new URL((await r.json()).url);
    expect(u.searchParams.get("code_challenge_method")).toBe("S256");
    fake.googleChallenge = u.searchParams.get("code_challenge");
    const cb = await fetch(`${fn}/callback/google_ads?code=g-code&state=${u.searchParams.get("state")}`, { redirect: "manual" });
    expect(outcome(cb).status).toBe("connected");
    const [c] = await sql`select c.id, c.expires_at, t.refresh_token_ciphertext from public.integration_connections c
      join private.integration_tokens t on t.connection_id = c.id
      where c.workspace_id = ${ws.id} and c.provider = 'google_ads' and c.external_account_id = '123-456-7890'`;
    expect(c.refresh_token_ciphertext).toMatch(/^v1\.local1\./);

    await sql`update public.integration_connections set expires_at = now() + interval '1 minute' where id = ${c.id}`;
    const anon = await fetch(`${fn}/refresh`, { method: "POST", headers: { authorization: `Bearer ${await anonKey()}` } });
    expect(anon.status).toBe(401);
    const job = await fetch(`${fn}/refresh`, { method: "POST", headers: { authorization: `Bearer ${await serviceKey()}` } });
    expect(await job.json()).toMatchObject({ renewed: 1, failed: 0 });
    const [after] = await sql`select expires_at from public.integration_connections where id = ${c.id}`;
    expect(new Date(after.expires_at).getTime() - Date.now()).toBeGreaterThan(50 * 60_000);

    const member = await fetch(`${fn}/disconnect`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.people.member.jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ connectionId: c.id }),
    });
    expect(member.status).toBe(404);
    const revokesBefore = fake.requests.filter((q) => q.path === "/google/revoke").length;
    const d = await fetch(`${fn}/disconnect`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.people.admin.jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ connectionId: c.id }),
    });
    expect(await d.json()).toEqual({ status: "revoked", revokedAtProvider: true });
    expect(fake.requests.filter((q) => q.path === "/google/revoke").length).toBe(revokesBefore + 1);
    expect(await sql`select 1 from private.integration_tokens where connection_id = ${c.id}`).toHaveLength(0);
    const [gone] = await sql`select status from public.integration_connections where id = ${c.id}`;
    expect(gone.status).toBe("revoked");
  });

  it("refuses a wrong PKCE verifier at the provider and stores nothing", async () => {
    const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "google_ads", accountId: "999" });
    const state = new URL((await r.json()).url).searchParams.get("state")!;
    fake.googleChallenge = "not-the-challenge";
    const cb = await fetch(`${fn}/callback/google_ads?code=g&state=${state}`, { redirect: "manual" });
    expect(outcome(cb).code).toBe("exchange_failed");
    expect(await sql`select 1 from public.integration_connections where external_account_id = '999'`).toHaveLength(0);
  });
});

describe("token plaintext", () => {
  it("appears in no table, text or jsonb column", async () => {
    expect(fake.issued.length).toBeGreaterThan(2);
    const cols = await sql`select table_schema, table_name, column_name from information_schema.columns c
      join pg_class k on k.relname = c.table_name and k.relnamespace = c.table_schema::regnamespace and k.relkind = 'r'
      where table_schema in ('public', 'private', 'auth', 'storage', 'supabase_migrations')
        and data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`;
    for (const token of fake.issued) {
      for (const c of cols) {
        const hits = await sql.unsafe(
          `select 1 from "${c.table_schema}"."${c.table_name}" where "${c.column_name}"::text like '%' || $1 || '%' limit 1`,
          [token],
        );
        expect(hits, `${token} in ${c.table_schema}.${c.table_name}.${c.column_name}`).toHaveLength(0);
      }
    }
  });
});
