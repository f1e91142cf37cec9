import { assertEquals } from "./assert.ts";
import { storageApi } from "./storage.ts";

function recorder(status = 200) {
  const seen: Request[] = [];
  const f = ((url: string, init: RequestInit) => {
    seen.push(new Request(url, init));
    return Promise.resolve(new Response(JSON.stringify({ ok: status < 300 }), { status }));
  }) as unknown as typeof fetch;
  return { seen, f };
}

Deno.test("put uploads with upsert to /object/<bucket>/<path>, path segments encoded, with the secret key", async () => {
  const { seen, f } = recorder();
  await storageApi("https://x.supabase.co/storage/v1/", "sb_secret_abc", f)
    .put("data-exports", "ws 1/privacy/r.json", "{}", "application/json");
  const r = seen[0];
  assertEquals(
    [r.method, r.url, r.headers.get("x-upsert"), r.headers.get("apikey"), r.headers.get("authorization")],
    [
      "POST",
      "https://x.supabase.co/storage/v1/object/data-exports/ws%201/privacy/r.json",
      "true",
      "sb_secret_abc",
      "Bearer sb_secret_abc",
    ],
  );
  assertEquals(await r.text(), "{}");
});

Deno.test("remove deletes by prefixes in one call", async () => {
  const { seen, f } = recorder();
  await storageApi("https://x.supabase.co/storage/v1", "k", f).remove("data-exports", ["a.json", "b.json"]);
  assertEquals([seen[0].method, seen[0].url], ["DELETE", "https://x.supabase.co/storage/v1/object/data-exports"]);
  assertEquals(await seen[0].json(), { prefixes: ["a.json", "b.json"] });
});

Deno.test("a refusal or an unreachable storage becomes an error the worker records", async () => {
  const { f } = recorder(403);
  let msg = "";
  await storageApi("http://s", "k", f).put("b", "p", "{}", "application/json").catch((e) => msg = e.message);
  assertEquals(msg.startsWith("storage answered 403"), true);
  const down = (() => Promise.reject(new TypeError("refused"))) as typeof fetch;
  await storageApi("http://s", "k", down).remove("b", ["p"]).catch((e) => msg = e.message);
  assertEquals(msg, "storage unreachable");
});
