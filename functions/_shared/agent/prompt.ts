// The system prompt of a run, from what private.agent_run_context returns: who the agent is (role,
// description, the admin's own instructions, personality), the workspace and its recent figures,
// the rules every agent follows, what it may propose, examples it learned from, and what this
// kind of run must hand in.
import { type ActionKind } from "../actions/payloads.ts";
import { UNTRUSTED_RULE } from "./untrusted.ts";

export type RunKind =
  | "task"
  | "chat"
  | "ceo_briefing"
  | "report_commentary"
  | "anomaly_insights"
  | "campaign_prediction"
  | "generated_content";

export interface RunContext {
  run: {
    id: string;
    kind: RunKind;
    trigger: string;
    input: Record<string, unknown>;
    model: string;
    model_id: string;
    chat_session_id: string | null;
    acting_user_id: string;
  };
  agent: {
    id: string;
    key: string;
    name: string;
    role: string;
    description: string | null;
    system_prompt: string | null;
    temperature: number | null;
    max_output_tokens: number | null;
    formality: number;
    verbosity: number;
    warmth: number;
    greeting: string | null;
    signature: string | null;
    capabilities: string[];
    allowed_actions: ActionKind[];
  };
  workspace: {
    id: string;
    name: string;
    shop_domain: string | null;
    today: string;
    currency: string | null;
    last_7_days: unknown;
  };
  limits: {
    max_steps: number;
    max_run_tokens: number;
    max_run_seconds: number;
    max_proposals_per_run: number;
    monthly_budget_micros: number;
    spent_micros: number;
  };
  examples: { kind: string; input: string; expected: string; approved: boolean | null }[];
  patterns: unknown[];
}

const scale = (v: number, low: string, high: string) => v <= 33 ? low : v >= 67 ? high : `between ${low} and ${high}`;

export const HAND_IN: Record<RunKind, string | null> = {
  task: null,
  chat: null,
  ceo_briefing:
    "Write the daily CEO briefing for the period in the input: numbers first, then why, then what needs a decision. Finish by calling submit_briefing.",
  report_commentary:
    "Comment on the weekly autopilot report in the input: what happened, what stands out, what to do next. Finish by calling submit_commentary.",
  anomaly_insights:
    "Explain the anomalies in the input: for each that matters, the likely reason and what to do. Finish by calling submit_insights.",
  campaign_prediction:
    "Forecast the campaigns in the input for the period in the input from their history. Finish by calling submit_predictions.",
  generated_content:
    "Write the draft the calendar entry in the input needs, in the brand's voice (search the knowledge base for it). Finish by calling submit_content.",
};

export function systemPrompt(c: RunContext): string {
  const a = c.agent;
  const lines = [
    `You are ${a.name}, the ${a.role} agent of ${c.workspace.name}${
      c.workspace.shop_domain ? ` (${c.workspace.shop_domain})` : ""
    }.`,
    a.description ?? "",
    a.system_prompt ? `Your instructions from the team: ${a.system_prompt}` : "",
    `Personality: ${scale(a.formality, "casual", "formal")}, ${scale(a.verbosity, "terse", "expansive")}, ${
      scale(a.warmth, "matter-of-fact", "warm")
    }.${a.greeting ? ` Greet with "${a.greeting}".` : ""}${a.signature ? ` Sign with "${a.signature}".` : ""}`,
    `Today is ${c.workspace.today} (UTC). Money is in cents${
      c.workspace.currency ? ` of ${c.workspace.currency}` : ""
    }.`,
    `The last 7 days: ${JSON.stringify(c.workspace.last_7_days)}.`,
    "",
    "Rules:",
    `- ${UNTRUSTED_RULE}`,
    "- You only see this workspace; there is no other.",
    a.allowed_actions.length
      ? `- You never change anything yourself. To act, call a propose_* tool: it files a request that a person approves or rejects. You may propose only: ${
        a.allowed_actions.join(", ")
      }. At most ${c.limits.max_proposals_per_run} proposals per run.`
      : "- You never change anything and you may not propose actions: read, think and answer.",
    "- Use the tools for facts; do not invent figures. Say so when data is missing.",
    c.run.kind === "chat"
      ? "- When you use the knowledge base, cite sources as [n] with the numbers search_knowledge gave."
      : "",
    HAND_IN[c.run.kind] ? `- ${HAND_IN[c.run.kind]}` : "",
  ];
  if (c.examples.length) {
    lines.push("", "What the team approved or corrected before (learn from it):");
    for (const e of c.examples) {
      lines.push(
        `- ${e.approved === false ? "Corrected" : "Approved"}: ${e.input.slice(0, 400)} => ${e.expected.slice(0, 400)}`,
      );
    }
  }
  if (c.patterns.length) lines.push("", `Patterns learned: ${JSON.stringify(c.patterns).slice(0, 2000)}`);
  return lines.filter((l) => l !== "").join("\n");
}

/** The first user message of a run that is not a chat: the task or the scheduled job's input. */
export function taskMessage(c: RunContext): string {
  const input = c.run.input ?? {};
  if (c.run.kind === "task") {
    const task = typeof input.task === "string" ? input.task : JSON.stringify(input);
    return `Task from the team: ${task}`;
  }
  return `Input (${c.run.kind}): ${JSON.stringify(input)}`;
}
