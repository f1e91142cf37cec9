// Meta Marketing API writes for the approval executor (Graph API): a campaign's daily_budget (in
// the account currency's minor units, as a string) and status (ACTIVE / PAUSED) set with a POST
// to /{campaign-id}; read back with GET /{campaign-id}?fields=daily_budget,status. Throttling:
// error codes 4, 17, 32, 613 and 80000-80014 (wait as X-Business-Use-Case-Usage says, else a
// minute); 190 and 102 an invalid token. Replace metaActionsClient with h/ads' metaClient once
// merged (same settings, same classification).
import type { Settings } from "../env.ts";
import type { AdActions } from "./ad_actions.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

const THROTTLE = new Set([4, 17, 32, 613]);

function regainMs(headers: Headers): number {
  try {
    const usage = JSON.parse(headers.get("x-business-use-case-usage") ?? "{}") as Record<
      string,
      { estimated_time_to_regain_access?: number }[]
    >;
    const minutes = Math.max(
      0,
      ...Object.values(usage).flat().map((e) => Number(e?.estimated_time_to_regain_access) || 0),
    );
    return minutes > 0 ? minutes * 60_000 : 60_000;
  } catch {
    return 60_000;
  }
}

export function classifyMetaAction(a: Answer, now: number): ProviderError | null {
  const e = (a.body as { error?: { code?: number; error_subcode?: number; message?: string; is_transient?: boolean } })
    ?.error;
  if (!e || typeof e !== "object") return null;
  const code = Number(e.code);
  const what = `Meta error ${code}${e.error_subcode ? `/${e.error_subcode}` : ""}: ${e.message ?? "no message"}`;
  if (THROTTLE.has(code) || (code >= 80000 && code <= 80014)) {
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + regainMs(a.headers)),
      providerCode: code,
    });
  }
  if (code === 190 || code === 102) {
    return new ProviderError("token_invalid", what, { status: a.status, providerCode: code });
  }
  if (e.is_transient || code === 1 || code === 2 || a.status >= 500) {
    return new ProviderError("retry_later", what, { status: a.status, providerCode: code });
  }
  return new ProviderError("bad_request", what, { status: a.status, providerCode: code });
}

export function metaActionsClient(s: Settings, http: ProviderHttp): Client {
  return providerClient({
    name: "Meta",
    baseUrl: s.META_GRAPH_URL,
    timeoutMs: s.ADS_API_TIMEOUT_MS,
    http,
    classify: classifyMetaAction,
  });
}

interface MetaCampaign {
  id?: string;
  daily_budget?: string;
  status?: string;
}

export const metaActions: AdActions = {
  platform: "meta",
  authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
  async read(client, _account, id) {
    const r = await client.call<MetaCampaign>({
      path: encodeURIComponent(id),
      query: { fields: "id,daily_budget,status" },
    });
    const b = r.body ?? {};
    return {
      dailyBudgetCents: b.daily_budget !== undefined && b.daily_budget !== "" ? Number(b.daily_budget) : null,
      status: b.status === "ACTIVE" ? "active" : b.status === "PAUSED" ? "paused" : "other",
      raw: { ...b },
    };
  },
  async setDailyBudget(client, _account, id, cents) {
    const r = await client.call<{ success?: boolean }>({
      method: "POST",
      path: encodeURIComponent(id),
      form: { daily_budget: String(cents) },
    });
    if (r.body?.success !== true) {
      throw new ProviderError("bad_request", `Meta did not confirm the budget change: ${JSON.stringify(r.body)}`);
    }
    return { platform: "meta", campaign_id: id, daily_budget: String(cents) };
  },
  async setStatus(client, _account, id, status) {
    const value = status === "active" ? "ACTIVE" : "PAUSED";
    const r = await client.call<{ success?: boolean }>({
      method: "POST",
      path: encodeURIComponent(id),
      form: { status: value },
    });
    if (r.body?.success !== true) {
      throw new ProviderError("bad_request", `Meta did not confirm the status change: ${JSON.stringify(r.body)}`);
    }
    return { platform: "meta", campaign_id: id, status: value };
  },
};
