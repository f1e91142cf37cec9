// TikTok Business API: the advertiser (currency, time zone), campaigns, ad groups and ads
// (budgets in major units; deleted ones included), and the integrated report by ad and day
// (report/integrated/get, pages of up to 1,000). Every answer is {code, message, data} with
// code 0 on success and HTTP 200 either way: 40100 is throttling, 40102/40104/40105 an expired
// or revoked token, 5xxxx TikTok's own failure, anything else a request it refuses.
import type { Settings } from "../env.ts";
import {
  type AdObject,
  type AdsPage,
  type AdsSource,
  type AdStatus,
  decimalText,
  isoNow,
  type MetricRow,
} from "./ads.ts";
import {
  type ConversionEvent,
  orderFields,
  platformEventName,
  type Sender,
  unixSeconds,
  userFields,
} from "./conversions.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

const TOKEN_CODES = new Set([40102, 40104, 40105]);

export function classifyTikTok(a: Answer, now: number): ProviderError | null {
  const b = a.body as { code?: unknown; message?: string } | null;
  if (!b || typeof b !== "object" || b.code === undefined || Number(b.code) === 0) return null;
  const code = Number(b.code);
  const what = `TikTok error ${code}: ${b.message ?? "no message"}`;
  if (code === 40100) {
    const header = a.headers.get("retry-after");
    const wait = header && /^\d+$/.test(header) ? Number(header) * 1000 : 60_000;
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + wait),
      providerCode: code,
    });
  }
  if (TOKEN_CODES.has(code)) return new ProviderError("token_invalid", what, { status: a.status, providerCode: code });
  if (code >= 50000) return new ProviderError("retry_later", what, { status: a.status, providerCode: code });
  return new ProviderError("bad_request", what, { status: a.status, providerCode: code });
}

export function tiktokClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "TikTok",
    baseUrl: s.TIKTOK_API_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyTikTok,
    onCall,
  });
}

type Row = Record<string, unknown>;
interface Paged {
  data?: { list?: Row[]; page_info?: { page?: number; total_page?: number } };
}

function status(r: Row): AdStatus {
  if (/_DELETE$/.test(String(r.secondary_status ?? ""))) return "deleted";
  return r.operation_status === "ENABLE" ? "active" : "paused";
}
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const budget = (r: Row, mode: "day" | "total") => {
  const m = String(r.budget_mode ?? "");
  const wanted = mode === "day" ? m.endsWith("_DAY") : m.endsWith("_TOTAL");
  return wanted ? decimalText(r.budget) ?? null : null;
};

const LISTS = [
  {
    path: "campaign/get/",
    all: "CAMPAIGN_STATUS_ALL",
    key: "campaigns" as const,
    map: (r: Row): AdObject => ({
      external_id: str(r.campaign_id),
      name: str(r.campaign_name),
      status: status(r),
      objective: (r.objective_type as string) ?? null,
      daily_budget: budget(r, "day"),
      lifetime_budget: budget(r, "total"),
    }),
  },
  {
    path: "adgroup/get/",
    all: "ADGROUP_STATUS_ALL",
    key: "ad_groups" as const,
    map: (r: Row): AdObject => ({
      external_id: str(r.adgroup_id),
      name: str(r.adgroup_name),
      status: status(r),
      campaign_external_id: str(r.campaign_id),
      daily_budget: budget(r, "day"),
    }),
  },
  {
    path: "ad/get/",
    all: "AD_STATUS_ALL",
    key: "ads" as const,
    map: (r: Row): AdObject => ({
      external_id: str(r.ad_id),
      name: str(r.ad_name) || `Ad ${str(r.ad_id)}`,
      status: status(r),
      ad_group_external_id: str(r.adgroup_id),
    }),
  },
];

const REPORT_METRICS = [
  "spend",
  "impressions",
  "clicks",
  "complete_payment",
  "total_complete_payment_rate",
  "currency",
  "campaign_id",
  "campaign_name",
  "adgroup_id",
  "adgroup_name",
  "ad_name",
];

