import { assertEquals } from "../assert.ts";
import type { Client } from "./http.ts";
import { ProviderError } from "./http.ts";
import { classifyShopify, SHOPIFY_API_VERSION, shopifyGraphQL } from "./shopify.ts";

const now = Date.parse("2026-12-01T00:00:00Z");
const answer = (body: unknown, status = 200) => ({ status, headers: new Headers(), body });

Deno.test("THROTTLED waits until the bucket has restored the requested cost", () => {
  const e = classifyShopify(
    answer({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: {
        cost: {
          requestedQueryCost: 202,
          throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 2, restoreRate: 50 },
        },
      },
    }),
    now,
  )!;
  assertEquals([e.kind, e.details.retryAt!.getTime() - now], ["throttled", 4000]);
});

Deno.test("a refused token is token_invalid; other GraphQL errors are bad requests; data passes", () => {
  assertEquals(
    classifyShopify(answer({ errors: "[API] Invalid API key or access token" }, 401), now)!.kind,
    "token_invalid",
  );
  assertEquals(classifyShopify(answer({ errors: [{ message: "Field 'x' doesn't exist" }] }), now)!.kind, "bad_request");
  assertEquals(classifyShopify(answer({ data: { shop: { name: "x" } } }), now), null);
});

Deno.test("the client posts to the pinned version and waits for the shop's bucket before a costly query", async () => {
  const seen: string[] = [];
  const slept: number[] = [];
  let clock = now;
  const http = {
    now: () => clock,
    sleep: (ms: number) => {
      slept.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    fetch: (url: string | URL | Request) => {
      seen.push(String(url));
      return Promise.resolve(
        new Response(JSON.stringify({
          data: { ok: true },
          extensions: {
            cost: {
              requestedQueryCost: 10,
              throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 5, restoreRate: 50 },
            },
          },
        })),
      );
    },
  };
  const gql = shopifyGraphQL(
    { adminUrl: "https://s.myshopify.com", shop: "s.myshopify.com", http, buckets: new Map() },
    (c: Client) => c,
  );
  await gql.query("{ a }");
  await gql.query("{ b }", {}, 55);
  assertEquals(seen[0], `https://s.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/graphql.json`);
  assertEquals(slept, [1000]);
  let thrown: unknown = null;
  try {
    await gql.query("{ c }", {}, 900);
  } catch (e) {
    thrown = e;
  }
  assertEquals(thrown instanceof ProviderError && thrown.kind, "throttled");
});
