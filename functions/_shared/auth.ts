// Who is calling. User JWTs are verified with jose against the project's JWKS (SUPABASE_JWKS):
// ES256 only, `exp` required. The service caller is recognised by a secret key
// (SUPABASE_SECRET_KEYS, or the legacy SUPABASE_SERVICE_ROLE_KEY while it exists) in `apikey` or
// `Authorization`, or by a service_role JWT the gateway minted from one. No JWT secret is read:
// hosted functions do not get one.
import { createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from "jose";
import { timingSafeEqual } from "./crypto.ts";
import { HttpError } from "./errors.ts";

export interface AuthConfig {
  jwks: JSONWebKeySet;
  /** Every key that makes its bearer the service: secret keys and the legacy service_role key. */
  serviceKeys: string[];
}

export interface UserClaims extends JWTPayload {
  sub: string;
  role: "authenticated";
  email?: string;
  aal?: string;
  session_id?: string;
  is_anonymous?: boolean;
}

/** The one bearer parser: the token of an `Authorization: Bearer <token>` value, or null. */
export function bearerToken(authorization: string | null): string | null {
  const m = (authorization ?? "").match(/^Bearer\s+(\S+)$/i);
  return m ? m[1] : null;
}

/** The bearer token of a request's Authorization header, or null. */
export function bearer(req: Request): string | null {
  return bearerToken(req.headers.get("authorization"));
}

const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();
function keySet(jwks: JSONWebKeySet) {
  let ks = keySets.get(jwks);
  if (!ks) keySets.set(jwks, ks = createLocalJWKSet(jwks));
  return ks;
}

/** Verifies a project JWT (signature against the JWKS, ES256 pinned, exp required). */
export async function verifyProjectJwt(token: string, auth: AuthConfig): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, keySet(auth.jwks), { algorithms: ["ES256"], requiredClaims: ["exp"] });
  return payload;
}

/** 401 unless the request carries a valid token of a signed-in user (role authenticated, a sub). */
export async function requireUser(req: Request, auth: AuthConfig): Promise<UserClaims> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "unauthorized", "missing bearer token");
  let claims: JWTPayload;
  try {
    claims = await verifyProjectJwt(token, auth);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new HttpError(401, "unauthorized", code === "ERR_JWT_EXPIRED" ? "token expired" : "invalid token");
  }
  if (claims.role !== "authenticated" || typeof claims.sub !== "string") {
    throw new HttpError(401, "unauthorized", "a signed-in user is required");
  }
  return claims as UserClaims;
}

/** 401 unless the caller holds a secret key (or the gateway's service_role token made from one). */
export async function requireServiceRole(req: Request, auth: AuthConfig): Promise<void> {
  const candidates = [req.headers.get("apikey"), bearer(req)].filter((t): t is string => !!t);
  for (const t of candidates) {
    if (auth.serviceKeys.some((k) => timingSafeEqual(t, k))) return;
  }
  const token = bearer(req);
  if (token && !token.startsWith("sb_")) {
    const claims = await verifyProjectJwt(token, auth).catch(() => null);
    if (claims?.role === "service_role") return;
  }
  throw new HttpError(401, "unauthorized", "the secret key is required");
}
