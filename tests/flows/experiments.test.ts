// Experiments through the gateway as their two frontends use them: the growth team's dashboard
// (a signed-in member or viewer) and the storefront (the publishable key alone).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, type Client, serviceClient, userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import type { Database } from "../../types/database.ts";
import { loadExperimentResults } from "../frontend/growth-dashboard.ts";

type Assignment = Database["public"]["Views"]["experiment_assignment_row"]["Row"];
type ResultRow = Database["public"]["Tables"]["experiment_results"]["Row"];

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
let viewer: Client;
let storefront: Client;
let experimentId: string;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
  viewer = await userClient(ws.people.viewer.jwt);
  storefront = await anonClient();
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

/** What a storefront renders: the variant's key, or the control when the visitor is outside. */
function variantToShow(a: Assignment | null): string {
  return a?.variant_key ?? "control";
}

describe("the dashboard sets up an experiment", () => {
  it("creates an experiment and its variants, and refuses to start with weights that do not sum to 100", async () => {
    const created = await member.from("experiments").insert({
      workspace_id: ws.id, key: "hero", name: "Hero image", goal_event: "add_to_cart", primary_metric: "conversion_rate",
      sequential_testing: false,
    }).select("*").single();
    expect(created.status).toBe(201);
    expect(created.data?.status).toBe("draft");
    experimentId = created.data!.id;
    const variants = await member.from("experiment_variants").insert([
      { workspace_id: ws.id, experiment_id: experimentId, key: "control", name: "Packshot", weight: 50, is_control: true },
      { workspace_id: ws.id, experiment_id: experimentId, key: "lifestyle", name: "Lifestyle", weight: 40, is_control: false },
    ]).select("key, weight");
    expect(variants.status).toBe(201);

    const refused = await member.from("experiments").update({ status: "running" }).eq("id", experimentId).select("status");
    expect(refused.status).toBe(400);
    expect(refused.error?.code).toBe("22023");
    expect(refused.error?.message).toContain("sum to 90.00");

    await member.from("experiment_variants").update({ weight: 50 }).eq("experiment_id", experimentId).eq("key", "lifestyle");
    const started = await member.from("experiments").update({ status: "running" }).eq("id", experimentId).select("status, started_at").single();
    expect(started.error).toBeNull();
    expect(started.data?.status).toBe("running");
    expect(started.data?.started_at).not.toBeNull();
  });

  it("answers 409 for a transition the status machine forbids and keeps variants frozen while running", async () => {
    const back = await member.from("experiments").update({ status: "draft" }).eq("id", experimentId).select("id");
    expect(back.status).toBe(409);
    expect(back.error?.code).toBe("PT409");
    const reweigh = await member.from("experiment_variants").update({ weight: 70 }).eq("experiment_id", experimentId)
      .eq("key", "control").select("id");
    expect(reweigh.status).toBe(409);
  });

  it("lets a viewer read but not change it", async () => {
    const { data } = await viewer.from("experiments").select("*").eq("id", experimentId);
    expect(data).toHaveLength(1);
    const denied = await viewer.from("experiments").update({ name: "x" }).eq("id", experimentId).select("id");
    expect(denied.data ?? []).toEqual([]);
  });
});

describe("the storefront assigns and tracks with the publishable key", () => {
  it("gets a sticky variant for a visitor", async () => {
    const first = await storefront.rpc("assign_experiment", {
      p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "flow-visitor-1", p_context: { country: "US" },
    });
    expect(first.error).toBeNull();
    expect(first.data?.in_experiment).toBe(true);
    expect(["control", "lifestyle"]).toContain(variantToShow(first.data));
    for (let i = 0; i < 3; i++) {
      const again = await storefront.rpc("assign_experiment", {
        p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "flow-visitor-1",
      });
      expect(again.data).toEqual(first.data);
    }
  });

  it("answers 404 for an unknown experiment key and 400 for a malformed visitor id", async () => {
    const unknown = await storefront.rpc("assign_experiment", {
      p_workspace_id: ws.id, p_experiment_key: "nope", p_visitor_id: "flow-visitor-1",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe("PT404");
    const malformed = await storefront.rpc("assign_experiment", {
      p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "spaces are not allowed",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.error?.code).toBe("22023");
  });

  it("tracks events of assigned visitors only, with non-negative values", async () => {
    const ok = await storefront.rpc("track_experiment_event", {
      p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "flow-visitor-1", p_event_type: "add_to_cart",
      p_value_cents: 2800, p_currency: "USD",
    });
    expect(ok.error).toBeNull();
    expect(typeof ok.data).toBe("number");
    const stranger = await storefront.rpc("track_experiment_event", {
      p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "never-assigned", p_event_type: "exposure",
    });
    expect(stranger.status).toBe(409);
    expect(stranger.error?.code).toBe("PT409");
    const negative = await storefront.rpc("track_experiment_event", {
      p_workspace_id: ws.id, p_experiment_key: "hero", p_visitor_id: "flow-visitor-1", p_event_type: "add_to_cart",
      p_value_cents: -1,
    });
    expect(negative.status).toBe(400);
    expect(negative.error?.code).toBe("22023");
    const [{ n }] = await sql`select count(*)::int as n from public.experiment_events where workspace_id = ${ws.id}`;
    expect(n).toBe(1);
  });

  it("reads no table", async () => {
    const r = await storefront.from("experiments").select("*");
    expect(r.status).toBe(401);
    expect(r.error?.code).toBe("42501");
  });
});

describe("orders and results", () => {
  it("turns an order carrying the visitor id into one purchase, however often it arrives", async () => {
    const service = await serviceClient();
    const order = [{
      shopify_order_id: `flow-${ws.tag}`, currency: "USD", total_price_cents: 5600, processed_at: new Date().toISOString(),
      visitor_id: "flow-visitor-1",
    }];
    for (let i = 0; i < 2; i++) {
      const r = await service.rpc("upsert_orders", { p_workspace_id: ws.id, p_orders: order });
      expect(r.error).toBeNull();
    }
    const { data } = await viewer.from("experiment_events").select("event_type, value_cents").eq("event_type", "purchase");
    expect(data).toEqual([{ event_type: "purchase", value_cents: 5600 }]);
  });

  it("shows live results to a viewer, with nulls where a statistic is undefined", async () => {
    const { data, error } = await viewer.rpc("get_experiment_results", { p_experiment_id: experimentId });
    expect(error).toBeNull();
    const rows = data as ResultRow[];
    expect(rows.map((r) => r.variant_key).sort()).toEqual(["control", "lifestyle"]);
    const total = rows.reduce((s, r) => s + r.visitors, 0);
    expect(total).toBe(1);
    // one visitor: no test is possible, and the types say so
    const pValues: (number | null)[] = rows.map((r) => r.p_value);
    expect(pValues).toEqual([null, null]);
    // the experiment page renders that without throwing
    const page = await loadExperimentResults(viewer, experimentId);
    expect(page.map((v) => [v.variant, v.pValue, v.verdict])).toEqual(
      expect.arrayContaining([["control", "—", "control"], ["lifestyle", "—", "inconclusive"]]),
    );
  });
});
