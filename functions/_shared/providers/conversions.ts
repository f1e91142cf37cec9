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
