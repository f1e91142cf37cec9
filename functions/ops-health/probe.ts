// Provider reachability for the health checks: one GET to each provider's configured base URL
// (and each workspace's Chatwoot instance), 5 seconds at most. Any HTTP answer below 500 means
// the provider is reachable (an API root may well say 401 or 404); a 5xx, a timeout or no
// connection means it is not. The results go to SQL in one call (private.record_provider_probes).
import { asService, type Sql } from "../_shared/db.ts";

export interface Target {
  provider: string;
  url: string;
  workspace_ids?: string[];
}

export interface Probe extends Target {
  reachable: boolean;
  status: number | null;
  response_time_ms: number;
  error: string | null;
}

export async function probe(t: Target, fetcher: typeof fetch, timeoutMs = 5000): Promise<Probe> {
  const started = performance.now();
  try {
    const res = await fetcher(t.url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    const ms = Math.round(performance.now() - started);
    return {
      ...t,
      reachable: res.status < 500,
      status: res.status,
      response_time_ms: ms,
      error: res.status < 500 ? null : `answered ${res.status}`,
    };
  } catch (e) {
    const timedOut = (e as Error).name === "TimeoutError";
    return {
      ...t,
      reachable: false,
      status: null,
      response_time_ms: Math.round(performance.now() - started),
      error: timedOut ? `no answer within ${timeoutMs} ms` : "could not be reached",
    };
  }
}

export async function runProbes(d: { sql: Sql; fetch: typeof fetch; configured: Target[]; timeoutMs?: number }) {
  const extra = await asService(
    d.sql,
    (tx) => tx`select provider, base_url, workspace_ids from private.provider_health_targets()`,
  );
  const targets: Target[] = [
    ...d.configured,
    ...extra.map((r) => ({
      provider: r.provider as string,
      url: r.base_url as string,
      workspace_ids: r.workspace_ids as string[],
    })),
  ];
  const probes = await Promise.all(targets.map((t) => probe(t, d.fetch, d.timeoutMs)));
  const [row] = await asService(
    d.sql,
    (tx) => tx`select private.record_provider_probes(${tx.json(probes as never)}) as n`,
  );
  return {
    probes: probes.length,
    recorded: row.n as number,
    unreachable: probes.filter((p) => !p.reachable).map((p) => p.provider),
  };
}
