// PageSpeed Insights v5 (runPagespeed) for one page and strategy, with the deployment's API key:
// Core Web Vitals from the field where CrUX has them for the page itself (loadingExperience, not
// its origin fallback: LCP, INP, CLS, FCP, TTFB at the 75th percentile; CLS comes multiplied by
// 100), from Lighthouse's lab run otherwise (no INP in the lab); the four category scores; and the
// failing audits (score below 0.5): critical when the audit counts toward a category score
// (weight > 0), high priority otherwise. Quota and key errors are Google's (google_errors.ts); a
// page Lighthouse could not audit (500 "Lighthouse returned error", 400 for the URL) is that
// page's error, not the connection's.
import type { Settings } from "../env.ts";
import { classifyGoogle } from "./google_errors.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export type Strategy = "mobile" | "desktop";

export interface PageAudit {
  url: string;
  strategy: Strategy;
  vitals_source?: "field" | "lab";
  field_category?: string | null;
  lcp_ms?: number | null;
  inp_ms?: number | null;
  cls?: number | null;
  fcp_ms?: number | null;
  ttfb_ms?: number | null;
  tbt_ms?: number | null;
  scores?: {
    performance: number | null;
    seo: number | null;
    best_practices: number | null;
    accessibility: number | null;
  };
  issues?: { id: string; title: string; score: number; severity: "critical" | "high"; category: string }[];
  lighthouse_version?: string;
  fetched_at?: string;
  error?: string;
}

interface Metric {
  percentile?: number;
  category?: string;
}
interface Audit {
  id?: string;
  title?: string;
  score?: number | null;
  scoreDisplayMode?: string;
  numericValue?: number;
}
interface Category {
  score?: number | null;
  auditRefs?: { id: string; weight?: number }[];
}
export interface RunPagespeedAnswer {
  id?: string;
  analysisUTCTimestamp?: string;
  loadingExperience?: {
    id?: string;
    metrics?: Record<string, Metric>;
    overall_category?: string;
    origin_fallback?: boolean;
  };
  lighthouseResult?: {
    lighthouseVersion?: string;
    fetchTime?: string;
    categories?: Record<string, Category>;
    audits?: Record<string, Audit>;
  };
}

/** Lighthouse could not audit the page: the page's error, not a provider failure. */
export const PAGE_ERROR = "PAGE_ERROR";

function classifyPagespeed(a: Answer, now: number): ProviderError | null {
  const msg = (a.body as { error?: { message?: string } } | null)?.error?.message ?? "";
  if ((a.status === 500 && /^Lighthouse returned error/i.test(msg)) || (a.status === 400 && /url/i.test(msg))) {
    return new ProviderError("bad_request", `PageSpeed: ${msg}`, { status: a.status, providerCode: PAGE_ERROR });
  }
  return classifyGoogle("PageSpeed", a, now);
}

export function pagespeedClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "PageSpeed",
    baseUrl: s.PAGESPEED_API_URL,
    timeoutMs: s.ANALYTICS_API_TIMEOUT_MS,
    http,
    classify: classifyPagespeed,
    onCall,
  });
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);
const CATEGORIES = ["performance", "seo", "best-practices", "accessibility"];

/** A runPagespeed answer as the page's audit. */
export function pageAudit(url: string, strategy: Strategy, r: RunPagespeedAnswer): PageAudit {
  const lh = r.lighthouseResult ?? {};
  const audits = lh.audits ?? {};
  const lab = (id: string) => num(audits[id]?.numericValue);
  const le = r.loadingExperience;
  const m = le?.metrics ?? {};
  const field = !le?.origin_fallback && num(m.LARGEST_CONTENTFUL_PAINT_MS?.percentile) !== null;
  const cat = (id: string) => num(lh.categories?.[id]?.score);
  const fieldCls = num(m.CUMULATIVE_LAYOUT_SHIFT_SCORE?.percentile);
  const issues = new Map<string, NonNullable<PageAudit["issues"]>[number]>();
  for (const c of CATEGORIES) {
    for (const ref of lh.categories?.[c]?.auditRefs ?? []) {
      const au = audits[ref.id];
      if (!au || typeof au.score !== "number" || au.score >= 0.5) continue;
      if (!["binary", "numeric", "metricSavings"].includes(au.scoreDisplayMode ?? "")) continue;
      const severity = (ref.weight ?? 0) > 0 ? "critical" : "high";
      const had = issues.get(ref.id);
      if (had && (had.severity === "critical" || severity === "high")) continue;
      issues.set(ref.id, { id: ref.id, title: au.title ?? ref.id, score: au.score, severity, category: c });
    }
  }
  return {
    url,
    strategy,
    vitals_source: field ? "field" : "lab",
    field_category: field ? le?.overall_category ?? null : null,
    lcp_ms: field ? num(m.LARGEST_CONTENTFUL_PAINT_MS?.percentile) : lab("largest-contentful-paint"),
    inp_ms: field ? num(m.INTERACTION_TO_NEXT_PAINT?.percentile) : null,
    cls: field ? (fieldCls === null ? null : fieldCls / 100) : lab("cumulative-layout-shift"),
    fcp_ms: field ? num(m.FIRST_CONTENTFUL_PAINT_MS?.percentile) : lab("first-contentful-paint"),
    ttfb_ms: field ? num(m.EXPERIMENTAL_TIME_TO_FIRST_BYTE?.percentile) : lab("server-response-time"),
    tbt_ms: lab("total-blocking-time"),
    scores: {
      performance: cat("performance"),
      seo: cat("seo"),
      best_practices: cat("best-practices"),
      accessibility: cat("accessibility"),
    },
    issues: [...issues.values()].sort((a, b) => a.severity.localeCompare(b.severity) || a.score - b.score),
    lighthouse_version: lh.lighthouseVersion,
    fetched_at: lh.fetchTime ?? r.analysisUTCTimestamp,
  };
}

/** Audits one page; a page Lighthouse could not audit comes back with its error. */
export async function auditPage(client: Client, key: string, url: string, strategy: Strategy): Promise<PageAudit> {
  try {
    const { body } = await client.call<RunPagespeedAnswer>({
      // category repeats, so it is part of the path; the rest are query parameters
      path: `runPagespeed?${CATEGORIES.map((c) => `category=${c}`).join("&")}`,
      query: { url, strategy, key: key || undefined },
    });
    return pageAudit(url, strategy, body ?? {});
  } catch (e) {
    if (e instanceof ProviderError && e.details.providerCode === PAGE_ERROR) {
      return { url, strategy, error: e.message.slice(0, 2000) };
    }
    throw e;
  }
}
