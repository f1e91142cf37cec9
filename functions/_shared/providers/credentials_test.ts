import { assertEquals } from "../assert.ts";
import { encryptToken, loadKeyRing } from "../crypto.ts";
import type { Sql } from "../db.ts";
import { credentials } from "./credentials.ts";
import { ProviderError } from "./http.ts";

const ring = await loadKeyRing("k1:" + btoa("0123456789abcdef0123456789abcdef"), "k1");

/** A pool that answers read_integration_tokens with the stored ciphertexts and records the rest. */
async function fakeDb(access: string, refresh: string | null) {
  const stored = {
    access: await encryptToken(ring, access),
    refresh: refresh ? await encryptToken(ring, refresh) : null,
  };
  const seen: string[] = [];
  const tx = (strings: TemplateStringsArray, ...values: unknown[]) => {
    const text = strings.join("?");
    seen.push(text.replace(/\s+/g, " ").trim());
    if (text.includes("read_integration_tokens")) {
      return Promise.resolve([{
        provider: "google_ads",
        access_token_ciphertext: stored.access,
        refresh_token_ciphertext: stored.refresh,
      }]);
    }
    if (text.includes("record_refresh")) stored.access = values[1] as string;
    return Promise.resolve([]);
  };
  const sql = { begin: (fn: (t: typeof tx) => Promise<unknown>) => fn(tx) } as unknown as Sql;
  return { sql, seen, reads: () => seen.filter((s) => s.includes("read_integration_tokens")).length };
}

const invalid = () => new ProviderError("token_invalid", "401 from the provider", { status: 401 });

Deno.test("the token is read once per worker call, decrypted, and used", async () => {
  const db = await fakeDb("at-1", null);
  const c = credentials({ sql: db.sql, ring, reason: "ads sync" });
  const used: string[] = [];
  await c.withToken("conn", (t) => Promise.resolve(used.push(t)));
  await c.withToken("conn", (t) => Promise.resolve(used.push(t)));
  assertEquals([used, db.reads()], [["at-1", "at-1"], 1]);
});

Deno.test("a refused token is refreshed once, stored encrypted, and the call runs again", async () => {
  const db = await fakeDb("old", "rt");
  const refreshed: string[] = [];
  const c = credentials({
    sql: db.sql,
    ring,
    reason: "ads sync",
    refresher: (p) =>
      p === "google_ads"
        ? (rt) => {
          refreshed.push(rt);
          return Promise.resolve({ access: "new", refresh: null, expiresAt: new Date(0) });
        }
        : undefined,
  });
  const tried: string[] = [];
  const r = await c.withToken("conn", (t) => {
    tried.push(t);
    return t === "old" ? Promise.reject(invalid()) : Promise.resolve("worked");
  });
  assertEquals([r, tried, refreshed], ["worked", ["old", "new"], ["rt"]]);
  assertEquals(db.seen.filter((s) => s.includes("record_refresh")).length, 1);
});

Deno.test("a second refusal, a failed refresh or no refresh token stays token_invalid", async () => {
  const kindOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return "resolved";
    } catch (e) {
      return (e as ProviderError).kind;
    }
  };
  const always = () => Promise.reject(invalid());
  const db = await fakeDb("old", "rt");
  const ok = () => Promise.resolve({ access: "new", refresh: null, expiresAt: null });
  const c = credentials({ sql: db.sql, ring, reason: "r", refresher: () => ok });
  assertEquals(await kindOf(c.withToken("conn", always)), "token_invalid");

  const failing = credentials({
    sql: (await fakeDb("old", "rt")).sql,
    ring,
    reason: "r",
    refresher: () => () => Promise.reject(new Error("invalid_grant")),
  });
  assertEquals(await kindOf(failing.withToken("conn", always)), "token_invalid");

  const noRefresh = credentials({ sql: (await fakeDb("old", null)).sql, ring, reason: "r", refresher: () => ok });
  assertEquals(await kindOf(noRefresh.withToken("conn", always)), "token_invalid");
});
