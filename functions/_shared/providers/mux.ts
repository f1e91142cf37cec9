// Mux through its official SDK (@mux/mux-node): direct uploads, webhook signatures, signed
// playback tokens and text tracks. The API's base URL and the stream host come from
// configuration (tests point both at a fake on 127.0.0.1); the SDK retries nothing (maxRetries
// 0): a failure is classified here the way every provider's is (providers/http.ts), and the
// caller or the queue decides.
import Mux from "@mux/mux-node";
import type { Settings } from "../env.ts";
import { classifyStatus, ProviderError, type ProviderHttp } from "./http.ts";

export type MuxSdk = Mux;

/** The SDK client for this deployment's Mux environment; nothing is read from the process environment. */
export function muxClient(s: Settings, http: Pick<ProviderHttp, "fetch">): Mux {
  return new Mux({
    tokenId: s.MUX_TOKEN_ID || null,
    tokenSecret: s.MUX_TOKEN_SECRET || null,
    webhookSecret: s.MUX_WEBHOOK_SECRET || null,
    jwtSigningKey: s.MUX_SIGNING_KEY_ID || null,
    jwtPrivateKey: s.MUX_SIGNING_KEY_PRIVATE || null,
    baseURL: s.MUX_API_URL,
    timeout: s.MUX_API_TIMEOUT_MS,
    maxRetries: 0,
    fetch: http.fetch,
    logLevel: "off",
  });
}

/** What a failed SDK call means: throttled (429, Retry-After), token_invalid, retry_later, bad_request. */
export function muxFailure(e: unknown, now: number): ProviderError {
  if (e instanceof ProviderError) return e;
  if (e instanceof Mux.APIConnectionError) {
    return new ProviderError("retry_later", `Mux could not be reached: ${e.message}`);
  }
  if (e instanceof Mux.APIError && typeof e.status === "number") {
    const headers = e.headers instanceof Headers ? e.headers : new Headers();
    return classifyStatus("Mux", { status: e.status, headers, body: e.error ?? null }, now) ??
      new ProviderError("bad_request", `Mux answered ${e.status}`);
  }
  return new ProviderError("retry_later", `Mux call failed: ${String((e as Error)?.message ?? e)}`);
}

export interface DirectUpload {
  id: string;
  url: string;
  timeout: number;
}

/**
 * Asks Mux for a direct upload the browser PUTs the file to; the asset it makes is signed-only,
 * carries the video id as passthrough (webhooks find the row by it) and, when configured,
 * generated subtitles in one language (the transcript).
 */
export async function createDirectUpload(
  mux: Mux,
  s: Settings,
  videoId: string,
  now: number,
): Promise<DirectUpload> {
  try {
    const up = await mux.video.uploads.create({
      cors_origin: s.MUX_CORS_ORIGIN || s.GROWTHBASE_APP_URL,
      new_asset_settings: {
        playback_policies: ["signed"],
        passthrough: videoId,
        ...(s.MUX_SUBTITLES_LANGUAGE
          ? {
            inputs: [{
              generated_subtitles: [{
                language_code: s.MUX_SUBTITLES_LANGUAGE as "en",
                name: `${s.MUX_SUBTITLES_LANGUAGE} (generated)`,
              }],
            }],
          }
          : {}),
      },
    });
    if (!up.url) throw new ProviderError("retry_later", "Mux answered an upload without a URL");
    return { id: up.id, url: up.url, timeout: up.timeout };
  } catch (e) {
    throw muxFailure(e, now);
  }
}

export type MuxWebhookCheck =
  | { ok: true }
  | { ok: false; code: "invalid_signature" | "stale_signature"; message: string };

/**
 * Mux-Signature verified by the SDK (HMAC-SHA256 of "t.body", any v1 value, at most 5 minutes
 * old); a timestamp more than the window in the future is refused too (the SDK only looks back).
 */
export async function checkMuxWebhook(
  mux: Mux,
  raw: string,
  headers: Headers,
  now: number,
  windowS: number,
): Promise<MuxWebhookCheck> {
  try {
    await mux.webhooks.verifySignature(raw, headers);
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    if (/too old/i.test(message)) {
      return { ok: false, code: "stale_signature", message: "the signature timestamp is outside the 5-minute window" };
    }
    return { ok: false, code: "invalid_signature", message: "the signature does not match the body" };
  }
  const t = Number(/(?:^|,)\s*t=(\d+)/.exec(headers.get("mux-signature") ?? "")?.[1]);
  if (!Number.isFinite(t) || t - now / 1000 > windowS) {
    return { ok: false, code: "stale_signature", message: "the signature timestamp is outside the 5-minute window" };
  }
  return { ok: true };
}

export interface PlaybackTokens {
  video: string;
  thumbnail: string;
  storyboard: string;
  expiresAt: string;
}

/** RS256 tokens for one signed playback id (video, thumbnail, storyboard), made by the SDK with our signing key. */
export async function signPlayback(mux: Mux, playbackId: string, ttlS: number, now: number): Promise<PlaybackTokens> {
  const tokens = await mux.jwt.signPlaybackId(playbackId, {
    type: ["video", "thumbnail", "storyboard"],
    expiration: `${ttlS}s`,
  });
  return {
    video: tokens["playback-token"]!,
    thumbnail: tokens["thumbnail-token"]!,
    storyboard: tokens["storyboard-token"]!,
    expiresAt: new Date(now + ttlS * 1000).toISOString(),
  };
}

/** A text track of a signed playback id as WebVTT (stream.mux.com/<playback>/text/<track>.vtt, a video token). */
export async function fetchTextTrack(
  mux: Mux,
  s: Settings,
  http: ProviderHttp,
  playbackId: string,
  trackId: string,
): Promise<string> {
  const token = await mux.jwt.signPlaybackId(playbackId, { type: "video", expiration: "10m" });
  const url = `${s.MUX_STREAM_URL.replace(/\/$/, "")}/${encodeURIComponent(playbackId)}/text/${
    encodeURIComponent(trackId)
  }.vtt`;
  let res: Response;
  let text: string;
  try {
    res = await http.fetch(`${url}?token=${token}`, { signal: AbortSignal.timeout(s.MUX_API_TIMEOUT_MS) });
    text = await res.text();
  } catch (e) {
    throw new ProviderError(
      "retry_later",
      (e as Error)?.name === "TimeoutError"
        ? `Mux did not answer within ${s.MUX_API_TIMEOUT_MS} ms`
        : "Mux's stream could not be reached",
    );
  }
  const failure = classifyStatus(
    "Mux",
    { status: res.status, headers: res.headers, body: text.slice(0, 300) },
    http.now(),
  );
  if (failure) throw failure;
  return text;
}
