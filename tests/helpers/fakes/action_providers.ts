// Fakes for the approval executor's other providers, in their wire formats:
//   Shopify Admin GraphQL (/shopify/{shop}/admin/api/{version}/graphql.json): discount codes,
//     gift cards (searched by last_characters:, as Shopify does; a taken code answers TAKEN; the
//     email to the card's customer), products and variant prices; X-Shopify-Access-Token;
//     THROTTLED errors with extensions.cost.
//   Slack Web API (/slack/api/chat.postMessage, conversations.history with metadata): errors as
//     200 {ok: false, error}.
// Each can hold its answer to the next writes past the client's timeout (a lost answer).
import { LosesAnswers } from "./loses_answers.ts";
import type { FakeRequest, FakeResponse } from "./server.ts";

export class ShopifyAdminFake extends LosesAnswers {
  readonly prefix = "/shopify";
  discounts = new Map<string, { id: string; percent: number; input: Record<string, unknown> }>();
  giftCards = new Map<string, { id: string; lastCharacters: string; initialValue: string; note?: string; customerId?: string }>();
  /** Gift cards whose email Shopify sent to their customer (giftCardSendNotificationToCustomer). */
  notified: string[] = [];
  products = new Map<string, { title: string; status: string }>();
  variants = new Map<string, string>();
  private seq = 1000;

  constructor() {
    super();
    this.on("POST", /^\/([^/]+)\/admin\/api\/(\d{4}-\d{2})\/graphql\.json$/, (r) => {
      if (!r.headers["x-shopify-access-token"]) return this.expiredToken();
      const { query, variables } = r.json as { query: string; variables: Record<string, never> };
      return { json: { data: this.run(query, variables), extensions: { cost: { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 990, restoreRate: 50 } } } } };
    });
  }

  isWrite(r: FakeRequest) {
    return /mutation/.test(String((r.json as { query?: string })?.query ?? ""));
  }

  mutations(name: string): FakeRequest[] {
    return this.requests.filter((r) => String((r.json as { query?: string })?.query ?? "").includes(`${name}(`) && this.isWrite(r));
  }

  private run(q: string, v: Record<string, never>): unknown {
    if (q.includes("codeDiscountNodeByCode")) {
      const d = this.discounts.get(v.code);
      return { codeDiscountNodeByCode: d ? { id: d.id } : null };
    }
    if (q.includes("discountCodeBasicCreate")) {
      const d = v.d as { code: string; customerGets: { value: { percentage: number } } };
      if (this.discounts.has(d.code)) {
        return { discountCodeBasicCreate: { codeDiscountNode: null, userErrors: [{ field: ["basicCodeDiscount", "code"], message: "Code must be unique.", code: "TAKEN" }] } };
      }
      const id = `gid://shopify/DiscountCodeNode/${this.seq++}`;
      this.discounts.set(d.code, { id, percent: d.customerGets.value.percentage, input: d });
      return { discountCodeBasicCreate: { codeDiscountNode: { id }, userErrors: [] } };
    }
    if (q.includes("giftCardCreate")) {
      const input = v.input as { code: string; initialValue: string; note?: string; customerId?: string };
      if (this.giftCards.has(input.code)) {
        return { giftCardCreate: { giftCard: null, giftCardCode: null, userErrors: [{ field: ["input", "code"], message: "Code has already been taken", code: "TAKEN" }] } };
      }
      const id = `gid://shopify/GiftCard/${this.seq++}`;
      const card = { id, lastCharacters: input.code.slice(-4), initialValue: input.initialValue, note: input.note, customerId: input.customerId };
      this.giftCards.set(input.code, card);
      return { giftCardCreate: { giftCard: { id, lastCharacters: card.lastCharacters }, giftCardCode: input.code, userErrors: [] } };
    }
    if (q.includes("giftCardSendNotificationToCustomer")) {
      const card = [...this.giftCards.values()].find((g) => g.id === v.id);
      if (!card) return { giftCardSendNotificationToCustomer: { giftCard: null, userErrors: [{ field: ["id"], message: "Gift card does not exist" }] } };
      if (!card.customerId) {
        return { giftCardSendNotificationToCustomer: { giftCard: null, userErrors: [{ field: ["id"], message: "Gift card has no customer", code: "CUSTOMER_NOT_FOUND" }] } };
      }
      this.notified.push(card.id);
      return { giftCardSendNotificationToCustomer: { giftCard: { id: card.id }, userErrors: [] } };
    }
    if (q.includes("giftCards(")) {
      const last = String(v.q).match(/^last_characters:(\w{4})$/)?.[1]?.toLowerCase();
      const nodes = [...this.giftCards.values()].filter((g) => g.lastCharacters.toLowerCase() === last);
      return { giftCards: { nodes: nodes.map((g) => ({ id: g.id, lastCharacters: g.lastCharacters, note: g.note ?? null })) } };
    }
    if (q.includes("productVariantsBulkUpdate")) {
      const variants = v.v as { id: string; price: string }[];
      for (const x of variants) this.variants.set(x.id, x.price);
      return { productVariantsBulkUpdate: { productVariants: variants, userErrors: [] } };
    }
    if (q.includes("productUpdate")) {
      const p = v.product as { id: string; title?: string; status?: string };
      const cur = this.products.get(p.id);
      if (!cur) return { productUpdate: { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] } };
      Object.assign(cur, { ...(p.title ? { title: p.title } : {}), ...(p.status ? { status: p.status } : {}) });
      return { productUpdate: { product: { id: p.id }, userErrors: [] } };
    }
    if (q.includes("product(id")) {
      const p = this.products.get(v.p);
      const price = this.variants.get(v.v);
      return { product: p ? { id: v.p, ...p } : null, productVariant: price ? { id: v.v, price } : null };
    }
    throw new Error(`the Shopify fake does not know ${q.slice(0, 80)}`);
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" } };
  }

  override throttled(): FakeResponse {
    return {
      json: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
        extensions: { cost: { requestedQueryCost: 100, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 } } },
      },
    };
  }
}

export class SlackFake extends LosesAnswers {
  readonly prefix = "/slack/api";
  posts: { channel: string; text: string; ts: string; metadata?: { event_type: string; event_payload: Record<string, unknown> } }[] = [];
  private clock = 1_700_000_000;

  constructor() {
    super();
    this.on("POST", /^\/chat\.postMessage$/, (r) => {
      if (!/^Bearer xoxb-/.test(String(r.headers.authorization ?? ""))) return this.expiredToken();
      const b = r.json as { channel: string; text: string; metadata?: never };
      if (!b.channel?.startsWith("C")) return { json: { ok: false, error: "channel_not_found" } };
      const ts = `${++this.clock}.000100`;
      this.posts.push({ channel: b.channel, text: b.text, ts, metadata: b.metadata });
      return { json: { ok: true, channel: b.channel, ts, message: { text: b.text, ts } } };
    });
    this.on("GET", /^\/conversations\.history$/, (r) => ({
      json: {
        ok: true,
        messages: this.posts.filter((p) => p.channel === r.query.get("channel"))
          .map((p) => ({ type: "message", text: p.text, ts: p.ts, ...(r.query.get("include_all_metadata") === "true" ? { metadata: p.metadata } : {}) })),
      },
    }));
  }

  isWrite(r: FakeRequest) {
    return r.path === "/chat.postMessage";
  }

  expiredToken(): FakeResponse {
    return { json: { ok: false, error: "invalid_auth" } };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return { status: 429, headers: { "retry-after": String(seconds) }, json: { ok: false, error: "ratelimited" } };
  }
}
