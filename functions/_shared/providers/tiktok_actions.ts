// TikTok Business API writes for the approval executor (on tiktok.ts' client, Access-Token
// header): campaign/update/ sets a campaign's budget (a decimal in the account currency's major
// units), campaign/status/update/ sets operation_status (ENABLE / DISABLE), campaign/get/ reads
// both.
import { type AdActions, majorUnits } from "./ad_actions.ts";
import { ProviderError } from "./http.ts";

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
        advertiser_id: account.id,
        filtering: JSON.stringify({ campaign_ids: [id] }),
        fields: JSON.stringify(["campaign_id", "budget", "budget_mode", "operation_status"]),
      },
    });
    const c = r.body?.data?.list?.[0];
    if (!c) throw new ProviderError("bad_request", `TikTok has no campaign ${id} for advertiser ${account.id}`);
    return {
      dailyBudgetMinor: c.budget_mode === "BUDGET_MODE_DAY" && typeof c.budget === "number"
        ? Math.round(c.budget * 10 ** account.exponent)
        : null,
      status: c.operation_status === "ENABLE" ? "active" : c.operation_status === "DISABLE" ? "paused" : "other",
      raw: { ...c },
    };
  },
  async setDailyBudget(client, account, id, minor) {
    const budget = Number(majorUnits(minor, account.exponent));
    await client.call({
      method: "POST",
      path: "campaign/update/",
      json: { advertiser_id: account.id, campaign_id: id, budget },
    });
    return { platform: "tiktok", campaign_id: id, budget };
  },
  async setStatus(client, account, id, status) {
    const value = status === "active" ? "ENABLE" : "DISABLE";
    await client.call({
      method: "POST",
      path: "campaign/status/update/",
      json: { advertiser_id: account.id, campaign_ids: [id], operation_status: value },
    });
    return { platform: "tiktok", campaign_id: id, operation_status: value };
  },
};
