// Configuration, read from the environment and validated once. What Supabase's edge runtime
// gives every hosted function (current key model: SUPABASE_URL, SUPABASE_DB_URL, SUPABASE_JWKS,
// SUPABASE_SECRET_KEYS, and the legacy SUPABASE_SERVICE_ROLE_KEY while it exists), and our own
// settings (secrets set with `supabase secrets set`; local fakes on the embedded stack).
import type { JSONWebKeySet } from "jose";
import { z } from "zod";
import type { AuthConfig } from "./auth.ts";
import { EMBEDDING_MODELS } from "./embeddings.ts";

const Jwk = z.object({ kty: z.string() }).passthrough();
const Jwks = z.union([z.object({ keys: z.array(Jwk) }), z.array(Jwk).transform((keys) => ({ keys }))]);
const KeyMap = z.record(z.string(), z.string().min(1));
const json = <T>(schema: z.ZodType<T>) =>
  z.string().transform((s, ctx) => {
    try {
      return schema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON of the expected shape" });
      return z.NEVER;
    }
  });

/** What the app asks a shop for: the sync's reads, gift cards (giftCardCreate) and the discounts the
 * executor creates. shopify.app.toml's access_scopes says the same (a test compares them). */
export const SHOPIFY_DEFAULT_SCOPES =
  "read_orders,read_products,read_customers,read_inventory,read_gift_cards,write_gift_cards,write_discounts";

