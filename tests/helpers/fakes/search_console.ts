// Google Search Console's API as the sync meets it: sites.get (the token's permission on a
// property) and searchanalytics.query (rows by the requested dimensions, rowLimit/startRow paging,
// rows sorted by clicks, nothing past the data's delay). A bearer token must be one the OAuth fake
// issued and not revoked; faults come as Google sends them (429 RESOURCE_EXHAUSTED with
// RetryInfo, 401 UNAUTHENTICATED).
import { googleQuotaError, googlePermissionDenied, googleUnauthenticated } from "./google_api.ts";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface SearchRow {
  date: string;
  query: string;
  page: string;
  country: string;
  device: "DESKTOP" | "MOBILE" | "TABLET";
  clicks: number;
  impressions: number;
  position: number;
}

export class SearchConsoleFake extends FakeProvider {
  readonly prefix = "/google/webmasters/v3";
  /** Properties and the permission the token has on each. */
  properties = new Map<string, string>();
  rows: SearchRow[] = [];
  /** The last day with final data (Search Console's delay): later rows are not served. */
  finalThrough = "9999-12-31";
  /** Tokens that were revoked (their calls answer 401). */
  revoked = new Set<string>();
  /** The queries the sync sent, in order. */
  queries: { site: string; body: Record<string, unknown> }[] = [];

  constructor() {
    super();
    this.on("GET", /^\/sites\/([^/]+)$/, (r, m) => this.authed(r, () => {
      const site = decodeURIComponent(m[1]);
      const level = this.properties.get(site);
      if (!level) return googlePermissionDenied(`User does not have sufficient permission for site '${site}'.`);
      return { json: { siteUrl: site, permissionLevel: level } };
    }));
    this.on("POST", /^\/sites\/([^/]+)\/searchAnalytics\/query$/, (r, m) => this.authed(r, () => this.query(r, decodeURIComponent(m[1]))));
  }

  expiredToken(): FakeResponse {
    return googleUnauthenticated();
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return googleQuotaError(seconds, "Search Analytics load quota exceeded for this site");
  }

  private authed(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const token = String(r.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!token || this.revoked.has(token)) return googleUnauthenticated();
    return fn();
  }

  private query(r: FakeRequest, site: string): FakeResponse {
    const b = r.json as {
      startDate: string; endDate: string; dimensions: string[]; rowLimit?: number; startRow?: number; type?: string;
    };
    this.queries.push({ site, body: b as unknown as Record<string, unknown> });
    if (!this.properties.has(site)) return googlePermissionDenied(`User does not have sufficient permission for site '${site}'.`);
    const key = (x: SearchRow) => b.dimensions.map((d) => String(x[d as keyof SearchRow]));
    const rows = this.rows
      .filter((x) => x.date >= b.startDate && x.date <= b.endDate && x.date <= this.finalThrough)
      .sort((a, c) => c.clicks - a.clicks || key(a).join().localeCompare(key(c).join()))
      .slice(b.startRow ?? 0, (b.startRow ?? 0) + (b.rowLimit ?? 1000));
    if (!rows.length) return { json: { responseAggregationType: "byPage" } };
    return {
      json: {
        rows: rows.map((x) => ({
          keys: key(x),
          clicks: x.clicks,
          impressions: x.impressions,
          ctr: x.impressions ? x.clicks / x.impressions : 0,
          position: x.position,
        })),
        responseAggregationType: "byPage",
      },
    };
  }
}

/** `perDay` (at most 40) rows a day for each day of [from, to]: queries on pages of `site`, countries and devices varied. */
export function searchRows(site: string, from: string, to: string, perDay: number): SearchRow[] {
  const out: SearchRow[] = [];
  const devices = ["MOBILE", "DESKTOP", "TABLET"] as const;
  const countries = ["usa", "gbr", "deu", "zzz"];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    for (let i = 0; i < perDay; i++) {
      out.push({
        date,
        query: `tallow balm ${i % 40}`,
        page: `${site.replace(/\/$/, "")}/products/${i % 7}`,
        country: countries[i % 4],
        device: devices[i % 3],
        clicks: (i * 7) % 13,
        impressions: 20 + ((i * 11) % 90),
        position: 1 + ((i * 3) % 140) / 1.5,
      });
    }
  }
  return out;
}
