// Google Ads API: GAQL through customers/{id}/googleAds:searchStream with the developer-token
// and login-customer-id headers. The customer (currency, time zone), campaigns (budgets in
// micros), ad groups, ads, the longest conversion window (the restatement window), and daily
// rows at ad group and ad level by segments.date (cost_micros; conversions and their value).
// A stream answers all at once; its results are handed to SQL in pages of up to 1,000, and a
// resumed step skips the pages already applied. Quota errors are RESOURCE_EXHAUSTED (with a
// retryDelay), an invalid token UNAUTHENTICATED.
import type { Settings } from "../env.ts";
import {
  type AdObject,
  type AdsPage,
  type AdsSource,
  type AdStatus,
  decimalText,
  isoNow,
  type MetricRow,
  type SyncContext,
  type Window,
} from "./ads.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

interface GoogleError {
  code?: number;
  message?: string;
  status?: string;
  details?: {
    errors?: { errorCode?: Record<string, string>; details?: { quotaErrorDetails?: { retryDelay?: string } } }[];
  }[];
}

function googleError(body: unknown): GoogleError | null {
  const one = Array.isArray(body) ? body.find((x) => x && typeof x === "object" && "error" in x) : body;
  const e = (one as { error?: GoogleError })?.error;
  return e && typeof e === "object" ? e : null;
}

/** "30s" / "1.5s" as ms; null when absent or malformed. */
function duration(s: unknown): number | null {
  const m = typeof s === "string" ? s.match(/^(\d+(?:\.\d+)?)s$/) : null;
  return m ? Math.ceil(Number(m[1]) * 1000) : null;
}

export function classifyGoogle(a: Answer, now: number): ProviderError | null {
  const e = googleError(a.body);
  if (!e) return null;
  const what = `Google Ads ${e.status ?? e.code}: ${e.message ?? "no message"}`;
  switch (e.status) {
    case "RESOURCE_EXHAUSTED": {
      const delays = (e.details ?? []).flatMap((d) => d.errors ?? []).map((x) =>
        duration(x.details?.quotaErrorDetails?.retryDelay)
      );
      const wait = Math.max(0, ...delays.filter((d): d is number => d !== null)) || null;
      const header = a.headers.get("retry-after");
      const retryAt = new Date(now + (wait ?? (header && /^\d+$/.test(header) ? Number(header) * 1000 : 60_000)));
      return new ProviderError("throttled", what, { status: a.status, retryAt, providerCode: e.status });
    }
    case "UNAUTHENTICATED":
      return new ProviderError("token_invalid", what, { status: a.status, providerCode: e.status });
    case "INTERNAL":
    case "UNAVAILABLE":
    case "DEADLINE_EXCEEDED":
    case "ABORTED":
      return new ProviderError("retry_later", what, { status: a.status, providerCode: e.status });
    default:
      return a.status >= 500
        ? new ProviderError("retry_later", what, { status: a.status, providerCode: e.status })
        : new ProviderError("bad_request", what, { status: a.status, providerCode: e.status });
  }
}

export function googleAdsClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "Google Ads",
    baseUrl: s.GOOGLE_ADS_API_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyGoogle,
    headers: {
      "developer-token": s.GOOGLE_ADS_DEVELOPER_TOKEN,
      ...(s.GOOGLE_ADS_LOGIN_CUSTOMER_ID ? { "login-customer-id": s.GOOGLE_ADS_LOGIN_CUSTOMER_ID } : {}),
    },
    onCall,
  });
}

type Row = Record<string, Record<string, unknown> & { ad?: Record<string, unknown> }>;

const STATUS: Record<string, AdStatus> = { ENABLED: "active", PAUSED: "paused", REMOVED: "deleted" };
const status = (s: unknown): AdStatus => STATUS[String(s)] ?? "draft";
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** The customer id as the API takes it: digits only. */
export const customerId = (account: string) => account.replace(/\D/g, "");

/** Runs one GAQL query through searchStream and returns every result row. */
export async function searchStream(ctx: SyncContext, query: string): Promise<Row[]> {
  const a = await ctx.client.call<{ results?: Row[] }[]>({
    method: "POST",
    path: `customers/${customerId(ctx.account)}/googleAds:searchStream`,
    json: { query },
  });
  if (!Array.isArray(a.body)) {
    throw new ProviderError("retry_later", "Google Ads answered a stream that is not an array");
  }
  return a.body.flatMap((batch) => batch.results ?? []);
}

const PAGE = 1000;

