// The agent runtime worker: claims queued runs (private.claim_agent_runs: FOR UPDATE SKIP LOCKED,
// leased, each with its model from the registry and the member its tools act as), runs the loop
// for each (_shared/agent) and records how it ended (private.finish_agent_run stores the output
// where the run's kind goes). On the shared worker loop: woken by the database when a run is
// queued and by the minute sweeper. Body (optional): { limit?: 1-20, once?: boolean }.
import { z } from "zod";
import type { AuthConfig } from "../_shared/auth.ts";
import { asService } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";
import type { LoopResult } from "../_shared/agent/loop.ts";
import { type AgentDeps, finishRun, workRun } from "../_shared/agent/session.ts";

export interface Deps extends AgentDeps {
  auth: AuthConfig;
  /** A registry model every run uses instead of its agent's (AGENT_MODEL). */
  modelOverride?: string;
  budgetMs: number;
}

const Body = z.object({
  limit: z.number().int().min(1).max(20).default(4),
  once: z.boolean().default(false),
});

interface Claimed {
  run_id: string;
  workspace_id: string;
  kind: string;
}

export async function runAgents(req: Request, d: Deps): Promise<Reply> {
  const b = Body.parse(await acceptWorkerCall(req, d.auth));
  const totals = await drain(
    { sql: d.sql, name: "agent-runner", roundSize: b.limit, budgetMs: d.budgetMs, once: b.once, now: d.now },
    perRow<Claimed, LoopResult>({
      claim: (limit) =>
        asService(
          d.sql,
          (tx) =>
            tx`select run_id, workspace_id, kind from private.claim_agent_runs(${limit}, ${d.leaseSeconds},
               ${d.modelOverride ?? null})`,
        ) as unknown as Promise<Claimed[]>,
      work: async (run) => {
        try {
          return await workRun(d, run.run_id, run.workspace_id);
        } catch (e) {
          return {
            ok: false,
            steps: 0,
            error: `the runtime failed: ${(e as Error)?.message ?? e}`.slice(0, 2000),
            answer: "",
            proposals: [],
          };
        }
      },
      finish: (run, result) => finishRun(d, run.run_id, result),
      concurrency: 2,
    }),
  );
  return { status: 200, body: totals };
}
