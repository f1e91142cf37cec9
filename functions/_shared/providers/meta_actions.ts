// Meta Marketing API writes for the approval executor (Graph API, on meta.ts' client): a
// campaign's daily_budget (in the account currency's minor units, as a string) and status
// (ACTIVE / PAUSED) set with a POST to /{campaign-id}; read back with
// GET /{campaign-id}?fields=daily_budget,status.
import type { AdActions } from "./ad_actions.ts";
import { ProviderError } from "./http.ts";

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
      dailyBudgetMinor: b.daily_budget !== undefined && b.daily_budget !== "" ? Number(b.daily_budget) : null,
      status: b.status === "ACTIVE" ? "active" : b.status === "PAUSED" ? "paused" : "other",
      raw: { ...b },
    };
  },
  async setDailyBudget(client, _account, id, minor) {
    const r = await client.call<{ success?: boolean }>({
      method: "POST",
      path: encodeURIComponent(id),
      form: { daily_budget: String(minor) },
    });
    if (r.body?.success !== true) {
      throw new ProviderError("bad_request", `Meta did not confirm the budget change: ${JSON.stringify(r.body)}`);
    }
    return { platform: "meta", campaign_id: id, daily_budget: String(minor) };
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
