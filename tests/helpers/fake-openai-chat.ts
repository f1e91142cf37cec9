// Chat completions for the fake OpenAI server, as the agents' runtime meets them: streamed as
// server-sent events (chat.completion.chunk objects, the usage in a last chunk when
// stream_options.include_usage asks for it, then [DONE]) or as one JSON answer. Tests script
// conversations: each script matches requests by a text that appears in their messages (an
// agent's name, a task) and answers them in order, one step per request:
//   { content }                       an answer, streamed in pieces (chunkDelayMs apart: slow streams)
//   { toolCalls: [{ name, arguments }] } tool calls (arguments as an object, or a raw string: malformed JSON)
//   { refusal }                       a refusal
//   { status: 429 | 500, retryAfter? } an error answer in OpenAI's shape
//   (req) => step                     decided from the request (e.g. reading a tool result)
// A request no script matches gets a short plain answer.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { function: { name: string; parameters: unknown } }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  authorization?: string;
}

export type Step =
  | { content: string; usage?: Usage; chunkDelayMs?: number }
  | { toolCalls: { name: string; arguments: unknown }[]; content?: string; usage?: Usage }
  | { refusal: string; usage?: Usage }
  | { status: 429 | 500 | 400; retryAfter?: number; message?: string }
  | ((req: ChatRequest) => Step);

interface Script {
  match: string;
  steps: Step[];
}

const DEFAULT_USAGE: Usage = { prompt_tokens: 1000, completion_tokens: 100 };

export class FakeChat {
  scripts: Script[] = [];
  /** Every chat request received, in order (with the step it got). */
  calls: { request: ChatRequest; matched: string | null; step: string }[] = [];

  /** Answers requests whose messages contain `match` with these steps, in order. */
  script(match: string, ...steps: Step[]): void {
    this.scripts.push({ match, steps });
  }

  reset(): void {
    this.scripts = [];
    this.calls = [];
  }

  /** Requests a script received. */
  callsFor(match: string) {
    return this.calls.filter((c) => c.matched === match);
  }

  /** The tool names offered in a request. */
  static toolNames(r: ChatRequest): string[] {
    return (r.tools ?? []).map((t) => t.function.name);
  }

  /** The last tool result in a request (parsed), for steps decided from what a tool returned. */
  static lastToolResult(r: ChatRequest): unknown {
    const m = [...r.messages].reverse().find((x) => x.role === "tool");
    return m ? JSON.parse(String(m.content)) : undefined;
  }

  /** Whether a script would answer this request body. */
  matches(body: string): boolean {
    const text = JSON.stringify((JSON.parse(body) as ChatRequest).messages);
    return this.scripts.some((s) => s.steps.length > 0 && text.includes(s.match));
  }

  answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const r = JSON.parse(body) as ChatRequest;
    r.authorization = req.headers.authorization;
    const text = JSON.stringify(r.messages);
    const script = this.scripts.find((s) => s.steps.length > 0 && text.includes(s.match));
    let step: Step = script?.steps.shift() ?? { content: "Nothing scripted for this." };
    while (typeof step === "function") step = step(r);
    this.calls.push({ request: r, matched: script?.match ?? null, step: Object.keys(step).join(",") });
    void this.play(r, res, step);
  }

  private async play(r: ChatRequest, res: ServerResponse, step: Exclude<Step, (req: ChatRequest) => Step>): Promise<void> {
    if ("status" in step) {
      const type = step.status === 429 ? "requests" : step.status === 500 ? "server_error" : "invalid_request_error";
      res.writeHead(step.status, { "content-type": "application/json", ...(step.retryAfter !== undefined ? { "retry-after": String(step.retryAfter) } : {}) });
      res.end(JSON.stringify({ error: { message: step.message ?? `fake ${step.status}`, type, code: step.status === 429 ? "rate_limit_exceeded" : null } }));
      return;
    }
    const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = step.usage ?? DEFAULT_USAGE;
    const usageJson = {
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: usage.completion_tokens,
      total_tokens: usage.prompt_tokens + usage.completion_tokens,
      prompt_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
    };
    const calls = "toolCalls" in step
      ? step.toolCalls.map((c, i) => ({
        index: i,
        id: `call_${i}_${Math.random().toString(36).slice(2, 8)}`,
        type: "function",
        function: { name: c.name, arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments) },
      }))
      : [];
    const content = "content" in step ? step.content ?? "" : "";
    const refusal = "refusal" in step ? step.refusal : null;
    const finish = calls.length ? "tool_calls" : "stop";

    if (!r.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({
        id, object: "chat.completion", created, model: r.model,
        choices: [{ index: 0, finish_reason: finish, message: { role: "assistant", content: content || null, refusal, ...(calls.length ? { tool_calls: calls.map(({ index: _i, ...c }) => c) } : {}) } }],
        usage: usageJson,
      }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: r.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
    const delay = "chunkDelayMs" in step ? step.chunkDelayMs ?? 0 : 0;
    res.write(chunk({ role: "assistant", content: "" }));
    if (refusal) res.write(chunk({ refusal }));
    for (const piece of content.match(/.{1,12}/gs) ?? []) {
      if (delay) await new Promise((t) => setTimeout(t, delay));
      if (res.destroyed) return;
      res.write(chunk({ content: piece }));
    }
    for (const c of calls) {
      // the arguments arrive in fragments, as OpenAI streams them
      const args = c.function.arguments;
      res.write(chunk({ tool_calls: [{ index: c.index, id: c.id, type: "function", function: { name: c.function.name, arguments: "" } }] }));
      for (const piece of args.match(/.{1,16}/gs) ?? []) {
        res.write(chunk({ tool_calls: [{ index: c.index, function: { arguments: piece } }] }));
      }
    }
    res.write(chunk({}, finish));
    if (r.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: r.model, choices: [], usage: usageJson })}\n\n`);
    }
    res.end("data: [DONE]\n\n");
  }
}
