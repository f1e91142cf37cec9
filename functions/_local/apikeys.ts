// The gateway's API key rules, as Supabase's hosted gateway applies them (LOCAL ONLY):
// - `apikey` is required on /rest/v1 (401 "No API key found in request" without it);
// - a publishable key maps to role anon, a secret key to service_role: when the request carries
//   no user token (no Authorization, or Authorization repeating an sb_ key) the gateway puts a
//   short-lived ES256 JWT for that role in Authorization, as the hosted gateway does;
// - a legacy anon/service_role JWT in `apikey` is accepted while Supabase still accepts them;
// - a user's JWT in Authorization passes through untouched: PostgREST and functions verify it.
import { bearerToken } from "../_shared/auth.ts";
import { legacyKeyRole, signAccessToken, type StackKeys } from "./keys.ts";

export type ApiKeyResult =
  | { ok: true; role: "anon" | "service_role" | "legacy"; authorization: string | null }
  | { ok: false; status: 401; message: string; hint?: string };

const MINTED_TTL = 3600;
const minted = new Map<string, { token: string; renewAt: number }>();

/** A cached ES256 token for the mapped role, renewed well before it expires. */
async function mintedToken(keys: StackKeys, role: "anon" | "service_role", now: number): Promise<string> {
  const hit = minted.get(role);
  if (hit && hit.renewAt > now) return hit.token;
  const token = await signAccessToken(keys, { role, iss: "supabase", ref: "local" }, MINTED_TTL, now);
  minted.set(role, { token, renewAt: now + (MINTED_TTL / 2) * 1000 });
  return token;
}

/** Decides what Authorization the upstream sees, from the request's apikey and Authorization. */
export async function resolveApiKey(
  keys: StackKeys,
  apikey: string | null,
  authorization: string | null,
  now = Date.now(),
): Promise<ApiKeyResult> {
  if (!apikey) {
    return {
      ok: false,
      status: 401,
      message: "No API key found in request",
      hint: "No `apikey` request header or url param was found.",
    };
  }
  const bearer = bearerToken(authorization);
  const userToken = bearer && !bearer.startsWith("sb_") ? authorization : null;
  if (apikey.startsWith("sb_publishable_") || apikey.startsWith("sb_secret_")) {
    const role = apikey === keys.publishableKey ? "anon" : apikey === keys.secretKey ? "service_role" : null;
    if (!role) return { ok: false, status: 401, message: "Invalid API key" };
    return { ok: true, role, authorization: userToken ?? `Bearer ${await mintedToken(keys, role, now)}` };
  }
  const legacy = await legacyKeyRole(keys, apikey);
  if (legacy !== "anon" && legacy !== "service_role") return { ok: false, status: 401, message: "Invalid API key" };
  return { ok: true, role: "legacy", authorization: userToken ?? `Bearer ${apikey}` };
}
