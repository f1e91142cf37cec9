import { SignJWT } from "jose";
import { assertEquals } from "./assert.ts";
import { type AuthConfig, requireServiceRole, requireUser } from "./auth.ts";
import { HttpError } from "./errors.ts";
import { generateStackKeys, publicJwks, signAccessToken } from "../_local/keys.ts";

const keys = await generateStackKeys("legacy-secret-legacy-secret-legacy-secret");
const other = await generateStackKeys("x");
const auth: AuthConfig = { jwks: publicJwks(keys), serviceKeys: [keys.secretKey, "legacy.service.jwt"] };
const req = (headers: HeadersInit) => new Request("http://x/f", { headers });

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return e instanceof HttpError ? e.status : 500;
  }
}

Deno.test("requireUser accepts an ES256 user token of the project's JWKS", async () => {
  const t = await signAccessToken(keys, { sub: "u1", role: "authenticated", email: "a@b.test" }, 60);
  const claims = await requireUser(req({ authorization: `Bearer ${t}` }), auth);
  assertEquals([claims.sub, claims.email], ["u1", "a@b.test"]);
});

Deno.test("requireUser refuses other keys, expired, exp-less, HS256, anon and missing tokens", async () => {
  const foreign = await signAccessToken(other, { sub: "u1", role: "authenticated" }, 60);
  const expired = await signAccessToken(keys, { sub: "u1", role: "authenticated" }, 60, Date.now() - 3600_000);
  const anon = await signAccessToken(keys, { role: "anon" }, 60);
  const { importJWK } = await import("jose");
  const noExp = await new SignJWT({ sub: "u1", role: "authenticated" })
    .setProtectedHeader({ alg: "ES256", kid: keys.signingKey.kid })
    .sign(await importJWK(keys.signingKey, "ES256"));
  const hs = await new SignJWT({ sub: "u1", role: "authenticated", exp: 2e9 })
    .setProtectedHeader({ alg: "HS256" })
    .sign(new TextEncoder().encode(keys.legacySecret));
  for (const t of [foreign, expired, anon, noExp, hs, "garbage", keys.publishableKey]) {
    assertEquals(await status(requireUser(req({ authorization: `Bearer ${t}` }), auth)), 401, t.slice(0, 20));
  }
  assertEquals(await status(requireUser(req({}), auth)), 401);
});

Deno.test("requireServiceRole accepts the secret key in apikey or Authorization, the legacy key, and a minted service token", async () => {
  const minted = await signAccessToken(keys, { role: "service_role" }, 60);
  const ok: Record<string, string>[] = [{ apikey: keys.secretKey }, { authorization: `Bearer ${keys.secretKey}` }, {
    authorization: "Bearer legacy.service.jwt",
  }, { authorization: `Bearer ${minted}` }];
  for (const h of ok) {
    assertEquals(await status(requireServiceRole(req(h), auth)), 200, JSON.stringify(h).slice(0, 30));
  }
});

Deno.test("requireServiceRole refuses the publishable key, a user token, another project's service token, nothing", async () => {
  const user = await signAccessToken(keys, { sub: "u1", role: "authenticated" }, 60);
  const foreign = await signAccessToken(other, { role: "service_role" }, 60);
  const refused: Record<string, string>[] = [
    { apikey: keys.publishableKey },
    { authorization: `Bearer ${user}` },
    { authorization: `Bearer ${foreign}` },
    { apikey: keys.secretKey + "x" },
    {},
  ];
  for (const h of refused) {
    assertEquals(await status(requireServiceRole(req(h), auth)), 401, JSON.stringify(h).slice(0, 30));
  }
});
