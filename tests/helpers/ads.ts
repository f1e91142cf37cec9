// What the ads sync flows share: the fake platforms on one server (with the OAuth endpoints),
// connecting an ad account the way an admin does (oauth/start, the provider's redirect to the
// callback), the ads-sync worker called as the database calls it, and waiting for runs.
import { createHash } from "node:crypto";
import type postgres from "postgres";
import { fakeProvidersUrl } from "../../scripts/lib/gateway.ts";
import { Ga4Fake } from "./fakes/ga4.ts";
import { GoogleAdsFake } from "./fakes/google_ads.ts";
import { MetaFake } from "./fakes/meta.ts";
import { OAuthFake } from "./fakes/oauth.ts";
import { FakeServer } from "./fakes/server.ts";
import { TikTokFake } from "./fakes/tiktok.ts";
import { api, config, serviceKey } from "./stack.ts";
import { waitFor } from "./wait.ts";

export { waitFor };

export function adFakes() {
  const oauth = new OAuthFake();
  const meta = new MetaFake();
  const google = new GoogleAdsFake();
  const tiktok = new TikTokFake();
  const ga4 = new Ga4Fake();
  const server = new FakeServer(Number(new URL(fakeProvidersUrl(config)).port), oauth, meta, google, tiktok, ga4);
  return { server, oauth, meta, google, tiktok, ga4 };
}

export type AdFakes = ReturnType<typeof adFakes>;

type Provider = "meta" | "google_ads" | "tiktok";

/**
 * Connects an ad account as an admin does: oauth/start with the account, then the provider's
 * redirect to the callback (with the browser's cookie). Returns the connection id.
 */
export async function connect(
  sql: postgres.Sql,
  fakes: AdFakes,
  adminJwt: string,
  workspaceId: string,
  provider: Provider,
  accountId: string,
): Promise<string> {
  const r = await fetch(`${api}/functions/v1/oauth/start`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminJwt}`, "content-type": "application/json" },
    body: JSON.stringify({ workspaceId, provider, accountId, redirectTo: "/settings/integrations" }),
  });
  const body = await r.json();
  if (r.status !== 200) throw new Error(`oauth/start answered ${r.status}: ${JSON.stringify(body)}`);
  const url = new URL(body.url);
  const state = url.searchParams.get("state")!;
  if (provider === "google_ads") fakes.oauth.googleChallenge = url.searchParams.get("code_challenge");
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
  const q = new URLSearchParams(provider === "tiktok" ? { auth_code: "the-code", code: "the-code", state } : { code: "the-code", state });
  const cb = await fetch(`${api}/functions/v1/oauth/callback/${provider}?${q}`, { redirect: "manual", headers: { cookie } });
  const back = new URL(cb.headers.get("location") ?? "http://x/");
  if (back.searchParams.get("status") !== "connected") throw new Error(`the callback answered ${back}`);
  const [c] = await sql`select id from public.integration_connections
    where workspace_id = ${workspaceId} and provider = ${provider} and external_account_id = ${accountId}`;
  return c.id as string;
}

/** The access token a connection holds now, as the fake platforms see it (they keep issued tokens). */
export async function currentToken(sql: postgres.Sql, fakes: AdFakes, connectionId: string): Promise<string> {
  const [t] = await sql`select access_token_ciphertext from private.integration_tokens where connection_id = ${connectionId}`;
  const { decryptToken, loadKeyRing } = await import("../../functions/_shared/crypto.ts");
  const { localIntegrationEnv } = await import("../../scripts/lib/gateway.ts");
  const env = localIntegrationEnv(config);
  const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
  const token = await decryptToken(ring, t.access_token_ciphertext);
  if (!fakes.oauth.issued.includes(token)) throw new Error("the connection holds a token no fake issued");
  return token;
}

/** Calls the ads-sync worker with the secret key, as the database does. */
export async function runAdsSync(body: Record<string, unknown> = {}) {
  const key = await serviceKey();
  const r = await fetch(`${api}/functions/v1/ads-sync`, {
    method: "POST",
    headers: { apikey: key, authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

export interface RunRow {
  id: number;
  kind: string;
  window_from: string;
  window_to: string;
  status: string;
  attempts: number;
  pages: number;
  api_calls: number;
  rows_applied: number;
  rows_unchanged: number;
  rows_rejected: number;
  rejections: { kind: string; index: number; external_id: string | null; day?: string; reason: string }[];
  error: string | null;
  next_attempt_at: string | null;
}

export async function runs(sql: postgres.Sql, connectionId: string): Promise<RunRow[]> {
  return await sql`select id, kind::text, window_from::text, window_to::text, status::text, attempts, pages, api_calls,
      rows_applied, rows_unchanged, rows_rejected, rejections, error, next_attempt_at
    from public.ad_sync_runs where connection_id = ${connectionId} order by id` as unknown as RunRow[];
}

/** Waits until no run of the connection is queued, running, waiting or retrying; returns them all. */
export function settled(sql: postgres.Sql, connectionId: string, ms = 60_000) {
  return waitFor("the connection's runs to settle", () => runs(sql, connectionId),
    (rs) => rs.length > 0 && rs.every((r) => r.status === "succeeded" || r.status === "dead"), ms);
}

/** Queues the windows due at a moment after now (time passing, without waiting for it). */
export async function queueWindowsAt(sql: postgres.Sql, connectionId: string, later: string): Promise<number> {
  const [r] = await sql`select private.queue_ad_sync_windows(${connectionId}, now() + ${later}::interval) as n`;
  return r.n as number;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
