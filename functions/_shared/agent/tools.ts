// The agents' tool registry: every tool is declared once with a zod schema (sent to the model as
// a JSON schema) and runs as the run's acting member under RLS, confined to the run's workspace
// (ToolContext.asMember sets the agent_run claims). Kinds:
//   read     reads through RLS (dashboards, orders, reviews, knowledge, experiments, attribution ...)
//   propose  files an approval request through private.propose_from_agent_run; nothing else
//   memory   stores a fact in the agent's own knowledge collection (public.add_agent_memory)
//   output   the run's result (a briefing, insights ...): ends the loop with its arguments
// No tool has a side effect outside the database: changes outside happen only after a person
// approves, through the approval executor.
import { z } from "zod";
import type { Tx } from "../db.ts";
import type { ToolCall, ToolDefinition } from "../llm.ts";

export type ToolKind = "read" | "propose" | "memory" | "output";

export interface ToolContext {
  workspaceId: string;
  runId: string;
  agentId: string;
  /** SQL as the run's acting member under RLS, seeing only the run's workspace, at most as a member. */
  asMember<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A knowledge search as the acting member (the knowledge-search function's path). */
  search(
    query: string,
    count: number,
  ): Promise<{ id: string; content: string; title?: string | null; score?: number }[]>;
  /** Sources numbered for citations: [n] in an answer names chunk sources[n - 1]. */
  sources: string[];
  today: string;
}

export interface Tool<A = unknown> {
  name: string;
  description: string;
  kind: ToolKind;
  schema: z.ZodType<A>;
  run(args: A, ctx: ToolContext): Promise<unknown>;
}

// deno-lint-ignore no-explicit-any
export type AnyTool = Tool<any>;

export function defineTool<S extends z.ZodType>(t: {
  name: string;
  description: string;
  kind: ToolKind;
  schema: S;
  run(args: z.infer<S>, ctx: ToolContext): Promise<unknown>;
}): Tool<z.infer<S>> {
  return t as Tool<z.infer<S>>;
}

/** The tools as the chat completions API takes them. */
export function toolDefinitions(tools: AnyTool[]): ToolDefinition[] {
  return tools.map((t) => {
    const { $schema: _drop, ...parameters } = z.toJSONSchema(t.schema, { io: "input" }) as Record<string, unknown>;
    return { type: "function", function: { name: t.name, description: t.description, parameters } };
  });
}

export type CallOutcome =
  | { ok: true; tool: AnyTool; args: unknown; result: unknown }
  | { ok: false; error: string };

/** Runs one tool call the model made: unknown tools, malformed JSON and invalid arguments come back as errors it can read. */
export async function runToolCall(call: ToolCall, tools: Map<string, AnyTool>, ctx: ToolContext): Promise<CallOutcome> {
  const tool = tools.get(call.name);
  if (!tool) {
    return {
      ok: false,
      error: `no tool named ${call.name} is available to you; you have: ${[...tools.keys()].join(", ")}`,
    };
  }
  let raw: unknown;
  try {
    raw = call.arguments.trim() === "" ? {} : JSON.parse(call.arguments);
  } catch {
    return { ok: false, error: `the arguments of ${call.name} are not valid JSON; send one JSON object` };
  }
  const parsed = tool.schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`);
    return { ok: false, error: `invalid arguments for ${call.name}: ${issues.join("; ")}` };
  }
  if (tool.kind === "output") return { ok: true, tool, args: parsed.data, result: { accepted: true } };
  try {
    return { ok: true, tool, args: parsed.data, result: await tool.run(parsed.data, ctx) };
  } catch (e) {
    return { ok: false, error: `${call.name} failed: ${toolErrorMessage(e)}` };
  }
}

/** A database or tool error as the model should read it (PostgreSQL's message, not a stack). */
export function toolErrorMessage(e: unknown): string {
  const err = e as { message?: string; detail?: string };
  return String(err?.message ?? e).slice(0, 500);
}
