// The oauth function end to end through the running stack, against fake providers on 127.0.0.1.
import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { anonKey, api, config, dropWorkspace, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";

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

interface Started {
  status: number;
  body: { url?: string; error?: { code: string; details?: { path: string }[] } };
  state: string;
  /** The browser-binding cookie the start response set, as the browser sends it back. */
  cookie: string;
  headers: Headers;
}

async function startFlow(jwt: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Started> {
  const r = await fetch(`${fn}/start`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = await r.json();
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
  return { status: r.status, body: json, state: json.url ? new URL(json.url).searchParams.get("state")! : "", cookie, headers: r.headers };
}

/** Signs a callback query the way Shopify does (sorted keys, URL-encoded values, hex HMAC). */
function shopifyCallback(state: string, cookie: string | null, opts: { shop?: string; timestamp?: number; secret?: string } = {}) {
  const q = new URLSearchParams({
    code: "the-code",
    host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw==",
    shop: opts.shop ?? shop,
    state,
    timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
  });
  const sorted = new URLSearchParams([...q.entries()].sort(([a], [b]) => a.localeCompare(b)));
  q.set("hmac", createHmac("sha256", opts.secret ?? env.SHOPIFY_API_SECRET).update(sorted.toString()).digest("hex"));
  return fetch(`${fn}/callback/shopify?${q}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

const outcome = (r: Response) => {
  const u = new URL(r.headers.get("location") ?? "http://x/");
  return { status: u.searchParams.get("status"), code: u.searchParams.get("code"), path: u.pathname };
};

async function startShopify(workspace = ws, forShop = shop) {
  const r = await startFlow(workspace.people.admin.jwt, { workspaceId: workspace.id, provider: "shopify", shop: forShop, redirectTo: "/done" });
  expect(r.status).toBe(200);
  return r;
}

describe("oauth start", () => {
  it("gives an admin the provider's authorize URL with an exact redirect URI and a state stored only as a hash", async () => {
    const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop });
    expect(r.status).toBe(200);
    const { url, expiresAt } = r.body as { url: string; expiresAt: string };
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
    expect(r.headers.get("set-cookie")).toMatch(/^gb_oauth_nonce=[\w-]{43}; Path=\/functions\/v1\/oauth\/callback; HttpOnly; SameSite=Lax; Max-Age=600$/);
  });

  it("lets the app's origin call with credentials so the browser keeps the cookie; other origins get *", async () => {
    const app = new URL(env.GROWTHBASE_APP_URL).origin;
    const mine = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop }, { origin: app });
    expect([mine.headers.get("access-control-allow-origin"), mine.headers.get("access-control-allow-credentials")]).toEqual([app, "true"]);
    const other = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop }, { origin: "https://evil.test" });
    expect([other.headers.get("access-control-allow-origin"), other.headers.get("access-control-allow-credentials")]).toEqual(["*", null]);
  });

  it("refuses a redirect that leaves the app, however it is disguised", async () => {
    for (const redirectTo of ["/\t/evil.test/x", "/\n/evil.test/x", "//evil.test/x", "https://evil.test/x", "/\\evil.test", "javascript:alert(1)"]) {
      const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop, redirectTo });
      expect(r.status, JSON.stringify(redirectTo)).toBe(400);
      expect(r.body.error!.details![0].path).toBe("redirectTo");
    }
    const ok = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop, redirectTo: `${env.GROWTHBASE_APP_URL}/settings?tab=shop#top` });
    expect(ok.status).toBe(200);
    const [row] = await sql`select redirect_to from private.oauth_states where state_hash = ${createHash("sha256").update(ok.state).digest("hex")}`;
    expect(row.redirect_to).toBe("/settings?tab=shop#top");
  });

  // Dot segments (plain, percent-encoded, after a segment) resolve "/.//evil.test" to the path
  // "//evil.test", which a browser reads as another host; tabs and newlines are stripped by it.
  const disguised = ["/.//evil.test", "/..//evil.test", "/%2e//evil.test", "/a/..//evil.test", "/%2e%2e//evil.test",
    "/%2E/%2e//evil.test", "/a/%2e%2e//evil.test", "/./\t/evil.test", "/.\n//evil.test", "/\t/evil.test", "\t//evil.test",
    "/.//evil.test/done?x=1#y"];

  it("refuses a redirect whose dot segments resolve off the app's origin", async () => {
    for (const redirectTo of disguised) {
      const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop, redirectTo });
      expect(r.status, JSON.stringify(redirectTo)).toBe(400);
      expect(r.body.error!.details![0].path).toBe("redirectTo");
    }
  });

  it("never redirects off the app's origin from the callback, on success or error, whatever path was stored", async () => {
    const app = new URL(env.GROWTHBASE_APP_URL).origin;
    for (const stored of [...disguised, "//evil.test", "https://evil.test/x"]) {
      const w = await workspaceWithRoles(sql);
      const wShop = `shop-${w.tag}.myshopify.com`;
      try {
        const failing = await startShopify(w, wShop);
        const connecting = await startShopify(w, wShop);
        await sql`update private.oauth_states set redirect_to = ${stored} where workspace_id = ${w.id}`;
        const error = await shopifyCallback(failing.state, null, { shop: wShop });
        const ok = await shopifyCallback(connecting.state, connecting.cookie, { shop: wShop });
        for (const [r, status] of [[error, "error"], [ok, "connected"]] as const) {
          expect(r.status, JSON.stringify(stored)).toBe(302);
          const to = new URL(r.headers.get("location")!);
          expect(to.origin, JSON.stringify(stored)).toBe(app);
          expect([to.pathname, to.searchParams.get("status")]).toEqual(["/settings/integrations", status]);
        }
      } finally {
        await dropWorkspace(sql, w.tag);
      }
    }
  });

  it("refuses members, anonymous callers and bad input", async () => {
    const member = await startFlow(ws.people.member.jwt, { workspaceId: ws.id, provider: "shopify", shop });
    expect(member.status).toBe(403);
    expect(member.body.error!.code).toBe("forbidden");
    const anon = await startFlow(await anonKey(), { workspaceId: ws.id, provider: "shopify", shop });
    expect(anon.status).toBe(401);
    const bad = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "shopify", shop: "evil.com" });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.details![0].path).toBe("shop");
    const noAccount = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "meta" });
    expect(noAccount.status).toBe(400);
  });
});

