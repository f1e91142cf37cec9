// A frontend's "connected ad accounts" panel, written against the generated types in strict
// mode (compiled by `tsc --noEmit`, run by tests/flows/ads-sync.test.ts): each connection's
// health and the state of its latest sync windows. The assertions fail to compile if the types
// stop admitting NULL where the database can hold one (an error, a next attempt, a throttle).
import type { Client } from "../helpers/api.ts";
import type { Database } from "../../types/database.ts";

type Table<N extends keyof Database["public"]["Tables"]> = Database["public"]["Tables"][N]["Row"];
type Nullable<T> = null extends T ? true : false;
const assertNullable = <T>(_: Nullable<T>) => {};
const assertNotNullable = <T>(_: Nullable<T> extends true ? false : true) => {};
assertNullable<Table<"ad_sync_runs">["error"]>(true);
assertNullable<Table<"ad_sync_runs">["next_attempt_at"]>(true);
assertNullable<Table<"integration_connections">["throttled_until"]>(true);
assertNullable<Table<"integration_connections">["last_success_at"]>(true);
assertNotNullable<Table<"integration_connections">["health"]>(true);
assertNotNullable<Table<"ad_sync_runs">["rows_rejected"]>(true);

export interface AccountPanel {
  account: string;
  health: "ok" | "rate_limited" | "reauth_required" | "failing";
  says: string;
  windows: { window: string; kind: string; state: string }[];
}

export async function loadAdSyncStatus(admin: Client, workspaceId: string): Promise<AccountPanel[]> {
  const [connections, runs] = await Promise.all([
    admin.from("integration_connections").select("id, provider, external_account_id, health, last_error, throttled_until")
      .eq("workspace_id", workspaceId).in("provider", ["meta", "google_ads", "tiktok"]).order("external_account_id"),
    admin.from("ad_sync_runs").select("connection_id, kind, window_from, window_to, status, error, next_attempt_at, rows_rejected")
      .eq("workspace_id", workspaceId).order("id", { ascending: false }).limit(200),
  ]);
  for (const r of [connections, runs]) if (r.error) throw new Error(`${r.error.code}: ${r.error.message}`);
  return connections.data!.map((c) => ({
    account: c.external_account_id,
    health: c.health,
    says: c.health === "ok" ? "syncing"
      : c.health === "rate_limited" ? `paused by the platform until ${c.throttled_until ?? "soon"}`
      : c.health === "reauth_required" ? "reconnect this account"
      : `failing: ${c.last_error ?? "unknown error"}`,
    windows: runs.data!.filter((r) => r.connection_id === c.id).slice(0, 5).map((r) => ({
      window: `${r.window_from} to ${r.window_to}`,
      kind: r.kind,
      state: r.status === "succeeded"
        ? (r.rows_rejected ? `done, ${r.rows_rejected} rows rejected` : "done")
        : r.next_attempt_at ? `${r.status}, next try ${r.next_attempt_at}` : `${r.status}${r.error ? `: ${r.error}` : ""}`,
    })),
  }));
}
