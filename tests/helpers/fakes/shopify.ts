// A fake Shopify on 127.0.0.1, mounted at /shopify where SHOPIFY_ADMIN_URL points locally
// ({fake}/shopify/{shop}): the OAuth token exchange, and the Admin GraphQL API of each shop at
// /{shop}/admin/api/{version}/graphql.json as Shopify answers it:
//   * cost: every answer carries extensions.cost with throttleStatus (a leaky bucket per shop,
//     1000 points restoring 50 a second by default); a query above what is available answers
//     errors[].extensions.code THROTTLED, data null;
//   * tokens: X-Shopify-Access-Token must be one the token exchange issued and not revoked
//     (401 "[API] Invalid API key or access token" otherwise);
//   * bulk operations: one per shop at a time (OPERATION_IN_PROGRESS), CREATED/RUNNING for
//     `bulkReadyMs`, then COMPLETED (onFinish: the test sends bulk_operations/finish) with a URL to
//     a JSONL file served here (child lines with __parentId after their parent), null when empty;
//   * gift cards: giftCardCreate (a code taken answers userErrors TAKEN), giftCards search by
//     last_characters, order lookups.
import type { FakeRequest, FakeResponse } from "./server.ts";
import { FakeProvider } from "./server.ts";

export interface FakeVariant {
  id: number;
  sku: string;
  price: string;
  inventoryItemId: number;
  cost?: string;
  levels: { locationId: number; locationName: string; available: number; onHand?: number }[];
}
export interface FakeProduct {
  id: number;
  title: string;
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
  updatedAt: string;
  variants: FakeVariant[];
}
export interface FakeCustomer {
  id: number;
  email: string;
  phone?: string | null;
  subscribed: boolean;
  updatedAt: string;
}
export interface FakeOrder {
  id: number;
  name: string;
  email: string;
  customerId?: number;
  currency?: string;
  total: string;
  financialStatus?: string;
  processedAt: string;
  updatedAt: string;
  items: { id: number; variantId: number; productId: number; sku: string; title: string; quantity: number; price: string }[];
}
export interface FakeGiftCard {
  id: number;
  code: string;
  initialValue: string;
  note: string | null;
  customerId: string | null;
}
export interface BulkOp {
  id: string;
  shop: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  query: string;
  phase: "products" | "customers" | "orders";
  polls: number;
  createdAt: string;
  errorCode: string | null;
}

export interface Shop {
  products: FakeProduct[];
  customers: FakeCustomer[];
  orders: FakeOrder[];
  giftCards: FakeGiftCard[];
  /** Lines added to (or replacing) a phase's JSONL, for tests of bad input. */
  mangle?: Partial<Record<BulkOp["phase"], (lines: string[]) => string[]>>;
  bucket: { max: number; available: number; restoreRate: number; at: number };
}

const money = (amount: string) => ({ shopMoney: { amount } });

function* productLines(s: Shop): Generator<string> {
  for (const p of s.products) {
    const pid = `gid://shopify/Product/${p.id}`;
    yield JSON.stringify({ id: pid, title: p.title, status: p.status ?? "ACTIVE", updatedAt: p.updatedAt });
    for (const v of p.variants) {
      const vid = `gid://shopify/ProductVariant/${v.id}`;
      yield JSON.stringify({
        id: vid, title: "Default Title", sku: v.sku, price: v.price, updatedAt: p.updatedAt,
        inventoryItem: { id: `gid://shopify/InventoryItem/${v.inventoryItemId}`, tracked: true, unitCost: v.cost ? { amount: v.cost } : null },
        __parentId: pid,
      });
      for (const l of v.levels) {
        yield JSON.stringify({
          id: `gid://shopify/InventoryLevel/${l.locationId}${v.inventoryItemId}?inventory_item_id=${v.inventoryItemId}`,
          updatedAt: p.updatedAt,
          location: { id: `gid://shopify/Location/${l.locationId}`, name: l.locationName },
          quantities: [{ name: "available", quantity: l.available }, { name: "on_hand", quantity: l.onHand ?? l.available }],
          __parentId: vid,
        });
      }
    }
  }
}

function* customerLines(s: Shop): Generator<string> {
  for (const c of s.customers) {
    yield JSON.stringify({
      id: `gid://shopify/Customer/${c.id}`, email: c.email, phone: c.phone ?? null, updatedAt: c.updatedAt,
      emailMarketingConsent: { marketingState: c.subscribed ? "SUBSCRIBED" : "NOT_SUBSCRIBED" },
    });
  }
}

