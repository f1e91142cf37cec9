// The agent loop, shared by runs and chat: call the model with the tools, run the tool calls it
// makes (as the run's member, under RLS), feed the results back, until it answers, hands in its
// output (an output tool), or a bound stops it: steps (model calls), tokens, wall time, or the
// workspace's monthly budget, checked after every call from what the call was logged to cost.
// Every call is logged (tokens, latency, cost), failed ones included. A 429 or 5xx is retried
// after the time the endpoint asks for (or a short backoff) while time remains; malformed tool
// arguments, unknown tools and failing tools come back to the model as errors it can correct.
import { type Completion, type Llm, LlmError, type Message, toLlmError } from "../llm.ts";
import { type AnyTool, runToolCall, type ToolContext, toolDefinitions } from "./tools.ts";

export interface Logged {
  queryId: number;
  costMicros: number;
  runTokens: number;
  monthSpentMicros: number;
  monthlyBudgetMicros: number;
  runStatus: string;
}

export interface CallRecord {
  purpose: string;
  succeeded: boolean;
  usage: Completion["usage"];
  latencyMs: number;
  request: unknown;
  response: unknown;
  error?: string;
}

export interface LoopDeps {
  llm: Llm;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Logs one model call (private.record_agent_query) and returns the run's and month's totals. */
  record(call: CallRecord): Promise<Logged>;
}

export interface LoopInput {
  model: string;
  temperature?: number;
  maxOutputTokens?: number;
  messages: Message[];
  tools: AnyTool[];
  ctx: ToolContext;
  limits: { maxSteps: number; maxTokens: number; deadline: number };
  /** The run must end by calling an output tool (scheduled kinds). */
  requiresOutput: boolean;
  /** A refusal is the answer (chat shows it); otherwise it fails the run. */
  refusalIsAnswer?: boolean;
  /** Streamed answer text (chat). */
  onText?: (delta: string) => void;
  /** Tool calls as they happen (chat shows them). */
  onTool?: (e: { name: string; ok: boolean; error?: string }) => void;
}

export type LoopResult =
  | { ok: true; steps: number; output: Record<string, unknown>; answer: string; refused?: boolean; proposals: string[] }
  | { ok: false; steps: number; error: string; answer: string; proposals: string[] };

const MAX_RETRIES_PER_STEP = 2;

const usd = (micros: number) => `$${(micros / 1e6).toFixed(2)}`;

function summariseRequest(model: string, messages: Message[], tools: AnyTool[]) {
  const last = messages[messages.length - 1];
  return {
    model,
    messages: messages.length,
    last: {
      role: last?.role,
      content: typeof last?.content === "string" ? last.content.slice(0, 4000) : last?.content,
    },
    tools: tools.map((t) => t.name),
  };
}

function summariseResponse(c: Completion) {
  return {
    content: c.content.slice(0, 8000),
    refusal: c.refusal,
    tool_calls: c.toolCalls.map((t) => ({ name: t.name, arguments: t.arguments.slice(0, 4000) })),
    finish_reason: c.finishReason,
  };
}

export async function runLoop(d: LoopDeps, i: LoopInput): Promise<LoopResult> {
  const messages = [...i.messages];
  const tools = new Map(i.tools.map((t) => [t.name, t]));
  const definitions = toolDefinitions(i.tools);
  const proposals: string[] = [];
  let steps = 0;
  let answer = "";
  let reminded = false;
  const fail = (error: string): LoopResult => ({ ok: false, steps, error, answer, proposals });

  for (;;) {
    if (steps >= i.limits.maxSteps) return fail(`the run used its ${i.limits.maxSteps} model calls without finishing`);
    let completion: Completion | undefined;
    let latencyMs = 0;
    for (let attempt = 0;; attempt++) {
      const left = i.limits.deadline - d.now();
      if (left <= 0) return fail("the run ran out of time before it finished");
      const t0 = d.now();
      try {
        completion = await d.llm.complete(
          {
            model: i.model,
            messages,
            tools: definitions,
            temperature: i.temperature,
            maxTokens: i.maxOutputTokens,
          },
          i.onText,
          AbortSignal.timeout(left),
        );
      } catch (e) {
        const err = toLlmError(e);
        steps++;
        const logged = await d.record({
          purpose: "agent step",
          succeeded: false,
          usage: { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 },
          latencyMs: d.now() - t0,
          request: summariseRequest(i.model, messages, i.tools),
          response: null,
          error: err.message,
        });
        if (logged.runStatus !== "running") return fail(`the run was ${logged.runStatus}`);
        const wait = err.retryAfterMs ?? 500 * 2 ** attempt;
        if (
          err.retryable && attempt < MAX_RETRIES_PER_STEP && steps < i.limits.maxSteps &&
          d.now() + wait < i.limits.deadline
        ) {
          await d.sleep(wait);
          continue;
        }
        return fail(err.message);
      }
      latencyMs = d.now() - t0;
      break;
    }

    steps++;
    const logged = await d.record({
      purpose: completion.toolCalls.length ? "agent step (tool calls)" : "agent answer",
      succeeded: true,
      usage: completion.usage,
      latencyMs,
      request: summariseRequest(i.model, messages, i.tools),
      response: summariseResponse(completion),
    });
    if (logged.runStatus !== "running") return fail(`the run was ${logged.runStatus}`);
    if (logged.monthSpentMicros >= logged.monthlyBudgetMicros) {
      return fail(
        `the workspace's monthly AI budget is spent (${usd(logged.monthSpentMicros)} of ${
          usd(logged.monthlyBudgetMicros)
        }); the run stopped`,
      );
    }
    if (logged.runTokens >= i.limits.maxTokens) {
      return fail(`the run used ${logged.runTokens} tokens, its limit is ${i.limits.maxTokens}`);
    }

    if (completion.refusal) {
      answer = completion.refusal;
      if (!i.refusalIsAnswer) return fail(`the model refused: ${completion.refusal.slice(0, 1000)}`);
      return { ok: true, steps, output: { refused: true }, answer, refused: true, proposals };
    }

    if (completion.toolCalls.length) {
      messages.push({
        role: "assistant",
        content: completion.content || null,
        tool_calls: completion.toolCalls.map((c) => ({
          id: c.id,
          type: "function" as const,
          function: { name: c.name, arguments: c.arguments },
        })),
      });
      let handedIn: Record<string, unknown> | null = null;
      for (const call of completion.toolCalls) {
        const out = await runToolCall(call, tools, i.ctx);
        i.onTool?.({ name: call.name, ok: out.ok, error: out.ok ? undefined : out.error });
        if (out.ok && out.tool.kind === "output" && !handedIn) handedIn = out.args as Record<string, unknown>;
        if (out.ok && out.tool.kind === "propose") {
          const id = (out.result as { approval_id?: string })?.approval_id;
          if (id) proposals.push(id);
        }
        messages.push({
          role: "tool",
          tool_call_id: call.id,
          content: JSON.stringify(out.ok ? out.result : { error: out.error }).slice(0, 60_000),
        });
      }
      if (handedIn) return { ok: true, steps, output: handedIn, answer: completion.content, proposals };
      continue;
    }

    answer = completion.content;
    if (i.requiresOutput) {
      if (reminded) return fail("the model answered without handing in its result through the output tool");
      reminded = true;
      messages.push({ role: "assistant", content: completion.content });
      messages.push({ role: "user", content: "Hand in your result by calling the output tool now." });
      continue;
    }
    return { ok: true, steps, output: { answer }, answer, proposals };
  }
}

export { LlmError };
