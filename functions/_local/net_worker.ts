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

async function perform(sql: Sql, r: Queued): Promise<void> {
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
  await sql`insert into net._http_response (id, status_code, content_type, headers, content, timed_out, error_msg)
            values (${r.id}, ${status}, ${contentType}, ${
    headers ? sql.json(headers) : null
  }, ${content}, ${timedOut}, ${error})`;
}

export function startNetWorker(dbUrl: string, log: (s: string) => void): { stop: () => Promise<void> } {
  const sql = postgres(dbUrl, { max: 3, onnotice: () => {} });
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
        await Promise.all(rows.map((r) => perform(sql, r)));
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
    stop: async () => {
      clearInterval(timer);
      await sql.end({ timeout: 1 });
    },
  };
}