/** One order as a bulk line and its line items' lines. */
export function orderLines(o: FakeOrder): string[] {
  const oid = `gid://shopify/Order/${o.id}`;
  return [
    JSON.stringify({
      id: oid, name: o.name, email: o.email, phone: null, createdAt: o.processedAt, processedAt: o.processedAt, cancelledAt: null,
      updatedAt: o.updatedAt, currencyCode: o.currency ?? "USD", sourceName: "web",
      displayFinancialStatus: o.financialStatus ?? "PAID", displayFulfillmentStatus: "UNFULFILLED",
      customer: o.customerId ? { id: `gid://shopify/Customer/${o.customerId}` } : null, customAttributes: [],
      customerJourneySummary: null,
      subtotalPriceSet: money(o.total), totalDiscountsSet: money("0.00"), totalTaxSet: money("0.00"),
      totalShippingPriceSet: money("0.00"), totalPriceSet: money(o.total), totalRefundedSet: money("0.00"),
    }),
    ...o.items.map((i) =>
      JSON.stringify({
        id: `gid://shopify/LineItem/${i.id}`, sku: i.sku, title: i.title, quantity: i.quantity,
        variant: { id: `gid://shopify/ProductVariant/${i.variantId}` }, product: { id: `gid://shopify/Product/${i.productId}` },
        originalUnitPriceSet: money(i.price), __parentId: oid,
      })
    ),
  ];
}

export class ShopifyFake extends FakeProvider {
  readonly prefix = "/shopify";
  readonly shops = new Map<string, Shop>();
  /** token -> shop */
  readonly tokens = new Map<string, string>();
  readonly ops = new Map<string, BulkOp>();
  /** Scopes the token exchange grants. */
  scopes = "read_orders,read_products,read_customers,read_inventory,write_gift_cards,read_gift_cards";
  /** How long a bulk operation runs before it completes (and onFinish is called). */
  bulkReadyMs = 200;
  /** The next n giftCardCreate calls create the card but lose the answer (the connection drops). */
  dropAfterCreate = 0;
  /** Large orders-only files made on demand (the benchmark): shop -> generator. */
  orderSource = new Map<string, () => Iterable<string>>();
  /** Called when an operation completes (a test sends the bulk_operations/finish webhook). */
  onFinish?: (op: BulkOp) => void | Promise<void>;
  private seq = 1;

