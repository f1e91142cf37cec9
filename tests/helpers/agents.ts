// What the agent and executor flows share: connections with encrypted tokens as OAuth leaves
// them, ad accounts and campaigns, agents with what they may propose, the worker functions
// called as the database calls them, and the fake OpenAI server's chat scripts.
import type postgres from "postgres";
import { encryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { api, config, serviceKey } from "./stack.ts";

export { waitFor } from "./wait.ts";

type Provider = "meta" | "google_ads" | "tiktok" | "shopify" | "slack" | "chatwoot";

/** A connection holding an access token encrypted with the stack's key, as the oauth function stores it. */
export async function connection(sql: postgres.Sql, workspaceId: string, provider: Provider, account: string,
  token = `tok_${provider}_${crypto.randomUUID().slice(0, 8)}`, metadata: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const env = localIntegrationEnv(config);
  const ring = await loadKeyRing(env.GROWTHBASE_TOKEN_KEYS, env.GROWTHBASE_TOKEN_KEY_ID);
  const ciphertext = await encryptToken(ring, token);
  // One transaction: no worker woken by the connection sees it without its token. An ad
  // connection's sync schedule (queued by its trigger: a two-year backfill against these tests'
  // fakes) is switched off with its windows, so no sync marks the connection failing or throttled
  // while an executor test waits to claim work on it.
  const id = await sql.begin(async (tx) => {
    const [c] = await tx`insert into public.integration_connections (workspace_id, provider, external_account_id, metadata)
      values (${workspaceId}, ${provider}, ${account}, ${tx.json(metadata as never)}) returning id`;
    await tx`insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
      values (${c.id}, ${ciphertext}, ${env.GROWTHBASE_TOKEN_KEY_ID})`;
    await tx`update public.ad_sync_schedules set enabled = false where connection_id = ${c.id}`;
    await tx`delete from public.ad_sync_runs where connection_id = ${c.id}`;
    await tx`delete from private.connector_jobs where queue = 'ads_sync' and connection_id = ${c.id}`;
    return c.id as string;
  });
  return { id, token };
}

const PROVIDER = { meta: "meta", google: "google_ads", tiktok: "tiktok" } as const;

/** An ad account on a connection, with one campaign at a daily budget; returns our campaign id. */
export async function adCampaign(sql: postgres.Sql, workspaceId: string, platform: "meta" | "google" | "tiktok",
  o: { account: string; externalId: string; dailyBudgetCents: number; name?: string; connectionId?: string }) {
  const [existing] = await sql`select id from public.integration_connections
    where workspace_id = ${workspaceId} and provider = ${PROVIDER[platform]} and external_account_id = ${o.account}`;
  const connectionId = o.connectionId ?? existing?.id ?? (await connection(sql, workspaceId, PROVIDER[platform], o.account)).id;
  const [acct] = await sql`insert into public.ad_accounts (workspace_id, platform, external_account_id, currency, integration_connection_id)
    values (${workspaceId}, ${platform}, ${o.account}, 'USD', ${connectionId})
    on conflict (workspace_id, platform, external_account_id) do update set integration_connection_id = excluded.integration_connection_id
    returning id`;
  const [c] = await sql`insert into public.ad_campaigns (workspace_id, ad_account_id, platform, external_id, name, status, daily_budget_cents)
    values (${workspaceId}, ${acct.id}, ${platform}, ${o.externalId}, ${o.name ?? `Campaign ${o.externalId}`}, 'active', ${o.dailyBudgetCents})
    returning id`;
  return { campaignId: c.id as string, connectionId };
}

/** An agent of the workspace (created by its admin) and what it may propose. */
export async function agent(sql: postgres.Sql, workspaceId: string, createdBy: string, o: {
  name: string;
  allowed?: string[];
  capabilities?: string[];
  model?: string;
}) {
  const [a] = await sql`insert into public.agents (workspace_id, key, name, role, allowed_actions, capabilities, model_id, created_by)
    values (${workspaceId}, ${o.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}, ${o.name}, 'growth operations',
            ${(o.allowed ?? []) as never}::public.approval_action[], ${(o.capabilities ?? []) as never}::text[],
            (select id from public.ai_models where provider = 'openai' and model = ${o.model ?? "gpt-5"}), ${createdBy})
    returning id`;
  return a.id as string;
}

/** Calls a worker function with the secret key, as the database does. */
export async function callWorker(name: "agent-runner" | "approval-executor", body: Record<string, unknown> = {}) {
  const key = await serviceKey();
  const r = await fetch(`${api}/functions/v1/${name}`, {
    method: "POST",
    headers: { apikey: key, authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

/** A run's row. */
export async function runRow(sql: postgres.Sql, runId: string) {
  const [r] = await sql`select * from public.agent_runs where id = ${runId}`;
  return r;
}

/** Works queued runs until this one has finished; returns its row. */
export async function finishRunOf(sql: postgres.Sql, runId: string, ms = 40_000) {
  const until = Date.now() + ms;
  for (;;) {
    const r = await runRow(sql, runId);
    if (!["queued", "running"].includes(r.status)) return r;
    if (Date.now() > until) throw new Error(`run ${runId} did not finish: ${JSON.stringify(r)}`);
    if (r.status === "queued") await callWorker("agent-runner", { once: true });
    else await new Promise((t) => setTimeout(t, 150));
  }
}

/** Runs the executor until the approval has left approved and executing; returns its row. */
export async function settleApproval(sql: postgres.Sql, approvalId: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const [a] = await sql`select * from public.agent_approvals where id = ${approvalId}`;
    if (!["approved", "executing"].includes(a.status)) return a;
    if (Date.now() > until) throw new Error(`approval ${approvalId} did not settle: ${JSON.stringify(a)}`);
    // a job waiting out a backoff is made due: the test is not about the wait
    await sql`update private.connector_jobs set next_attempt_at = now()
      where queue = 'approval_actions' and status = 'queued' and payload ->> 'approval_id' = ${approvalId}`;
    await callWorker("approval-executor", { once: true });
    await new Promise((t) => setTimeout(t, 100));
  }
}

/** Reads a server-sent event stream into events. */
export async function readEvents(res: Response): Promise<{ event: string; data: Record<string, unknown>; at: number }[]> {
  const out: { event: string; data: Record<string, unknown>; at: number }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i: number;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const event = block.match(/^event: (.*)$/m)?.[1] ?? "message";
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (data) out.push({ event, data: JSON.parse(data), at: Date.now() });
    }
  }
  return out;
}
