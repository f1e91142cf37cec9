// Proposal tools: one per action kind the agent may propose (agents.allowed_actions). Each files
// a pending approval through private.propose_from_agent_run under the run's claims, which checks
// again that the agent may propose that kind, that the payload is valid and names rows of the
// run's workspace, and how many the run has filed. A person decides; the executor acts.
import { z } from "zod";
import { ACTION_DESCRIPTIONS, type ActionKind, Payloads } from "../actions/payloads.ts";
import { type AnyTool, defineTool } from "./tools.ts";

const Common = {
  title: z.string().trim().min(1).max(200).describe("what a person sees in the approval queue"),
  rationale: z.string().trim().min(1).max(4000).describe("why, with the figures behind it"),
  confidence: z.number().min(0).max(1).optional().describe("how sure you are, 0 to 1"),
  priority: z.enum(["low", "normal", "high", "urgent"]).default("normal"),
  expected_impact: z.record(z.string(), z.union([z.number(), z.string()])).optional()
    .describe('e.g. {"savings_cents_per_day": 5000}'),
};

export function proposalTool(kind: keyof typeof Payloads): AnyTool {
  return defineTool({
    name: `propose_${kind}`,
    kind: "propose",
    description: `${
      ACTION_DESCRIPTIONS[kind]
    } Files a request a person approves or rejects; nothing happens until then.`,
    schema: z.object({ ...Common, payload: Payloads[kind] }).strict(),
    run: async (a, ctx) => {
      const [row] = await ctx.asMember((tx) =>
        tx`select private.propose_from_agent_run(${kind}::public.approval_action, ${a.title}, ${
          tx.json(a.payload as never)
        },
             ${a.rationale}, ${a.confidence ?? null}, ${tx.json((a.expected_impact ?? {}) as never)},
             ${a.priority}::public.approval_priority) as approval_id`
      );
      return { filed: true, approval_id: row.approval_id, status: "pending: a person decides" };
    },
  });
}

/** The proposal tools of the kinds an agent may propose. */
export function proposalTools(allowed: ActionKind[]): AnyTool[] {
  return allowed.filter((k): k is keyof typeof Payloads => k in Payloads).map(proposalTool);
}
