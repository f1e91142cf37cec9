// OAuth for Shopify, Google Ads and Meta: start, callback, refresh, disconnect. The handler in
// index.ts routes here; every database step is one call to a private SQL function.
import { z } from "zod";
import { type AuthConfig, requireServiceRole, requireUser } from "../_shared/auth.ts";
import {
  decryptToken,
  encryptToken,
  hex,
  hmacSha256,
  type KeyRing,
  pkceChallenge,
  randomToken,
  sha256Hex,
  timingSafeEqual,
} from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { HttpError, type Reply } from "../_shared/http.ts";
import { callbackUrl, type OAuthProvider, type ProviderEnv, SHOP_DOMAIN, shopAdminUrl } from "../_shared/providers.ts";

export interface Deps {
  env: ProviderEnv;
  auth: AuthConfig;
  sql: Sql;
  ring: KeyRing;
  fetch: typeof fetch;
  now: () => number;
}

const StartBody = z.object({
  workspaceId: z.string().uuid(),
  provider: z.enum(["shopify", "google_ads", "meta"]),
  shop: z.string().regex(SHOP_DOMAIN, "must be <name>.myshopify.com").optional(),
  accountId: z.string().min(1).max(255).optional(),
  redirectTo: z.string().regex(/^\/[^/\\]/, "must be a path inside the app").max(500).default("/settings/integrations"),
}).refine((b) => b.provider !== "shopify" || b.shop, { message: "shop is required for shopify", path: ["shop"] })
  .refine((b) => b.provider === "shopify" || b.accountId, { message: "accountId is required", path: ["accountId"] });

export async function start(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = StartBody.parse(
    await req.json().catch(() => {
      throw new HttpError(400, "invalid_json", "the body is not valid JSON");
    }),
  );
  const state = randomToken(32);
  const verifier = body.provider === "google_ads" ? randomToken(48) : null;
  const expiresAt = await asService(d.sql, async (tx) => {
    const [row] = await tx`select private.oauth_begin(${user.sub}, ${body.workspaceId}, ${body.provider},
      ${await sha256Hex(state)}, ${body.redirectTo}, ${body.shop ?? null}, ${body.accountId ?? null},
      ${verifier ? await encryptToken(d.ring, verifier) : null}) as expires_at`;
    return row.expires_at as Date;
  });
  const redirect = callbackUrl(d.env, body.provider);
  let url: URL;
  if (body.provider === "shopify") {
    url = new URL(`${shopAdminUrl(d.env, body.shop!)}/admin/oauth/authorize`);
    url.search = new URLSearchParams({
      client_id: d.env.SHOPIFY_API_KEY,
      scope: d.env.SHOPIFY_SCOPES,
      redirect_uri: redirect,
      state,
    }).toString();
  } else if (body.provider === "google_ads") {
    url = new URL(d.env.GOOGLE_AUTH_URL);
    url.search = new URLSearchParams({
      client_id: d.env.GOOGLE_CLIENT_ID,
      redirect_uri: redirect,
      response_type: "code",
      scope: d.env.GOOGLE_SCOPES,
      access_type: "offline",
      prompt: "consent",
      state,
      code_challenge: await pkceChallenge(verifier!),
      code_challenge_method: "S256",
    }).toString();
  } else {
    url = new URL(d.env.META_AUTH_URL);
    url.search = new URLSearchParams({
      client_id: d.env.META_APP_ID,
      redirect_uri: redirect,
      response_type: "code",
      scope: d.env.META_SCOPES,
      state,
    }).toString();
  }
  return { status: 200, body: { url: url.toString(), expiresAt } };
}

