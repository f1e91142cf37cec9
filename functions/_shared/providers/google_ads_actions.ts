// Google Ads API writes for the approval executor (on google_ads.ts' client, with its
// developer-token and login-customer-id): a campaign's budget is its CampaignBudget
// (amount_micros: millionths of the currency's major unit), changed with
// customers/{id}/campaignBudgets:mutate; its status (ENABLED / PAUSED) with
// customers/{id}/campaigns:mutate; both read with GAQL through customers/{id}/googleAds:search.
import type { AdAccount, AdActions } from "./ad_actions.ts";
import { customerId } from "./google_ads.ts";
import { type Client, ProviderError } from "./http.ts";

interface Row {
  campaign?: { resourceName?: string; status?: string };
  campaignBudget?: { resourceName?: string; amountMicros?: string };
}

const microsPerMinor = (exponent: number) => 10 ** (6 - exponent);

async function row(client: Client, account: AdAccount, id: string): Promise<Row> {
  if (!/^\d+$/.test(id)) throw new ProviderError("bad_request", `not a Google Ads campaign id: ${id}`);
  const r = await client.call<{ results?: Row[] }>({
    method: "POST",
    path: `customers/${customerId(account.id)}/googleAds:search`,
    json: {
      query:
        `SELECT campaign.resource_name, campaign.status, campaign_budget.resource_name, campaign_budget.amount_micros ` +
        `FROM campaign WHERE campaign.id = ${id}`,
    },
  });
  const found = r.body?.results?.[0];
  if (!found) throw new ProviderError("bad_request", `Google Ads has no campaign ${id} in customer ${account.id}`);
  return found;
}

export const googleAdsActions: AdActions = {
  platform: "google",
  authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
  async read(client, account, id) {
    const r = await row(client, account, id);
    const micros = r.campaignBudget?.amountMicros;
    return {
      dailyBudgetMinor: micros !== undefined ? Math.round(Number(micros) / microsPerMinor(account.exponent)) : null,
      status: r.campaign?.status === "ENABLED" ? "active" : r.campaign?.status === "PAUSED" ? "paused" : "other",
      raw: { ...r },
    };
  },
  async setDailyBudget(client, account, id, minor, state) {
    const budget = (state.raw as Row).campaignBudget?.resourceName;
    if (!budget) throw new ProviderError("bad_request", `Google Ads campaign ${id} has no campaign budget to change`);
    const micros = String(minor * microsPerMinor(account.exponent));
    const r = await client.call<{ results?: { resourceName?: string }[] }>({
      method: "POST",
      path: `customers/${customerId(account.id)}/campaignBudgets:mutate`,
      json: { operations: [{ updateMask: "amount_micros", update: { resourceName: budget, amountMicros: micros } }] },
    });
    return {
      platform: "google",
      campaign_id: id,
      campaign_budget: r.body?.results?.[0]?.resourceName ?? budget,
      amount_micros: micros,
    };
  },
  async setStatus(client, account, id, status, state) {
    const resourceName = (state.raw as Row).campaign?.resourceName ??
      `customers/${customerId(account.id)}/campaigns/${id}`;
    const value = status === "active" ? "ENABLED" : "PAUSED";
    const r = await client.call<{ results?: { resourceName?: string }[] }>({
      method: "POST",
      path: `customers/${customerId(account.id)}/campaigns:mutate`,
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