const Settings = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_DB_URL: z.string().min(1),
  SUPABASE_JWKS: json(Jwks),
  SUPABASE_SECRET_KEYS: json(KeyMap).default({}),
  SUPABASE_SERVICE_ROLE_KEY: z.string().optional(),
  GROWTHBASE_APP_URL: z.string().url().default("http://127.0.0.1:3000"),
  GROWTHBASE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /**
   * Development only: outbound requests (webhooks, knowledge URLs) may reach 127.0.0.1 / ::1,
   * where the tests' fakes listen. Ignored when GROWTHBASE_ENV is production.
   */
  GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** The Storage API the privacy worker stores exports in; default $SUPABASE_URL/storage/v1. */
  GROWTHBASE_STORAGE_URL: z.string().url().optional(),
  /** A reader service for URL ingestion, as a URL template with {url}; empty: fetch directly. */
  KNOWLEDGE_FETCH_PROXY: z.string().refine((v) => v === "" || (/^https?:\/\//.test(v) && v.includes("{url}")), {
    message: "must be an http(s) URL template containing {url}",
  }).default(""),
  /** The deployment's default embedding model (a collection may name its own). */
  EMBEDDING_MODEL: z.enum(EMBEDDING_MODELS).default("text-embedding-3-small"),
  OPENAI_API_KEY: z.string().default(""),
  OPENAI_BASE_URL: z.string().url().default("https://api.openai.com/v1"),
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** OpenAI allows 2048 inputs and 300,000 tokens per request; stay below both. */
  EMBEDDING_MAX_INPUTS: z.coerce.number().int().min(1).max(2048).default(512),
  EMBEDDING_MAX_TOKENS_PER_REQUEST: z.coerce.number().int().min(1000).max(300_000).default(250_000),
  GROWTHBASE_TOKEN_KEYS: z.string().default(""),
  GROWTHBASE_TOKEN_KEY_ID: z.string().default(""),
  SHOPIFY_API_KEY: z.string().default(""),
  SHOPIFY_API_SECRET: z.string().default(""),
  SHOPIFY_SCOPES: z.string().default(SHOPIFY_DEFAULT_SCOPES),
  /** Base URL of a shop's admin, with {shop} for the shop domain. */
  SHOPIFY_ADMIN_URL: z.string().default("https://{shop}"),
  GOOGLE_CLIENT_ID: z.string().default(""),
  GOOGLE_CLIENT_SECRET: z.string().default(""),
  GOOGLE_AUTH_URL: z.string().url().default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_TOKEN_URL: z.string().url().default("https://oauth2.googleapis.com/token"),
  GOOGLE_REVOKE_URL: z.string().url().default("https://oauth2.googleapis.com/revoke"),
  GOOGLE_SCOPES: z.string().default("https://www.googleapis.com/auth/adwords"),
  META_APP_ID: z.string().default(""),
  META_APP_SECRET: z.string().default(""),
  META_AUTH_URL: z.string().url().default("https://www.facebook.com/v21.0/dialog/oauth"),
  META_TOKEN_URL: z.string().url().default("https://graph.facebook.com/v21.0/oauth/access_token"),
  /** Ads, and Instagram's organic insights (a Meta connection granted these feeds organic Instagram). */
  META_SCOPES: z.string().default(
    "ads_read,business_management,pages_show_list,pages_read_engagement,instagram_basic,instagram_manage_insights",
  ),
  // ===== analytics inputs (the analytics-sync worker, model-discovery, api-keys)
  /** Search Console's read-only scope, asked for when an admin connects a property. */
  GOOGLE_SEARCH_CONSOLE_SCOPES: z.string().default("https://www.googleapis.com/auth/webmasters.readonly"),
  /** The Search Console API (sites, searchAnalytics.query). */
  SEARCH_CONSOLE_API_URL: z.string().url().default("https://searchconsole.googleapis.com/webmasters/v3"),
  /** Rows per searchAnalytics.query page (rowLimit; the API allows 25,000). */
  SEARCH_CONSOLE_ROW_LIMIT: z.coerce.number().int().min(1).max(25_000).default(5000),
  /** PageSpeed Insights (runPagespeed) and the deployment's API key for it (quota is per Google Cloud project). */
  PAGESPEED_API_URL: z.string().url().default("https://www.googleapis.com/pagespeedonline/v5"),
  PAGESPEED_API_KEY: z.string().default(""),
  /** Meta's Graph API, with its version (Instagram's accounts, media and insights). */
  META_GRAPH_URL: z.string().url().default("https://graph.facebook.com/v21.0"),
  /** The TikTok developer app (shared with the ads connector) and TikTok's Business API. */
  TIKTOK_APP_ID: z.string().default(""),
  TIKTOK_APP_SECRET: z.string().default(""),
  TIKTOK_API_URL: z.string().url().default("https://business-api.tiktok.com/open_api/v1.3"),
  /** Where a TikTok account holder authorises the app (organic posts and insights of a business account). */
  TIKTOK_ACCOUNT_AUTH_URL: z.string().url().default("https://www.tiktok.com/v2/auth/authorize/"),
  TIKTOK_ACCOUNT_SCOPES: z.string().default("user.info.basic,user.info.stats,user.insights,video.list,video.insights"),
  /** Fairing's API (post-purchase survey responses). */
  FAIRING_API_URL: z.string().url().default("https://app.fairing.co/api"),
  /** One provider request's timeout for the analytics sync (PageSpeed's Lighthouse runs take 10-40 s). */
  ANALYTICS_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(60_000),
  /** The registry provider the OpenAI-compatible endpoint (OPENAI_BASE_URL) lists models for. */
  MODEL_DISCOVERY_PROVIDER: z.enum(["openai", "anthropic", "google", "mistral"]).default("openai"),
  // ===== ad platforms (the ads-sync and conversions workers)
  TIKTOK_AUTH_URL: z.string().url().default("https://business-api.tiktok.com/portal/auth"),
  TIKTOK_TOKEN_URL: z.string().url().default("https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/"),
  /** The Google Ads API, with its version (googleAds:searchStream). */
  GOOGLE_ADS_API_URL: z.string().url().default("https://googleads.googleapis.com/v21"),
  GOOGLE_ADS_DEVELOPER_TOKEN: z.string().default(""),
  /** The manager account the app signs in through (login-customer-id), digits only; empty when none. */
  GOOGLE_ADS_LOGIN_CUSTOMER_ID: z.string().regex(/^\d*$/).default(""),
  /** GA4's Measurement Protocol host (/mp/collect). */
  GA4_MP_URL: z.string().url().default("https://www.google-analytics.com"),
  /** One provider request's timeout for the ads sync and conversions workers. */
  ADS_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** Meta windows longer than this many days are fetched as asynchronous report runs. */
  META_ASYNC_REPORT_DAYS: z.coerce.number().int().min(1).max(400).default(8),
  /**
   * The agents' model endpoint: any OpenAI-compatible chat completions API (OpenAI, Azure's
   * OpenAI-compatible route, a LiteLLM or vLLM proxy). Empty: OPENAI_BASE_URL and OPENAI_API_KEY.
   */
  AGENT_LLM_BASE_URL: z.string().url().optional(),
  AGENT_LLM_API_KEY: z.string().optional(),
  /** A registry model every agent uses instead of its own (e.g. the one model a proxy serves); empty: each agent's. */
  AGENT_MODEL: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/).optional(),
  /** One model call's timeout (a streamed answer may take this long in total). */
  AGENT_LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  /** One request's timeout for the executor's calls to Shopify and Slack. */
  ACTIONS_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** Klaviyo's API (https://a.klaviyo.com; locally the fake). */
  KLAVIYO_API_URL: z.string().url().default("https://a.klaviyo.com"),
  /** Yotpo's API (https://api.yotpo.com; locally the fake). */
  YOTPO_API_URL: z.string().url().default("https://api.yotpo.com"),
  TAVUS_WEBHOOK_TOKEN: z.string().default(""),
  CHATWOOT_WEBHOOK_TOKEN: z.string().default(""),
  MUX_WEBHOOK_SECRET: z.string().default(""),
  /** Resend: the API key of the platform's account, its API (tests: a fake) and the webhook signing secret (whsec_...). */
  RESEND_API_KEY: z.string().default(""),
  RESEND_BASE_URL: z.string().url().default("https://api.resend.com"),
  RESEND_WEBHOOK_SECRET: z.string().default(""),
  RESEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** Requests per second the sender allows itself (Resend's default team limit is 2). */
  RESEND_MAX_RPS: z.coerce.number().min(0.1).max(1000).default(2),
  /** The sender of workspaces without their own (email_sender_settings), e.g. "Growthbase <no-reply@example.com>". */
  EMAIL_DEFAULT_FROM: z.string().min(3).default("growthbase <no-reply@growthbase.invalid>"),
  /** Slack app credentials: OAuth, the signing secret of interactivity and events, and the Web API (tests: a fake). */
  SLACK_CLIENT_ID: z.string().default(""),
  SLACK_CLIENT_SECRET: z.string().default(""),
  SLACK_SIGNING_SECRET: z.string().default(""),
  SLACK_SCOPES: z.string().default("chat:write,channels:read,groups:read,users:read,users:read.email,channels:history"),
  SLACK_AUTH_URL: z.string().url().default("https://slack.com/oauth/v2/authorize"),
  SLACK_API_URL: z.string().url().default("https://slack.com/api"),
  // ===== Mux (the videos function, the Mux webhook, the transcripts worker)
  /** Mux's API and the access token pair it authenticates with (Basic auth). */
  MUX_API_URL: z.string().url().default("https://api.mux.com"),
  MUX_TOKEN_ID: z.string().default(""),
  MUX_TOKEN_SECRET: z.string().default(""),
  /** The signing key for signed playback (its id, and the base64 PEM private key Mux hands out once). */
  MUX_SIGNING_KEY_ID: z.string().default(""),
  MUX_SIGNING_KEY_PRIVATE: z.string().default(""),
  /** Where playback and text tracks are served (HLS manifests, WebVTT). */
  MUX_STREAM_URL: z.string().url().default("https://stream.mux.com"),
  /** The origin a browser uploads from (direct uploads answer CORS for it); empty: GROWTHBASE_APP_URL. */
  MUX_CORS_ORIGIN: z.string().default(""),
  /** How long a signed playback token is valid. */
  MUX_PLAYBACK_TTL_S: z.coerce.number().int().min(60).max(7 * 86_400).default(3600),
  /** The language Mux generates subtitles in (the video's transcript); empty: none asked for. */
  MUX_SUBTITLES_LANGUAGE: z.string().regex(/^([a-z]{2}(-[A-Z]{2})?)?$/).default("en"),
  MUX_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // ===== Tavus (live demo conversations) and their analysis
  /** Tavus' API (conversations) and the deployment's API key (x-api-key). */
  TAVUS_API_URL: z.string().url().default("https://tavusapi.com/v2"),
  TAVUS_API_KEY: z.string().default(""),
  TAVUS_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The chat model (OPENAI_BASE_URL) that reads sentiment, intent and confidence of conversation messages. */
  DEMO_ANALYSIS_MODEL: z.string().min(1).default("gpt-4o-mini"),
  DEMO_ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  // ===== the AI video pipeline (the ai-video worker)
  /** The chat model (OPENAI_BASE_URL) that writes a project's scene plan, and its price per 1,000 tokens in micros. */
  AI_VIDEO_SCRIPT_MODEL: z.string().min(1).default("gpt-4o-mini"),
  AI_VIDEO_SCRIPT_MICROS_PER_1K_TOKENS: z.coerce.number().int().min(0).default(600),
  /** Text to speech (OPENAI_BASE_URL's /audio/speech): model, voice, price per character in micros. */
  AI_VIDEO_TTS_MODEL: z.string().min(1).default("gpt-4o-mini-tts"),
  AI_VIDEO_TTS_VOICE: z.string().min(1).default("alloy"),
  AI_VIDEO_TTS_MICROS_PER_CHAR: z.coerce.number().int().min(0).default(15),
  /** The video generation provider (generations per scene, compositions for the assembly) and its key; empty: none. */
  VIDEO_GEN_API_URL: z.string().default(""),
  VIDEO_GEN_API_KEY: z.string().default(""),
  /** How often a running generation is polled within one turn, and one request's timeout. */
  AI_VIDEO_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  AI_VIDEO_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
});
export type Settings = z.infer<typeof Settings>;

