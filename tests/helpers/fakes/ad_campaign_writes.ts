// Fake ad platforms for the approval executor's writes, in each platform's wire format:
//   Meta (/meta/graph/v21.0): GET and POST /{campaign-id} (daily_budget in minor units as a string,
//     status ACTIVE | PAUSED; POST answers {"success": true}); errors {error: {code, message}}.
//   Google Ads (/google-ads/v21): customers/{id}/googleAds:search (GAQL: campaign.id = N),
//     campaignBudgets:mutate and campaigns:mutate with updateMask; errors {error: {status}}.
//   TikTok (/tiktok/open_api/v1.3): campaign/get/, campaign/update/, campaign/status/update/ with
//     the Access-Token header; answers {code, message, data}, code 0 on success.
// Each keeps its campaigns' state and every write it received, and can apply a write and then
// hold its answer past the client's timeout (the answer lost between the platform and us). The ads sync fakes of h/ads
// (MetaFake, GoogleAdsFake, TikTokFake) can take these routes over once merged.
import { LosesAnswers } from "./loses_answers.ts";
import type { FakeRequest, FakeResponse } from "./server.ts";

export interface FakeCampaign {
  dailyBudgetCents: number | null;
  status: "active" | "paused";
}

abstract class CampaignWrites extends LosesAnswers {
  campaigns = new Map<string, FakeCampaign>();
}

export class MetaCampaignWrites extends CampaignWrites {
  readonly prefix = "/meta/graph";

  constructor() {
    super();
    this.on("GET", /^\/v21\.0\/(\d+)$/, (r, m) => this.auth(r) ?? this.show(m[1]));
    this.on("POST", /^\/v21\.0\/(\d+)$/, (r, m) => {
      const refused = this.auth(r);
      if (refused) return refused;
      const c = this.campaigns.get(m[1]);
      if (!c) return { status: 400, json: { error: { code: 100, message: "Unsupported post request", type: "GraphMethodException" } } };
      const f = r.json as Record<string, string>;
      if (f.daily_budget !== undefined) c.dailyBudgetCents = Number(f.daily_budget);
      if (f.status !== undefined) c.status = f.status === "ACTIVE" ? "active" : "paused";
      return { json: { success: true } };
    });
  }

  isWrite(r: FakeRequest) {
    return r.method === "POST";
  }

  private auth(r: FakeRequest): FakeResponse | null {
    return /^Bearer \S+/.test(String(r.headers.authorization ?? "")) ? null : this.expiredToken();
  }

  private show(id: string): FakeResponse {
    const c = this.campaigns.get(id);
    if (!c) return { status: 400, json: { error: { code: 100, message: `Object ${id} does not exist` } } };
    return {
      json: { id, status: c.status === "active" ? "ACTIVE" : "PAUSED", ...(c.dailyBudgetCents === null ? {} : { daily_budget: String(c.dailyBudgetCents) }) },
    };
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { error: { code: 190, message: "Error validating access token", type: "OAuthException" } } };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return {
      status: 400,
      headers: { "x-business-use-case-usage": JSON.stringify({ x: [{ estimated_time_to_regain_access: Math.ceil(seconds / 60) }] }) },
      json: { error: { code: 80000, message: "There have been too many calls from this ad-account." } },
    };
  }
}

export class GoogleAdsCampaignWrites extends CampaignWrites {
  readonly prefix = "/google-ads";

