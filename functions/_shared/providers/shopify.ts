// Shopify Admin GraphQL: POST {shop admin}/admin/api/{SHOPIFY_API_VERSION}/graphql.json with the
// connection's token in X-Shopify-Access-Token. Plain fetch on providerClient (the same wire
// format @shopify/admin-api-client sends) rather than that library: the client must classify
// every failure the way the queues act on it (providers/http.ts), take its base URL from
// configuration (tests point it at a fake on 127.0.0.1) and honour the cost model per shop,
// which the library leaves to its caller; it would add a dependency for a single POST.
//
// Throttling: every answer carries extensions.cost.throttleStatus (maximumAvailable,
// currentlyAvailable, restoreRate per second). The client keeps that bucket per shop and, before
// a query, waits (up to MAX_WAIT_MS) until the bucket holds the query's expected cost, or says
// `throttled` until it will; an answer with errors[].extensions.code THROTTLED is `throttled`
// until the bucket has restored the requested cost. A 401 (a revoked or uninstalled token) is
// `token_invalid`, which the connector records as reauth_required.
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

/** The one place the Admin API version is pinned. */
export const SHOPIFY_API_VERSION = "2025-01";

/** Waiting longer than this for the cost bucket ends the turn as `throttled` instead. */
export const MAX_WAIT_MS = 5_000;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface Bucket extends ThrottleStatus {
  at: number;
}

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [k: string]: unknown };
}

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: GraphQLError[];
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number; throttleStatus?: ThrottleStatus } };
}

/** Seconds until a bucket holds `cost`, from the last throttle status. */
export function secondsUntil(s: ThrottleStatus, cost: number): number {
  if (s.currentlyAvailable >= cost) return 0;
  return Math.ceil((Math.min(cost, s.maximumAvailable) - s.currentlyAvailable) / Math.max(s.restoreRate, 1));
}

/** Shopify's own signals in a 200 answer: THROTTLED, ACCESS_DENIED; other errors are bad requests. */
export function classifyShopify(a: Answer, now: number): ProviderError | null {
  if (a.status === 401 || a.status === 403) {
    return new ProviderError("token_invalid", `Shopify refused the token (${a.status})`, { status: a.status });
  }
  if (a.status !== 200 || !a.body || typeof a.body !== "object") return null;
  const body = a.body as GraphQLAnswer<unknown>;
  const errors = body.errors ?? [];
  if (!errors.length) return null;
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
    const s = body.extensions?.cost?.throttleStatus;
    const cost = body.extensions?.cost?.requestedQueryCost ?? 50;
    const wait = s ? secondsUntil(s, cost) : 1;
    return new ProviderError("throttled", "Shopify: THROTTLED (query cost above the available bucket)", {
      status: 200,
      providerCode: "THROTTLED",
      retryAt: new Date(now + Math.max(wait, 1) * 1000),
    });
  }
  if (errors.some((e) => e.extensions?.code === "ACCESS_DENIED")) {
    return new ProviderError("bad_request", `Shopify: ACCESS_DENIED: ${errors[0].message}`, {
      status: 200,
      providerCode: "ACCESS_DENIED",
    });
  }
  return new ProviderError("bad_request", `Shopify: ${errors.map((e) => e.message).join("; ").slice(0, 500)}`, {
    status: 200,
    providerCode: errors[0].extensions?.code,
  });
}

export interface ShopifyGraphQL {
  /** Runs a query or mutation; resolves with `data`, else throws a classified ProviderError. */
  query<T>(query: string, variables?: Record<string, unknown>, expectedCost?: number): Promise<T>;
}

export interface ShopifyOptions {
  /** The shop's admin base URL (shopAdminUrl: https://{shop} in production). */
  adminUrl: string;
  shop: string;
  http: ProviderHttp & { sleep?: (ms: number) => Promise<void> };
  timeoutMs?: number;
  /** Buckets by shop, shared by every client a worker call makes. */
  buckets?: Map<string, Bucket>;
}

const buckets = new Map<string, Bucket>();

/** The GraphQL client for one shop; `authorize` wraps the base client with the token (credentials.ts). */
export function shopifyGraphQL(o: ShopifyOptions, authorize: (c: Client) => Client): ShopifyGraphQL {
  const base = providerClient({
    name: "Shopify",
    baseUrl: `${o.adminUrl.replace(/\/$/, "")}/admin/api/${SHOPIFY_API_VERSION}/`,
    timeoutMs: o.timeoutMs ?? 30_000,
    http: o.http,
    classify: classifyShopify,
  });
  const client = authorize(base);
  const shopBuckets = o.buckets ?? buckets;
  const sleep = o.http.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    async query<T>(query: string, variables?: Record<string, unknown>, expectedCost = 10) {
      const b = shopBuckets.get(o.shop);
      if (b) {
        const now = o.http.now();
        const restored = Math.min(b.maximumAvailable, b.currentlyAvailable + ((now - b.at) / 1000) * b.restoreRate);
        const wait = secondsUntil({ ...b, currentlyAvailable: restored }, expectedCost) * 1000;
        if (wait > MAX_WAIT_MS) {
          throw new ProviderError("throttled", "Shopify: the shop's query cost bucket is empty", {
            retryAt: new Date(now + wait),
          });
        }
        if (wait > 0) await sleep(wait);
      }
      let answer: Answer & { body: GraphQLAnswer<T> };
      try {
        answer = await client.call<GraphQLAnswer<T>>({ path: "graphql.json", json: { query, variables } });
      } catch (e) {
        if (e instanceof ProviderError && e.details.providerCode === "THROTTLED") {
          shopBuckets.set(o.shop, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50, at: o.http.now() });
        }
        throw e;
      }
      const s = answer.body.extensions?.cost?.throttleStatus;
      if (s) shopBuckets.set(o.shop, { ...s, at: o.http.now() });
      if (answer.body.data === undefined || answer.body.data === null) {
        throw new ProviderError("retry_later", "Shopify answered without data");
      }
      return answer.body.data;
    },
  };
}

/** The numeric id of a global id (gid://shopify/GiftCard/123 -> "123"). */
export function gidId(gid: string): string {
  const m = gid.match(/^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/);
  if (!m) throw new ProviderError("bad_request", `not a Shopify global id: ${gid.slice(0, 80)}`);
  return m[1];
}

/** userErrors of a mutation as a ProviderError (bad_request), or null when there are none. */
export function userErrors(
  errors: { field?: string[] | null; message: string; code?: string | null }[],
): ProviderError | null {
  if (!errors?.length) return null;
  const text = errors.map((e) => `${e.field?.join(".") ?? ""}${e.field?.length ? ": " : ""}${e.message}`).join("; ");
  return new ProviderError("bad_request", `Shopify refused: ${text}`.slice(0, 1000), {
    providerCode: errors[0].code ?? undefined,
  });
}
