// Ad budgets and statuses on Meta, Google Ads and TikTok. Every change reads the campaign from
// the platform first: when the platform already shows the target (an earlier attempt landed
// before its answer was lost, or the worker died before recording it), nothing is sent again;
// otherwise the guardrail is re-checked against the live value and the change is made once.
// The live value before the change is what the approval records as replaced (for an undo).
import { authorizedClient } from "../../_shared/providers/credentials.ts";
import { ProviderError } from "../../_shared/providers/http.ts";
import type { AdAccount, AdActions, AdCampaignState } from "../../_shared/providers/ad_actions.ts";
import { googleAdsClient } from "../../_shared/providers/google_ads.ts";
import { googleAdsActions } from "../../_shared/providers/google_ads_actions.ts";
import { metaClient } from "../../_shared/providers/meta.ts";
import { metaActions } from "../../_shared/providers/meta_actions.ts";
import { tiktokClient } from "../../_shared/providers/tiktok.ts";
import { tiktokActions } from "../../_shared/providers/tiktok_actions.ts";
import type { ActionHandler, Execution, HandlerDeps, Result } from "./types.ts";

const PLATFORMS = {
  meta: { actions: metaActions, client: metaClient },
  google: { actions: googleAdsActions, client: googleAdsClient },
  tiktok: { actions: tiktokActions, client: tiktokClient },
} as const;

interface Target {
  platform: keyof typeof PLATFORMS;
  external_campaign_id: string;
  account: string;
  /** The account currency's minor-unit exponent: budgets are in its minor units. */
  exponent: number;
  connection_id: string;
  name: string;
  target: { daily_budget_cents?: number; status?: "active" | "paused" };
}

function platform(t: Target, d: HandlerDeps): { actions: AdActions; client: ReturnType<typeof authorizedClient> } {
  const p = PLATFORMS[t.platform];
  if (!p) throw new ProviderError("bad_request", `the executor cannot act on ${t.platform}`);
  return {
    actions: p.actions,
    client: authorizedClient(p.client(d.settings, d.http), d.creds, t.connection_id, p.actions.authHeaders),
  };
}

const pct = (from: number, to: number) => (Math.abs(to - from) * 100) / from;

/** One campaign brought to its target: read, compare, change if needed. */
async function bring(
  t: Target,
  maxPct: number | undefined,
  d: HandlerDeps,
): Promise<{ before: AdCampaignState; result: Result }> {
  const { actions, client } = platform(t, d);
  const account: AdAccount = { id: t.account, exponent: t.exponent ?? 2 };
  const before = await actions.read(client, account, t.external_campaign_id);
  if (t.target.daily_budget_cents !== undefined) {
    const want = t.target.daily_budget_cents;
    if (before.dailyBudgetMinor === want) return { before, result: { already: true, daily_budget_cents: want } };
    if (before.dailyBudgetMinor === null) {
      throw new ProviderError("bad_request", `${t.name} has no daily budget at campaign level on ${t.platform}`);
    }
    if (maxPct !== undefined && pct(before.dailyBudgetMinor, want) > maxPct) {
      throw new ProviderError(
        "bad_request",
        `${t.name}'s budget on ${t.platform} is now ${before.dailyBudgetMinor} (minor units); ${want} would change it by ${
          pct(before.dailyBudgetMinor, want).toFixed(1)
        }%, beyond the workspace's guardrail of ${maxPct}%`,
      );
    }
    return { before, result: await actions.setDailyBudget(client, account, t.external_campaign_id, want, before) };
  }
  const status = t.target.status!;
  if (before.status === status) return { before, result: { already: true, status } };
  return { before, result: await actions.setStatus(client, account, t.external_campaign_id, status, before) };
}

async function single(e: Execution, d: HandlerDeps): Promise<Result> {
  const t = e.prepared as unknown as Target;
  const { before, result } = await bring(t, e.prepared.max_change_pct as number | undefined, d);
  // Already at the target (an earlier attempt's change): what it replaced is what preparation saw.
  if (result.already) return result;
  const replaced = t.target.daily_budget_cents !== undefined
    ? { daily_budget_cents: before.dailyBudgetMinor }
    : { status: before.status };
  return { ...result, replaced };
}

async function shift(e: Execution, d: HandlerDeps): Promise<Result> {
  const p = e.prepared as { from: Target; to: Target; max_change_pct: number };
  const steps: Record<string, unknown> = { ...(e.progress.shift as Record<string, unknown> ?? {}) };
  for (const side of ["from", "to"] as const) {
    if (steps[side]) continue;
    const { before, result } = await bring(p[side], p.max_change_pct, d);
    const replaced = result.already
      ? (e.prepared.replaced as Record<string, unknown>)[side]
      : { daily_budget_cents: before.dailyBudgetMinor };
    steps[side] = { ...result, replaced };
    await d.saveProgress({ ...e.progress, shift: steps });
  }
  return {
    from: steps.from,
    to: steps.to,
    replaced: {
      from: (steps.from as { replaced: unknown }).replaced,
      to: (steps.to as { replaced: unknown }).replaced,
    },
  };
}

export const adsHandler: ActionHandler = {
  kinds: ["change_ad_budget", "pause_ad_campaign", "resume_ad_campaign", "shift_ad_budget"],
  provider: "ad platform",
  call: (e, d) => (e.action === "shift_ad_budget" ? shift(e, d) : single(e, d)),
};
