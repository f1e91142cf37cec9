// PageSpeed Insights v5 as the sync meets it: runPagespeed?url&strategy&category...&key answers
// with loadingExperience (CrUX field data, where the page has it; origin_fallback otherwise) and
// lighthouseResult (categories with auditRefs and weights, audits with scores and numeric values),
// in Google's shapes. The API key must be the deployment's; a page may fail in Lighthouse.
import { googlePermissionDenied, googleQuotaError } from "./google_api.ts";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface FakePage {
  /** CrUX has this page's field data (else only the origin's, as a fallback). */
  field?: boolean;
  performance?: number;
  lcpMs?: number;
  inpMs?: number;
  cls?: number;
  /** Lighthouse cannot load it: 500 "Lighthouse returned error". */
  fails?: boolean;
}

export class PagespeedFake extends FakeProvider {
  readonly prefix = "/google/pagespeedonline/v5";
  key = "local-pagespeed-key";
  pages = new Map<string, FakePage>();
  runs: { url: string; strategy: string; categories: string[] }[] = [];

  constructor() {
    super();
    this.on("GET", /^\/runPagespeed$/, (r) => this.run(r));
  }

  /** A key Google no longer accepts (deleted, or the API disabled for its project). */
  expiredToken(): FakeResponse {
    return {
      status: 400,
      json: {
        error: {
          code: 400,
          message: "API key not valid. Please pass a valid API key.",
          status: "INVALID_ARGUMENT",
          details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com" }],
        },
      },
    };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return googleQuotaError(seconds, "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'pagespeedonline.googleapis.com'");
  }

  private run(r: FakeRequest): FakeResponse {
    const url = r.query.get("url") ?? "";
    const strategy = (r.query.get("strategy") ?? "desktop").toLowerCase();
    this.runs.push({ url, strategy, categories: r.query.getAll("category") });
    if (r.query.get("key") !== this.key) return this.expiredToken();
    const p = this.pages.get(url);
    if (!p) return googlePermissionDenied("unexpected page in the fake: " + url);
    if (p.fails) {
      return {
        status: 500,
        json: {
          error: {
            code: 500,
            message:
              "Lighthouse returned error: FAILED_DOCUMENT_REQUEST. Lighthouse was unable to reliably load the page you requested. (Details: net::ERR_CONNECTION_FAILED)",
            errors: [{ message: "Lighthouse returned error: FAILED_DOCUMENT_REQUEST.", domain: "lighthouse", reason: "lighthouseUserError" }],
          },
        },
      };
    }
    const perf = p.performance ?? 0.82;
    const lcp = p.lcpMs ?? 2600;
    const metric = (percentile: number, category: string) => ({ percentile, distributions: [], category });
    const fieldMetrics = {
      LARGEST_CONTENTFUL_PAINT_MS: metric(lcp, lcp <= 2500 ? "FAST" : "AVERAGE"),
      INTERACTION_TO_NEXT_PAINT: metric(p.inpMs ?? 180, "FAST"),
      CUMULATIVE_LAYOUT_SHIFT_SCORE: metric(Math.round((p.cls ?? 0.05) * 100), "FAST"),
      FIRST_CONTENTFUL_PAINT_MS: metric(1400, "FAST"),
      EXPERIMENTAL_TIME_TO_FIRST_BYTE: metric(600, "FAST"),
    };
    const audit = (id: string, title: string, score: number | null, numericValue?: number, mode = "numeric") => ({
      id, title, score, scoreDisplayMode: mode, ...(numericValue === undefined ? {} : { numericValue }),
    });
    const audits = {
      "largest-contentful-paint": audit("largest-contentful-paint", "Largest Contentful Paint", lcp > 4000 ? 0.2 : 0.7, lcp + 300),
      "cumulative-layout-shift": audit("cumulative-layout-shift", "Cumulative Layout Shift", 0.9, (p.cls ?? 0.05) + 0.01),
      "first-contentful-paint": audit("first-contentful-paint", "First Contentful Paint", 0.8, 1500),
      "total-blocking-time": audit("total-blocking-time", "Total Blocking Time", 0.4, 420),
      "server-response-time": audit("server-response-time", "Initial server response time was short", 1, 180, "metricSavings"),
      "render-blocking-resources": audit("render-blocking-resources", "Eliminate render-blocking resources", 0.3, 650, "metricSavings"),
      "image-alt": audit("image-alt", "Image elements do not have [alt] attributes", 0, undefined, "binary"),
      "meta-description": audit("meta-description", "Document does not have a meta description", 0, undefined, "binary"),
      "is-on-https": audit("is-on-https", "Uses HTTPS", 1, undefined, "binary"),
      "uses-text-compression": audit("uses-text-compression", "Enable text compression", null, undefined, "notApplicable"),
    };
    return {
      json: {
        captchaResult: "CAPTCHA_NOT_NEEDED",
        kind: "pagespeedonline#result",
        id: url,
        loadingExperience: p.field
          ? { id: url, metrics: fieldMetrics, overall_category: lcp <= 2500 ? "FAST" : "AVERAGE", initial_url: url }
          : { id: new URL(url).origin, metrics: fieldMetrics, overall_category: "AVERAGE", initial_url: url, origin_fallback: true },
        lighthouseResult: {
          requestedUrl: url,
          finalUrl: url,
          lighthouseVersion: "12.2.1",
          fetchTime: new Date().toISOString(),
          configSettings: { formFactor: strategy },
          categories: {
            performance: {
              id: "performance", title: "Performance", score: perf,
              auditRefs: [
                { id: "first-contentful-paint", weight: 10, group: "metrics" },
                { id: "largest-contentful-paint", weight: 25, group: "metrics" },
                { id: "total-blocking-time", weight: 30, group: "metrics" },
                { id: "cumulative-layout-shift", weight: 25, group: "metrics" },
                { id: "render-blocking-resources", weight: 0 },
                { id: "server-response-time", weight: 0 },
                { id: "uses-text-compression", weight: 0 },
              ],
            },
            seo: { id: "seo", title: "SEO", score: 0.91, auditRefs: [{ id: "meta-description", weight: 1 }, { id: "image-alt", weight: 0 }] },
            "best-practices": { id: "best-practices", title: "Best Practices", score: 0.96, auditRefs: [{ id: "is-on-https", weight: 5 }] },
            accessibility: { id: "accessibility", title: "Accessibility", score: 0.88, auditRefs: [{ id: "image-alt", weight: 10 }] },
          },
          audits,
        },
        analysisUTCTimestamp: new Date().toISOString(),
      },
    };
  }
}
