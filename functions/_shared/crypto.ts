// Token encryption (AES-256-GCM, key id in every ciphertext for rotation), HMAC signatures and
// constant-time comparison, with WebCrypto: the same code runs in Deno and Node.
import { createHash, createHmac } from "node:crypto";
import { base64url as b64url } from "jose";

const base64url = (bytes: Uint8Array) => b64url.encode(bytes);
const fromBase64url = (s: string) => {
  try {
    return b64url.decode(s);
  } catch {
    throw new CryptoError("malformed base64url");
  }
};

const enc = new TextEncoder();
const dec = new TextDecoder();

export class CryptoError extends Error {}

/** Keys by id. The current key encrypts; any listed key decrypts (rotation without downtime). */
export interface KeyRing {
  currentId: string;
  keys: Map<string, CryptoKey>;
}

/**
 * Parses GROWTHBASE_TOKEN_KEYS ("kid1:<base64 32 bytes>,kid2:...") and the current key id.
 * Key ids are [a-z0-9_-]{1,32}; each key must be exactly 32 bytes.
 */
export async function loadKeyRing(spec: string, currentId: string): Promise<KeyRing> {
  const keys = new Map<string, CryptoKey>();
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = part.match(/^([a-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/);
    if (!m) throw new CryptoError("token keys must look like kid:base64key[,kid:base64key]");
    const raw = fromBase64(m[2]);
    if (raw.byteLength !== 32) throw new CryptoError(`key ${m[1]} is not 32 bytes`);
    keys.set(m[1], await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]));
  }
  if (!keys.has(currentId)) throw new CryptoError(`the current key id ${currentId} is not among the token keys`);
  return { currentId, keys };
}

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const b = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** "v1.<kid>.<iv>.<ciphertext+tag>" (base64url); the key id is authenticated as additional data. */
export async function encryptToken(ring: KeyRing, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = ring.keys.get(ring.currentId)!;
  const ct = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: enc.encode(`v1.${ring.currentId}`) },
    key,
    enc.encode(plaintext),
  );
  return `v1.${ring.currentId}.${base64url(iv)}.${base64url(new Uint8Array(ct))}`;
}

export function keyIdOf(ciphertext: string): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") throw new CryptoError("not a token ciphertext");
  return parts[1];
}

export async function decryptToken(ring: KeyRing, ciphertext: string): Promise<string> {
  const kid = keyIdOf(ciphertext);
  const [, , ivs, cts] = ciphertext.split(".");
  const key = ring.keys.get(kid);
  if (!key) throw new CryptoError(`no key ${kid} to decrypt with`);
  try {
    const pt = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64url(ivs) as Uint8Array<ArrayBuffer>, additionalData: enc.encode(`v1.${kid}`) },
      key,
      fromBase64url(cts) as Uint8Array<ArrayBuffer>,
    );
    return dec.decode(pt);
  } catch {
    throw new CryptoError("ciphertext does not authenticate");
  }
}

// HMAC and digests through node:crypto: one synchronous native call each. WebCrypto's
// subtle.sign/digest are async ops, and on the webhook path (a verify and a digest per delivery)
// they were a fifth of the gateway's CPU under load (docs/benchmarks.md, webhooks).
export function hmacSha256(
  secret: string | Uint8Array<ArrayBuffer>,
  data: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const mac = createHmac("sha256", secret).update(data).digest();
  return Promise.resolve(new Uint8Array(mac)); // a copy: node may hand out a view of a shared pool
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return Promise.resolve(createHash("sha256").update(data).digest("hex"));
}

/** Compares two strings in time independent of where they differ (lengths may leak). */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** PKCE S256: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(verifier))));
}

/** Standard Webhooks: "v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>"; secret is "whsec_<base64>". */
export async function standardWebhookSignature(secret: string, id: string, timestamp: number, body: string) {
  const raw = fromBase64(secret.replace(/^whsec_/, ""));
  return `v1,${toBase64(await hmacSha256(raw, `${id}.${timestamp}.${body}`))}`;
}

export { fromBase64 };
