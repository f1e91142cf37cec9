// Google Search Console: a property's search analytics (searchanalytics.query) by day, query,
// page, country and device, paged with rowLimit/startRow, as ingest_seo_rankings' search_console
// rows. Before the first page of a pull the property is looked up (sites.get): a property the
// token no longer reaches (siteUnverifiedUser) is withdrawn access, like a 403. Data arrives 2-3
// days late and is re-pulled by the daily window; dataState "final" leaves out days still filling.
import type { Settings } from "../env.ts";
import type { Pull, Pulled } from "./analytics.ts";
import { alpha2 } from "./countries.ts";
import { classifyGoogle } from "./google_errors.ts";
import { type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export interface RankingRow {
  keyword: string;
  tracked_on: string;
  url: string;
  location: string;
  device: "desktop" | "mobile" | "tablet";
  clicks: number;
  impressions: number;
  ctr: number;
  avg_position: number;
  position: number | null;
}

interface QueryAnswer {
  rows?: { keys?: string[]; clicks?: number; impressions?: number; ctr?: number; position?: number }[];
}

export function searchConsoleClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "Search Console",
    baseUrl: s.SEARCH_CONSOLE_API_URL,
    timeoutMs: s.ANALYTICS_API_TIMEOUT_MS,
    http,
    classify: (a, now) => classifyGoogle("Search Console", a, now),
    onCall,
  });
}

const DEVICES: Record<string, RankingRow["device"]> = { DESKTOP: "desktop", MOBILE: "mobile", TABLET: "tablet" };

/** One Search Console row as a ranking; null for a row without a query or page. */
export function rankingRow(r: NonNullable<QueryAnswer["rows"]>[number]): RankingRow | null {
  const [date, query, page, country, device] = r.keys ?? [];
  if (!date || !query?.trim() || !page) return null;
  const avg = Math.max(1, Number(r.position) || 1);
  return {
    keyword: query.trim().toLowerCase().slice(0, 200),
    tracked_on: date,
    url: page.slice(0, 2000),
    location: alpha2(country ?? "zzz"),
    device: DEVICES[device ?? ""] ?? "mobile",
    clicks: Math.max(0, Math.round(Number(r.clicks) || 0)),
    impressions: Math.max(0, Math.round(Number(r.impressions) || 0)),
    ctr: Math.min(1, Math.max(0, Number(r.ctr) || 0)),
    avg_position: Math.round(avg * 100) / 100,
    position: avg < 100.5 ? Math.round(avg) : null,
  };
}

interface Progress {
  startRow?: number;
  checked?: boolean;
}

/** The next page of a pull (progress: {checked, startRow}), at most rowLimit rows (at most 5000: ingest's cap). */
export async function nextSearchConsolePage(
  client: Client,
  pull: Pull,
  progress: Progress,
  rowLimit = 5000,
): Promise<Pulled<RankingRow[]>> {
  const limit = Math.min(rowLimit, 5000);
  const site = encodeURIComponent(pull.account);
  if (!progress.checked) {
    const { body } = await client.call<{ permissionLevel?: string }>({ path: `sites/${site}` });
    if (!body?.permissionLevel || body.permissionLevel === "siteUnverifiedUser") {
      throw new ProviderError("token_invalid", `Search Console: the connection has no access to ${pull.account}`, {
        providerCode: body?.permissionLevel ?? "no permission",
      });
    }
  }
  const startRow = progress.startRow ?? 0;
  const { body } = await client.call<QueryAnswer>({
    method: "POST",
    path: `sites/${site}/searchAnalytics/query`,
    json: {
      startDate: pull.from,
      endDate: pull.to,
      dimensions: ["date", "query", "page", "country", "device"],
      type: "web",
      dataState: "final",
      rowLimit: limit,
      startRow,
    },
  });
  const raw = body?.rows ?? [];
  const rows = raw.map(rankingRow).filter((r): r is RankingRow => r !== null);
  return {
    page: rows.length ? rows : null,
    progress: { checked: true, startRow: startRow + raw.length },
    done: raw.length < limit,
  };
}