describe("shopify callback", () => {
  it("exchanges the code, stores only ciphertext, attaches the shop, and redirects back connected", async () => {
    const { state, cookie } = await startShopify();
    const r = await shopifyCallback(state, cookie);
    expect(r.status).toBe(302);
    expect(outcome(r)).toEqual({ status: "connected", code: null, path: "/done" });
    expect(r.headers.get("set-cookie")).toMatch(/^gb_oauth_nonce=; .*Max-Age=0/);
    const [c] = await sql`select c.id, c.status, c.scopes, t.access_token_ciphertext, t.key_id
      from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
      where c.workspace_id = ${ws.id} and c.provider = 'shopify' and c.external_account_id = ${shop}`;
    expect(c.status).toBe("active");
    expect(c.scopes).toEqual(["read_orders", "read_products"]);
    const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
    expect(fake.issued).toContain(await decryptToken(ring, c.access_token_ciphertext));
    const [w] = await sql`select shop_domain from public.workspaces where id = ${ws.id}`;
    expect(w.shop_domain).toBe(shop);
    // Connecting queues the shop's backfill, whose worker may already have read the token (its
    // own audited read): the connect wrote the token once, and every other use is that worker's.
    const audit = await sql`select action::text, reason from public.audit_log where table_name = 'integration_tokens' and record_id = ${c.id}::text order by id`;
    expect(audit.filter((a) => a.action !== "read")).toEqual([{ action: "insert", reason: "oauth connect" }]);
    expect(audit.filter((a) => a.action === "read").every((a) => a.reason === "shopify sync")).toBe(true);
  });

  it("a refused callback leaves the state usable until one succeeds; then it is spent", async () => {
    const { state, cookie } = await startShopify();
    expect(outcome(await shopifyCallback(state, cookie, { secret: "not-the-secret" })).code).toBe("invalid_hmac");
    expect(outcome(await shopifyCallback(state, cookie, { timestamp: Math.floor(Date.now() / 1000) - 600 })).code).toBe("stale_request");
    expect(outcome(await shopifyCallback(state, cookie, { shop: "other-shop.myshopify.com" })).code).toBe("shop_mismatch");
    expect(outcome(await shopifyCallback(state, null)).code).toBe("browser_mismatch");
    expect(outcome(await shopifyCallback(state, "gb_oauth_nonce=another-browser")).code).toBe("browser_mismatch");
    expect(outcome(await shopifyCallback(state, cookie)).status).toBe("connected");
    expect(outcome(await shopifyCallback(state, cookie)).code).toBe("invalid_state");

    const expired = await startShopify();
    await sql`update private.oauth_states set expires_at = now() - interval '1 second'
              where state_hash = ${createHash("sha256").update(expired.state).digest("hex")}`;
    expect(outcome(await shopifyCallback(expired.state, expired.cookie)).code).toBe("invalid_state");
    expect(outcome(await shopifyCallback("made-up-state", expired.cookie)).code).toBe("invalid_state");
  });

  it("a shop installed in one workspace cannot be claimed by another: clear redirect, state kept for after the uninstall", async () => {
    const squatter = await workspaceWithRoles(sql);
    try {
      const started = await startShopify(squatter);
      const refused = await shopifyCallback(started.state, started.cookie);
      expect(outcome(refused)).toEqual({ status: "error", code: "shop_connected_elsewhere", path: "/done" });
      expect(await sql`select 1 from public.integration_connections where workspace_id = ${squatter.id}`).toHaveLength(0);
      const [w] = await sql`select shop_domain from public.workspaces where id = ${squatter.id}`;
      expect(w.shop_domain).toBeNull();
      // The rightful workspace uninstalls; the same state now completes for the new one.
      await sql`update public.integration_connections set status = 'revoked' where workspace_id = ${ws.id} and provider = 'shopify'`;
      expect(outcome(await shopifyCallback(started.state, started.cookie)).status).toBe("connected");
      const [moved] = await sql`select (select shop_domain from public.workspaces where id = ${squatter.id}) as new,
        (select shop_domain from public.workspaces where id = ${ws.id}) as old`;
      expect(moved).toEqual({ new: shop, old: null });
      // and back, so the rest of the file keeps the shop in ws
      await sql`update public.integration_connections set status = 'revoked' where workspace_id = ${squatter.id}`;
      const back = await startShopify();
      expect(outcome(await shopifyCallback(back.state, back.cookie)).status).toBe("connected");
    } finally {
      await sql`delete from public.workspaces where id = ${squatter.id}`;
    }
  });

  it("users cannot write shop_domain: not at creation, not by update", async () => {
    const { userClient } = await import("../helpers/api.ts");
    const admin = await userClient(ws.people.admin.jwt);
    const upd = await admin.from("workspaces").update({ shop_domain: "victim.myshopify.com" } as never).eq("id", ws.id);
    expect([upd.status, upd.error?.code]).toEqual([403, "42501"]);
    const ins = await admin.from("workspaces").insert({ name: "Squat", slug: `squat-${ws.tag}`, shop_domain: "victim.myshopify.com" } as never);
    expect([ins.status, ins.error?.code]).toEqual([403, "42501"]);
    const rpc = await admin.rpc("create_workspace", { p_name: "Squat", p_slug: `squat-${ws.tag}`, p_shop_domain: "victim.myshopify.com" } as never);
    expect(rpc.status).toBe(404); // no such signature any more
  });

  it("stores nothing when the provider fails the code exchange", async () => {
    const other = await workspaceWithRoles(sql);
    const otherShop = `fail-${other.tag}.myshopify.com`;
    try {
      const started = await startShopify(other, otherShop);
      fake.failStatus = 500;
      const cb = await shopifyCallback(started.state, started.cookie, { shop: otherShop });
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
    const u = new URL(r.body.url!);
    expect(u.searchParams.get("code_challenge_method")).toBe("S256");
    fake.googleChallenge = u.searchParams.get("code_challenge");
    const cb = await fetch(`${fn}/callback/google_ads?code=g-code&state=${r.state}`, { redirect: "manual", headers: { cookie: r.cookie } });
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
    // Every use of the credential is in the audit trail, with who and why (the ads sync, which
    // starts on connecting, reads the token for itself too: its reads are left out here).
    const audit = await sql`select action::text, reason, actor_id from public.audit_log
      where table_name = 'integration_tokens' and record_id = ${c.id}::text and reason <> 'ads sync' order by id`;
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ["insert", "oauth connect"], ["read", "token refresh"], ["update", "token refresh"],
      ["read", "revoke at provider on disconnect"], ["delete", "disconnect"],
    ]);
    expect(audit.at(-1)!.actor_id).toBe(ws.people.admin.id);
  });

  it("refuses a wrong PKCE verifier at the provider and stores nothing", async () => {
    const r = await startFlow(ws.people.admin.jwt, { workspaceId: ws.id, provider: "google_ads", accountId: "999" });
    fake.googleChallenge = "not-the-challenge";
    const cb = await fetch(`${fn}/callback/google_ads?code=g&state=${r.state}`, { redirect: "manual", headers: { cookie: r.cookie } });
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
    // one query per column for every token at once (a query per token and column outgrew the timeout)
    const patterns = fake.issued.map((t) => `%${t}%`);
    for (const c of cols) {
      const hits = await sql.unsafe(
        `select "${c.column_name}"::text as value from "${c.table_schema}"."${c.table_name}"
         where "${c.column_name}"::text like any ($1::text[]) limit 1`,
        [patterns],
      );
      expect(hits, `a token in ${c.table_schema}.${c.table_name}.${c.column_name}`).toHaveLength(0);
    }
  });
});
