// A run's session with the database: the tool context (SQL as the run's acting member under the
// agent_run claims, knowledge search on the same path), the call logger, and running a claimed
// run from its context to finish_agent_run. Shared by the agent-runner and agent-chat functions.
import type { UserClaims } from "../auth.ts";
import { asService, asUser, type Sql } from "../db.ts";
import type { EmbeddingDeps } from "../embedding_provider.ts";
import { searchKnowledge } from "../knowledge_search.ts";
import type { Llm, Message } from "../llm.ts";
import type { ActionKind } from "../actions/payloads.ts";
import { type CallRecord, type Logged, type LoopResult, runLoop } from "./loop.ts";
import { OUTPUT_TOOLS, remember } from "./output_tools.ts";
import { type RunContext, systemPrompt, taskMessage } from "./prompt.ts";
import { proposalTools } from "./propose_tools.ts";
import { READ_TOOLS, searchKnowledgeTool } from "./read_tools.ts";
import type { AnyTool, ToolContext } from "./tools.ts";

export interface AgentDeps {
  sql: Sql;
  llm: Llm;
  embedding: EmbeddingDeps;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Seconds a run's lease lasts past each model call. */
  leaseSeconds: number;
}

/** The claims a run's tools act under: the acting member, confined to the run's workspace. */
export function runClaims(c: { acting_user_id: string; run_id: string; workspace_id: string }): UserClaims {
  return {
    sub: c.acting_user_id,
    role: "authenticated",
    agent_run: { id: c.run_id, workspace_id: c.workspace_id },
  } as UserClaims;
}

export function toolContext(d: AgentDeps, ctx: RunContext, workspaceId: string): ToolContext {
  const claims = runClaims({ acting_user_id: ctx.run.acting_user_id, run_id: ctx.run.id, workspace_id: workspaceId });
  const asMember = <T>(fn: Parameters<ToolContext["asMember"]>[0]) => asUser(d.sql, claims, fn) as Promise<T>;
  return {
    workspaceId,
    runId: ctx.run.id,
    agentId: ctx.agent.id,
    today: ctx.workspace.today,
    sources: [],
    asMember,
    async search(query, count) {
      const r = await searchKnowledge(d.embedding, (fn) => asUser(d.sql, claims, fn), {
        workspaceId,
        query,
        mode: "hybrid",
        matchCount: count,
        minSimilarity: 0,
        fullTextWeight: 1,
        semanticWeight: 1,
      });
      return r.results.map((x) => ({
        id: x.id as string,
        content: x.content as string,
        title: x.document_title as string | null,
      }));
    },
  };
}

export function recorder(d: AgentDeps, runId: string): (c: CallRecord) => Promise<Logged> {
  return async (c) => {
    const [r] = await asService(
      d.sql,
      (tx) =>
        tx`select * from private.record_agent_query(${runId}, ${c.purpose}, ${c.succeeded}, ${c.usage.inputTokens},
           ${c.usage.cachedInputTokens}, ${c.usage.outputTokens}, ${Math.round(c.latencyMs)},
           ${tx.json((c.request ?? {}) as never)}, ${c.response === null ? null : tx.json(c.response as never)},
           ${c.error ?? null}, ${d.leaseSeconds})`,
    );
    return {
      queryId: Number(r.query_id),
      costMicros: Number(r.cost_micros),
      runTokens: Number(r.run_tokens),
      monthSpentMicros: Number(r.month_spent_micros),
      monthlyBudgetMicros: Number(r.monthly_budget_micros),
      runStatus: r.run_status as string,
    };
  };
}

/** The tools a run of this kind gets: reads, the output tool of its kind, memory, and the proposals its agent may file. */
export function toolsFor(ctx: RunContext): AnyTool[] {
  const kind = ctx.run.kind;
  if (kind === "generated_content") return [searchKnowledgeTool, OUTPUT_TOOLS[kind]];
  const tools: AnyTool[] = [...READ_TOOLS];
  if (OUTPUT_TOOLS[kind]) tools.push(OUTPUT_TOOLS[kind]);
  if (kind === "task" || kind === "chat" || kind === "anomaly_insights") {
    tools.push(...proposalTools(ctx.agent.allowed_actions as ActionKind[]));
  }
  if (kind === "task" || kind === "chat") tools.push(remember);
  return tools;
}

export async function loadContext(d: AgentDeps, runId: string): Promise<RunContext> {
  const [row] = await asService(d.sql, (tx) => tx`select private.agent_run_context(${runId}) as ctx`);
  return row.ctx as RunContext;
}

/** Runs the loop for a running run of any kind but chat. */
export async function workRun(d: AgentDeps, runId: string, workspaceId: string): Promise<LoopResult> {
  const ctx = await loadContext(d, runId);
  const messages: Message[] = [
    { role: "system", content: systemPrompt(ctx) },
    { role: "user", content: taskMessage(ctx) },
  ];
  return await runLoop({ llm: d.llm, now: d.now, sleep: d.sleep, record: recorder(d, runId) }, {
    model: ctx.run.model,
    temperature: ctx.agent.temperature ?? undefined,
    maxOutputTokens: ctx.agent.max_output_tokens ?? undefined,
    messages,
    tools: toolsFor(ctx),
    ctx: toolContext(d, ctx, workspaceId),
    limits: {
      maxSteps: ctx.limits.max_steps,
      maxTokens: ctx.limits.max_run_tokens,
      deadline: d.now() + ctx.limits.max_run_seconds * 1000,
    },
    requiresOutput: ctx.run.kind !== "task",
  });
}

/** Records how a run ended (its output is stored where its kind goes). */
export async function finishRun(d: AgentDeps, runId: string, r: LoopResult): Promise<string> {
  const output = r.ok ? { ...r.output, ...(r.proposals.length ? { proposals: r.proposals } : {}) } : null;
  const [row] = await asService(
    d.sql,
    (tx) =>
      tx`select private.finish_agent_run(${runId}, ${r.ok}, ${output === null ? null : tx.json(output as never)},
         ${r.ok ? null : r.error}) as result`,
  );
  return (row.result as { status: string }).status;
}
