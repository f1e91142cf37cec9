// Shopify webhook verification exactly as @shopify/shopify-api's webhooks.validate does it:
// a body is required; X-Shopify-Hmac-Sha256 must equal base64 HMAC-SHA256(app secret, raw body)
// (compared exactly, in constant time); then Topic, Shop-Domain, API-Version and Webhook-Id are
// all required. Pure, so it is tested side by side with the library (tests/unit).
import { hmacSha256, timingSafeEqual, toBase64 } from "../_shared/crypto.ts";

export type ShopifyWebhookCheck =
  | { valid: true; topic: string; shop: string; apiVersion: string; webhookId: string; eventId: string | null }
  | {
    valid: false;
    reason: "missing_body" | "missing_hmac" | "invalid_hmac" | "missing_headers";
    missingHeaders?: string[];
  };

export async function checkShopifyWebhook(
  headers: Headers,
  rawBody: Uint8Array<ArrayBuffer>,
  secret: string,
): Promise<ShopifyWebhookCheck> {
  if (!rawBody.byteLength) return { valid: false, reason: "missing_body" };
  const given = headers.get("x-shopify-hmac-sha256");
  if (!given) return { valid: false, reason: "missing_hmac" };
  const expected = secret ? toBase64(await hmacSha256(secret, rawBody)) : "";
  if (!expected || !timingSafeEqual(given, expected)) return { valid: false, reason: "invalid_hmac" };
  const names = ["X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id"];
  const [topic, shop, apiVersion, webhookId] = names.map((n) => headers.get(n));
  const missingHeaders = names.filter((_, i) => ![topic, shop, apiVersion, webhookId][i]);
  if (missingHeaders.length) return { valid: false, reason: "missing_headers", missingHeaders };
  return {
    valid: true,
    topic: topic!,
    shop: shop!,
    apiVersion: apiVersion!,
    webhookId: webhookId!,
    eventId: headers.get("x-shopify-event-id"),
  };
}
