// What `status` says about the stack's background workers: pg_cron's scheduler inside PostgreSQL
// and the gateway's pg_net worker, each with what it last did. A stack whose scheduler is gone
// looks healthy from every URL while no job runs, so status checks it by itself.
import { apiUrl, type StackConfig } from "./config.ts";
import { psql } from "./postgres.ts";

export interface WorkerLine {
  ok: boolean;
  text: string;
}

const ago = (iso: string) => `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000))} s ago`;

/** pg_cron: is its launcher running, how many jobs are active, and the last run's outcome. */
export function schedulerLine(c: StackConfig): WorkerLine {
  const r = psql(c, ["-tAc", `select json_build_object(
      'running', exists (select 1 from pg_stat_activity where backend_type = 'pg_cron launcher'),
      'jobs', (select count(*) from cron.job where active),
      'last', (select json_build_object('job', coalesce(j.jobname, d.jobid::text), 'status', d.status, 'at', d.start_time)
               from cron.job_run_details d left join cron.job j on j.jobid = d.jobid order by d.runid desc limit 1))`], c.dbName);
  const s = JSON.parse(r.stdout.trim()) as {
    running: boolean;
    jobs: number;
    last: { job: string; status: string; at: string } | null;
  };
  const last = s.last ? `last run: ${s.last.job} ${s.last.status} ${ago(s.last.at)}` : "no run yet";
  return s.running
    ? { ok: true, text: `running (pg_cron, ${s.jobs} active jobs; ${last})` }
    : { ok: false, text: `NOT RUNNING: pg_cron's launcher is gone, no job runs (${last}); npm run stack -- stop, then start` };
}

interface NetState {
  startedAt: string;
  lastRoundAt: string | null;
  lastRequest: { method: string; url: string; status: number | null; error: string | null; at: string } | null;
  performed: number;
}

/** The gateway's pg_net worker: alive (it looks at the queue every second), queued requests, the last one performed. */
export async function netWorkerLine(c: StackConfig): Promise<WorkerLine> {
  let state: NetState | undefined;
  try {
    const r = await fetch(`${apiUrl(c)}/health`, { signal: AbortSignal.timeout(2000) });
    state = ((await r.json()) as { net?: NetState }).net;
  } catch { /* the gateway does not answer */ }
  if (!state) return { ok: false, text: "NOT RUNNING: the gateway (which runs it) does not answer" };
  const queued = psql(c, ["-tAc", "select count(*) from net.http_request_queue"], c.dbName).stdout.trim();
  const stale = Date.now() - Date.parse(state.lastRoundAt ?? state.startedAt) > 10_000;
  const l = state.lastRequest;
  const last = l
    ? `last request: ${l.method} ${l.url} ${l.status !== null ? `answered ${l.status}` : `failed: ${l.error}`} ${ago(l.at)}`
    : "no request yet";
  const text = `${queued} queued, ${state.performed} performed; ${last}`;
  return stale
    ? { ok: false, text: `STALLED: no look at the queue for over 10 s (${text})` }
    : { ok: true, text: `running in the gateway (${text})` };
}
