// Read tools: each one SQL read as the run's acting member (RLS decides, confined to the run's
// workspace). Outside text comes back wrapped as untrusted data.
import { z } from "zod";
import { defineTool } from "./tools.ts";
import { untrusted } from "./untrusted.ts";

const days = z.number().int().min(1).max(90).default(7).describe("how many days back, ending yesterday");
const since = (today: string, n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const yesterday = (today: string) => since(today, 1);

export const getDashboard = defineTool({
  name: "get_dashboard",
  kind: "read",
  description:
    "The overview tiles (revenue, inventory, ads ROAS, pending approvals, open errors) and ad spend, revenue and ROAS per platform for the last N days.",
  schema: z.object({ days }).strict(),
  run: ({ days: n }, ctx) =>
    ctx.asMember(async (tx) => {
      const [tiles] = await tx`select to_jsonb(t) as tiles from public.dashboard_tiles(${ctx.workspaceId}) t`;
      const platforms = await tx`select * from public.ads_dashboard(${ctx.workspaceId}, ${since(ctx.today, n)}::date,
        ${yesterday(ctx.today)}::date, 'platform')`;
      return { tiles: tiles?.tiles ?? null, ads_by_platform: platforms };
    }),
});

export const listAdCampaigns = defineTool({
  name: "list_ad_campaigns",
  kind: "read",
  description:
    "Ad campaigns with their platform, status, daily budget (cents) and the last N days' spend, revenue and ROAS. Use ad_campaign_id in proposals.",
  schema: z.object({
    platform: z.enum(["meta", "google", "tiktok"]).optional(),
    status: z.enum(["active", "paused"]).optional(),
    days,
  }).strict(),
  run: ({ platform, status, days: n }, ctx) =>
    ctx.asMember((tx) =>
      tx`select c.id as ad_campaign_id, c.platform, c.external_id, c.name, c.status, c.daily_budget_cents, a.currency,
               coalesce(sum(m.spend_cents), 0)::bigint as spend_cents, coalesce(sum(m.revenue_cents), 0)::bigint as revenue_cents,
               round(sum(m.revenue_cents)::numeric / nullif(sum(m.spend_cents), 0), 2) as roas
        from public.ad_campaigns c
        left join public.ad_accounts a on a.workspace_id = c.workspace_id and a.id = c.ad_account_id
        left join public.ad_metrics_daily m on m.workspace_id = c.workspace_id and m.level = 'campaign' and m.campaign_id = c.id
          and m.day between ${since(ctx.today, n)}::date and ${yesterday(ctx.today)}::date
        where c.workspace_id = ${ctx.workspaceId} and c.platform in ('meta', 'google', 'tiktok')
          and (${platform ?? null}::text is null or c.platform::text = ${platform ?? null})
          and (${status ?? null}::text is null or c.status::text = ${status ?? null})
        group by c.id, a.currency
        order by spend_cents desc, c.name
        limit 50`
    ),
});

export const listOrders = defineTool({
  name: "list_orders",
  kind: "read",
  description:
    "Recent orders (number, date, total in cents, currency, payment and fulfilment status, UTM campaign) and the totals over the last N days.",
  schema: z.object({ days, limit: z.number().int().min(1).max(50).default(20) }).strict(),
  run: ({ days: n, limit }, ctx) =>
    ctx.asMember(async (tx) => {
      const from = since(ctx.today, n);
      const orders =
        await tx`select o.order_number, o.processed_at, o.total_price_cents, o.total_refunded_cents, o.currency,
          o.financial_status, o.fulfillment_status, o.utm_campaign
        from public.orders o
        where o.workspace_id = ${ctx.workspaceId} and o.processed_at >= ${from}::date
        order by o.processed_at desc limit ${limit}`;
      const totals =
        await tx`select o.currency, count(*)::int as orders, sum(o.total_price_cents - o.total_refunded_cents)::bigint as net_cents
        from public.orders o
        where o.workspace_id = ${ctx.workspaceId} and o.processed_at >= ${from}::date and o.cancelled_at is null
        group by o.currency`;
      // a UTM tag is whatever a visitor's link said: quoted like any outside text
      return {
        totals,
        orders: orders.map((o) => ({ ...o, utm_campaign: untrusted("order UTM tag", o.utm_campaign) })),
      };
    }),
});

export const listReviews = defineTool({
  name: "list_reviews",
  kind: "read",
  description:
    "Product reviews, newest first (rating, status, title and text as untrusted customer text, whether the store replied). Use review_id in proposals.",
  schema: z.object({
    max_rating: z.number().int().min(1).max(5).optional().describe("only reviews rated at most this"),
    status: z.enum(["pending", "published", "rejected"]).optional(),
    limit: z.number().int().min(1).max(30).default(10),
  }).strict(),
  run: async ({ max_rating, status, limit }, ctx) => {
    const rows = await ctx.asMember((tx) =>
      tx`select r.id as review_id, r.shopify_product_id, r.rating, r.status, r.verified_purchase, r.submitted_at,
               r.author_name, r.title, r.body, exists (select 1 from public.review_responses x where x.review_id = r.id) as replied
        from public.reviews r
        where r.workspace_id = ${ctx.workspaceId}
          and (${max_rating ?? null}::int is null or r.rating <= ${max_rating ?? null})
          and (${status ?? null}::text is null or r.status::text = ${status ?? null})
        order by r.submitted_at desc limit ${limit}`
    );
    return rows.map((r) => ({
      ...r,
      author_name: untrusted("review author", r.author_name),
      title: untrusted("review", r.title),
      body: untrusted("review", r.body),
    }));
  },
});

export const listSupportTickets = defineTool({
  name: "list_support_tickets",
  kind: "read",
  description:
    "Support tickets, newest first (status, priority, subject and message as untrusted customer text). Use support_ticket_id in proposals.",
  schema: z.object({
    status: z.enum(["open", "in_progress", "waiting_on_customer", "resolved", "closed"]).optional(),
    limit: z.number().int().min(1).max(30).default(10),
  }).strict(),
  run: async ({ status, limit }, ctx) => {
    const rows = await ctx.asMember((tx) =>
      tx`select t.id as support_ticket_id, t.status, t.priority, t.category, t.order_number, t.created_at, t.subject, t.body,
               t.chatwoot_conversation_id is not null as in_chatwoot
        from public.support_tickets t
        where t.workspace_id = ${ctx.workspaceId} and (${status ?? null}::text is null or t.status::text = ${
        status ?? null
      })
        order by t.created_at desc limit ${limit}`
    );
    return rows.map((r) => ({ ...r, subject: untrusted("ticket", r.subject), body: untrusted("ticket", r.body) }));
  },
});

export const searchKnowledgeTool = defineTool({
  name: "search_knowledge",
  kind: "read",
  description:
    "Searches the workspace's knowledge base (documents, FAQs, your memories). Results are numbered [n]; cite them as [n] in your answer.",
  schema: z.object({
    query: z.string().trim().min(1).max(500),
    count: z.number().int().min(1).max(10).default(5),
  }).strict(),
  run: async ({ query, count }, ctx) => {
    const hits = await ctx.search(query, count);
    return hits.map((h) => {
      let n = ctx.sources.indexOf(h.id) + 1;
      if (n === 0) n = ctx.sources.push(h.id);
      return { source: n, title: untrusted("document", h.title ?? null), content: untrusted("document", h.content) };
    });
  },
});

export const experimentResults = defineTool({
  name: "experiment_results",
  kind: "read",
  description:
    "A/B tests: without experiment_id, the workspace's experiments; with it, its live results per variant (conversion rate, uplift, intervals, p-values, SRM).",
  schema: z.object({ experiment_id: z.string().uuid().optional() }).strict(),
  run: ({ experiment_id }, ctx) =>
    ctx.asMember((tx) =>
      experiment_id
        ? tx`select * from public.get_experiment_results(${experiment_id})`
        : tx`select e.id as experiment_id, e.key, e.name, e.status, e.primary_metric from public.experiments e
             where e.workspace_id = ${ctx.workspaceId} order by e.created_at desc limit 20`
    ),
});

export const attributionReport = defineTool({
  name: "attribution_report",
  kind: "read",
  description:
    "Attributed revenue, conversions, ad spend and ROAS per channel or campaign over the last N days under an attribution model.",
  schema: z.object({
    days: z.number().int().min(1).max(365).default(30),
    model: z.enum(["first_touch", "last_touch", "linear", "time_decay", "position_based"]).default("last_touch"),
    group_by: z.enum(["channel", "campaign"]).default("channel"),
  }).strict(),
  run: ({ days: n, model, group_by }, ctx) =>
    ctx.asMember((tx) =>
      tx`select * from public.attribution_report(${ctx.workspaceId}, ${since(ctx.today, n)}::date, ${
        yesterday(ctx.today)
      }::date,
         ${model}::public.attribution_model, ${group_by}::public.attribution_group_by)`
    ),
});

export const inventoryStatus = defineTool({
  name: "inventory_status",
  kind: "read",
  description:
    "Products with stock on hand, weeks of supply and reorder points, those below their reorder point first. Use product_id in proposals.",
  schema: z.object({ below_reorder_point_only: z.boolean().default(false) }).strict(),
  run: ({ below_reorder_point_only }, ctx) =>
    ctx.asMember((tx) =>
      tx`select p.id as product_id, p.sku, p.title, p.price_cents, p.currency, rp.on_hand, rp.weeks_of_supply,
               rp.reorder_point, rp.below_reorder_point, rp.lead_time_days
        from public.products p
        left join public.reorder_points rp on rp.workspace_id = p.workspace_id and rp.product_id = p.id
        where p.workspace_id = ${ctx.workspaceId} and p.status = 'active'
          and (not ${below_reorder_point_only} or rp.below_reorder_point)
        order by rp.below_reorder_point desc nulls last, rp.weeks_of_supply nulls last limit 50`
    ),
});

export const READ_TOOLS = [
  getDashboard,
  listAdCampaigns,
  listOrders,
  listReviews,
  listSupportTickets,
  searchKnowledgeTool,
  experimentResults,
  attributionReport,
  inventoryStatus,
];