/** Shopify's query HMAC: hex HMAC-SHA256 of the sorted query without hmac/signature. */
export async function shopifyQueryValid(params: URLSearchParams, secret: string): Promise<boolean> {
  const given = params.get("hmac");
  if (!given || !secret) return false;
  const message = [...params.entries()]
    .filter(([k]) => k !== "hmac" && k !== "signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return timingSafeEqual(hex(await hmacSha256(secret, message)), given.toLowerCase());
}

interface Tokens {
  access: string;
  refresh: string | null;
  expiresAt: Date | null;
  scopes: string[];
}

async function postJson(d: Deps, url: string, init: RequestInit): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await d.fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new HttpError(502, "exchange_failed", "the provider could not be reached");
  }
  const text = await res.text();
  if (!res.ok) throw new HttpError(502, "exchange_failed", `the provider answered ${res.status}`);
  try {
    const j = JSON.parse(text);
    if (typeof j.access_token !== "string" || !j.access_token) throw new Error();
    return j;
  } catch {
    throw new HttpError(502, "exchange_failed", "the provider's answer had no access token");
  }
}

function tokensFrom(j: Record<string, unknown>, now: number, scopeSep = " "): Tokens {
  const expiresIn = Number(j.expires_in);
  return {
    access: String(j.access_token),
    refresh: typeof j.refresh_token === "string" ? j.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now + expiresIn * 1000) : null,
    scopes: typeof j.scope === "string" ? j.scope.split(scopeSep).filter(Boolean) : [],
  };
}

