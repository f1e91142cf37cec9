// Slack's request signing: X-Slack-Signature is "v0=" + hex HMAC-SHA256(signing secret,
// "v0:" + X-Slack-Request-Timestamp + ":" + raw body), compared in constant time; a timestamp more
// than 5 minutes from now is refused (a replay). The same algorithm as @slack/bolt's
// verifySlackRequest, which the tests run beside it.
import { hex, hmacSha256, timingSafeEqual } from "../_shared/crypto.ts";
import { HttpError } from "../_shared/errors.ts";

export const SLACK_WINDOW_S = 300;

export async function slackSignature(
  secret: string,
  timestamp: string,
  body: Uint8Array<ArrayBuffer> | string,
): Promise<string> {
  const prefix = new TextEncoder().encode(`v0:${timestamp}:`);
  const raw = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const msg = new Uint8Array(prefix.byteLength + raw.byteLength);
  msg.set(prefix);
  msg.set(raw, prefix.byteLength);
  return `v0=${hex(await hmacSha256(secret, msg))}`;
}

/** Throws 401 unless the request carries Slack's valid, fresh signature of this body. */
export async function verifySlack(
  headers: Headers,
  body: Uint8Array<ArrayBuffer>,
  secret: string,
  nowMs: number,
): Promise<void> {
  const ts = headers.get("x-slack-request-timestamp") ?? "";
  const sig = headers.get("x-slack-signature") ?? "";
  if (!secret || !/^\d{1,12}$/.test(ts) || !sig.startsWith("v0=")) {
    throw new HttpError(401, "invalid_signature", "the request is not signed by Slack");
  }
  if (Math.abs(nowMs / 1000 - Number(ts)) > SLACK_WINDOW_S) {
    throw new HttpError(401, "stale_signature", "the request timestamp is more than 5 minutes old");
  }
  if (!timingSafeEqual(sig, await slackSignature(secret, ts, body))) {
    throw new HttpError(401, "invalid_signature", "the signature does not match the body");
  }
}
