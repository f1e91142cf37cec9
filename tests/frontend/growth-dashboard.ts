// A frontend's experiment and attribution pages, written against the generated types in strict
// mode: compiled by `tsc --noEmit` (npm test) and run against the stack by
// tests/flows/experiments.test.ts and tests/flows/attribution.test.ts. The assertions fail to
// compile if the generated types ever claim that a value the database can return as NULL (a
// p-value without a test, ROAS without spend, the variant of an unknown visitor) is always set.
import type { Client } from "../helpers/api.ts";
import type { Database } from "../../types/database.ts";

type Fn = Database["public"]["Functions"];
type RowOf<N extends keyof Fn> = Fn[N]["Returns"] extends (infer R)[] ? R : Fn[N]["Returns"];
type Nullable<T> = null extends T ? true : false;
const assertNullable = <T>(_: Nullable<T>) => {};
assertNullable<RowOf<"assign_experiment">["variant_key"]>(true);
assertNullable<RowOf<"assign_experiment">["assigned_at"]>(true);
assertNullable<RowOf<"get_experiment_results">["p_value"]>(true);
assertNullable<RowOf<"get_experiment_results">["uplift_lower"]>(true);
assertNullable<RowOf<"get_experiment_results">["cuped_variance_reduction"]>(true);
assertNullable<RowOf<"attribution_report">["roas"]>(true);
assertNullable<RowOf<"attribution_report">["spend_cents"]>(true);
assertNullable<RowOf<"attribution_report">["channel"]>(true);

const money = (cents: number | null) => (cents === null ? "—" : `$${(cents / 100).toFixed(2)}`);
const ratio = (x: number | null) => (x === null ? "—" : `${x.toFixed(2)}x`);
const pct = (x: number | null, digits = 1) => (x === null ? "—" : `${(x * 100).toFixed(digits)}%`);

export interface VariantView {
  variant: string;
  visitors: number;
  metric: string;
  uplift: string;
  interval: string;
  pValue: string;
  verdict: "control" | "winning" | "losing" | "inconclusive";
  srmWarning: boolean;
}

/** The results table of an experiment page. */
export async function loadExperimentResults(client: Client, experimentId: string): Promise<VariantView[]> {
  const { data, error } = await client.rpc("get_experiment_results", { p_experiment_id: experimentId });
  if (error) throw new Error(`${error.code}: ${error.message}`);
  return (data ?? []).map((r) => ({
    variant: r.variant_key,
    visitors: r.visitors,
    metric: r.metric === "conversion_rate" ? pct(r.metric_value, 2) : money(r.metric_value === null ? null : Math.round(r.metric_value)),
    uplift: pct(r.uplift),
    interval: r.uplift_lower === null || r.uplift_upper === null ? "—" : `${pct(r.uplift_lower)} … ${pct(r.uplift_upper)}`,
    pValue: r.p_value_adjusted === null ? "—" : r.p_value_adjusted.toFixed(4),
    verdict: r.is_control ? "control" : !r.significant ? "inconclusive" : (r.uplift ?? 0) > 0 ? "winning" : "losing",
    srmWarning: r.srm_detected,
  }));
}

export interface ChannelView {
  channel: string;
  revenue: string;
  conversions: string;
  spend: string;
  roas: string;
}

/** The ROAS-by-channel table of the attribution page, for one model. */
export async function loadRoasByChannel(
  client: Client, workspaceId: string, from: string, to: string,
  model: Database["public"]["Enums"]["attribution_model"],
): Promise<ChannelView[]> {
  const { data, error } = await client.rpc("attribution_report", {
    p_workspace_id: workspaceId, p_from: from, p_to: to, p_model: model, p_group_by: "channel",
  });
  if (error) throw new Error(`${error.code}: ${error.message}`);
  return (data ?? []).map((r) => ({
    channel: r.label ?? r.channel ?? "(unknown)",
    revenue: money(r.attributed_revenue_cents),
    conversions: r.conversions === null ? "—" : r.conversions.toFixed(2),
    spend: money(r.spend_cents),
    roas: ratio(r.roas),
  }));
}
