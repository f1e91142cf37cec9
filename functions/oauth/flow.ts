// OAuth start, callback, refresh and disconnect, the same for every provider in providers/.
// User work (start, disconnect) runs as the user, so the database's role check decides; the
// callback (no JWT: the provider redirects the browser) and refresh act as the service.
import { z } from "zod";
import { type AuthConfig, requireServiceRole, requireUser } from "../_shared/auth.ts";
import { decryptToken, encryptToken, type KeyRing, pkceChallenge, randomToken, sha256Hex } from "../_shared/crypto.ts";
import { asService, asUser, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { perRow } from "../_shared/queue_worker.ts";
import { callbackUrl, SHOP_DOMAIN } from "../_shared/providers.ts";
import { PROVIDER_IDS, type ProviderId, PROVIDERS } from "./providers/index.ts";
import type { Http, Tokens } from "./providers/types.ts";

export interface Deps extends Http {
  settings: Settings;
  auth: AuthConfig;
  sql: Sql;
  ring: KeyRing;
}

/** The cookie binding a flow to the browser that started it (SameSite=Lax reaches the callback). */
export const BROWSER_COOKIE = "gb_oauth_nonce";
const FALLBACK = "/settings/integrations";

/**
 * The absolute URL a stored path sends the browser to, or null unless it is on the app's
 * origin. Control characters and backslashes are refused outright (browsers strip tabs and
 * newlines, turning "/\t/evil.test" into "//evil.test", and read "\" as "/").
 */
function appLocation(appUrl: string, path: string): URL | null {
  // deno-lint-ignore no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return null;
  const app = new URL(appUrl);
  let url: URL;
  try {
    url = new URL(path, app);
  } catch {
    return null;
  }
  return url.origin === app.origin ? url : null;
}

/**
 * Where to send the browser back, as a path of the app: kept only when the path, resolved again
 * as the callback resolves it, lands on the same URL of the app's origin. Dot segments can turn
 * "/.//evil.test", "/%2e//evil.test" or "/a/..//evil.test" into the path "//evil.test", which
 * a browser reads as another host: refused.
 */
export function safeRedirect(appUrl: string, input: string): string | null {
  const url = appLocation(appUrl, input);
  if (!url) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return appLocation(appUrl, path)?.href === url.href ? path : null;
}

const StartBody = z.object({
  workspaceId: z.string().uuid(),
  provider: z.enum(PROVIDER_IDS),
  shop: z.string().regex(SHOP_DOMAIN, "must be <name>.myshopify.com").optional(),
  accountId: z.string().min(1).max(255).optional(),
  redirectTo: z.string().max(500).default(FALLBACK),
}).refine((b) => b.provider !== "shopify" || b.shop, { message: "shop is required for shopify", path: ["shop"] })
  .refine((b) => b.provider === "shopify" || PROVIDERS[b.provider].accountFromToken || b.accountId, {
    message: "accountId is required",
    path: ["accountId"],
  });

function browserCookie(s: Settings, value: string, maxAge: number): string {
  const secure = s.SUPABASE_URL.startsWith("https://") ? "; Secure" : "";
  return `${BROWSER_COOKIE}=${value}; Path=/functions/v1/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

export async function start(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = StartBody.parse(await readJson(req, 10_000));
  const redirectTo = safeRedirect(d.settings.GROWTHBASE_APP_URL, body.redirectTo);
  if (!redirectTo) {
    throw new HttpError(400, "invalid_request", "redirectTo must be a path or URL of the app", [
      { path: "redirectTo", message: `must stay on ${new URL(d.settings.GROWTHBASE_APP_URL).origin}` },
    ]);
  }
  const provider = PROVIDERS[body.provider];
  const state = randomToken(32);
  const nonce = randomToken(32);
  const verifier = provider.pkce ? randomToken(48) : null;
  const expiresAt = await asUser(d.sql, user, async (tx) => {
    const [row] = await tx`select private.oauth_begin(${body.workspaceId}, ${body.provider}, ${await sha256Hex(state)},
      ${await sha256Hex(nonce)}, ${redirectTo}, ${body.shop ?? null}, ${body.accountId ?? null},
      ${verifier ? await encryptToken(d.ring, verifier) : null}) as expires_at`;
    return row.expires_at as Date;
  });
  const url = provider.authorizeUrl(d.settings, {
    state,
    redirectUri: callbackUrl(d.settings, body.provider),
    shop: body.shop,
    codeChallenge: verifier ? await pkceChallenge(verifier) : undefined,
  });
  return {
    status: 200,
    body: { url: url.toString(), expiresAt },
    headers: { "set-cookie": browserCookie(d.settings, nonce, 600) },
  };
}

/** Back to the app: the stored path when it passes safeRedirect again (rows may predate a rule), else the fallback. */
function backToApp(d: Deps, path: string, provider: string, status: "connected" | "error", code?: string): Response {
  const app = d.settings.GROWTHBASE_APP_URL;
  const url = appLocation(app, safeRedirect(app, path) ?? FALLBACK)!;
  url.searchParams.set("integration", provider);
  url.searchParams.set("status", status);
  if (code) url.searchParams.set("code", code);
  const headers = new Headers({ location: url.toString() });
  if (status === "connected") headers.set("set-cookie", browserCookie(d.settings, "", 0));
  return new Response(null, { status: 302, headers });
}

interface Bound {
  user_id: string;
  workspace_id: string;
  redirect_to: string;
  shop: string | null;
  account_id: string | null;
  code_verifier_ciphertext: string | null;
  browser_hash: string | null;
}

/** The provider redirects here. Every failure goes back to the app with an error code. */
export async function callback(req: Request, providerId: ProviderId, d: Deps): Promise<Response> {
  const provider = PROVIDERS[providerId];
  const params = new URL(req.url).searchParams;
  const state = params.get("state");
  const code = params.get("code") ?? params.get("auth_code"); // TikTok's portal names it auth_code
  if (!state || !code) return backToApp(d, FALLBACK, providerId, "error", params.get("error") ?? "missing_code");
  const shop = providerId === "shopify" ? params.get("shop") : null;
  if (providerId === "shopify" && (!shop || !SHOP_DOMAIN.test(shop))) {
    return backToApp(d, FALLBACK, providerId, "error", "invalid_shop");
  }
  const problem = await provider.verifyCallback(d.settings, params, d.now());
  if (problem) return backToApp(d, FALLBACK, providerId, "error", problem);

  const stateHash = await sha256Hex(state);
  let bound: Bound;
  try {
    bound = await asService(d.sql, async (tx) => {
      const [row] = await tx`select * from private.oauth_pending(${stateHash}, ${providerId})`;
      return row as Bound;
    });
  } catch (e) {
    if ((e as { code?: string }).code === "PT404") return backToApp(d, FALLBACK, providerId, "error", "invalid_state");
    throw e;
  }
  const nonce = cookie(req, BROWSER_COOKIE);
  if (bound.browser_hash && (!nonce || (await sha256Hex(nonce)) !== bound.browser_hash)) {
    return backToApp(d, bound.redirect_to, providerId, "error", "browser_mismatch");
  }
  if (providerId === "shopify" && bound.shop !== shop) {
    return backToApp(d, bound.redirect_to, providerId, "error", "shop_mismatch");
  }
  let tokens;
  try {
    const verifier = bound.code_verifier_ciphertext
      ? await decryptToken(d.ring, bound.code_verifier_ciphertext)
      : undefined;
    tokens = await provider.exchange(d.settings, d, {
      code,
      redirectUri: callbackUrl(d.settings, providerId),
      shop: shop ?? undefined,
      verifier,
    });
  } catch (e) {
    if (e instanceof HttpError) return backToApp(d, bound.redirect_to, providerId, "error", e.code);
    throw e;
  }
  const account = provider.accountFromToken ? tokens.account : provider.accountId(params, bound);
  if (!account) return backToApp(d, bound.redirect_to, providerId, "error", "exchange_failed");
  const access = await encryptToken(d.ring, tokens.access);
  const refresh = tokens.refresh ? await encryptToken(d.ring, tokens.refresh) : null;
  try {
    await asService(
      d.sql,
      (tx) =>
        tx`select private.oauth_complete(${stateHash}, ${providerId}, ${account},
        ${tokens.scopes}, ${tokens.expiresAt}, ${access}, ${refresh}, ${d.ring.currentId},
        ${tx.json({ connected_via: "oauth", ...tokens.metadata } as never)})`,
    );
  } catch (e) {
    const c = e as { code?: string; message?: string };
    if (c.code === "PT409") return backToApp(d, bound.redirect_to, providerId, "error", "shop_connected_elsewhere");
    if (c.code === "PT404") return backToApp(d, bound.redirect_to, providerId, "error", "invalid_state");
    throw e;
  }
  return backToApp(d, bound.redirect_to, providerId, "connected");
}

/**
 * Renews tokens expiring within 15 minutes; called by the scheduled job with the secret key. One
 * round of the shared queue loop: the due connections are the claim, the provider's refresh the
 * work, private.record_refresh the finish.
 */
export async function refresh(req: Request, d: Deps): Promise<Reply> {
  await requireServiceRole(req, d.auth);
  const round = perRow<{ connection_id: string; provider: ProviderId }, { fresh?: Tokens; error?: string } | null>({
    claim: (limit) =>
      asService(d.sql, (tx) => tx`select * from private.connections_to_refresh(p_limit => ${limit})`) as Promise<
        { connection_id: string; provider: ProviderId }[]
      >,
    work: async (c) => {
      const provider = PROVIDERS[c.provider];
      if (!provider?.refresh) return null;
      try {
        const [t] = await asService(
          d.sql,
          (tx) => tx`select * from private.read_integration_tokens(${c.connection_id}, 'token refresh')`,
        );
        return { fresh: await provider.refresh(d.settings, d, await decryptToken(d.ring, t.refresh_token_ciphertext)) };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
    finish: async (c, r) => {
      if (!r) return "skipped";
      const access = r.fresh ? await encryptToken(d.ring, r.fresh.access) : null;
      const refreshCt = r.fresh?.refresh ? await encryptToken(d.ring, r.fresh.refresh) : null;
      await asService(
        d.sql,
        (tx) =>
          tx`select private.record_refresh(${c.connection_id}, ${access}, ${refreshCt},
            ${r.fresh ? d.ring.currentId : null}, ${r.fresh?.expiresAt ?? null}, ${r.error ?? null})`,
      );
      return r.fresh ? "renewed" : "failed";
    },
    concurrency: 1,
  });
  const r = await round(100);
  const n = (k: string) => r.outcomes[k] ?? 0;
  return { status: 200, body: { due: r.claimed, renewed: n("renewed"), failed: n("failed"), skipped: n("skipped") } };
}

const DisconnectBody = z.object({ connectionId: z.string().uuid() });

/** An admin disconnects: tokens deleted (read once, audited, to revoke them at the provider). */
export async function disconnect(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = DisconnectBody.parse(await readJson(req, 10_000));
  const [row] = await asUser(d.sql, user, (tx) => tx`select * from private.disconnect(${body.connectionId})`);
  const provider = row ? PROVIDERS[row.provider as ProviderId] : undefined;
  let revoked = false;
  if (provider?.revoke && row.access_token_ciphertext) {
    revoked = await provider.revoke(d.settings, d, await decryptToken(d.ring, row.access_token_ciphertext));
  }
  return { status: 200, body: { status: "revoked", revokedAtProvider: revoked } };
}

const SecretBody = z.object({
  workspaceId: z.string().uuid(),
  provider: z.literal("ga4"),
  accountId: z.string().regex(/^G-[A-Z0-9]{4,16}$/, "must be a GA4 measurement id (G-...)"),
  secret: z.string().min(8).max(200),
});

/**
 * An admin stores an API secret as a connection's credential (GA4's Measurement Protocol has no
 * OAuth): encrypted here, stored by SQL as the admin (private.connect_with_secret decides).
 */
export async function secret(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = SecretBody.parse(await readJson(req, 10_000));
  const ciphertext = await encryptToken(d.ring, body.secret);
  const [row] = await asUser(
    d.sql,
    user,
    (tx) =>
      tx`select private.connect_with_secret(${body.workspaceId}, ${body.provider}, ${body.accountId}, ${ciphertext},
        ${d.ring.currentId}) as id`,
  );
  return { status: 200, body: { connectionId: row.id } };
}