async function exchange(provider: OAuthProvider, code: string, shop: string | null, verifier: string | null, d: Deps) {
  const redirect = callbackUrl(d.env, provider);
  if (provider === "shopify") {
    const j = await postJson(d, `${shopAdminUrl(d.env, shop!)}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: d.env.SHOPIFY_API_KEY, client_secret: d.env.SHOPIFY_API_SECRET, code }),
    });
    return tokensFrom(j, d.now(), ",");
  }
  if (provider === "google_ads") {
    const j = await postJson(d, d.env.GOOGLE_TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirect,
        client_id: d.env.GOOGLE_CLIENT_ID,
        client_secret: d.env.GOOGLE_CLIENT_SECRET,
        code_verifier: verifier ?? "",
      }),
    });
    return tokensFrom(j, d.now());
  }
  const url = new URL(d.env.META_TOKEN_URL);
  url.search = new URLSearchParams({
    client_id: d.env.META_APP_ID,
    client_secret: d.env.META_APP_SECRET,
    redirect_uri: redirect,
    code,
  }).toString();
  return tokensFrom(await postJson(d, url.toString(), { method: "GET" }), d.now(), ",");
}

function backToApp(d: Deps, path: string, provider: string, status: "connected" | "error", code?: string): Response {
  const url = new URL(path, d.env.GROWTHBASE_APP_URL);
  url.searchParams.set("integration", provider);
  url.searchParams.set("status", status);
  if (code) url.searchParams.set("code", code);
  return new Response(null, { status: 302, headers: { location: url.toString() } });
}

export async function callback(req: Request, provider: OAuthProvider, d: Deps): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const fallback = "/settings/integrations";
  const state = params.get("state");
  const code = params.get("code");
  if (!state || !code) return backToApp(d, fallback, provider, "error", params.get("error") ?? "missing_code");
  let shop: string | null = null;
  if (provider === "shopify") {
    shop = params.get("shop");
    if (!shop || !SHOP_DOMAIN.test(shop)) return backToApp(d, fallback, provider, "error", "invalid_shop");
    const ts = Number(params.get("timestamp"));
    if (!(await shopifyQueryValid(params, d.env.SHOPIFY_API_SECRET))) {
      return backToApp(d, fallback, provider, "error", "invalid_hmac");
    }
    if (!Number.isFinite(ts) || Math.abs(d.now() / 1000 - ts) > 90) {
      return backToApp(d, fallback, provider, "error", "stale_request");
    }
  }
  // The state is consumed first: a replayed callback fails here whatever happens next.
  let bound: {
    user_id: string;
    workspace_id: string;
    redirect_to: string;
    shop: string | null;
    account_id: string | null;
    code_verifier_ciphertext: string | null;
  };
  try {
    bound = await asService(d.sql, async (tx) => {
      const [row] = await tx`select * from private.oauth_consume(${await sha256Hex(state)}, ${provider})`;
      return row as typeof bound;
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P0002") return backToApp(d, fallback, provider, "error", "invalid_state");
    throw e;
  }
  if (provider === "shopify" && bound.shop !== shop) {
    return backToApp(d, bound.redirect_to, provider, "error", "shop_mismatch");
  }
  let tokens: Tokens;
  try {
    const verifier = bound.code_verifier_ciphertext ? await decryptToken(d.ring, bound.code_verifier_ciphertext) : null;
    tokens = await exchange(provider, code, shop, verifier, d);
  } catch (e) {
    if (e instanceof HttpError) return backToApp(d, bound.redirect_to, provider, "error", e.code);
    throw e;
  }
  const access = await encryptToken(d.ring, tokens.access);
  const refresh = tokens.refresh ? await encryptToken(d.ring, tokens.refresh) : null;
  await asService(
    d.sql,
    (tx) =>
      tx`select private.oauth_store_connection(${bound.workspace_id}, ${bound.user_id}, ${provider},
      ${provider === "shopify" ? shop : bound.account_id}, ${tokens.scopes}, ${tokens.expiresAt}, ${access}, ${refresh},
      ${d.ring.currentId}, ${tx.json({ connected_via: "oauth" })})`,
  );
  return backToApp(d, bound.redirect_to, provider, "connected");
}

/** Renews Google tokens expiring within 15 minutes; called by a scheduled job with the service key. */
export async function refresh(req: Request, d: Deps): Promise<Reply> {
  await requireServiceRole(req, d.auth);
  const due = await asService(d.sql, (tx) => tx`select * from private.connections_to_refresh()`);
  let renewed = 0, failed = 0;
  for (const c of due) {
    if (c.provider !== "google_ads") continue;
    try {
      const j = await postJson(d, d.env.GOOGLE_TOKEN_URL, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: await decryptToken(d.ring, c.refresh_token_ciphertext),
          client_id: d.env.GOOGLE_CLIENT_ID,
          client_secret: d.env.GOOGLE_CLIENT_SECRET,
        }),
      });
      const t = tokensFrom(j, d.now());
      const access = await encryptToken(d.ring, t.access);
      const refreshCt = t.refresh ? await encryptToken(d.ring, t.refresh) : null;
      await asService(
        d.sql,
        (tx) =>
          tx`select private.record_refresh(${c.connection_id}, ${access}, ${refreshCt}, ${d.ring.currentId}, ${t.expiresAt}, null)`,
      );
      renewed++;
    } catch (e) {
      await asService(
        d.sql,
        (tx) => tx`select private.record_refresh(${c.connection_id}, null, null, null, null, ${(e as Error).message})`,
      );
      failed++;
    }
  }
  return { status: 200, body: { due: due.length, renewed, failed } };
}

const DisconnectBody = z.object({ connectionId: z.string().uuid() });

export async function disconnect(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = DisconnectBody.parse(
    await req.json().catch(() => {
      throw new HttpError(400, "invalid_json", "the body is not valid JSON");
    }),
  );
  const [row] = await asService(d.sql, (tx) => tx`select * from private.disconnect(${user.sub}, ${body.connectionId})`);
  let revoked = false;
  if (row?.provider === "google_ads" && row.access_token_ciphertext) {
    try {
      const res = await d.fetch(d.env.GOOGLE_REVOKE_URL, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: await decryptToken(d.ring, row.access_token_ciphertext) }),
        signal: AbortSignal.timeout(10_000),
      });
      revoked = res.ok;
    } catch { /* the tokens are deleted here either way */ }
  }
  return { status: 200, body: { status: "revoked", revokedAtProvider: revoked } };
}
