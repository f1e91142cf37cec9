// Fairing's API as the survey sync meets it: GET /responses (newest first, since/until by
// inserted_at, limit, after/before cursors by response id) answering {data, next, prev} where
// next is the absolute URL of the following page; the workspace's API key is the Authorization
// header itself. 401 for a key it does not know, 429 with Retry-After past 100 requests a minute.
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface FakeResponseRow {
  id: string;
  question_id: number;
  question: string;
  question_type?: string;
  available_responses?: string[];
  response?: string | null;
  other_response?: string | null;
  order_id?: string | null;
  customer_id?: string | null;
  email?: string | null;
  inserted_at: string;
}

export class FairingFake extends FakeProvider {
  readonly prefix = "/fairing/api";
  keys = new Set<string>();
  responses: FakeResponseRow[] = [];

  constructor() {
    super();
    this.on("GET", /^\/responses$/, (r) => this.list(r));
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { message: "Unauthorized", status: 401 } };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return { status: 429, headers: { "retry-after": String(seconds) }, json: { message: "Rate limit exceeded. Try again later.", status: 429 } };
  }

  private list(r: FakeRequest): FakeResponse {
    if (!this.keys.has(String(r.headers.authorization ?? ""))) return this.expiredToken();
    const limit = Math.min(100, Number(r.query.get("limit") ?? 100));
    const since = r.query.get("since");
    const after = r.query.get("after");
    const sorted = this.responses.filter((x) => !since || x.inserted_at >= since)
      .sort((a, b) => b.inserted_at.localeCompare(a.inserted_at) || b.id.localeCompare(a.id));
    const start = after ? sorted.findIndex((x) => x.id === after) + 1 : 0;
    const page = sorted.slice(start, start + limit);
    const origin = `http://${r.headers.host}${this.prefix}/responses`;
    const q = (cursor: Record<string, string>) => `${origin}?${new URLSearchParams({ ...cursor, limit: String(limit), ...(since ? { since } : {}) })}`;
    return {
      json: {
        data: page.map((x) => ({
          clarification_question: false, coupon_amount: null, coupon_code: null, customer_order_count: 1,
          landing_page_path: "/", order_currency_code: "USD", order_number: x.order_id ? `#${x.order_id.slice(-4)}` : null,
          order_platform: "shopify", order_source: "shopify_checkout", order_total: "42.00", other: !!x.other_response,
          question_type: "single_response", available_responses: [], response_provided_at: x.inserted_at, updated_at: x.inserted_at,
          utm_campaign: null, utm_medium: null, utm_source: null, ...x,
        })),
        next: start + limit < sorted.length ? q({ after: page.at(-1)!.id }) : null,
        prev: start > 0 ? q({ before: page[0].id }) : null,
      },
    };
  }
}
