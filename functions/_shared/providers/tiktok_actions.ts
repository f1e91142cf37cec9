// TikTok Business API writes for the approval executor: campaign/update/ sets a campaign's budget
// (a decimal in the account currency), campaign/status/update/ sets operation_status (ENABLE /
// DISABLE), campaign/get/ reads both. Header Access-Token; answers {code, message, data} with code
// 0 on success, 40100 when rate limited, 40104/40105 for a bad token. Replace
// tiktokActionsClient with h/ads' TikTok client once merged.
import type { Settings } from "../env.ts";
import type { AdActions } from "./ad_actions.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export function classifyTikTokAction(a: Answer, now: number): ProviderError | null {
  const b = a.body as { code?: number; message?: string } | null;
  if (!b || typeof b !== "object" || b.code === undefined || b.code === 0) return null;
  const what = `TikTok ${b.code}: ${b.message ?? "no message"}`;
  if (b.code === 40100 || b.code === 40133) {
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + 60_000),
      providerCode: b.code,
    });
  }
  if (b.code === 40104 || b.code === 40105 || b.code === 40102) {
    return new ProviderError("token_invalid", what, { status: a.status, providerCode: b.code });
  }
  if (b.code >= 50000) return new ProviderError("retry_later", what, { status: a.status, providerCode: b.code });
  return new ProviderError("bad_request", what, { status: a.status, providerCode: b.code });
}

export function tiktokActionsClient(s: Settings, http: ProviderHttp): Client {
  return providerClient({
    name: "TikTok",
    baseUrl: s.TIKTOK_API_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyTikTokAction,
  });
}

interface TikTokCampaign {
  campaign_id?: string;
  budget?: number;
  budget_mode?: string;
  operation_status?: string;
}

export const tiktokActions: AdActions = {
  platform: "tiktok",
  authHeaders: (token) => ({ "access-token": token }),
  async read(client, account, id) {
    const r = await client.call<{ data?: { list?: TikTokCampaign[] } }>({
      path: "campaign/get/",
      query: {
        advertiser_id: account,
        filtering: JSON.stringify({ campaign_ids: [id] }),
        fields: JSON.stringify(["campaign_id", "budget", "budget_mode", "operation_status"]),
      },
    });
    const c = r.body?.data?.list?.[0];
    if (!c) throw new ProviderError("bad_request", `TikTok has no campaign ${id} for advertiser ${account}`);
    return {
      dailyBudgetCents: c.budget_mode === "BUDGET_MODE_DAY" && typeof c.budget === "number"
        ? Math.round(c.budget * 100)
        : null,
      status: c.operation_status === "ENABLE" ? "active" : c.operation_status === "DISABLE" ? "paused" : "other",
      raw: { ...c },
    };
  },
  async setDailyBudget(client, account, id, cents) {
    await client.call({
      method: "POST",
      path: "campaign/update/",
      json: { advertiser_id: account, campaign_id: id, budget: cents / 100 },
    });
    return { platform: "tiktok", campaign_id: id, budget: cents / 100 };
  },
  async setStatus(client, account, id, status) {
    const value = status === "active" ? "ENABLE" : "DISABLE";
    await client.call({
      method: "POST",
      path: "campaign/status/update/",
      json: { advertiser_id: account, campaign_ids: [id], operation_status: value },
    });
    return { platform: "tiktok", campaign_id: id, operation_status: value };
  },
};
