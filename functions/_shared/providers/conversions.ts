// What the conversion senders (Meta's Conversions API in meta.ts, GA4's Measurement Protocol in
// ga4.ts, TikTok's Events API in tiktok.ts) have in common: the event as SQL hands it over
// (private.conversion_batch: hashed user data, the value in major units) and how a batch is sent.
import type { Client } from "./http.ts";

export interface ConversionEvent {
  job_id: string;
  destination: "meta" | "ga4" | "tiktok";
  pixel_id: string;
  test_event_code: string | null;
  event_name: string;
  event_id: string;
  occurred_at: Date;
  /** Major units of the currency, exact (numeric as text). */
  value: string | null;
  currency: string | null;
  marketing_consent: boolean | null;
  /** em, ph, external_id (SHA-256 hex), fbp, fbc, ttp, ttclid, gclid, ga_client_id, client_user_agent, page_url. */
  user_data: Record<string, string>;
  shopify_order_id: string | null;
  visitor_id: string | null;
}

export interface Sender {
  /** Events one request may carry. */
  readonly maxBatch: number;
  /** Sends one batch with the connection's credential; resolves with the platform's reference for it. */
  send(client: Client, credential: string, events: ConversionEvent[]): Promise<string | null>;
}

export const unixSeconds = (d: Date) => Math.floor(new Date(d).getTime() / 1000);

/** A decimal string as the JSON number the platforms expect (values are small: no precision lost). */
export const amount = (v: string | null) => (v === null ? undefined : Number(v));

/**
 * The event's user data under the platform's names: `names` maps ours (em, ph, fbp ...) to
 * theirs; those in `lists` go as one-element arrays (Meta and GA4 take lists of hashes).
 */
export function userFields(u: Record<string, string>, names: Record<string, string>, lists: string[] = []) {
  const out: Record<string, string | string[]> = {};
  for (const [ours, theirs] of Object.entries(names)) {
    if (u[ours]) out[theirs] = lists.includes(ours) ? [u[ours]] : u[ours];
  }
  return out;
}

/** Value, currency and order id, as Meta's custom_data and TikTok's properties take them. */
export function orderFields(e: ConversionEvent) {
  return {
    ...(e.value !== null ? { value: amount(e.value), currency: e.currency } : {}),
    ...(e.shopify_order_id ? { order_id: e.shopify_order_id } : {}),
  };
}

/** Our event names (GA4's recommended ones) as Meta and TikTok name their standard events; others go as they are. */
const STANDARD_EVENTS: Record<string, { meta: string; tiktok: string }> = {
  purchase: { meta: "Purchase", tiktok: "CompletePayment" },
  add_to_cart: { meta: "AddToCart", tiktok: "AddToCart" },
  begin_checkout: { meta: "InitiateCheckout", tiktok: "InitiateCheckout" },
  add_payment_info: { meta: "AddPaymentInfo", tiktok: "AddPaymentInfo" },
  view_item: { meta: "ViewContent", tiktok: "ViewContent" },
  page_view: { meta: "PageView", tiktok: "Pageview" },
  search: { meta: "Search", tiktok: "Search" },
  sign_up: { meta: "CompleteRegistration", tiktok: "CompleteRegistration" },
  lead: { meta: "Lead", tiktok: "SubmitForm" },
};

export const platformEventName = (name: string, platform: "meta" | "tiktok") =>
  STANDARD_EVENTS[name]?.[platform] ?? name;