export function tiktokReportRow(r: Row): MetricRow {
  const d = (r.dimensions ?? {}) as Row;
  const m = (r.metrics ?? {}) as Row;
  return {
    level: "ad",
    external_id: str(d.ad_id),
    name: m.ad_name as string | undefined,
    ad_group_external_id: str(m.adgroup_id),
    ad_group_name: m.adgroup_name as string | undefined,
    campaign_external_id: str(m.campaign_id),
    campaign_name: m.campaign_name as string | undefined,
    day: str(d.stat_time_day).slice(0, 10),
    currency: (m.currency as string) || undefined,
    spend: decimalText(m.spend) ?? "0",
    impressions: decimalText(m.impressions) ?? "0",
    clicks: decimalText(m.clicks) ?? "0",
    conversions: decimalText(m.complete_payment) ?? "0",
    revenue: decimalText(m.total_complete_payment_rate) ?? "0",
  };
}

/** Where a TikTok step stands: the object list (by position) and the next page to fetch. */
export interface TikTokCursor {
  list?: number;
  page: number;
}

export function tiktokSource(): AdsSource<TikTokCursor> {
  return {
    platform: "tiktok",
    authHeaders: (token) => ({ "access-token": token }),

    async account(ctx) {
      const a = await ctx.client.call<Paged>({
        path: "advertiser/info/",
        query: {
          advertiser_ids: JSON.stringify([ctx.account]),
          fields: JSON.stringify(["name", "currency", "timezone"]),
        },
      });
      const r = a.body.data?.list?.[0] ?? {};
      return {
        fetched_at: isoNow(ctx.now),
        account: {
          name: r.name as string | undefined,
          currency: str(r.currency),
          timezone: r.timezone as string | undefined,
        },
      };
    },

    async *structure(ctx, cursor) {
      let list = cursor?.list ?? 0;
      let page = cursor?.page ?? 1;
      while (list < LISTS.length) {
        const l = LISTS[list];
        const a = await ctx.client.call<Paged>({
          path: l.path,
          query: {
            advertiser_id: ctx.account,
            page,
            page_size: 1000,
            filtering: JSON.stringify({ secondary_status: l.all }),
          },
        });
        const out: AdsPage = { fetched_at: isoNow(ctx.now), [l.key]: (a.body.data?.list ?? []).map(l.map) };
        if (page < (a.body.data?.page_info?.total_page ?? 1)) {
          page++;
        } else {
          list++;
          page = 1;
        }
        if (list === LISTS.length) out.structure_complete = true;
        yield { page: out, cursor: list === LISTS.length ? null : { list, page } };
      }
    },

    async *metrics(ctx, w, cursor) {
      let page = cursor?.page ?? 1;
      for (;;) {
        const a = await ctx.client.call<Paged>({
          path: "report/integrated/get/",
          query: {
            advertiser_id: ctx.account,
            report_type: "BASIC",
            data_level: "AUCTION_AD",
            dimensions: JSON.stringify(["ad_id", "stat_time_day"]),
            metrics: JSON.stringify(REPORT_METRICS),
            start_date: w.from,
            end_date: w.to,
            page,
            page_size: 1000,
          },
        });
        const out: AdsPage = { fetched_at: isoNow(ctx.now), metrics: (a.body.data?.list ?? []).map(tiktokReportRow) };
        if (page >= (a.body.data?.page_info?.total_page ?? 1)) {
          out.metrics_complete = { derive_from: "ad" };
          yield { page: out, cursor: null };
          return;
        }
        page++;
        yield { page: out, cursor: { page } };
      }
    },
  };
}

// ===== Events API: POST /event/track/ for a pixel, up to 1,000 events a request
export function tiktokEvent(e: ConversionEvent) {
  const u = e.user_data;
  return {
    event: platformEventName(e.event_name, "tiktok"),
    event_time: unixSeconds(e.occurred_at),
    event_id: e.event_id,
    user: userFields(u, {
      em: "email",
      ph: "phone",
      external_id: "external_id",
      ttclid: "ttclid",
      ttp: "ttp",
      client_user_agent: "user_agent",
    }),
    properties: orderFields(e),
    ...(u.page_url ? { page: { url: u.page_url } } : {}),
  };
}

export const tiktokEventsSender: Sender = {
  maxBatch: 1000,
  async send(client, token, events) {
    const a = await client.call<{ request_id?: string }>({
      method: "POST",
      path: "event/track/",
      headers: { "access-token": token },
      json: {
        event_source: "web",
        event_source_id: events[0].pixel_id,
        ...(events[0].test_event_code ? { test_event_code: events[0].test_event_code } : {}),
        data: events.map(tiktokEvent),
      },
    });
    return a.body.request_id ?? null;
  },
};