const STRUCTURE = [
  {
    query: "SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type, " +
      "campaign.bidding_strategy_type, campaign.start_date, campaign.end_date, campaign_budget.amount_micros " +
      "FROM campaign ORDER BY campaign.id",
    page: (rows: Row[]): Partial<AdsPage> => ({
      campaigns: rows.map((r): AdObject => ({
        external_id: str(r.campaign?.id),
        name: str(r.campaign?.name),
        status: status(r.campaign?.status),
        objective: (r.campaign?.advertisingChannelType as string) ?? null,
        bid_strategy: (r.campaign?.biddingStrategyType as string) ?? null,
        daily_budget_micros: decimalText(r.campaignBudget?.amountMicros) ?? null,
        start_date: (r.campaign?.startDate as string) ?? null,
        end_date: (r.campaign?.endDate as string) ?? null,
      })),
    }),
  },
  {
    query: "SELECT ad_group.id, ad_group.name, ad_group.status, ad_group.cpc_bid_micros, campaign.id " +
      "FROM ad_group ORDER BY ad_group.id",
    page: (rows: Row[]): Partial<AdsPage> => ({
      ad_groups: rows.map((r): AdObject => ({
        external_id: str(r.adGroup?.id),
        name: str(r.adGroup?.name),
        status: status(r.adGroup?.status),
        campaign_external_id: str(r.campaign?.id),
        cpc_bid_micros: decimalText(r.adGroup?.cpcBidMicros) ?? null,
      })),
    }),
  },
  {
    query: "SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, ad_group_ad.status, ad_group.id " +
      "FROM ad_group_ad ORDER BY ad_group_ad.ad.id",
    page: (rows: Row[]): Partial<AdsPage> => ({
      ads: rows.map((r): AdObject => ({
        external_id: str(r.adGroupAd?.ad?.id),
        name: str(r.adGroupAd?.ad?.name) || `Ad ${str(r.adGroupAd?.ad?.id)}`,
        status: status(r.adGroupAd?.status),
        ad_group_external_id: str(r.adGroup?.id),
      })),
    }),
  },
  {
    // the longest click-through conversion window decides how far back numbers still change
    query: "SELECT conversion_action.click_through_lookback_window_days FROM conversion_action " +
      "WHERE conversion_action.status = 'ENABLED'",
    page: (rows: Row[]): Partial<AdsPage> => {
      const days = rows.map((r) => Number(r.conversionAction?.clickThroughLookbackWindowDays)).filter(Number.isFinite);
      return days.length ? { settings: { restatement_days: Math.min(90, Math.max(...days)) } } : {};
    },
  },
];

const METRIC_FIELDS = "segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks, metrics.conversions, " +
  "metrics.conversions_value, customer.currency_code";

const METRICS = [
  {
    query: (w: Window) =>
      `SELECT campaign.id, campaign.name, ad_group.id, ad_group.name, ${METRIC_FIELDS} FROM ad_group ` +
      `WHERE segments.date BETWEEN '${w.from}' AND '${w.to}' ORDER BY segments.date, ad_group.id`,
    row: (r: Row): MetricRow => ({
      level: "ad_group",
      external_id: str(r.adGroup?.id),
      name: r.adGroup?.name as string | undefined,
      campaign_external_id: str(r.campaign?.id),
      campaign_name: r.campaign?.name as string | undefined,
      ...metricValues(r),
    }),
  },
  {
    query: (w: Window) =>
      `SELECT campaign.id, ad_group.id, ad_group_ad.ad.id, ad_group_ad.ad.name, ${METRIC_FIELDS} FROM ad_group_ad ` +
      `WHERE segments.date BETWEEN '${w.from}' AND '${w.to}' ORDER BY segments.date, ad_group_ad.ad.id`,
    row: (r: Row): MetricRow => ({
      level: "ad",
      external_id: str(r.adGroupAd?.ad?.id),
      name: (r.adGroupAd?.ad?.name as string) || undefined,
      ad_group_external_id: str(r.adGroup?.id),
      campaign_external_id: str(r.campaign?.id),
      ...metricValues(r),
    }),
  },
];

function metricValues(r: Row) {
  return {
    day: str(r.segments?.date),
    currency: r.customer?.currencyCode as string | undefined,
    spend_micros: decimalText(r.metrics?.costMicros) ?? "0",
    impressions: decimalText(r.metrics?.impressions) ?? "0",
    clicks: decimalText(r.metrics?.clicks) ?? "0",
    conversions: decimalText(r.metrics?.conversions) ?? "0",
    revenue: decimalText(r.metrics?.conversionsValue) ?? "0",
  };
}

/** Where a Google step stands: the query (by position) and how many of its rows were applied. */
export interface GoogleCursor {
  step: number;
  offset: number;
}

export function googleAdsSource(): AdsSource<GoogleCursor> {
  return {
    platform: "google",
    authHeaders: (token) => ({ authorization: `Bearer ${token}` }),

    async account(ctx) {
      const [r] = await searchStream(
        ctx,
        "SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.time_zone FROM customer",
      );
      return {
        fetched_at: isoNow(ctx.now),
        account: {
          name: r?.customer?.descriptiveName as string | undefined,
          currency: str(r?.customer?.currencyCode),
          timezone: r?.customer?.timeZone as string | undefined,
        },
      };
    },

    async *structure(ctx, cursor) {
      for (let step = cursor?.step ?? 0; step < STRUCTURE.length; step++) {
        const rows = await searchStream(ctx, STRUCTURE[step].query);
        let offset = step === cursor?.step ? cursor.offset : 0;
        do {
          const slice = rows.slice(offset, offset + PAGE);
          offset += PAGE;
          const last = offset >= rows.length && step === STRUCTURE.length - 1;
          const page: AdsPage = { fetched_at: isoNow(ctx.now), ...STRUCTURE[step].page(slice) };
          if (last) page.structure_complete = true;
          const next = offset >= rows.length ? { step: step + 1, offset: 0 } : { step, offset };
          yield { page, cursor: last ? null : next };
        } while (offset < rows.length);
      }
    },

    async *metrics(ctx, w, cursor) {
      for (let step = cursor?.step ?? 0; step < METRICS.length; step++) {
        const rows = await searchStream(ctx, METRICS[step].query(w));
        let offset = step === cursor?.step ? cursor.offset : 0;
        do {
          const slice = rows.slice(offset, offset + PAGE).map(METRICS[step].row);
          offset += PAGE;
          const last = offset >= rows.length && step === METRICS.length - 1;
          const page: AdsPage = { fetched_at: isoNow(ctx.now), metrics: slice };
          if (last) page.metrics_complete = { derive_from: "ad_group" };
          const next = offset >= rows.length ? { step: step + 1, offset: 0 } : { step, offset };
          yield { page, cursor: last ? null : next };
        } while (offset < rows.length);
      }
    },
  };
}
