// A frontend's pages for the analytics inputs, written against the generated types in strict mode:
// compiled by `tsc --noEmit` (npm test) and run against the stack by the analytics flows
// (tests/flows/analytics-*.test.ts). The assertions fail to compile if the generated types ever
// claim that a value the database can return as NULL (a CTR without impressions, the health a
// viewer may not see, the latest audit of a site never audited, an agreement without orders) is
// always set.
import type { Client } from "../helpers/api.ts";
import type { Database } from "../../types/database.ts";

type Fn = Database["public"]["Functions"];
type RowOf<N extends keyof Fn> = Fn[N]["Returns"] extends (infer R)[] ? R : Fn[N]["Returns"];
type Nullable<T> = null extends T ? true : false;
const assertNullable = <T>(_: Nullable<T>) => {};
assertNullable<RowOf<"search_performance">["ctr"]>(true);
assertNullable<RowOf<"search_performance">["avg_position"]>(true);
assertNullable<RowOf<"seo_overview">["audited_on"]>(true);
assertNullable<RowOf<"seo_overview">["performance_score"]>(true);
assertNullable<RowOf<"seo_overview">["avg_inp_ms"]>(true);
assertNullable<RowOf<"social_overview">["engagement_rate"]>(true);
assertNullable<RowOf<"social_overview">["followers_change"]>(true);
assertNullable<RowOf<"self_reported_attribution">["agreement"]>(true);
assertNullable<Database["public"]["Views"]["analytics_sources"]["Row"]["health"]>(true);
assertNullable<Database["public"]["Views"]["analytics_sources"]["Row"]["last_synced_at"]>(true);

const dash = "—";
const pct = (x: number | null, digits = 1) => (x === null ? dash : `${(x * 100).toFixed(digits)}%`);
const ms = (x: number | null) => (x === null ? dash : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x} ms`);

export interface SourceView {
  source: string;
  account: string;
  lastSync: string;
  status: string;
  /** What an admin sees; "—" for members and viewers, who may not read connections. */
  health: string;
}

/** The "data sources" panel: each source with its last sync and, for admins, its health. */
export async function loadSources(client: Client, workspaceId: string): Promise<SourceView[]> {
  const { data, error } = await client.from("analytics_sources").select("*").eq("workspace_id", workspaceId).order("source");
  if (error) throw new Error(`${error.code}: ${error.message}`);
  return (data ?? []).map((s) => ({
    source: s.source ?? dash,
    account: s.external_account_id ?? dash,
    lastSync: s.last_synced_at === null ? "never" : new Date(s.last_synced_at).toISOString().slice(0, 10),
    status: s.last_sync_status ?? "queued",
    health: s.health === null ? dash : s.health === "rate_limited" && s.throttled_until
      ? `rate limited until ${new Date(s.throttled_until).toISOString().slice(11, 16)}`
      : s.health,
  }));
}

export interface SeoTiles {
  auditedOn: string;
  performance: string;
  lcp: string;
  inp: string;
  vitalsFrom: string;
  clicks: number;
  ctr: string;
  position: string;
}

/** The SEO dashboard's tiles. */
export async function loadSeoTiles(client: Client, workspaceId: string, from: string, to: string): Promise<SeoTiles> {
  const { data, error } = await client.rpc("seo_overview", { p_workspace_id: workspaceId, p_from: from, p_to: to });
  if (error || !data) throw new Error(`${error?.code}: ${error?.message}`);
  return {
    auditedOn: data.audited_on ?? "never",
    performance: data.performance_score === null ? dash : String(data.performance_score),
    lcp: ms(data.avg_lcp_ms),
    inp: ms(data.avg_inp_ms),
    vitalsFrom: data.vitals_source ?? (data.audited_on === null ? dash : "field and lab"),
    clicks: data.clicks ?? 0,
    ctr: pct(data.ctr, 2),
    position: data.avg_position === null ? dash : data.avg_position.toFixed(1),
  };
}

export interface PlatformView {
  platform: string;
  followers: string;
  growth: string;
  engagement: string;
  waiting: number;
}

/** The organic social page, one card per platform. */
export async function loadSocialCards(client: Client, workspaceId: string, from: string, to: string): Promise<PlatformView[]> {
  const { data, error } = await client.rpc("social_overview", { p_workspace_id: workspaceId, p_from: from, p_to: to });
  if (error) throw new Error(`${error.code}: ${error.message}`);
  return (data ?? []).map((p) => ({
    platform: p.platform ?? dash,
    followers: p.followers === null ? dash : p.followers.toLocaleString("en-US"),
    growth: p.followers_change === null ? dash : `${p.followers_change >= 0 ? "+" : ""}${p.followers_change}`,
    engagement: pct(p.engagement_rate),
    waiting: p.scheduled_waiting ?? 0,
  }));
}

export interface SaidVsModelled {
  channel: string;
  said: number;
  credited: string;
  agreement: string;
}

/** "What customers say" against the attribution model, per channel. */
export async function loadSaidVsModelled(client: Client, workspaceId: string, from: string, to: string): Promise<SaidVsModelled[]> {
  const { data, error } = await client.rpc("self_reported_attribution", { p_workspace_id: workspaceId, p_from: from, p_to: to });
  if (error) throw new Error(`${error.code}: ${error.message}`);
  return (data ?? []).map((r) => ({
    channel: r.channel ?? dash,
    said: r.responses ?? 0,
    credited: r.modelled_orders === null ? dash : r.modelled_orders.toFixed(2),
    agreement: pct(r.agreement, 0),
  }));
}
