// Meta Marketing API (Graph API) and Conversions API. Marketing: the ad account, its campaigns, ad sets and ads (status,
// objective, budgets in minor units), and insights at ad level with time_increment=1, paged by
// cursor; windows longer than META_ASYNC_REPORT_DAYS run as asynchronous report runs (POST
// insights, poll the run, page its insights). Throttling: error codes 4, 17, 32, 613 and
// 80000-80014, waiting as long as X-Business-Use-Case-Usage's estimated_time_to_regain_access
// (minutes) says; 190 and 102 are an invalid token; 10 and 200-299 a permission the token lacks.
import type { Settings } from "../env.ts";
import {
  type AdObject,
  type AdsPage,
  type AdsSource,
  type AdStatus,
  decimalText,
  isoNow,
  type MetricRow,
  type Step,
  windowDays,
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

interface MetaError {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

const THROTTLE_CODES = new Set([4, 17, 32, 613]);

/** The longest wait any business use case reports, in ms from now; null without one. */
export function metaRegainAccessMs(headers: Headers): number | null {
  const raw = headers.get("x-business-use-case-usage");
  if (!raw) return null;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    let minutes = 0;
    for (const entries of Object.values(usage)) {
      for (const e of entries ?? []) minutes = Math.max(minutes, Number(e.estimated_time_to_regain_access) || 0);
    }
    return minutes > 0 ? minutes * 60_000 : null;
  } catch {
    return null;
  }
}

export function classifyMeta(a: Answer, now: number): ProviderError | null {
  const e = (a.body as MetaError)?.error;
  if (!e || typeof e !== "object") return null;
  const code = Number(e.code);
  const what = `Meta error ${code}${e.error_subcode ? `/${e.error_subcode}` : ""}: ${e.message ?? "no message"}`;
  if (THROTTLE_CODES.has(code) || (code >= 80000 && code <= 80014)) {
    const wait = metaRegainAccessMs(a.headers) ?? 60_000;
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + wait),
      providerCode: code,
    });
  }
  if (code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299)) {
    return new ProviderError("token_invalid", what, { status: a.status, providerCode: code });
  }
  if (e.is_transient || code === 1 || code === 2) {
    return new ProviderError("retry_later", what, { status: a.status, providerCode: code });
  }
  if (a.status >= 500) return new ProviderError("retry_later", what, { status: a.status, providerCode: code });
  return new ProviderError("bad_request", what, { status: a.status, providerCode: code });
}

export function metaClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "Meta",
    baseUrl: s.META_GRAPH_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyMeta,
    onCall,
  });
}

const STATUS: Record<string, AdStatus> = {
  ACTIVE: "active",
  PAUSED: "paused",
  DELETED: "deleted",
  ARCHIVED: "archived",
};
const status = (s: unknown): AdStatus => STATUS[String(s)] ?? "paused";
const date = (t: unknown) => (typeof t === "string" && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : null);
/** Every status, so removed objects come back too (with their status). */
const EVERY_STATUS = JSON.stringify([
  "ACTIVE",
  "PAUSED",
  "DELETED",
  "ARCHIVED",
  "CAMPAIGN_PAUSED",
  "ADSET_PAUSED",
  "IN_PROCESS",
  "WITH_ISSUES",
  "PENDING_REVIEW",
  "DISAPPROVED",
  "PREAPPROVED",
  "PENDING_BILLING_INFO",
]);
/** Purchases as Meta reports them, most inclusive first (one of them, never a sum: they overlap). */
const PURCHASE_TYPES = ["omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"];

interface Paged<T> {
  data?: T[];
  paging?: { cursors?: { after?: string }; next?: string };
}

type Row = Record<string, unknown>;

function purchase(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const t of PURCHASE_TYPES) {
    const hit = list.find((x) => (x as Row)?.action_type === t) as Row | undefined;
    if (hit) return decimalText(hit.value);
  }
  return undefined;
}

