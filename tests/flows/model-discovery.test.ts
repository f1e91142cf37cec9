// Model discovery end to end: the model-discovery function lists the configured OpenAI-compatible
// endpoint's models (GET /v1/models through the openai SDK) into the registry, keeping the prices
// and types it has, leaving out what is not a chat model and marking new models for review; its
// failures are failed runs (a 429's Retry-After honoured by when the next run is due); pg_cron's
// wake-up reaches the function through pg_net when a run is due; every signed-in user sees the
// source's status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../helpers/analytics.ts";
import { userClient } from "../helpers/api.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { api, dropWorkspace, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const openai = new FakeOpenAi();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let known: { model: string; model_type: string; input_price_per_mtok_micros: string; is_active: boolean; is_default: boolean }[];
const NEW = ["gpt-5.5-preview", "gpt-5.5-mini"];
let cronWasActive = true;

const discover = async () => {
  const r = await fetch(`${api}/functions/v1/model-discovery`, {
    method: "POST",
    headers: { authorization: `Bearer ${await serviceKey()}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(r.status).toBe(200);
  return await r.json() as { status: string; runId: string; models?: number; error?: string; retryAt?: string };
};

beforeAll(async () => {
  // pg_cron's model-discovery job (every 15 minutes, waking the function when a run is due) would
  // be a second caller changing what is due under these tests: pause it, and let a wake-up it has
  // already sent finish its run (the last tick that woke the function has a run started after it).
  const [job] = await sql`select active from cron.job where jobname = 'model-discovery'`;
  cronWasActive = job.active;
  await sql`update cron.job set active = false where jobname = 'model-discovery'`;
  await waitFor("the scheduler's last model discovery wake-up to finish its run", async () => {
    const [tick] = await sql`select d.status, d.start_time, d.return_message from cron.job_run_details d
      join cron.job j using (jobid) where j.jobname = 'model-discovery' order by d.start_time desc limit 1`;
    if (!tick) return true;
    if (!["succeeded", "failed"].includes(tick.status)) return false;
    if (tick.status === "failed" || tick.return_message !== "SELECT 1") return true; // nothing was woken
    return (await sql`select 1 from public.ai_model_discovery_runs where started_at >= ${tick.start_time}`).length > 0;
  }, 120_000);
  await openai.start();
  ws = await workspaceWithRoles(sql);
  known = await sql`select model, model_type::text, input_price_per_mtok_micros::text, is_active, is_default
    from public.ai_models where provider = 'openai' order by model` as never;
  openai.models = [...known.map((m) => m.model), ...NEW, "text-embedding-3-small", "whisper-1", "dall-e-3", "tts-1-hd", "omni-moderation-latest"];
}, 150_000);
afterAll(async () => {
  await sql`update cron.job set active = ${cronWasActive} where jobname = 'model-discovery'`;
  await sql`delete from public.ai_models where provider = 'openai' and model = any (${NEW})`;
  for (const m of known) {
    await sql`update public.ai_models set is_active = ${m.is_active}, is_default = ${m.is_default}, deprecated_at = null
      where provider = 'openai' and model = ${m.model}`;
  }
  await dropWorkspace(sql, ws.tag);
  await openai.stop();
  await sql.end();
});

describe("model discovery", () => {
  it("refreshes the registry from the endpoint's list: prices and types kept, new chat models marked for review", async () => {
    const out = await discover();
    expect(out).toMatchObject({ status: "succeeded", models: known.length + NEW.length });
    const rows = await sql`select model, model_type::text, input_price_per_mtok_micros::text, is_active, needs_review, last_seen_at
      from public.ai_models where provider = 'openai' order by model`;
    for (const k of known) {
      const r = rows.find((x) => x.model === k.model)!;
      // gpt-4.1 is legacy in the registry though its id reads like a flagship: the registry wins
      expect([r.model_type, r.input_price_per_mtok_micros, r.is_active, r.needs_review]).toEqual([k.model_type, k.input_price_per_mtok_micros, true, false]);
      expect(Date.now() - new Date(r.last_seen_at).getTime()).toBeLessThan(60_000);
    }
    expect(rows.filter((r) => NEW.includes(r.model)).map((r) => [r.model, r.model_type, r.input_price_per_mtok_micros, r.needs_review]))
      .toEqual([["gpt-5.5-mini", "fast", "0", true], ["gpt-5.5-preview", "flagship", "0", true]]);
    expect(rows.some((r) => /embedding|whisper|dall-e|tts|moderation/.test(r.model))).toBe(false);
    const [run] = await sql`select status::text, models_added, details from public.ai_model_discovery_runs where id = ${out.runId}`;
    expect(run).toMatchObject({ status: "succeeded", models_added: 2 });
    expect(run.details.needs_review).toEqual(["openai/gpt-5.5-mini", "openai/gpt-5.5-preview"]);
  });

  it("every signed-in user sees the source's status; the service reviews a new model", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const s = await viewer.from("model_discovery_status").select("*").single();
    expect(s.error).toBeNull();
    expect(s.data).toMatchObject({ last_status: "succeeded", consecutive_failures: 0, due_now: false, models_needing_review: 2 });
    const [m] = await sql`select id from public.ai_models where model = 'gpt-5.5-mini'`;
    await sql`select private.review_ai_model(${m.id}, 'fast', 300000, 1200000)`;
    const [after] = await sql`select needs_review, is_active, output_price_per_mtok_micros::int from public.ai_models where id = ${m.id}`;
    expect(after).toEqual({ needs_review: false, is_active: true, output_price_per_mtok_micros: 1200000 });
  });

  it("a 429 is a failed run whose Retry-After decides when the next run is due", async () => {
    // every run a day and a half earlier (their order kept, so a failure before the last success
    // still does not count): the last success is a day and a half old and a run would be due now
    await sql`update public.ai_model_discovery_runs set started_at = started_at - interval '36 hours'`;
    expect((await sql`select private.model_discovery_due() as due`)[0].due).toBe(true);
    openai.modelsPlan = ["429"];
    openai.modelsRetryAfter = "7200";
    const out = await discover();
    expect(out.status).toBe("failed");
    expect(out.error).toMatch(/429/);
    expect(new Date(out.retryAt!).getTime() - Date.now()).toBeGreaterThan(7_100_000);
    const due = await sql`select private.model_discovery_due(now()) a, private.model_discovery_due(now() + interval '31 minutes') b,
      private.model_discovery_due(now() + interval '121 minutes') c`;
    expect(due[0]).toEqual({ a: false, b: false, c: true }); // the backoff alone would allow 31 minutes; Retry-After says two hours
    const viewer = await userClient(ws.people.viewer.jwt);
    const s = await viewer.from("model_discovery_status").select("last_status, consecutive_failures, due_now").single();
    expect(s.data).toEqual({ last_status: "failed", consecutive_failures: 1, due_now: false });
  });

  it("a refused key, a server error and an empty list are failed runs that leave the registry as it was", async () => {
    openai.modelsPlan = ["401", "500"];
    expect((await discover()).error).toMatch(/401/);
    expect((await discover()).error).toMatch(/500/);
    const saved = openai.models;
    openai.models = ["text-embedding-3-small"];
    expect((await discover()).error).toMatch(/no chat models/);
    openai.models = saved;
    const [n] = await sql`select count(*)::int n from public.ai_models where provider = 'openai' and is_active`;
    expect(n.n).toBe(known.filter((k) => k.is_active).length + NEW.length);
  });

  it("pg_cron's wake-up reaches the function when a run is due, and a success ends the failures", async () => {
    await sql`delete from public.ai_model_discovery_runs where status = 'failed' and started_at > now() - interval '1 hour'`;
    expect((await sql`select private.model_discovery_due() as due`)[0].due).toBe(true);
    const before = openai.modelsCalls;
    const [w] = await sql`select private.wake_model_discovery() as request_id`;
    expect(w.request_id).not.toBeNull();
    await waitFor("the woken run", async () => {
      const [r] = await sql`select status::text from public.ai_model_discovery_runs where started_at > now() - interval '1 minute'
        and status = 'succeeded'`;
      return r;
    });
    expect(openai.modelsCalls).toBe(before + 1);
    expect((await sql`select private.wake_model_discovery() as request_id`)[0].request_id).toBeNull(); // not due any more
  });
});
