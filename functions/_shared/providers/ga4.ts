// GA4 Measurement Protocol: POST /mp/collect?measurement_id=G-...&api_secret=... with one
// client's events; GA4 keeps one purchase per transaction_id, which is the event id the browser
// tag sends too. GA4 answers 2xx whatever the payload (its validation lives at /debug/mp/collect),
// so a 2xx counts as sent. Consent goes with the event (ad_user_data, ad_personalization).
import type { Settings } from "../env.ts";
import { amount, type ConversionEvent, type Sender, userFields } from "./conversions.ts";
import { type Client, providerClient, type ProviderHttp } from "./http.ts";

export function ga4Client(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({ name: "GA4", baseUrl: s.GA4_MP_URL, timeoutMs: s.ADS_API_TIMEOUT_MS, http, onCall });
}

export function ga4Payload(e: ConversionEvent) {
  const u = e.user_data;
  const consent = e.marketing_consent === null ? undefined : e.marketing_consent ? "GRANTED" : "DENIED";
  const userData = userFields(u, { em: "sha256_email_address", ph: "sha256_phone_number" }, ["em", "ph"]);
  return {
    client_id: u.ga_client_id ?? e.visitor_id ?? `srv.${e.event_id}`,
    timestamp_micros: new Date(e.occurred_at).getTime() * 1000,
    ...(consent ? { consent: { ad_user_data: consent, ad_personalization: consent } } : {}),
    ...(Object.keys(userData).length ? { user_data: userData } : {}),
    events: [{
      name: e.event_name,
      params: {
        ...(e.event_name === "purchase"
          ? { transaction_id: e.shopify_order_id ?? e.event_id }
          : { event_id: e.event_id }),
        ...(e.value !== null ? { value: amount(e.value), currency: e.currency } : {}),
        ...(u.page_url ? { page_location: u.page_url } : {}),
      },
    }],
  };
}

export const ga4Sender: Sender = {
  maxBatch: 1, // one client per request
  async send(client, apiSecret, [e]) {
    await client.call({
      method: "POST",
      path: "mp/collect",
      query: { measurement_id: e.pixel_id, api_secret: apiSecret },
      json: ga4Payload(e),
    });
    return null;
  },
};