export function metaInsightRow(r: Row): MetricRow {
  return {
    level: "ad",
    external_id: String(r.ad_id ?? ""),
    name: r.ad_name as string | undefined,
    ad_group_external_id: String(r.adset_id ?? ""),
    ad_group_name: r.adset_name as string | undefined,
    campaign_external_id: String(r.campaign_id ?? ""),
    campaign_name: r.campaign_name as string | undefined,
    day: String(r.date_start ?? ""),
    currency: r.account_currency as string | undefined,
    spend: decimalText(r.spend) ?? "0",
    impressions: decimalText(r.impressions),
    clicks: decimalText(r.clicks),
    conversions: purchase(r.actions) ?? "0",
    revenue: purchase(r.action_values) ?? "0",
  };
}

const LISTS = [
  {
    edge: "campaigns",
    fields: "id,name,status,objective,daily_budget,lifetime_budget,bid_strategy,start_time,stop_time",
    key: "campaigns" as const,
    map: (r: Row): AdObject => ({
      external_id: String(r.id ?? ""),
      name: String(r.name ?? ""),
      status: status(r.status),
      objective: (r.objective as string) ?? null,
      daily_budget_minor: decimalText(r.daily_budget) ?? null,
      lifetime_budget_minor: decimalText(r.lifetime_budget) ?? null,
      bid_strategy: (r.bid_strategy as string) ?? null,
      start_date: date(r.start_time),
      end_date: date(r.stop_time),
    }),
  },
  {
    edge: "adsets",
    fields: "id,name,campaign_id,status,daily_budget,lifetime_budget",
    key: "ad_groups" as const,
    map: (r: Row): AdObject => ({
      external_id: String(r.id ?? ""),
      name: String(r.name ?? ""),
      status: status(r.status),
      campaign_external_id: String(r.campaign_id ?? ""),
      daily_budget_minor: decimalText(r.daily_budget) ?? null,
    }),
  },
  {
    edge: "ads",
    fields: "id,name,adset_id,status,creative{id}",
    key: "ads" as const,
    map: (r: Row): AdObject => ({
      external_id: String(r.id ?? ""),
      name: String(r.name ?? ""),
      status: status(r.status),
      ad_group_external_id: String(r.adset_id ?? ""),
      creative_id: ((r.creative as Row)?.id as string) ?? null,
    }),
  },
];

const INSIGHT_FIELDS =
  "account_currency,campaign_id,campaign_name,adset_id,adset_name,ad_id,ad_name,spend,impressions,clicks,actions,action_values,date_start,date_stop";

/** Where a Meta step stands: the object list and its cursor; or the report run and its insights cursor. */
export interface MetaCursor {
  list?: number;
  after?: string;
  report_run_id?: string;
}

/**
 * Meta's steps. A report run is polled in this call for up to pollBudgetMs (waits of 250 ms
 * doubling to 2 s) before the job waits and comes back.
 */