  constructor() {
    super();
    this.on("POST", /^\/([^/]+)\/admin\/oauth\/access_token$/, (_r, m) => {
      const token = `shpat_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
      this.tokens.set(token, m[1]);
      this.shop(m[1]);
      return { json: { access_token: token, scope: this.scopes } };
    });
    this.on("POST", /^\/([^/]+)\/admin\/api\/([0-9]{4}-[0-9]{2})\/graphql\.json$/, (r, m) => this.graphql(r, m[1]));
    this.on("GET", /^\/files\/(.+)\.jsonl$/, (r, m) => this.file(m[1], r));
  }

  shop(domain: string): Shop {
    let s = this.shops.get(domain);
    if (!s) {
      s = { products: [], customers: [], orders: [], giftCards: [], bucket: { max: 1000, available: 1000, restoreRate: 50, at: Date.now() } };
      this.shops.set(domain, s);
    }
    return s;
  }

  /** Every token of the shop stops working (the app was uninstalled or the token revoked). */
  revoke(domain: string) {
    for (const [t, s] of this.tokens) if (s === domain) this.tokens.delete(t);
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" } };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return {
      json: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { requestedQueryCost: 50 * seconds, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 } } },
      },
    };
  }

  private graphql(r: FakeRequest, domain: string): FakeResponse {
    const token = String(r.headers["x-shopify-access-token"] ?? "");
    if (this.tokens.get(token) !== domain) return this.expiredToken();
    const s = this.shop(domain);
    const body = r.json as { query: string; variables?: Record<string, unknown> };
    const q = body?.query ?? "";
    const cost = q.includes("giftCardCreate") || q.includes("bulkOperationRunQuery") ? 10 : 2;
    const b = s.bucket;
    const now = Date.now();
    b.available = Math.min(b.max, b.available + ((now - b.at) / 1000) * b.restoreRate);
    b.at = now;
    const status = () => ({ maximumAvailable: b.max, currentlyAvailable: Math.floor(b.available), restoreRate: b.restoreRate });
    if (b.available < cost) {
      return { json: { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: status() } } } };
    }
    b.available -= cost;
    const answer = (data: unknown, extra: Partial<FakeResponse> = {}): FakeResponse => ({
      json: { data, extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: status() } } },
      ...extra,
    });
    const v = body.variables ?? {};
    if (q.includes("currentBulkOperation")) {
      const op = [...this.ops.values()].filter((o) => o.shop === domain).at(-1);
      return answer({ currentBulkOperation: op ? this.view(op) : null });
    }
    if (q.includes("bulkOperationRunQuery")) {
      if ([...this.ops.values()].some((o) => o.shop === domain && (o.status === "CREATED" || o.status === "RUNNING"))) {
        return answer({ bulkOperationRunQuery: { bulkOperation: null, userErrors: [{ field: null, message: "A bulk query operation for this app and shop is already in progress", code: "OPERATION_IN_PROGRESS" }] } });
      }
      const query = String(v.query ?? "");
      const phase = /^\{\s*products/.test(query) ? "products" : /^\{\s*customers/.test(query) ? "customers" : "orders";
      const op: BulkOp = { id: `gid://shopify/BulkOperation/${this.seq++}`, shop: domain, status: "CREATED", query, phase, polls: 0, createdAt: new Date().toISOString(), errorCode: null };
      this.ops.set(op.id, op);
      setTimeout(() => {
        op.status = "COMPLETED";
        void this.onFinish?.(op);
      }, this.bulkReadyMs);
      return answer({ bulkOperationRunQuery: { bulkOperation: { id: op.id, status: op.status }, userErrors: [] } });
    }
    if (q.includes("on BulkOperation")) {
      const op = this.ops.get(String(v.id));
      if (!op || op.shop !== domain) return answer({ node: null });
      op.polls++;
      if (op.status === "CREATED") op.status = "RUNNING";
      return answer({ node: this.view(op) });
    }
    if (q.includes("giftCardCreate")) {
      const input = v.input as { initialValue: string; code: string; note: string; customerId?: string };
      if (s.giftCards.some((g) => g.code === input.code)) {
        return answer({ giftCardCreate: { giftCard: null, userErrors: [{ field: ["input", "code"], message: "Code has already been taken", code: "TAKEN" }] } });
      }
      const card: FakeGiftCard = { id: 500000 + this.seq++, code: input.code, initialValue: input.initialValue, note: input.note, customerId: input.customerId ?? null };
      s.giftCards.push(card);
      if (this.dropAfterCreate > 0) {
        this.dropAfterCreate--;
        return { dropAfter: true };
      }
      return answer({ giftCardCreate: { giftCard: this.card(card), userErrors: [] } });
    }
    if (q.includes("giftCards(")) {
      const last = String(v.q ?? "").match(/last_characters:(\w+)/)?.[1]?.toLowerCase();
      return answer({ giftCards: { nodes: s.giftCards.filter((g) => g.code.slice(-4).toLowerCase() === last).map((g) => this.card(g)) } });
    }
    if (q.includes("order(id:")) {
      const id = Number(String(v.id).split("/").pop());
      const o = s.orders.find((x) => x.id === id);
      return answer({ order: o ? { email: o.email, customer: o.customerId ? { id: `gid://shopify/Customer/${o.customerId}`, email: o.email } : null } : null });
    }
    return { json: { errors: [{ message: `the fake does not know this query: ${q.slice(0, 80)}`, extensions: { code: "BAD_REQUEST" } }] } };
  }

  private card(g: FakeGiftCard) {
    return { id: `gid://shopify/GiftCard/${g.id}`, lastCharacters: g.code.slice(-4), note: g.note };
  }

  private view(op: BulkOp) {
    const file = `${op.id.split("/").pop()}`;
    const empty = !this.orderSource.has(op.shop) && this.lines(op).length === 0;
    return {
      id: op.id, status: op.status, query: op.query, errorCode: op.errorCode, createdAt: op.createdAt, objectCount: "0",
      url: op.status === "COMPLETED" && !empty ? `${this.baseUrl}/files/${file}.jsonl` : null, partialDataUrl: null,
    };
  }

  /** Where this fake is reachable (set by the test from the fake server's URL). */
  baseUrl = "";

  lines(op: BulkOp): string[] {
    const s = this.shop(op.shop);
    let out: string[];
    if (op.phase === "products") out = [...productLines(s)];
    else if (op.phase === "customers") out = [...customerLines(s)];
    else out = s.orders.flatMap(orderLines);
    return s.mangle?.[op.phase]?.(out) ?? out;
  }

  /** Files requested with a Range header (a resumed read), by offset. */
  ranges: number[] = [];

  /** The result file, whole or from a byte offset (Range: bytes=N-, 206), as cloud storage serves it. */
  private file(name: string, r: FakeRequest): FakeResponse {
    const op = this.ops.get(`gid://shopify/BulkOperation/${name}`);
    if (!op) return { status: 404, text: "NoSuchKey" };
    const from = Number(String(r.headers.range ?? "").match(/^bytes=(\d+)-$/)?.[1] ?? 0);
    if (from) this.ranges.push(from);
    const big = op.phase === "orders" ? this.orderSource.get(op.shop) : undefined;
    const all: Iterable<string> = big ? big() : this.lines(op);
    const ranged = from > 0 ? { status: 206, headers: { "content-range": `bytes ${from}-*/*` } } : {};
    return {
      ...ranged,
      stream: (function* () {
        let at = 0;
        for (const l of all) {
          const chunk = Buffer.from(`${l}\n`);
          if (at + chunk.length > from) yield at >= from ? chunk.toString() : chunk.subarray(from - at).toString();
          at += chunk.length;
        }
      })(),
    };
  }
}
