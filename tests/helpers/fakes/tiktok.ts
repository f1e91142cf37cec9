// A fake TikTok Business API at /tiktok/open_api/v1.3: advertiser/info, campaign/get,
// adgroup/get and ad/get (paged, deleted objects included), report/integrated/get by ad and day
// (paged by page and page_size, at most 1,000), and event/track (the Events API). Every answer
// is {code, message, request_id, data} with HTTP 200; code 40105 for a revoked token, 40100
// when throttled.
import { type AdWorld, type Obj } from "./ad_world.ts";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface TikTokEventBatch {
  token: string | undefined;
  body: { event_source?: string; event_source_id?: string; data?: Record<string, unknown>[]; test_event_code?: string };
}

const ok = (data: unknown): FakeResponse => ({ json: { code: 0, message: "OK", request_id: `r${Date.now()}`, data } });

export class TikTokFake extends FakeProvider {
  readonly prefix = "/tiktok/open_api";
  worlds = new Map<string, AdWorld>();
  expired = new Set<string>();
  /** Rows per report page (the client asks for 1,000). */
  pageSize = 1000;
  events: TikTokEventBatch[] = [];

  constructor() {
    super();
    this.on("GET", /^\/v1\.3\/advertiser\/info\/$/, (r) => this.authorized(r, () => {
      const ids = JSON.parse(r.query.get("advertiser_ids") ?? "[]") as string[];
      const list = ids.map((id) => this.worlds.get(id)).filter((w) => w).map((w) => ({ advertiser_id: w!.accountId, name: w!.name, currency: w!.currency, timezone: w!.timezone }));
      return ok({ list });
    }));
    for (const [path, kind] of [["campaign", "campaigns"], ["adgroup", "adGroups"], ["ad", "ads"]] as const) {
      this.on("GET", new RegExp(`^/v1\\.3/${path}/get/$`), (r) => this.withWorld(r, (w) => this.page(r, w[kind].map((o) => this.object(path, o, w)))));
    }
    this.on("GET", /^\/v1\.3\/report\/integrated\/get\/$/, (r) => this.withWorld(r, (w) => {
      if (r.query.get("data_level") !== "AUCTION_AD") return { json: { code: 40002, message: "data_level: unsupported", data: {} } };
      const from = r.query.get("start_date")!, to = r.query.get("end_date")!;
      const rows = w.cached(`report:${from}:${to}`, () => [...w.rows(from, to)].map(({ ad, day, row }) => {
        const g = w.adGroup(ad.parentId!);
        const c = w.campaign(g.parentId!);
        return {
          dimensions: { ad_id: ad.id, stat_time_day: `${day} 00:00:00` },
          metrics: {
            spend: w.major(row.spendMinor), impressions: String(row.impressions), clicks: String(row.clicks),
            complete_payment: String(row.purchases), total_complete_payment_rate: w.major(row.revenueMinor),
            currency: w.currency, campaign_id: c.id, campaign_name: c.name, adgroup_id: g.id, adgroup_name: g.name, ad_name: ad.name,
          },
        };
      }));
      return this.page(r, [...rows, ...w.extraRows]);
    }));
    this.on("POST", /^\/v1\.3\/event\/track\/$/, (r) => this.authorized(r, () => {
      const body = r.json as TikTokEventBatch["body"];
      if (!body?.event_source_id || !Array.isArray(body.data) || body.data.length === 0) {
        return { json: { code: 40002, message: "event_source_id and data are required", data: {} } };
      }
      this.events.push({ token: String(r.headers["access-token"] ?? ""), body });
      return ok({});
    }));
  }

  add(w: AdWorld): AdWorld {
    this.worlds.set(w.accountId, w);
    return w;
  }

  expiredToken(): FakeResponse {
    return { json: { code: 40105, message: "Access token is incorrect or has been revoked.", request_id: "r", data: {} } };
  }

  override throttled(): FakeResponse {
    return { json: { code: 40100, message: "Requests made too frequently. Please try again later.", request_id: "r", data: {} } };
  }

  private authorized(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const t = r.headers["access-token"];
    if (typeof t !== "string" || !t || this.expired.has(t)) return this.expiredToken();
    return fn();
  }

  private withWorld(r: FakeRequest, fn: (w: AdWorld) => FakeResponse): FakeResponse {
    return this.authorized(r, () => {
      const w = this.worlds.get(r.query.get("advertiser_id") ?? "");
      return w ? fn(w) : { json: { code: 40001, message: "advertiser_id: no permission", data: {} } };
    });
  }

  private object(kind: "campaign" | "adgroup" | "ad", o: Obj, w: AdWorld) {
    const secondary = o.status === "deleted" ? `${kind.toUpperCase()}_STATUS_DELETE` : o.status === "active" ? `${kind.toUpperCase()}_STATUS_DELIVERY_OK` : `${kind.toUpperCase()}_STATUS_DISABLE`;
    const status = { operation_status: o.status === "active" ? "ENABLE" : "DISABLE", secondary_status: secondary };
    if (kind === "campaign") return { campaign_id: o.id, campaign_name: o.name, objective_type: "PRODUCT_SALES", budget: Number(w.major(o.dailyBudgetMinor ?? 0)), budget_mode: "BUDGET_MODE_DAY", ...status };
    if (kind === "adgroup") return { adgroup_id: o.id, adgroup_name: o.name, campaign_id: o.parentId, budget: Number(w.major(o.dailyBudgetMinor ?? 0)), budget_mode: "BUDGET_MODE_DAY", ...status };
    return { ad_id: o.id, ad_name: o.name, adgroup_id: o.parentId, ...status };
  }

  private page(r: FakeRequest, all: unknown[]): FakeResponse {
    const size = Math.min(this.pageSize, Number(r.query.get("page_size") ?? 10), 1000);
    const page = Number(r.query.get("page") ?? 1);
    return ok({
      list: all.slice((page - 1) * size, page * size),
      page_info: { page, page_size: size, total_number: all.length, total_page: Math.max(1, Math.ceil(all.length / size)) },
    });
  }
}