export function metaSource(opts: { asyncReportDays: number; pollBudgetMs?: number }): AdsSource<MetaCursor> {
  const pollBudgetMs = opts.pollBudgetMs ?? 8000;
  return {
    platform: "meta",
    authHeaders: (token) => ({ authorization: `Bearer ${token}` }),

    async account(ctx) {
      const a = await ctx.client.call<Row>({
        path: ctx.account,
        query: { fields: "name,currency,timezone_name" },
      });
      return {
        fetched_at: isoNow(ctx.now),
        account: {
          name: a.body.name as string | undefined,
          currency: String(a.body.currency ?? ""),
          timezone: a.body.timezone_name as string | undefined,
        },
      };
    },

    async *structure(ctx, cursor) {
      let list = cursor?.list ?? 0;
      let after = cursor?.after;
      while (list < LISTS.length) {
        const l = LISTS[list];
        const a = await ctx.client.call<Paged<Row>>({
          path: `${ctx.account}/${l.edge}`,
          query: { fields: l.fields, limit: 500, effective_status: EVERY_STATUS, after },
        });
        const next = a.body.paging?.next ? a.body.paging?.cursors?.after : undefined;
        const page: AdsPage = { fetched_at: isoNow(ctx.now), [l.key]: (a.body.data ?? []).map(l.map) };
        if (next) {
          after = next;
        } else {
          list++;
          after = undefined;
        }
        if (list === LISTS.length) page.structure_complete = true;
        yield { page, cursor: list === LISTS.length ? null : { list, after } };
      }
    },

    async *metrics(ctx, w, cursor) {
      const params = {
        level: "ad",
        time_increment: 1,
        time_range: JSON.stringify({ since: w.from, until: w.to }),
        fields: INSIGHT_FIELDS,
        limit: 500,
      };
      let c: MetaCursor = cursor ?? {};
      let path = `${ctx.account}/insights`;
      if (windowDays(w) > opts.asyncReportDays) {
        if (!c.report_run_id) {
          const started = await ctx.client.call<{ report_run_id?: string }>({
            method: "POST",
            path: `${ctx.account}/insights`,
            form: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
          });
          if (!started.body.report_run_id) throw new ProviderError("retry_later", "Meta started no report run");
          c = { report_run_id: started.body.report_run_id };
        }
        const until = ctx.now() + pollBudgetMs;
        let pollMs = 250;
        for (;;) {
          const run = await ctx.client.call<Row>({
            path: c.report_run_id!,
            query: { fields: "async_status,async_percent_completion" },
          });
          const st = String(run.body.async_status ?? "");
          if (st === "Job Completed") break;
          if (st === "Job Failed" || st === "Job Skipped") {
            throw new ProviderError("retry_later", `Meta report run ${c.report_run_id}: ${st}`, { restart: true });
          }
          if (ctx.now() + pollMs > until) {
            yield { waitUntil: new Date(ctx.now() + 5000), cursor: c };
            return;
          }
          await new Promise((r) => setTimeout(r, pollMs));
          pollMs = Math.min(pollMs * 2, 2000);
        }
        path = `${c.report_run_id}/insights`;
      }
      let after = c.after;
      for (;;) {
        const a = await ctx.client.call<Paged<Row>>({
          path,
          query: c.report_run_id ? { limit: 500, after } : { ...params, after },
        });
        const rows = (a.body.data ?? []).map(metaInsightRow);
        after = a.body.paging?.next ? a.body.paging?.cursors?.after : undefined;
        const page: AdsPage = { fetched_at: isoNow(ctx.now), metrics: rows };
        if (!after) {
          page.metrics_complete = { derive_from: "ad" };
          yield { page, cursor: null };
          return;
        }
        yield { page, cursor: { report_run_id: c.report_run_id, after } } as Step<MetaCursor>;
      }
    },
  };
}

// ===== Conversions API: POST /{pixel}/events, up to 1,000 events a request
export function metaCapiEvent(e: ConversionEvent) {
  const u = e.user_data;
  return {
    event_name: platformEventName(e.event_name, "meta"),
    event_time: unixSeconds(e.occurred_at),
    event_id: e.event_id,
    action_source: "website",
    ...(u.page_url ? { event_source_url: u.page_url } : {}),
    // no phone: ours is hashed as E.164 with its "+" (what GA4 and TikTok expect), Meta hashes digits only
    user_data: userFields(u, {
      em: "em",
      external_id: "external_id",
      fbp: "fbp",
      fbc: "fbc",
      client_user_agent: "client_user_agent",
    }, ["em", "external_id"]),
    custom_data: orderFields(e),
  };
}

export const metaCapiSender: Sender = {
  maxBatch: 1000,
  async send(client, token, events) {
    const a = await client.call<{ events_received?: number; fbtrace_id?: string }>({
      method: "POST",
      path: `${events[0].pixel_id}/events`,
      headers: { authorization: `Bearer ${token}` },
      json: {
        data: events.map(metaCapiEvent),
        ...(events[0].test_event_code ? { test_event_code: events[0].test_event_code } : {}),
      },
    });
    if (a.body.events_received !== events.length) {
      throw new ProviderError(
        "retry_later",
        `Meta received ${a.body.events_received ?? 0} of ${events.length} events`,
      );
    }
    return a.body.fbtrace_id ?? null;
  },
};
