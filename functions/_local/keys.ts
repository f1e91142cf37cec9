// The local stack's keys, in Supabase's current model (LOCAL ONLY, never deployed):
// - an ES256 signing key whose public half is the project's JWKS (what GoTrue signs user tokens
//   with, what PostgREST and functions verify against);
// - a publishable key (sb_publishable_...) and a secret key (sb_secret_...) that the gateway maps
//   to the anon and service_role roles, as the hosted gateway does;
// - the legacy HS256 secret and the anon/service_role JWTs signed with it, still accepted until
//   Supabase retires them.
// Runs in Node (scripts, tests) and Deno (the gateway); all JWT work is jose's.
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";

export interface StackKeys {
  /** The ES256 private key as a JWK (with kid, alg, use). */
  signingKey: JWK;
  publishableKey: string;
  secretKey: string;
  /** The legacy symmetric JWT secret (HS256), for the legacy anon/service_role keys. */
  legacySecret: string;
}

const enc = new TextEncoder();

function b64url(bytes: Uint8Array): string {
  let s = "";
  for (const x of bytes) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const randomKeyPart = (bytes: number) => b64url(crypto.getRandomValues(new Uint8Array(bytes)));

export async function generateStackKeys(legacySecret: string): Promise<StackKeys> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    signingKey: { ...jwk, kid: crypto.randomUUID(), alg: "ES256", use: "sig", key_ops: ["sign"] },
    publishableKey: `sb_publishable_${randomKeyPart(24)}`,
    secretKey: `sb_secret_${randomKeyPart(24)}`,
    legacySecret,
  };
}

/** The public JWKS, as `/auth/v1/.well-known/jwks.json` serves it (no private or symmetric parts). */
export function publicJwks(k: StackKeys): { keys: JWK[] } {
  const { d: _d, key_ops: _ops, ...pub } = k.signingKey;
  return { keys: [{ ...pub, key_ops: ["verify"] }] };
}

/** What PostgREST verifies with: the public key plus the legacy secret, so legacy keys still work. */
export function postgrestJwks(k: StackKeys): { keys: JWK[] } {
  const legacy: JWK = { kty: "oct", k: b64url(enc.encode(k.legacySecret)), alg: "HS256", kid: "legacy-hs256" };
  return { keys: [...publicJwks(k).keys, legacy] };
}

export type Claims = Record<string, unknown>;

/** An ES256 access token signed with the stack's key, expiring after ttlSeconds. */
export async function signAccessToken(
  k: StackKeys,
  claims: Claims,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  const key = await importJWK(k.signingKey, "ES256");
  const iat = Math.floor(now / 1000);
  return await new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: k.signingKey.kid, typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** The legacy anon and service_role keys (HS256, long-lived), exactly as the Supabase CLI prints them. */
export async function legacyApiKeys(secret: string): Promise<{ anonKey: string; serviceRoleKey: string }> {
  const sign = (role: string) =>
    new SignJWT({ iss: "supabase-demo", role, exp: 1983812996 })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(enc.encode(secret));
  return { anonKey: await sign("anon"), serviceRoleKey: await sign("service_role") };
}

/** Verifies a legacy HS256 API key (anon or service_role) and returns its role, or null. */
export async function legacyKeyRole(k: StackKeys, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, enc.encode(k.legacySecret), { algorithms: ["HS256"] });
    return typeof payload.role === "string" ? payload.role : null;
  } catch {
    return null;
  }
}
