// Google Ads API writes for the approval executor: a campaign's budget is its CampaignBudget
// (amount_micros = cents x 10,000), changed with customers/{id}/campaignBudgets:mutate; its status
// (ENABLED / PAUSED) with customers/{id}/campaigns:mutate; both read with GAQL through
// customers/{id}/googleAds:search. Headers: developer-token and login-customer-id. Quota errors
// are RESOURCE_EXHAUSTED (retryDelay), an invalid token UNAUTHENTICATED. Replace
// googleAdsActionsClient with h/ads' googleAdsClient once merged.
import type { Settings } from "../env.ts";
import type { AdActions } from "./ad_actions.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

interface GoogleError {
  status?: string;
  message?: string;
  code?: number;
  details?: { errors?: { details?: { quotaErrorDetails?: { retryDelay?: string } } }[] }[];
}

export function classifyGoogleAction(a: Answer, now: number): ProviderError | null {
  const e = (a.body as { error?: GoogleError })?.error;
  if (!e || typeof e !== "object") return null;
  const what = `Google Ads ${e.status ?? e.code}: ${e.message ?? "no message"}`;
  if (e.status === "RESOURCE_EXHAUSTED") {
    const delay = (e.details ?? []).flatMap((d) => d.errors ?? []).map((x) => x.details?.quotaErrorDetails?.retryDelay)
      .map((d) => (typeof d === "string" && /^\d+(\.\d+)?s$/.test(d) ? Number(d.slice(0, -1)) * 1000 : 0));
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + (Math.max(0, ...delay) || 60_000)),
      providerCode: e.status,
    });
  }
  if (e.status === "UNAUTHENTICATED") {
    return new ProviderError("token_invalid", what, { status: a.status, providerCode: e.status });
  }
  if (["INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED"].includes(e.status ?? "") || a.status >= 500) {
    return new ProviderError("retry_later", what, { status: a.status, providerCode: e.status });
  }
  return new ProviderError("bad_request", what, { status: a.status, providerCode: e.status });
}

export function googleAdsActionsClient(s: Settings, http: ProviderHttp): Client {
  return providerClient({
    name: "Google Ads",
    baseUrl: s.GOOGLE_ADS_API_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyGoogleAction,
    headers: {
      "developer-token": s.GOOGLE_ADS_DEVELOPER_TOKEN,
      ...(s.GOOGLE_ADS_LOGIN_CUSTOMER_ID ? { "login-customer-id": s.GOOGLE_ADS_LOGIN_CUSTOMER_ID } : {}),
    },
  });
}

const customer = (account: string) => account.replace(/-/g, "");

interface Row {
  campaign?: { resourceName?: string; status?: string; campaignBudget?: string };
  campaignBudget?: { resourceName?: string; amountMicros?: string };
}

async function row(client: Client, account: string, id: string): Promise<Row> {
  if (!/^\d+$/.test(id)) throw new ProviderError("bad_request", `not a Google Ads campaign id: ${id}`);
  const r = await client.call<{ results?: Row[] }>({
    method: "POST",
    path: `customers/${customer(account)}/googleAds:search`,
    json: {
      query:
        `SELECT campaign.resource_name, campaign.status, campaign_budget.resource_name, campaign_budget.amount_micros ` +
        `FROM campaign WHERE campaign.id = ${id}`,
    },
  });
  const found = r.body?.results?.[0];
  if (!found) throw new ProviderError("bad_request", `Google Ads has no campaign ${id} in customer ${account}`);
  return found;
}

export const googleAdsActions: AdActions = {
  platform: "google",
  authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
  async read(client, account, id) {
    const r = await row(client, account, id);
    const micros = r.campaignBudget?.amountMicros;
    return {
      dailyBudgetCents: micros !== undefined ? Math.round(Number(micros) / 10_000) : null,
      status: r.campaign?.status === "ENABLED" ? "active" : r.campaign?.status === "PAUSED" ? "paused" : "other",
      raw: { ...r },
    };
  },
  async setDailyBudget(client, account, id, cents, state) {
    const budget = (state.raw as Row).campaignBudget?.resourceName;
    if (!budget) throw new ProviderError("bad_request", `Google Ads campaign ${id} has no campaign budget to change`);
    const r = await client.call<{ results?: { resourceName?: string }[] }>({
      method: "POST",
      path: `customers/${customer(account)}/campaignBudgets:mutate`,
      json: {
        operations: [{
          updateMask: "amount_micros",
          update: { resourceName: budget, amountMicros: String(cents * 10_000) },
        }],
      },
    });
    return {
      platform: "google",
      campaign_id: id,
      campaign_budget: r.body?.results?.[0]?.resourceName ?? budget,
      amount_micros: String(cents * 10_000),
    };
  },
  async setStatus(client, account, id, status, state) {
    const resourceName = (state.raw as Row).campaign?.resourceName ?? `customers/${customer(account)}/campaigns/${id}`;
    const value = status === "active" ? "ENABLED" : "PAUSED";
    const r = await client.call<{ results?: { resourceName?: string }[] }>({
      method: "POST",
      path: `customers/${customer(account)}/campaigns:mutate`,
      json: { operations: [{ updateMask: "status", update: { resourceName, status: value } }] },
    });
    return {
      platform: "google",
      campaign_id: id,
      resource_name: r.body?.results?.[0]?.resourceName ?? resourceName,
      status: value,
    };
  },
};
