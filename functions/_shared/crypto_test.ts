import { assertEquals } from "./assert.ts";
import {
  decryptToken,
  encryptToken,
  keyIdOf,
  loadKeyRing,
  pkceChallenge,
  standardWebhookSignature,
  timingSafeEqual,
  toBase64,
} from "./crypto.ts";

const k1 = toBase64(new Uint8Array(32).fill(1));
const k2 = toBase64(new Uint8Array(32).fill(2));

async function rejects(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a rejection");
}

Deno.test("tokens round-trip, carry their key id, and decrypt after rotation", async () => {
  const old = await loadKeyRing(`k1:${k1}`, "k1");
  const ct = await encryptToken(old, "shpat_secret");
  assertEquals(keyIdOf(ct), "k1");
  assertEquals(ct.includes("shpat_secret"), false);
  const rotated = await loadKeyRing(`k2:${k2},k1:${k1}`, "k2");
  assertEquals(await decryptToken(rotated, ct), "shpat_secret");
  assertEquals(keyIdOf(await encryptToken(rotated, "x")), "k2");
  assertEquals(await encryptToken(rotated, "x") === await encryptToken(rotated, "x"), false);
});

Deno.test("tampered ciphertext, a swapped key id and a missing key are refused", async () => {
  const ring = await loadKeyRing(`k1:${k1},k2:${k2}`, "k1");
  const ct = await encryptToken(ring, "token");
  const [v, kid, iv, data] = ct.split(".");
  const flipped = data.slice(0, -2) + (data.at(-2) === "A" ? "B" : "A") + data.at(-1);
  assertEquals(await rejects(decryptToken(ring, `${v}.${kid}.${iv}.${flipped}`)), "ciphertext does not authenticate");
  assertEquals(await rejects(decryptToken(ring, `${v}.k2.${iv}.${data}`)), "ciphertext does not authenticate");
  const only2 = await loadKeyRing(`k2:${k2}`, "k2");
  assertEquals(await rejects(decryptToken(only2, ct)), "no key k1 to decrypt with");
});

Deno.test("key rings refuse short keys and a current id they do not hold", async () => {
  assertEquals(await rejects(loadKeyRing(`k1:${toBase64(new Uint8Array(16))}`, "k1")), "key k1 is not 32 bytes");
  assertEquals(await rejects(loadKeyRing(`k1:${k1}`, "k9")), "the current key id k9 is not among the token keys");
});

Deno.test("PKCE S256 matches RFC 7636's example", async () => {
  assertEquals(
    await pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  );
});

Deno.test("Standard Webhooks signature matches the specification's example", async () => {
  // From the Standard Webhooks specification's reference test vector.
  const sig = await standardWebhookSignature(
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "msg_p5jXN8AQM9LWM0D4loKWxJek",
    1614265330,
    '{"test": 2432232314}',
  );
  assertEquals(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
});

Deno.test("timingSafeEqual compares whole strings", () => {
  assertEquals(timingSafeEqual("abc", "abc"), true);
  assertEquals(timingSafeEqual("abc", "abd"), false);
  assertEquals(timingSafeEqual("abc", "abcd"), false);
  assertEquals(timingSafeEqual("", ""), true);
});
