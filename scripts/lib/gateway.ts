// The gateway process (Deno): /rest/v1 to PostgREST, /functions/v1 to the functions, the JWKS,
// and the pg_net stand-in worker. Started detached, its pid and log in the data dir.
import { spawn } from "node:child_process";
import { openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiUrl, binPath, dbUrl, stackId, type StackConfig } from "./config.ts";
import { publicKeys, stackKeys } from "./keys.ts";
import { muxSigningKey } from "./mux-key.ts";
import { postgrestSocket } from "./postgrest.ts";
import { alive, readPid, sleep, stopPid } from "./proc.ts";
import { readSupabaseConfig } from "./supabase-config.ts";

const pidFile = (c: StackConfig) => join(c.dataDir, "gateway.pid");
export const gatewayLog = (c: StackConfig) => join(c.dataDir, "gateway.log");
export const gatewayPid = (c: StackConfig) => readPid(pidFile(c));

/** Where tests run their fake OAuth providers; the local functions are configured to call it. */
export const fakeProvidersUrl = (c: StackConfig) => `http://127.0.0.1:${c.apiPort + 78}`;

/** Where tests run their fake OpenAI embeddings API (collections that name an OpenAI model). */
export const fakeOpenAiUrl = (c: StackConfig) => `http://127.0.0.1:${c.apiPort + 59}/v1`;

/**
 * Local-only integration settings: provider endpoints on the fake, test credentials, and a
 * token key that exists only on developer machines. Real values come from the environment
 * (`supabase secrets set` in the cloud) and win over these.
 */
export function localIntegrationEnv(c: StackConfig): Record<string, string> {
  const fake = fakeProvidersUrl(c);
  return {
    EMBEDDING_MODEL: "local-lexical-v1",
    OPENAI_API_KEY: "local-openai-key",
    OPENAI_BASE_URL: fakeOpenAiUrl(c),
    EMBEDDING_TIMEOUT_MS: "5000",
    GROWTHBASE_ENV: "development",
    GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK: "true",
    GROWTHBASE_APP_URL: "http://127.0.0.1:3000",
    GROWTHBASE_TOKEN_KEYS: "local1:bG9jYWwtb25seS10b2tlbi1rZXktMzItYnl0ZXMhISE=",
    GROWTHBASE_TOKEN_KEY_ID: "local1",
    SHOPIFY_API_KEY: "local-shopify-key",
    SHOPIFY_API_SECRET: "local-shopify-secret",
    SHOPIFY_ADMIN_URL: `${fake}/shopify/{shop}`,
    GOOGLE_CLIENT_ID: "local-google-client",
    GOOGLE_CLIENT_SECRET: "local-google-secret",
    GOOGLE_AUTH_URL: `${fake}/google/auth`,
    GOOGLE_TOKEN_URL: `${fake}/google/token`,
    GOOGLE_REVOKE_URL: `${fake}/google/revoke`,
    META_APP_ID: "local-meta-app",
    META_APP_SECRET: "local-meta-secret",
    META_AUTH_URL: `${fake}/meta/auth`,
    META_TOKEN_URL: `${fake}/meta/token`,
    GOOGLE_SEARCH_CONSOLE_SCOPES: "https://www.googleapis.com/auth/webmasters.readonly",
    SEARCH_CONSOLE_API_URL: `${fake}/google/webmasters/v3`,
    SEARCH_CONSOLE_ROW_LIMIT: "250",
    PAGESPEED_API_URL: `${fake}/google/pagespeedonline/v5`,
    PAGESPEED_API_KEY: "local-pagespeed-key",
    META_GRAPH_URL: `${fake}/meta/graph/v21.0`,
    TIKTOK_APP_ID: "local-tiktok-app",
    TIKTOK_APP_SECRET: "local-tiktok-secret",
    TIKTOK_API_URL: `${fake}/tiktok/open_api/v1.3`,
    TIKTOK_ACCOUNT_AUTH_URL: `${fake}/tiktok/v2/auth/authorize/`,
    FAIRING_API_URL: `${fake}/fairing/api`,
    ANALYTICS_API_TIMEOUT_MS: "3000",
    GOOGLE_ADS_API_URL: `${fake}/google-ads/v21`,
    GOOGLE_ADS_DEVELOPER_TOKEN: "local-developer-token",
    GOOGLE_ADS_LOGIN_CUSTOMER_ID: "9990001111",
    TIKTOK_AUTH_URL: `${fake}/tiktok/portal/auth`,
    TIKTOK_TOKEN_URL: `${fake}/tiktok/oauth2/access_token/`,
    GA4_MP_URL: `${fake}/ga4`,
    ADS_API_TIMEOUT_MS: "3000",
    AGENT_LLM_TIMEOUT_MS: "10000",
    ACTIONS_API_TIMEOUT_MS: "3000",
    KLAVIYO_API_URL: `${fake}/klaviyo`,
    YOTPO_API_URL: `${fake}/yotpo`,
    TAVUS_WEBHOOK_TOKEN: "local-tavus-token",
    CHATWOOT_WEBHOOK_TOKEN: "local-chatwoot-token",
    MUX_WEBHOOK_SECRET: "local-mux-secret",
    RESEND_API_KEY: "re_local_key",
    RESEND_BASE_URL: `${fake}/resend`,
    RESEND_WEBHOOK_SECRET: "whsec_bG9jYWwtcmVzZW5kLXdlYmhvb2stc2VjcmV0LTMyYnl0ZXM=",
    RESEND_TIMEOUT_MS: "5000",
    RESEND_MAX_RPS: "50",
    EMAIL_DEFAULT_FROM: "growthbase <no-reply@growthbase.test>",
    SLACK_CLIENT_ID: "local-slack-client",
    SLACK_CLIENT_SECRET: "local-slack-secret",
    SLACK_SIGNING_SECRET: "local-slack-signing-secret",
    SLACK_AUTH_URL: `${fake}/slack/oauth/v2/authorize`,
    SLACK_API_URL: `${fake}/slack/api`,
    MUX_API_URL: `${fake}/mux`,
    MUX_TOKEN_ID: "local-mux-token-id",
    MUX_TOKEN_SECRET: "local-mux-token-secret",
    MUX_STREAM_URL: `${fake}/mux/stream`,
    MUX_API_TIMEOUT_MS: "3000",
    TAVUS_API_URL: `${fake}/tavus/v2`,
    TAVUS_API_KEY: "local-tavus-key",
    TAVUS_API_TIMEOUT_MS: "3000",
    DEMO_ANALYSIS_TIMEOUT_MS: "5000",
    VIDEO_GEN_API_URL: `${fake}/video-gen/v1`,
    VIDEO_GEN_API_KEY: "local-video-gen-key",
    AI_VIDEO_POLL_MS: "100",
    AI_VIDEO_TIMEOUT_MS: "5000",
  };
}

