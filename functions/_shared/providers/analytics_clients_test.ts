// The analytics clients' own rules, without a network: how each provider's failures classify,
// and how their answers map onto what the SQL apply functions take.
import { assertEquals } from "../assert.ts";
import { alpha2 } from "./countries.ts";
import { surveyPage } from "./fairing.ts";
import { classifyGoogle } from "./google_errors.ts";
import type { Answer } from "./http.ts";
import { classifyGraph } from "./instagram.ts";
import { guessType } from "./model_list.ts";
import { pageAudit } from "./pagespeed.ts";
import { rankingRow } from "./search_console.ts";
import { classifyTikTok } from "./tiktok_account.ts";

const NOW = Date.UTC(2026, 11, 9, 12, 0, 0);
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: new Headers(headers),
  body,
});
const kind = (e: { kind: string; details: { retryAt?: Date } } | null) =>
  e ? [e.kind, e.details.retryAt ? e.details.retryAt.getTime() - NOW : null] : null;

Deno.test("Google: RESOURCE_EXHAUSTED waits RetryInfo's delay, withdrawn access and refused keys are token failures", () => {
  const quota = answer(429, {
    error: {
      code: 429,
      status: "RESOURCE_EXHAUSTED",
      message: "Quota exceeded",
      details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "37.5s" }],
    },
  });
  assertEquals(kind(classifyGoogle("G", quota, NOW)), ["throttled", 37_500]);
  const daily = answer(403, { error: { code: 403, message: "x", errors: [{ reason: "dailyLimitExceeded" }] } });
  assertEquals(kind(classifyGoogle("G", daily, NOW)), ["throttled", 3_600_000]);
  const legacy = answer(403, { error: { code: 403, message: "x", errors: [{ reason: "userRateLimitExceeded" }] } }, {
    "retry-after": "20",
  });
  assertEquals(kind(classifyGoogle("G", legacy, NOW)), ["throttled", 20_000]);
  assertEquals(kind(classifyGoogle("G", answer(403, { error: { status: "PERMISSION_DENIED" } }), NOW)), [
    "token_invalid",
    null,
  ]);
  assertEquals(
    kind(classifyGoogle("G", answer(400, { error: { details: [{ reason: "API_KEY_INVALID" }] } }), NOW)),
    ["token_invalid", null],
  );
  assertEquals(kind(classifyGoogle("G", answer(503, { error: { status: "UNAVAILABLE" } }), NOW)), [
    "retry_later",
    null,
  ]);
  assertEquals(kind(classifyGoogle("G", answer(400, { error: { status: "INVALID_ARGUMENT" } }), NOW)), [
    "bad_request",
    null,
  ]);
  assertEquals(classifyGoogle("G", answer(200, { rows: [] }), NOW), null);
});

Deno.test("Meta: throttling waits the business use case's time, 190 and permissions are token failures", () => {
  const usage = JSON.stringify({ "178": [{ type: "instagram", estimated_time_to_regain_access: 7 }] });
  assertEquals(
    kind(classifyGraph(answer(400, { error: { code: 80002 } }, { "x-business-use-case-usage": usage }), NOW)),
    ["throttled", 7 * 60_000],
  );
  assertEquals(kind(classifyGraph(answer(400, { error: { code: 4 } }), NOW)), ["throttled", 60_000]);
  assertEquals(kind(classifyGraph(answer(400, { error: { code: 190, error_subcode: 460 } }), NOW)), [
    "token_invalid",
    null,
  ]);
  assertEquals(kind(classifyGraph(answer(400, { error: { code: 200 } }), NOW)), ["token_invalid", null]);
  assertEquals(kind(classifyGraph(answer(500, { error: { code: 1 } }), NOW)), ["retry_later", null]);
  assertEquals(kind(classifyGraph(answer(400, { error: { code: 100 } }), NOW)), ["bad_request", null]);
});

Deno.test("TikTok: codes in a 200 body", () => {
  assertEquals(kind(classifyTikTok(answer(200, { code: 0, data: {} }), NOW)), null);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40100 }, { "retry-after": "90" }), NOW)), ["throttled", 90_000]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40105 }), NOW)), ["token_invalid", null]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 50002 }), NOW)), ["retry_later", null]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40002 }), NOW)), ["bad_request", null]);
});

