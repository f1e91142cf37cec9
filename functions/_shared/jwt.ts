// HS256 JSON Web Tokens with WebCrypto: the same code runs in Deno (functions) and Node (scripts).
const enc = new TextEncoder();
const dec = new TextDecoder();

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new JwtError("malformed token");
  const b = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

export class JwtError extends Error {}

export interface JwtClaims {
  sub?: string;
  role?: string;
  email?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  iss?: string;
  aal?: string;
  is_anonymous?: boolean;
  [k: string]: unknown;
}

function hmacKey(secret: string) {
  return crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  const head = base64url(enc.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const body = base64url(enc.encode(JSON.stringify(claims)));
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), enc.encode(`${head}.${body}`));
  return `${head}.${body}.${base64url(new Uint8Array(sig))}`;
}

/** Verifies signature (constant time, by WebCrypto), algorithm and expiry; returns the claims. */
export async function verifyJwt(token: string, secret: string, now = Date.now() / 1000): Promise<JwtClaims> {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("malformed token");
  const [head, body, sig] = parts;
  let header: { alg?: string };
  let claims: JwtClaims;
  try {
    header = JSON.parse(dec.decode(fromBase64url(head)));
    claims = JSON.parse(dec.decode(fromBase64url(body)));
  } catch {
    throw new JwtError("malformed token");
  }
  if (header.alg !== "HS256") throw new JwtError("unsupported algorithm");
  const sigBytes = fromBase64url(sig);
  const ok = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    sigBytes as Uint8Array<ArrayBuffer>,
    enc.encode(`${head}.${body}`),
  );
  if (!ok) throw new JwtError("invalid signature");
  if (typeof claims !== "object" || claims === null) throw new JwtError("malformed token");
  if (typeof claims.exp === "number" && claims.exp < now) throw new JwtError("token expired");
  return claims;
}

/** The anon and service_role API keys the way `supabase status` prints them (long-lived, HS256). */
export async function apiKeys(secret: string): Promise<{ anonKey: string; serviceRoleKey: string }> {
  return {
    anonKey: await signJwt({ iss: "supabase-demo", role: "anon", exp: 1983812996 }, secret),
    serviceRoleKey: await signJwt({ iss: "supabase-demo", role: "service_role", exp: 1983812996 }, secret),
  };
}
