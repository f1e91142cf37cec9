// Shopify's OAuth query HMAC, exactly as @shopify/shopify-api validates it. Pure (crypto only),
// so the tests run it side by side with the library.
import { hex, hmacSha256, timingSafeEqual } from "../../_shared/crypto.ts";

export const SHOPIFY_HMAC_TOLERANCE_S = 90;

/**
 * Shopify's query HMAC exactly as @shopify/shopify-api validates it: the query as an object
 * (a repeated key keeps its last value), without hmac and signature, keys sorted with
 * localeCompare, serialized with URLSearchParams (the encoded form), hex HMAC-SHA256 with the
 * app secret, compared case-sensitively in constant time; timestamp within 90 seconds.
 */
export async function shopifyQueryCheck(
  params: URLSearchParams,
  secret: string,
  nowMs: number,
): Promise<"ok" | "invalid_hmac" | "stale_request"> {
  const { hmac, signature: _signature, ...query } = Object.fromEntries(params.entries());
  if (!hmac || !secret) return "invalid_hmac";
  const message = new URLSearchParams();
  for (const k of Object.keys(query).sort((a, b) => a.localeCompare(b))) message.append(k, query[k]);
  if (!timingSafeEqual(hmac, hex(await hmacSha256(secret, message.toString())))) return "invalid_hmac";
  if (!(Math.abs(Math.trunc(nowMs / 1000) - Number(query.timestamp)) <= SHOPIFY_HMAC_TOLERANCE_S)) {
    return "stale_request";
  }
  return "ok";
}