Deno.test("Search Console rows become rankings: alpha-2 countries, lower-case devices, NULL positions past 100", () => {
  assertEquals(alpha2("USA"), "us");
  assertEquals(alpha2("zzz"), "zz");
  assertEquals(
    rankingRow({
      keys: ["2026-12-01", " Tallow Balm ", "https://a.example/", "gbr", "TABLET"],
      clicks: 3,
      impressions: 40,
      ctr: 0.075,
      position: 4.46,
    }),
    {
      keyword: "tallow balm",
      tracked_on: "2026-12-01",
      url: "https://a.example/",
      location: "gb",
      device: "tablet",
      clicks: 3,
      impressions: 40,
      ctr: 0.075,
      avg_position: 4.46,
      position: 4,
    },
  );
  assertEquals(
    rankingRow({ keys: ["2026-12-01", "x", "https://a.example/", "usa", "MOBILE"], position: 101.2 })?.position,
    null,
  );
  assertEquals(rankingRow({ keys: ["2026-12-01", "", "https://a.example/"] }), null);
});

Deno.test("PageSpeed: the page's own field data, else the lab's; failing audits by weight", () => {
  const lighthouseResult = {
    lighthouseVersion: "12.2.1",
    categories: {
      performance: {
        score: 0.5,
        auditRefs: [{ id: "total-blocking-time", weight: 30 }, { id: "unused-css-rules", weight: 0 }],
      },
      seo: { score: 0.9, auditRefs: [{ id: "meta-description", weight: 1 }] },
    },
    audits: {
      "largest-contentful-paint": { numericValue: 3100, score: 0.6, scoreDisplayMode: "numeric" },
      "cumulative-layout-shift": { numericValue: 0.11, score: 0.8, scoreDisplayMode: "numeric" },
      "total-blocking-time": { numericValue: 600, score: 0.2, scoreDisplayMode: "numeric", title: "TBT" },
      "unused-css-rules": { score: 0.4, scoreDisplayMode: "metricSavings", title: "Unused CSS" },
      "meta-description": { score: 1, scoreDisplayMode: "binary" },
    },
  };
  const field = pageAudit("https://a.example/", "mobile", {
    loadingExperience: {
      id: "https://a.example/",
      overall_category: "AVERAGE",
      metrics: {
        LARGEST_CONTENTFUL_PAINT_MS: { percentile: 2700 },
        INTERACTION_TO_NEXT_PAINT: { percentile: 210 },
        CUMULATIVE_LAYOUT_SHIFT_SCORE: { percentile: 9 },
      },
    },
    lighthouseResult,
  });
  assertEquals([field.vitals_source, field.lcp_ms, field.inp_ms, field.cls, field.tbt_ms], [
    "field",
    2700,
    210,
    0.09,
    600,
  ]);
  assertEquals(field.issues?.map((i) => `${i.id}:${i.severity}`), [
    "total-blocking-time:critical",
    "unused-css-rules:high",
  ]);
  assertEquals(field.scores, { performance: 0.5, seo: 0.9, best_practices: null, accessibility: null });
  const lab = pageAudit("https://a.example/", "mobile", {
    loadingExperience: { origin_fallback: true, metrics: { LARGEST_CONTENTFUL_PAINT_MS: { percentile: 2700 } } },
    lighthouseResult,
  });
  assertEquals([lab.vitals_source, lab.lcp_ms, lab.inp_ms, lab.cls], ["lab", 3100, null, 0.11]);
});

Deno.test("Fairing responses become import_survey's questions and responses, each id once", () => {
  const page = surveyPage([
    {
      id: 1,
      question_id: 9,
      question: "How did you hear about us?",
      question_type: "single_response",
      available_responses: ["TikTok", "Instagram", "TikTok"],
      response: "Instagram",
      order_id: 555,
      customer_id: 77,
      email: "a@example.com",
      inserted_at: "2026-12-01T10:00:00Z",
    },
    {
      id: 2,
      question_id: 10,
      question: "Anything else?",
      question_type: "open_ended",
      other_response: "Great",
      inserted_at: "2026-12-01T11:00:00Z",
    },
    { id: 1, question_id: 9, response: "Instagram", inserted_at: "2026-12-01T10:00:00Z" },
    { id: 3, inserted_at: "2026-12-01T10:00:00Z" },
  ]);
  assertEquals(page.questions, [
    { id: "9", prompt: "How did you hear about us?", kind: "single_choice", options: ["Instagram", "TikTok"] },
    { id: "10", prompt: "Anything else?", kind: "free_text", options: [] },
  ]);
  assertEquals(page.responses.map((r) => [r.id, r.answers, r.other_text, r.shopify_order_id]), [
    ["1", ["Instagram"], null, "555"],
    ["2", [], "Great", null],
  ]);
});

Deno.test("model types guessed from ids", () => {
  assertEquals(
    ["o3-pro", "gpt-5.5-mini", "gpt-4-turbo", "gpt-4.1", "claude-3-7-sonnet-thinking", "gemini-2.5-flash-lite"].map(
      guessType,
    ),
    ["reasoning", "fast", "legacy", "flagship", "reasoning", "fast"],
  );
});
