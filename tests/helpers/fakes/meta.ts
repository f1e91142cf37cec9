// A fake Meta Graph API (Marketing API and Conversions API) at /meta/graph/v21.0: ad accounts
// (by their act_ id), campaigns / adsets / ads with cursor paging, insights at ad level with
// time_increment=1 (synchronous and as asynchronous report runs that complete after some
// polls), and POST /{pixel}/events. Its errors are Meta's: code 190 for an expired token,
// 80000 with X-Business-Use-Case-Usage for throttling.
import { type AdWorld, decodeCursor, encodeCursor, type Obj } from "./ad_world.ts";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

const STATUS = { active: "ACTIVE", paused: "PAUSED", deleted: "DELETED" } as const;

interface ReportRun {
  id: string;
  account: string;
  since: string;
  until: string;
  polls: number;
  status: "Job Running" | "Job Completed" | "Job Failed";
}

export interface CapiBatch {
  pixelId: string;
  token: string | undefined;
  body: { data: Record<string, unknown>[]; test_event_code?: string };
}

export class MetaFake extends FakeProvider {
  readonly prefix = "/meta/graph";
  worlds = new Map<string, AdWorld>();
  /** Tokens that answer as expired (code 190). */
  expired = new Set<string>();
  /** Objects and insight rows per page (Meta's default is 25; the client asks for 500). */
  pageSize = 500;
  /** Polls a report run takes to complete. */
  pollsToComplete = 1;
  /** The next report runs fail instead of completing. */
  failReports = 0;
  runs = new Map<string, ReportRun>();
  /** Conversions API batches received. */
  events: CapiBatch[] = [];

  constructor() {
    super();
    this.on("GET", /^\/v21\.0\/(act_\d+)$/, (r, m) => this.withWorld(r, m[1], (w) => ({
      json: { id: w.accountId, name: w.name, currency: w.currency, timezone_name: w.timezone },
    })));
    this.on("GET", /^\/v21\.0\/(act_\d+)\/(campaigns|adsets|ads)$/, (r, m) => this.withWorld(r, m[1], (w) => {
      const list = m[2] === "campaigns" ? w.campaigns : m[2] === "adsets" ? w.adGroups : w.ads;
      return this.paged(r, list.map((o) => this.object(m[2], o)));
    }));
    this.on("GET", /^\/v21\.0\/(act_\d+)\/insights$/, (r, m) => this.withWorld(r, m[1], (w) => {
      const range = JSON.parse(r.query.get("time_range") ?? "{}");
      return this.paged(r, this.insights(w, range.since, range.until));
    }));
    this.on("POST", /^\/v21\.0\/(act_\d+)\/insights$/, (r, m) => this.withWorld(r, m[1], () => {
      const f = r.json as Record<string, string>;
      const range = JSON.parse(f.time_range ?? "{}");
      const id = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      const failed = this.failReports > 0 && this.failReports-- > 0;
      this.runs.set(id, { id, account: m[1], since: range.since, until: range.until, polls: 0, status: failed ? "Job Failed" : "Job Running" });
      return { json: { report_run_id: id } };
    }));
    this.on("GET", /^\/v21\.0\/(\d+)$/, (r, m) => this.authorized(r, () => {
      const run = this.runs.get(m[1]);
      if (!run) return { status: 400, json: { error: { message: "Unsupported get request.", type: "GraphMethodException", code: 100 } } };
      if (run.status === "Job Running" && ++run.polls >= this.pollsToComplete) run.status = "Job Completed";
      return { json: { id: run.id, async_status: run.status, async_percent_completion: run.status === "Job Completed" ? 100 : 50 } };
    }));
    this.on("GET", /^\/v21\.0\/(\d+)\/insights$/, (r, m) => this.authorized(r, () => {
      const run = this.runs.get(m[1]);
      if (!run || run.status !== "Job Completed") {
        return { status: 400, json: { error: { message: "The report is not ready", type: "OAuthException", code: 2601 } } };
      }
      const w = this.worlds.get(run.account)!;
      return this.paged(r, w.cached(`run:${run.id}`, () => this.insights(w, run.since, run.until)));
    }));
    this.on("POST", /^\/v21\.0\/(\d+)\/events$/, (r, m) => this.authorized(r, () => {
      const body = r.json as CapiBatch["body"];
      if (!Array.isArray(body?.data) || body.data.length === 0 || body.data.length > 1000) {
        return { status: 400, json: { error: { message: "Invalid parameter", type: "OAuthException", code: 100 } } };
      }
      const bad = body.data.findIndex((e) => !e.event_name || !e.event_time || !e.action_source || !e.user_data);
      if (bad >= 0) {
        return { status: 400, json: { error: { message: `Invalid parameter: event ${bad} is missing a required field`, type: "OAuthException", code: 100, error_subcode: 2804019 } } };
      }
      this.events.push({ pixelId: m[1], token: this.token(r), body });
      return { json: { events_received: body.data.length, messages: [], fbtrace_id: `trace${this.events.length}` } };
    }));
  }

