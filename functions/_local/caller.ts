// Who is calling the gateway's own servers (Storage, Realtime, the functions' verify_jwt check),
// decided as Supabase's services decide it (LOCAL ONLY): a user's JWT (ES256 with the project's
// key, or a legacy HS256 one) names its role and claims; without one, the API key's role (a
// publishable key is anon, a secret key service_role). Only the API roles are accepted: a token
// naming another role is refused rather than `set role` to it.
import { createLocalJWKSet, type JWTPayload, jwtVerify } from "jose";
import { bearerToken } from "../_shared/auth.ts";
import { resolveApiKey } from "./apikeys.ts";
import { publicJwks, type StackKeys } from "./keys.ts";

export type ApiRole = "anon" | "authenticated" | "service_role";

export interface Caller {
  role: ApiRole;
  /** What request.jwt.claims holds in the database, as PostgREST sets it. */
  claims: JWTPayload;
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; status: 401 | 403; message: string };

const ROLES = new Set<string>(["anon", "authenticated", "service_role"]);

export function callers(keys: StackKeys) {
  const localJwks = createLocalJWKSet(publicJwks(keys));
  const legacySecret = new TextEncoder().encode(keys.legacySecret);

  /** The token's claims when the stack signed it and it has not expired; the reason otherwise. */
  async function verify(token: string): Promise<{ claims: JWTPayload } | { error: string }> {
    let reason = "invalid JWT";
    for (
      const attempt of [
        () => jwtVerify(token, localJwks, { algorithms: ["ES256"], requiredClaims: ["exp"] }),
        () => jwtVerify(token, legacySecret, { algorithms: ["HS256"] }),
      ]
    ) {
      try {
        return { claims: (await attempt()).payload };
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_JWT_EXPIRED") reason = "jwt expired";
      }
    }
    return { error: reason };
  }

  /** The caller of a token: its role claim must be an API role. */
  async function fromToken(token: string): Promise<CallerResult> {
    const v = await verify(token);
    if ("error" in v) return { ok: false, status: 401, message: v.error };
    const role = String(v.claims.role ?? "");
    if (!ROLES.has(role)) return { ok: false, status: 403, message: `role ${JSON.stringify(role)} is not an API role` };
    return { ok: true, caller: { role: role as ApiRole, claims: v.claims } };
  }

  /** The caller of an HTTP request: apikey (header or ?apikey=) plus an optional user token. */
  async function fromRequest(req: Request): Promise<CallerResult> {
    const url = new URL(req.url);
    const apikey = req.headers.get("apikey") ?? url.searchParams.get("apikey");
    const mapped = await resolveApiKey(keys, apikey, req.headers.get("authorization"));
    if (!mapped.ok) return { ok: false, status: 401, message: mapped.message };
    return await fromToken(bearerToken(mapped.authorization) ?? "");
  }

  /**
   * The caller of a token that may be an API key instead (supabase-js sends the publishable key
   * as Realtime's access_token when nobody is signed in).
   */
  async function fromTokenOrKey(token: string | null | undefined, apikey: string | null): Promise<CallerResult> {
    const t = token ?? apikey;
    if (!t) return { ok: false, status: 401, message: "no API key or access token" };
    if (t.startsWith("sb_")) {
      const mapped = await resolveApiKey(keys, t, null);
      if (!mapped.ok) return { ok: false, status: 401, message: mapped.message };
      return await fromToken(bearerToken(mapped.authorization) ?? "");
    }
    return await fromToken(t);
  }

  return { verify, fromToken, fromRequest, fromTokenOrKey };
}

export type Callers = ReturnType<typeof callers>;
