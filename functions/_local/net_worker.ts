// The embedded stack's stand-in for pg_net's background worker (LOCAL ONLY): takes requests
// from net.http_request_queue (woken by NOTIFY growthbase_net, and every second regardless),
// performs them, and records each answer in net._http_response under the request's id, as
// pg_net does. Responses older than six hours are removed (pg_net's default ttl).
import postgres from "postgres";

type Sql = postgres.Sql;
interface Queued {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string> | null;
  body: Uint8Array | null;
  timeout_milliseconds: number;
}

const BATCH = 20;

/** What the worker last did, for `npm run stack -- status` (through the gateway's /health). */
export interface NetWorkerState {
  startedAt: string;
  /** When the worker last looked at the queue (ISO time), null before the first round. */
  lastRoundAt: string | null;
  /** The last request it performed and what came back. */
  lastRequest: { method: string; url: string; status: number | null; error: string | null; at: string } | null;
  performed: number;
}

async function perform(sql: Sql, r: Queued, state: NetWorkerState): Promise<void> {
  let status: number | null = null, contentType: string | null = null, headers: Record<string, string> | null = null;
  let content: string | null = null, timedOut = false, error: string | null = null;
  try {
    const res = await fetch(r.url, {
      method: r.method,
      headers: r.headers ?? {},
      body: r.method === "GET" || r.method === "DELETE" ? undefined : (r.body ?? undefined) as BodyInit | undefined,
      signal: AbortSignal.timeout(r.timeout_milliseconds),
      redirect: "manual",
    });
    status = res.status;
    contentType = res.headers.get("content-type");
    headers = Object.fromEntries(res.headers.entries());
    content = await res.text();
  } catch (e) {
    timedOut = (e as Error).name === "TimeoutError";
    error = timedOut ? `Timeout of ${r.timeout_milliseconds} ms reached` : (e as Error).message;
  }
  state.lastRequest = { method: r.method, url: r.url, status, error, at: new Date().toISOString() };
  state.performed++;
  await sql`insert into net._http_response (id, status_code, content_type, headers, content, timed_out, error_msg)
            values (${r.id}, ${status}, ${contentType}, ${
    headers ? sql.json(headers) : null
  }, ${content}, ${timedOut}, ${error})`;
}

export function startNetWorker(
  dbUrl: string,
  log: (s: string) => void,
): { stop: () => Promise<void>; state: NetWorkerState } {
  const sql = postgres(dbUrl, { max: 3, onnotice: () => {} });
  const state: NetWorkerState = {
    startedAt: new Date().toISOString(),
    lastRoundAt: null,
    lastRequest: null,
    performed: 0,
  };
  let running = false, again = false, lastPurge = 0;

  async function drain(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const rows = await sql<Queued[]>`
          delete from net.http_request_queue q
          where q.id in (select id from net.http_request_queue order by id limit ${BATCH} for update skip locked)
          returning q.id, q.method, q.url, q.headers, q.body, q.timeout_milliseconds`;
        state.lastRoundAt = new Date().toISOString();
        await Promise.all(rows.map((r) => perform(sql, r, state)));
        if (rows.length === BATCH) again = true;
      } while (again);
      if (Date.now() - lastPurge > 60_000) {
        lastPurge = Date.now();
        await sql`delete from net._http_response where created < now() - interval '6 hours'`;
      }
    } catch (e) {
      // The database may be being rebuilt (reset) or have no net schema yet; the next tick retries.
      const msg = (e as Error).message;
      if (!/does not exist|terminating connection|connection|ECONNREFUSED/i.test(msg)) log(`net worker: ${msg}`);
    } finally {
      running = false;
    }
  }

  sql.listen("growthbase_net", () => void drain()).catch(() => {});
  const timer = setInterval(() => void drain(), 1000);
  return {
    state,
    stop: async () => {
      clearInterval(timer);
      await sql.end({ timeout: 1 });
    },
  };
}
