import { assertEquals } from "../_shared/assert.ts";
import { standardWebhookSignature } from "../_shared/crypto.ts";
import { type Claimed, deliver, refusedInProduction } from "./dispatch.ts";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const claimed = (url: string): Claimed => ({
  id: "1",
  message_id: "msg_1",
  url,
  secret,
  event_type: "order.created",
  payload: { type: "order.created", data: { id: 1 } },
  attempts: 1,
});

Deno.test("production refuses a non-https endpoint without calling it", async () => {
  let calls = 0;
  const fakeFetch = (() => {
    calls++;
    return Promise.resolve(new Response("ok"));
  }) as typeof fetch;
  const r = await deliver(claimed("http://hooks.example.com/x"), { production: true, fetch: fakeFetch, now: () => 0 });
  assertEquals([r, calls], [{ code: null, error: "refused: not https" }, 0]);
});

Deno.test("a delivery carries webhook-id, webhook-timestamp and a valid webhook-signature", async () => {
  let seen: Request | undefined;
  const fakeFetch = ((url: string, init: RequestInit) => {
    seen = new Request(url, init);
    return Promise.resolve(new Response(null, { status: 204 }));
  }) as unknown as typeof fetch;
  const r = await deliver(claimed("http://127.0.0.1:9/x"), {
    production: false,
    fetch: fakeFetch,
    now: () => 1_700_000_000_000,
  });
  assertEquals(r, { code: 204, error: null });
  const body = await seen!.text();
  assertEquals(seen!.headers.get("webhook-id"), "msg_1");
  assertEquals(seen!.headers.get("webhook-timestamp"), "1700000000");
  assertEquals(
    seen!.headers.get("webhook-signature"),
    await standardWebhookSignature(secret, "msg_1", 1700000000, body),
  );
});

Deno.test("a failing or unreachable endpoint is reported, not thrown", async () => {
  const status500 = (() => Promise.resolve(new Response("no", { status: 500 }))) as typeof fetch;
  assertEquals(await deliver(claimed("https://x.example.com"), { production: true, fetch: status500, now: () => 0 }), {
    code: 500,
    error: "HTTP 500",
  });
  const down = (() => Promise.reject(new TypeError("connection refused"))) as typeof fetch;
  assertEquals(await deliver(claimed("https://x.example.com"), { production: true, fetch: down, now: () => 0 }), {
    code: null,
    error: "connection failed",
  });
});

Deno.test("production refuses endpoints on our own network", () => {
  const cases: [string, string | null][] = [
    ["https://hooks.example.com/x", null],
    ["http://hooks.example.com/x", "not https"],
    ["https://localhost/x", "internal host"],
    ["https://127.0.0.1:8443/x", "private address"],
    ["https://10.1.2.3/x", "private address"],
    ["https://172.20.0.1/x", "private address"],
    ["https://192.168.1.1/x", "private address"],
    ["https://169.254.169.254/latest/meta-data", "private address"],
    ["https://[::1]/x", "private address"],
    ["https://[fd00::1]/x", "private address"],
    ["https://[::ffff:127.0.0.1]/x", "private address"],
    ["https://172.32.0.1/x", null],
    ["not a url", "not a URL"],
  ];
  for (const [url, want] of cases) assertEquals(refusedInProduction(url), want, url);
});