  constructor() {
    super();
    this.on("POST", /^\/v21\/customers\/(\d+)\/googleAds:search$/, (r, m) => {
      const q = String((r.json as { query?: string })?.query ?? "");
      const id = q.match(/campaign\.id = (\d+)/)?.[1] ?? "";
      const c = this.campaigns.get(id);
      if (!c) return { json: { results: [] } };
      return {
        json: {
          results: [{
            campaign: { resourceName: `customers/${m[1]}/campaigns/${id}`, status: c.status === "active" ? "ENABLED" : "PAUSED" },
            campaignBudget: { resourceName: `customers/${m[1]}/campaignBudgets/b${id}`, amountMicros: String((c.dailyBudgetCents ?? 0) * 10_000) },
          }],
        },
      };
    });
    this.on("POST", /^\/v21\/customers\/(\d+)\/campaignBudgets:mutate$/, (r) => {
      const op = (r.json as { operations: { update: { resourceName: string; amountMicros: string }; updateMask: string }[] }).operations[0];
      const id = op.update.resourceName.match(/campaignBudgets\/b(\d+)$/)?.[1] ?? "";
      const c = this.campaigns.get(id);
      if (!c || op.updateMask !== "amount_micros") return this.invalid("no such budget");
      c.dailyBudgetCents = Number(op.update.amountMicros) / 10_000;
      return { json: { results: [{ resourceName: op.update.resourceName }] } };
    });
    this.on("POST", /^\/v21\/customers\/(\d+)\/campaigns:mutate$/, (r) => {
      const op = (r.json as { operations: { update: { resourceName: string; status: string }; updateMask: string }[] }).operations[0];
      const c = this.campaigns.get(op.update.resourceName.split("/").pop() ?? "");
      if (!c || op.updateMask !== "status") return this.invalid("no such campaign");
      c.status = op.update.status === "ENABLED" ? "active" : "paused";
      return { json: { results: [{ resourceName: op.update.resourceName }] } };
    });
  }

  isWrite(r: FakeRequest) {
    return r.path.endsWith(":mutate");
  }

  private invalid(message: string): FakeResponse {
    return { status: 400, json: { error: { code: 400, status: "INVALID_ARGUMENT", message } } };
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { error: { code: 401, status: "UNAUTHENTICATED", message: "Request had invalid authentication credentials." } } };
  }
}

export class TikTokCampaignWrites extends CampaignWrites {
  readonly prefix = "/tiktok/open_api";

  constructor() {
    super();
    this.on("GET", /^\/v1\.3\/campaign\/get\/$/, (r) => {
      const ids = (JSON.parse(r.query.get("filtering") ?? "{}").campaign_ids ?? []) as string[];
      const list = ids.filter((id) => this.campaigns.has(id)).map((id) => {
        const c = this.campaigns.get(id)!;
        return { campaign_id: id, budget: (c.dailyBudgetCents ?? 0) / 100, budget_mode: "BUDGET_MODE_DAY", operation_status: c.status === "active" ? "ENABLE" : "DISABLE" };
      });
      return this.ok({ list, page_info: { page: 1, total_number: list.length } });
    });
    this.on("POST", /^\/v1\.3\/campaign\/update\/$/, (r) => {
      const b = r.json as { campaign_id: string; budget: number };
      const c = this.campaigns.get(b.campaign_id);
      if (!c) return { json: { code: 40002, message: "campaign not found", data: {} } };
      c.dailyBudgetCents = Math.round(b.budget * 100);
      return this.ok({ campaign_id: b.campaign_id });
    });
    this.on("POST", /^\/v1\.3\/campaign\/status\/update\/$/, (r) => {
      const b = r.json as { campaign_ids: string[]; operation_status: string };
      for (const id of b.campaign_ids) {
        const c = this.campaigns.get(id);
        if (c) c.status = b.operation_status === "ENABLE" ? "active" : "paused";
      }
      return this.ok({ campaign_ids: b.campaign_ids });
    });
  }

  isWrite(r: FakeRequest) {
    return r.method === "POST";
  }

  override answer(r: FakeRequest) {
    if (!r.headers["access-token"]) return Promise.resolve(this.expiredToken());
    return super.answer(r);
  }

  private ok(data: unknown): FakeResponse {
    return { json: { code: 0, message: "OK", request_id: "fake", data } };
  }

  expiredToken(): FakeResponse {
    return { json: { code: 40105, message: "Access token is incorrect or has been revoked.", data: {} } };
  }

  override throttled(): FakeResponse {
    return { json: { code: 40100, message: "Requests made too frequently.", data: {} } };
  }
}
