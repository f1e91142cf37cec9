// The platform rules each provider file adds to the shared client: failure classification from
// bodies and headers, rows and events in each platform's format.
import { assertEquals } from "../assert.ts";
import { decimalText, windowDays } from "./ads.ts";
import type { ConversionEvent } from "./conversions.ts";
import { ga4Payload } from "./ga4.ts";
import { classifyGoogle } from "./google_ads.ts";
import type { Answer } from "./http.ts";
import { classifyMeta, metaCapiEvent, metaInsightRow } from "./meta.ts";
import { classifyTikTok, tiktokEvent } from "./tiktok.ts";

const NOW = Date.UTC(2026, 11, 9, 12);
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: new Headers(headers),
  body,
});
const kind = (e: ReturnType<typeof classifyMeta>) =>
  e ? [e.kind, e.details.retryAt ? e.details.retryAt.getTime() - NOW : null] : null;

Deno.test("Meta: throttling codes wait as long as the usage header says; 190 is a token; others are refusals", () => {
  const buc = JSON.stringify({
    "123": [{ type: "ads_insights", call_count: 100, estimated_time_to_regain_access: 7 }],
  });
  assertEquals(kind(classifyMeta(answer(400, { error: { code: 80000 } }, { "x-business-use-case-usage": buc }), NOW)), [
    "throttled",
    7 * 60_000,
  ]);
  for (const code of [4, 17, 32, 613, 80004, 80014]) {
    assertEquals(kind(classifyMeta(answer(400, { error: { code } }), NOW)), ["throttled", 60_000], String(code));
  }
  assertEquals(kind(classifyMeta(answer(400, { error: { code: 80015 } }), NOW)), ["bad_request", null]);
  assertEquals(kind(classifyMeta(answer(400, { error: { code: 190, error_subcode: 463 } }), NOW)), [
    "token_invalid",
    null,
  ]);
  assertEquals(kind(classifyMeta(answer(500, { error: { code: 1, is_transient: true } }), NOW)), ["retry_later", null]);
  assertEquals(kind(classifyMeta(answer(400, { error: { code: 100 } }), NOW)), ["bad_request", null]);
  assertEquals(classifyMeta(answer(200, { data: [] }), NOW), null);
});

Deno.test("Google: RESOURCE_EXHAUSTED waits for its retryDelay, in a stream's array or not", () => {
  const exhausted = {
    error: {
      status: "RESOURCE_EXHAUSTED",
      details: [{ errors: [{ details: { quotaErrorDetails: { retryDelay: "42s" } } }] }],
    },
  };
  assertEquals(kind(classifyGoogle(answer(429, [exhausted]), NOW)), ["throttled", 42_000]);
  assertEquals(kind(classifyGoogle(answer(429, exhausted), NOW)), ["throttled", 42_000]);
  assertEquals(kind(classifyGoogle(answer(401, [{ error: { status: "UNAUTHENTICATED" } }]), NOW)), [
    "token_invalid",
    null,
  ]);
  assertEquals(kind(classifyGoogle(answer(503, [{ error: { status: "UNAVAILABLE" } }]), NOW)), ["retry_later", null]);
  assertEquals(kind(classifyGoogle(answer(400, [{ error: { status: "INVALID_ARGUMENT" } }]), NOW)), [
    "bad_request",
    null,
  ]);
});

Deno.test("TikTok: code 0 is fine whatever the status; 40100 throttles, 4010x tokens, 5xxxx retries", () => {
  assertEquals(classifyTikTok(answer(200, { code: 0, data: {} }), NOW), null);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40100 }), NOW)), ["throttled", 60_000]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40105 }), NOW)), ["token_invalid", null]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 51004 }), NOW)), ["retry_later", null]);
  assertEquals(kind(classifyTikTok(answer(200, { code: 40002 }), NOW)), ["bad_request", null]);
});

Deno.test("Meta insights: one purchase figure, the most inclusive, never a sum of overlapping types; amounts as written", () => {
  const row = metaInsightRow({
    ad_id: "1",
    adset_id: "2",
    campaign_id: "3",
    date_start: "2026-12-01",
    spend: "12.34",
    impressions: "100",
    clicks: "5",
    actions: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "2" }, {
      action_type: "omni_purchase",
      value: "3",
    }],
    action_values: [{ action_type: "purchase", value: "45.60" }],
  });
  assertEquals([row.spend, row.conversions, row.revenue, row.day], ["12.34", "3", "45.60", "2026-12-01"]);
  assertEquals([decimalText(1e-7), decimalText(2.5e21), decimalText(12.3), decimalText("7")], [
    "0.0000001",
    "2500000000000000000000",
    "12.3",
    "7",
  ]);
  assertEquals(windowDays({ from: "2026-11-01", to: "2026-11-30" }), 30);
});

const event: ConversionEvent = {
  job_id: "1",
  destination: "meta",
  pixel_id: "123",
  test_event_code: null,
  event_name: "purchase",
  event_id: "9001",
  occurred_at: new Date(NOW),
  value: "123.4500",
  currency: "EUR",
  marketing_consent: true,
  user_data: { em: "a".repeat(64), ph: "b".repeat(64), fbc: "fb.1.1.x", ttclid: "tt", ga_client_id: "555.666" },
  shopify_order_id: "9001",
  visitor_id: "v1",
};

Deno.test("conversion events in each platform's shape, with the shared event id", () => {
  assertEquals(metaCapiEvent(event), {
    event_name: "Purchase",
    event_time: NOW / 1000,
    event_id: "9001",
    action_source: "website",
    user_data: { em: ["a".repeat(64)], fbc: "fb.1.1.x" },
    custom_data: { value: 123.45, currency: "EUR", order_id: "9001" },
  });
  assertEquals(tiktokEvent(event).user, { email: "a".repeat(64), phone: "b".repeat(64), ttclid: "tt" });
  assertEquals(tiktokEvent(event).event, "CompletePayment");
  const ga4 = ga4Payload(event);
  assertEquals([ga4.client_id, ga4.consent, ga4.events[0]], ["555.666", {
    ad_user_data: "GRANTED",
    ad_personalization: "GRANTED",
  }, { name: "purchase", params: { transaction_id: "9001", value: 123.45, currency: "EUR" } }]);
});
