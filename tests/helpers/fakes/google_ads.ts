// A fake Google Ads API at /google-ads/v21: customers/{id}/googleAds:searchStream answering the
// GAQL the client sends (customer, campaign, ad_group, ad_group_ad, conversion_action; daily
// rows by segments.date) as the real stream does: a JSON array of batches of results, int64 as
// strings, money in micros. It records the developer-token and login-customer-id headers, and
// answers UNAUTHENTICATED for an expired token and RESOURCE_EXHAUSTED with a retryDelay when
// throttled.
import { type AdWorld, daysBetween, EXPONENT } from "./ad_world.ts";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

const STATUS = { active: "ENABLED", paused: "PAUSED", deleted: "REMOVED" } as const;
type Result = Record<string, unknown>;

export class GoogleAdsFake extends FakeProvider {
  readonly prefix = "/google-ads";
  worlds = new Map<string, AdWorld>();
  expired = new Set<string>();
  /** The longest conversion window of the account's enabled conversion actions. */
  conversionWindowDays = 30;
  /** Results per batch of the stream. */
  batchSize = 10_000;

  constructor() {
    super();
    this.on("POST", /^\/v21\/customers\/(\d+)\/googleAds:searchStream$/, (r, m) => this.search(r, m[1]));
  }

  add(w: AdWorld): AdWorld {
    this.worlds.set(w.accountId.replace(/\D/g, ""), w);
    return w;
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: [{ error: { code: 401, message: "Request had invalid authentication credentials. Expected OAuth 2 access token.", status: "UNAUTHENTICATED" } }] };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return {
      status: 429,
      json: [{
        error: {
          code: 429,
          message: "Resource has been exhausted (e.g. check quota).",
          status: "RESOURCE_EXHAUSTED",
          details: [{
            "@type": "type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure",
            errors: [{
              errorCode: { quotaError: "RESOURCE_EXHAUSTED" },
              message: "Too many requests. Retry in 30 seconds.",
              details: { quotaErrorDetails: { rateScope: "ACCOUNT", rateName: "Number of operations for basic access", retryDelay: `${seconds}s` } },
            }],
          }],
        },
      }],
    };
  }

  private search(r: FakeRequest, customer: string): FakeResponse {
    const token = String(r.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!token || this.expired.has(token)) return this.expiredToken();
    if (!r.headers["developer-token"]) {
      return { status: 400, json: [{ error: { code: 400, message: "The developer token is missing.", status: "INVALID_ARGUMENT" } }] };
    }
    const w = this.worlds.get(customer);
    if (!w) return { status: 403, json: [{ error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" } }] };
    const query = String((r.json as { query?: string })?.query ?? "");
    const from = (query.match(/\bFROM\s+(\w+)/i) ?? [])[1];
    const range = query.match(/segments\.date BETWEEN '(\d{4}-\d{2}-\d{2})' AND '(\d{4}-\d{2}-\d{2})'/);
    const results = range ? this.metrics(w, from, range[1], range[2]) : this.structure(w, from);
    if (!results) return { status: 400, json: [{ error: { code: 400, message: `Unsupported query: ${query}`, status: "INVALID_ARGUMENT" } }] };
    const batches = [];
    for (let i = 0; i === 0 || i < results.length; i += this.batchSize) {
      batches.push({ results: results.slice(i, i + this.batchSize), fieldMask: "", requestId: `req${i}` });
    }
    return { json: batches };
  }

  private structure(w: AdWorld, from: string | undefined): Result[] | null {
    switch (from) {
      case "customer":
        return [{ customer: { resourceName: `customers/${w.accountId}`, id: w.accountId, descriptiveName: w.name, currencyCode: w.currency, timeZone: w.timezone } }];
      case "campaign":
        return w.campaigns.map((c) => ({
          campaign: { id: c.id, name: c.name, status: STATUS[c.status], advertisingChannelType: "SEARCH", biddingStrategyType: "MAXIMIZE_CONVERSIONS", startDate: c.since },
          campaignBudget: { amountMicros: w.micros(c.dailyBudgetMinor ?? 0) },
        }));
      case "ad_group":
        return w.adGroups.map((g) => ({ adGroup: { id: g.id, name: g.name, status: STATUS[g.status], cpcBidMicros: "1500000" }, campaign: { id: g.parentId } }));
      case "ad_group_ad":
        return w.ads.map((a) => ({ adGroupAd: { ad: { id: a.id, name: a.name }, status: STATUS[a.status] }, adGroup: { id: a.parentId } }));
      case "conversion_action":
        return [{ conversionAction: { clickThroughLookbackWindowDays: String(this.conversionWindowDays) } }, { conversionAction: { clickThroughLookbackWindowDays: "7" } }];
    }
    return null;
  }

  private metrics(w: AdWorld, from: string | undefined, since: string, until: string): Result[] | null {
    const values = (rows: { spendMinor: number; impressions: number; clicks: number; purchases: number; revenueMinor: number }[]) => {
      const t = rows.reduce((s, x) => ({ spendMinor: s.spendMinor + x.spendMinor, impressions: s.impressions + x.impressions, clicks: s.clicks + x.clicks, purchases: s.purchases + x.purchases, revenueMinor: s.revenueMinor + x.revenueMinor }), { spendMinor: 0, impressions: 0, clicks: 0, purchases: 0, revenueMinor: 0 });
      return { costMicros: w.micros(t.spendMinor), impressions: String(t.impressions), clicks: String(t.clicks), conversions: t.purchases, conversionsValue: t.revenueMinor / 10 ** (EXPONENT[w.currency] ?? 2) };
    };
    const out: Result[] = [];
    for (const d of daysBetween(since, until)) {
      if (from === "ad_group") {
        for (const g of w.adGroups) {
          const rows = w.ads.filter((a) => a.parentId === g.id).map((a) => w.row(a, d)).filter((x) => x !== null);
          if (!rows.length) continue;
          const c = w.campaign(g.parentId!);
          out.push({ campaign: { id: c.id, name: c.name }, adGroup: { id: g.id, name: g.name }, segments: { date: d }, metrics: values(rows), customer: { currencyCode: w.currency } });
        }
      } else if (from === "ad_group_ad") {
        for (const a of w.ads) {
          const row = w.row(a, d);
          if (!row) continue;
          const g = w.adGroup(a.parentId!);
          out.push({ campaign: { id: g.parentId }, adGroup: { id: g.id }, adGroupAd: { ad: { id: a.id, name: a.name } }, segments: { date: d }, metrics: values([row]), customer: { currencyCode: w.currency } });
        }
      } else return null;
    }
    return [...out, ...w.extraRows];
  }
}