  add(w: AdWorld): AdWorld {
    this.worlds.set(w.accountId, w);
    return w;
  }

  expiredToken(): FakeResponse {
    return {
      status: 400,
      json: { error: { message: "Error validating access token: Session has expired.", type: "OAuthException", code: 190, error_subcode: 463, fbtrace_id: "f" } },
    };
  }

  override throttled(r: FakeRequest, seconds: number): FakeResponse {
    const account = (r.path.match(/act_(\d+)/) ?? [])[1] ?? "0";
    const usage = { [account]: [{ type: "ads_insights", call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: Math.ceil(seconds / 60) }] };
    return {
      status: 400,
      headers: { "x-business-use-case-usage": JSON.stringify(usage) },
      json: { error: { message: "(#80000) There have been too many calls from this ad-account. Wait a bit and try again.", type: "OAuthException", code: 80000, error_subcode: 2446079, is_transient: true } },
    };
  }

  private token(r: FakeRequest): string | undefined {
    const h = r.headers.authorization;
    return typeof h === "string" ? h.replace(/^Bearer\s+/i, "") : r.query.get("access_token") ?? undefined;
  }

  private authorized(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const t = this.token(r);
    if (!t || this.expired.has(t)) return this.expiredToken();
    return fn();
  }

  private withWorld(r: FakeRequest, account: string, fn: (w: AdWorld) => FakeResponse): FakeResponse {
    return this.authorized(r, () => {
      const w = this.worlds.get(account);
      if (!w) return { status: 400, json: { error: { message: `Unsupported get request. Object with ID '${account}' does not exist`, type: "GraphMethodException", code: 100, error_subcode: 33 } } };
      return fn(w);
    });
  }

  private object(edge: string, o: Obj) {
    const base = { id: o.id, name: o.name, status: STATUS[o.status], effective_status: STATUS[o.status] };
    if (edge === "campaigns") {
      return { ...base, objective: o.objective, daily_budget: o.dailyBudgetMinor === undefined ? undefined : String(o.dailyBudgetMinor), bid_strategy: "LOWEST_COST_WITHOUT_CAP", start_time: `${o.since}T00:00:00-0800` };
    }
    if (edge === "adsets") return { ...base, campaign_id: o.parentId, daily_budget: String(o.dailyBudgetMinor ?? 0) };
    return { ...base, adset_id: o.parentId, creative: { id: `cr${o.id}` } };
  }

  private insights(w: AdWorld, since: string, until: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const { ad, day, row } of w.rows(since, until)) {
      const g = w.adGroup(ad.parentId!);
      const c = w.campaign(g.parentId!);
      const actions = row.purchases ? [{ action_type: "link_click", value: String(row.clicks) }, { action_type: "omni_purchase", value: String(row.purchases) }, { action_type: "offsite_conversion.fb_pixel_purchase", value: String(row.purchases) }] : [{ action_type: "link_click", value: String(row.clicks) }];
      out.push({
        account_currency: w.currency, campaign_id: c.id, campaign_name: c.name, adset_id: g.id, adset_name: g.name,
        ad_id: ad.id, ad_name: ad.name, spend: w.major(row.spendMinor), impressions: String(row.impressions),
        clicks: String(row.clicks), actions,
        action_values: row.purchases ? [{ action_type: "omni_purchase", value: w.major(row.revenueMinor) }] : undefined,
        date_start: day, date_stop: day,
      });
    }
    return [...out, ...w.extraRows];
  }

  private paged(r: FakeRequest, all: unknown[]): FakeResponse {
    const start = decodeCursor(r.query.get("after"));
    const size = Math.min(this.pageSize, Number(r.query.get("limit") ?? 25));
    const data = all.slice(start, start + size);
    const more = start + size < all.length;
    return {
      json: {
        data,
        paging: {
          cursors: { before: encodeCursor(start), after: encodeCursor(start + size) },
          ...(more ? { next: `http://127.0.0.1/meta/graph/v21.0/next?after=${encodeCursor(start + size)}` } : {}),
        },
      },
    };
  }
}
