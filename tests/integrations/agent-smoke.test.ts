// An optional smoke run of the agent loop against a real OpenAI-compatible endpoint: the same
// loop and SDK the functions use, one tool, a real model. Runs only when OPENAI_API_KEY holds a
// real key (AGENT_SMOKE_BASE_URL and AGENT_SMOKE_MODEL pick another endpoint or model);
// otherwise it is skipped, saying so.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runLoop } from "../../functions/_shared/agent/loop.ts";
import { defineTool, type ToolContext } from "../../functions/_shared/agent/tools.ts";
import { openAiLlm } from "../../functions/_shared/llm.ts";

const key = process.env.OPENAI_API_KEY ?? "";
const real = key !== "" && key !== "local-openai-key";
if (!real) console.log("agent smoke run skipped: OPENAI_API_KEY is not set to a real key");

describe("a real model endpoint", () => {
  it.skipIf(!real)("answers through a tool call, logged with its tokens", async () => {
    const calls: { succeeded: boolean; usage: { inputTokens: number; outputTokens: number } }[] = [];
    const multiply = defineTool({
      name: "multiply",
      kind: "read",
      description: "Multiplies two integers exactly.",
      schema: z.object({ a: z.number().int(), b: z.number().int() }).strict(),
      run: ({ a, b }) => Promise.resolve({ product: a * b }),
    });
    const result = await runLoop({
      llm: openAiLlm({ baseURL: process.env.AGENT_SMOKE_BASE_URL ?? "https://api.openai.com/v1", apiKey: key, timeout: 60_000 }),
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      record: (c) => {
        calls.push(c);
        return Promise.resolve({ queryId: calls.length, costMicros: 0, runTokens: 0, monthSpentMicros: 0, monthlyBudgetMicros: 1, runStatus: "running" });
      },
    }, {
      model: process.env.AGENT_SMOKE_MODEL ?? "gpt-5-mini",
      messages: [
        { role: "system", content: "Use the multiply tool for arithmetic, then answer with the number only." },
        { role: "user", content: "What is 1234 times 5678?" },
      ],
      tools: [multiply],
      ctx: {} as ToolContext,
      limits: { maxSteps: 4, maxTokens: 20_000, deadline: Date.now() + 90_000 },
      requiresOutput: false,
    });
    expect(result.ok, result.ok ? "" : result.error).toBe(true);
    expect(result.answer.replace(/[^0-9]/g, "")).toContain("7006652");
    expect(calls.every((c) => c.succeeded)).toBe(true);
    expect(calls[0].usage.inputTokens).toBeGreaterThan(0);
  }, 120_000);
});
