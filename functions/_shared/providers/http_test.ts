import { assertEquals } from "../assert.ts";
import { type Answer, classifyStatus, providerClient, ProviderError, resolveUrl, retryAfter } from "./http.ts";

const NOW = Date.UTC(2026, 11, 9, 12, 0, 0);

function answering(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Request[] = [];
  const fetch = ((url: URL, init: RequestInit) => {
    seen.push(new Request(url, init));
    return Promise.resolve(new Response(body, { status, headers }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
}

Deno.test("Retry-After in seconds or as an HTTP date; malformed is null", () => {
  assertEquals(retryAfter(new Headers({ "retry-after": "30" }), NOW)?.getTime(), NOW + 30_000);
  assertEquals(
    retryAfter(new Headers({ "retry-after": "Wed, 09 Dec 2026 12:05:00 GMT" }), NOW)?.getTime(),
    NOW + 300_000,
  );
  assertEquals(retryAfter(new Headers({ "retry-after": "soon" }), NOW), null);
  assertEquals(retryAfter(new Headers(), NOW), null);
});

Deno.test("statuses classify as the queues act on them", () => {
  const kind = (status: number, headers: Record<string, string> = {}) => {
    const a: Answer = { status, headers: new Headers(headers), body: { error: "x" } };
    const e = classifyStatus("P", a, NOW);
    return e ? [e.kind, e.details.retryAt?.getTime() ?? null] : null;
  };
  assertEquals(kind(200), null);
  assertEquals(kind(429, { "retry-after": "5" }), ["throttled", NOW + 5000]);
  assertEquals(kind(429), ["throttled", NOW + 60_000]);
  assertEquals(kind(401), ["token_invalid", null]);
  assertEquals(kind(500), ["retry_later", null]);
  assertEquals(kind(503, { "retry-after": "20" }), ["retry_later", NOW + 20_000]);
  assertEquals(kind(408), ["retry_later", null]);
  assertEquals(kind(400), ["bad_request", null]);
  assertEquals(kind(404), ["bad_request", null]);
});

Deno.test("a call goes to the base URL with query, headers and JSON, and counts itself", async () => {
  const { fetch, seen } = answering(200, '{"ok":true}');
  let calls = 0;
  const client = providerClient({
    name: "P",
    baseUrl: "http://127.0.0.1:9/api/v1",
    timeoutMs: 1000,
    http: { fetch, now: () => NOW },
    headers: { "x-app": "growthbase" },
    onCall: () => calls++,
  });
  const a = await client.call<{ ok: boolean }>({
    path: "/things",
    query: { a: 1, b: undefined, c: "x y" },
    json: { q: 1 },
    headers: { authorization: "Bearer t" },
  });
  assertEquals(a.body, { ok: true });
  assertEquals(seen[0].url, "http://127.0.0.1:9/api/v1/things?a=1&c=x+y");
  assertEquals(seen[0].method, "POST");
  assertEquals(
    [seen[0].headers.get("x-app"), seen[0].headers.get("authorization"), seen[0].headers.get("content-type")],
    ["growthbase", "Bearer t", "application/json"],
  );
  assertEquals(await seen[0].text(), '{"q":1}');
  assertEquals(calls, 1);
});

Deno.test("a provider's own rule wins over the status; a non-JSON success is retried", async () => {
  const { fetch } = answering(200, '{"code":40100,"message":"Too many requests"}');
  const client = providerClient({
    name: "P",
    baseUrl: "http://127.0.0.1:9",
    timeoutMs: 1000,
    http: { fetch, now: () => NOW },
    classify: (a) =>
      (a.body as { code: number }).code === 40100
        ? new ProviderError("throttled", "slow down", { retryAt: new Date(NOW + 1000) })
        : null,
  });
  const e = await failure(client.call({ path: "/x" }));
  assertEquals([e.kind, e.message], ["throttled", "slow down"]);
  const html = providerClient({
    name: "P",
    baseUrl: "http://127.0.0.1:9",
    timeoutMs: 1000,
    http: { fetch: answering(200, "<html>").fetch, now: () => NOW },
  });
  assertEquals((await failure(html.call({ path: "/x" }))).kind, "retry_later");
});

Deno.test("timeouts and unreachable providers are retry_later", async () => {
  const slow =
    ((_u: URL, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal!.addEventListener("abort", () => reject(init.signal!.reason))
      )) as unknown as typeof fetch;
  const client = providerClient({
    name: "P",
    baseUrl: "http://127.0.0.1:9",
    timeoutMs: 20,
    http: { fetch: slow, now: () => NOW },
  });
  const e = await failure(client.call({ path: "/x" }));
  assertEquals([e.kind, e.message], ["retry_later", "P did not answer within 20 ms"]);
  const down = (() => Promise.reject(new TypeError("refused"))) as unknown as typeof fetch;
  const d = providerClient({
    name: "P",
    baseUrl: "http://127.0.0.1:9",
    timeoutMs: 20,
    http: { fetch: down, now: () => NOW },
  });
  assertEquals((await failure(d.call({ path: "/x" }))).message, "P could not be reached");
});

Deno.test("next links must stay on the provider's origin", async () => {
  assertEquals(resolveUrl("http://127.0.0.1:9/v1", "/a/b").toString(), "http://127.0.0.1:9/v1/a/b");
  assertEquals(
    resolveUrl("http://127.0.0.1:9/v1/", "http://127.0.0.1:9/v1/n?c=1").toString(),
    "http://127.0.0.1:9/v1/n?c=1",
  );
  const e = await failure(Promise.resolve().then(() => resolveUrl("http://127.0.0.1:9/v1", "https://evil.test/x")));
  assertEquals(e.kind, "bad_request");
});