export interface FunctionEnv {
  supabaseUrl: string;
  /** The Storage API's base URL (GROWTHBASE_STORAGE_URL, or the project's own). */
  storageUrl: string;
  dbUrl: string;
  auth: AuthConfig;
  /** Everything else, validated: app URL, token keys, provider credentials and endpoints. */
  settings: Settings;
}

export function readEnv(get: (k: string) => string | undefined): FunctionEnv {
  const raw: Record<string, string> = {};
  for (const k of Object.keys(Settings.shape)) {
    const v = get(k);
    if (v !== undefined && v !== "") raw[k] = v;
  }
  const r = Settings.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`environment variable ${String(i.path[0])} ${i.message === "Required" ? "is not set" : i.message}`);
  }
  const s = r.data;
  const serviceKeys = [
    ...Object.values(s.SUPABASE_SECRET_KEYS),
    ...(s.SUPABASE_SERVICE_ROLE_KEY ? [s.SUPABASE_SERVICE_ROLE_KEY] : []),
  ];
  if (!serviceKeys.length) throw new Error("environment variable SUPABASE_SECRET_KEYS is not set");
  return {
    supabaseUrl: s.SUPABASE_URL,
    storageUrl: s.GROWTHBASE_STORAGE_URL ?? `${s.SUPABASE_URL.replace(/\/$/, "")}/storage/v1`,
    dbUrl: s.SUPABASE_DB_URL,
    auth: { jwks: s.SUPABASE_JWKS as JSONWebKeySet, serviceKeys },
    settings: s,
  };
}

let cached: FunctionEnv | undefined;
export function env(): FunctionEnv {
  return (cached ??= readEnv((k) => Deno.env.get(k)));
}