/**
 * The environment Supabase's edge runtime gives a hosted function (current key model: no JWT
 * secret), plus local integration settings.
 */
export async function functionEnv(c: StackConfig): Promise<Record<string, string>> {
  const keys = await publicKeys(c);
  const own: Record<string, string> = {};
  for (const k of Object.keys(localIntegrationEnv(c))) if (process.env[k]) own[k] = process.env[k]!;
  const mux = muxSigningKey(c);
  return {
    ...localIntegrationEnv(c),
    MUX_SIGNING_KEY_ID: mux.id,
    MUX_SIGNING_KEY_PRIVATE: Buffer.from(mux.privatePem).toString("base64"),
    ...own,
    SUPABASE_URL: apiUrl(c),
    SUPABASE_DB_URL: dbUrl(c),
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: keys.publishableKey }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: keys.secretKey }),
    SUPABASE_JWKS: JSON.stringify(keys.jwks),
    SUPABASE_ANON_KEY: keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
  };
}

/** What only the gateway process reads (its signing key among them); functions never see it in the cloud. */
async function gatewayConfig(c: StackConfig): Promise<string> {
  return JSON.stringify({
    port: c.apiPort,
    stackId: stackId(c),
    keys: await stackKeys(c),
    pgrstSocket: postgrestSocket(c),
    dbUrl: dbUrl(c),
    storageDir: join(c.dataDir, "storage"),
    functions: readSupabaseConfig(c.repoRoot).functions,
  });
}

/** GET /health answers with this stack's id (not another checkout's gateway on the same port). */
export async function gatewayServesThisStack(c: StackConfig): Promise<boolean> {
  try {
    const r = await fetch(`${apiUrl(c)}/health`, { signal: AbortSignal.timeout(2000) });
    return r.ok && (await r.json()).stack === stackId(c);
  } catch {
    return false;
  }
}

export async function startGateway(c: StackConfig): Promise<void> {
  const out = openSync(gatewayLog(c), "a");
  // GROWTHBASE_GATEWAY_PROFILE=<dir>: V8 CPU profile (and a markdown summary) written there on stop.
  const profile = process.env.GROWTHBASE_GATEWAY_PROFILE;
  const flags = profile ? ["--cpu-prof-dir", profile, "--cpu-prof-md"] : [];
  const child = spawn(binPath("deno"), ["run", "--allow-all", "--no-prompt", ...flags, "functions/_local/gateway.ts"], {
    cwd: c.repoRoot,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, ...(await functionEnv(c)), GROWTHBASE_GATEWAY: await gatewayConfig(c) },
  });
  child.unref();
  writeFileSync(pidFile(c), String(child.pid));
  for (let i = 0; i < 150; i++) {
    if (!alive(child.pid!)) break;
    if (await gatewayServesThisStack(c)) return;
    await sleep(200);
  }
  const tail = readFileSync(gatewayLog(c), "utf8").split("\n").slice(-20).join("\n");
  await stopGateway(c);
  throw new Error(`the gateway did not come up on :${c.apiPort}:\n${tail}`);
}

export const stopGateway = (c: StackConfig) => stopPid(pidFile(c));
