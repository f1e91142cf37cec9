import { assertEquals } from "../_shared/assert.ts";
import { standardWebhookSignature } from "../_shared/crypto.ts";
import { guardedFetch } from "../_shared/outbound.ts";
import { type Claimed, deliver } from "./dispatch.ts";

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

/** A listener on 127.0.0.1 that counts connections and answers with `status` (and a Location). */
function listener(status = 204) {
  let connections = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    connections++;
    return new Response(null, {
      status,
      headers: status >= 300 && status < 400 ? { location: "http://127.0.0.1:9/next" } : {},
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    connections: () => connections,
    close: () => server.shutdown(),
  };
}

const production = guardedFetch({ policy: { production: true, allowLoopback: true } });
const development = guardedFetch({ policy: { production: false, allowLoopback: true } });

Deno.test("production refuses http, loopback (whatever the allowance says) and metadata endpoints without connecting", async () => {
  const l = listener();
  try {
    const cases: [string, string][] = [
      ["http://hooks.example.com/x", "refused: not https"],
      [`${l.url}/x`, "refused: not https"],
      [`${l.url.replace("http:", "https:")}/x`, "refused: loopback address"],
      ["https://169.254.169.254/latest/meta-data/", "refused: cloud metadata address"],
      ["https://2130706433/x", "refused: loopback address"],
      ["https://[::ffff:127.0.0.1]/x", "refused: loopback address"],
    ];
    for (const [url, error] of cases) {
      assertEquals(await deliver(claimed(url), { fetch: production, now: () => 0 }), { code: null, error }, url);
    }
    assertEquals(l.connections(), 0);
  } finally {
    await l.close();
  }
});

Deno.test("development reaches a loopback fake only with the allowance, and never follows a redirect", async () => {
  const ok = listener(204);
  const moved = listener(307);
  try {
    assertEquals(await deliver(claimed(`${ok.url}/x`), { fetch: development, now: () => 0 }), {
      code: 204,
      error: null,
    });
    const strict = guardedFetch({ policy: { production: false, allowLoopback: false } });
    assertEquals(await deliver(claimed(`${ok.url}/x`), { fetch: strict, now: () => 0 }), {
      code: null,
      error: "refused: loopback address",
    });
    assertEquals(ok.connections(), 1);
    assertEquals(await deliver(claimed(`${moved.url}/x`), { fetch: development, now: () => 0 }), {
      code: 307,
      error: "HTTP 307",
    });
    assertEquals(moved.connections(), 1);
  } finally {
    await ok.close();
    await moved.close();
  }
});

Deno.test("a delivery carries webhook-id, webhook-timestamp and a valid webhook-signature", async () => {
  let seen: Request | undefined;
  const fakeFetch = ((url: string, init: RequestInit) => {
    seen = new Request(url, init);
    return Promise.resolve(new Response(null, { status: 204 }));
  }) as unknown as typeof fetch;
  const r = await deliver(claimed("http://127.0.0.1:9/x"), {
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
  assertEquals(await deliver(claimed("https://x.example.com"), { fetch: status500, now: () => 0 }), {
    code: 500,
    error: "HTTP 500",
  });
  const down = (() => Promise.reject(new TypeError("connection refused"))) as typeof fetch;
  assertEquals(await deliver(claimed("https://x.example.com"), { fetch: down, now: () => 0 }), {
    code: null,
    error: "connection failed",
  });
});
