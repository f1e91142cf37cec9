// A frontend's ads dashboard page, written against the generated types in strict mode. It is
// compiled by `tsc --noEmit` (npm test) and run against the stack by tests/flows/frontend.test.ts.
// The type assertions below fail to compile if the generated types ever claim a column that can
// be NULL is always a number again (`data.mer.toFixed(2)` compiled and threw at runtime).
import type { Client } from "../helpers/api.ts";
import type { Database } from "../../types/database.ts";

type Rpc<N extends keyof Database["public"]["Functions"]> = Database["public"]["Functions"][N]["Returns"];
/** A set-returning RPC's row, or a one-row RPC's row (it answers the object itself). */
type Row<N extends keyof Database["public"]["Functions"]> = Rpc<N> extends (infer R)[] ? R : Rpc<N>;

/** true when null is part of T: the compiler proves the generated types admit NULL. */
type Nullable<T> = null extends T ? true : false;
const assertNullable = <T>(_: Nullable<T>) => {};
assertNullable<Row<"ads_blended_roas">["mer"]>(true);
assertNullable<Row<"ads_blended_roas">["platform_roas"]>(true);
assertNullable<Row<"ads_roas_tile">["roas"]>(true);
assertNullable<Row<"ads_roas_tile">["previous_roas"]>(true);
assertNullable<Row<"ads_roas_tile">["change"]>(true);
assertNullable<Row<"ads_dashboard">["roas"]>(true);
assertNullable<Row<"ads_dashboard">["cpa_cents"]>(true);
assertNullable<Row<"ads_dashboard">["ctr"]>(true);
assertNullable<Row<"recompute_reorder_points">["sku"]>(true);
assertNullable<Row<"recompute_reorder_points">["on_hand"]>(true);
assertNullable<Row<"recompute_reorder_points">["reorder_point"]>(true);
assertNullable<Row<"recompute_reorder_points">["weeks_of_supply"]>(true);

const money = (cents: number | null) => (cents === null ? "—" : `$${(cents / 100).toFixed(2)}`);
const ratio = (x: number | null, digits = 2) => (x === null ? "—" : `${x.toFixed(digits)}x`);
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export interface DashboardView {
  spend: string;
  mer: string;
  platformRoas: string;
  tileRoas: string;
  tileChange: string;
  campaigns: { name: string; spend: string; roas: string; cpa: string; ctr: string }[];
}

export async function loadAdsDashboard(client: Client, workspaceId: string, from: string, to: string): Promise<DashboardView> {
  const [blended, tile, campaigns] = await Promise.all([
    client.rpc("ads_blended_roas", { p_workspace_id: workspaceId, p_from: from, p_to: to }),
    client.rpc("ads_roas_tile", { p_workspace_id: workspaceId, p_today: to }),
    client.rpc("ads_dashboard", { p_workspace_id: workspaceId, p_from: from, p_to: to, p_group_by: "campaign" }),
  ]);
  for (const r of [blended, tile, campaigns]) if (r.error) throw new Error(`${r.error.code}: ${r.error.message}`);
  const b = blended.data!;
  const t = tile.data!;
  return {
    spend: money(b.ad_spend_cents),
    mer: ratio(b.mer),
    platformRoas: ratio(b.platform_roas),
    tileRoas: ratio(t.roas),
    tileChange: pct(t.change),
    campaigns: (campaigns.data ?? []).map((c) => ({
      name: c.label ?? "(unnamed)",
      spend: money(c.spend_cents),
      roas: ratio(c.roas),
      cpa: money(c.cpa_cents),
      ctr: pct(c.ctr),
    })),
  };
}
