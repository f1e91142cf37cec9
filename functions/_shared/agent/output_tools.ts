// Output tools: how a scheduled run hands over its result. Calling one ends the run; its
// arguments (checked by the schema here and by SQL when stored) are the run's output, stored by
// private.finish_agent_run where the run's kind goes. A remember tool keeps a fact in the agent's
// own knowledge collection.
import { z } from "zod";
import { type AnyTool, defineTool } from "./tools.ts";

const noop = () => Promise.resolve(null);

export const OUTPUT_TOOLS: Record<string, AnyTool> = {
  ceo_briefing: defineTool({
    name: "submit_briefing",
    kind: "output",
    description:
      "Hand in the CEO briefing: an executive summary (numbers first, then why) and the few insights that matter.",
    schema: z.object({
      executive_summary: z.string().trim().min(20).max(8000),
      insights: z.array(
        z.object({
          title: z.string().trim().min(1).max(200),
          impact: z.enum(["low", "medium", "high"]),
          detail: z.string().max(2000).optional(),
        }).strict(),
      ).max(10).default([]),
    }).strict(),
    run: noop,
  }),
  report_commentary: defineTool({
    name: "submit_commentary",
    kind: "output",
    description: "Hand in the commentary on the weekly autopilot report: a summary, highlights and recommendations.",
    schema: z.object({
      summary: z.string().trim().min(20).max(8000),
      highlights: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
      recommendations: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
    }).strict(),
    run: noop,
  }),
  anomaly_insights: defineTool({
    name: "submit_insights",
    kind: "output",
    description:
      "Hand in one insight per anomaly worth a person's attention: what moved, the likely reason, what to do.",
    schema: z.object({
      insights: z.array(
        z.object({
          kind: z.enum(["opportunity", "risk", "anomaly", "trend", "recommendation"]).default("anomaly"),
          title: z.string().trim().min(1).max(200),
          body: z.string().trim().min(1).max(4000),
          impact: z.enum(["low", "medium", "high"]).default("medium"),
          confidence: z.number().min(0).max(1).optional(),
          metric: z.string().max(100).optional(),
          data: z.record(z.string(), z.unknown()).optional(),
        }).strict(),
      ).min(1).max(20),
    }).strict(),
    run: noop,
  }),
  campaign_prediction: defineTool({
    name: "submit_predictions",
    kind: "output",
    description: "Hand in forecasts for the campaigns you were given over the period you were given.",
    schema: z.object({
      predictions: z.array(
        z.object({
          campaign_id: z.string().uuid(),
          metric: z.enum(["spend_cents", "revenue_cents", "roas", "leads", "conversions", "clicks", "impressions"]),
          predicted_value: z.number(),
          lower_bound: z.number().optional(),
          upper_bound: z.number().optional(),
          confidence: z.number().gt(0).lt(1).optional().describe("the interval's confidence level, e.g. 0.8"),
        }).strict(),
      ).min(1).max(100),
    }).strict(),
    run: noop,
  }),
  generated_content: defineTool({
    name: "submit_content",
    kind: "output",
    description: "Hand in the draft for the calendar entry: a title and the body, ready for a person to review.",
    schema: z.object({
      title: z.string().trim().min(1).max(300),
      body: z.string().trim().min(1).max(20000),
    }).strict(),
    run: noop,
  }),
};

export const remember = defineTool({
  name: "remember",
  kind: "memory",
  description:
    "Keeps a durable fact about this business for later conversations (your own memory; no secrets, no personal data).",
  schema: z.object({ fact: z.string().trim().min(5).max(2000) }).strict(),
  run: async ({ fact }, ctx) => {
    const [row] = await ctx.asMember((tx) =>
      tx`select public.add_agent_memory(${ctx.workspaceId}, ${ctx.agentId}, ${fact}, 'fact') as chunk_id`
    );
    return { remembered: true, chunk_id: row.chunk_id };
  },
});
