// What the analytics sync flows share: connecting through the oauth function as an admin's
// browser would, calling the worker as the database's wake-up does, and waiting (with a deadline)
// for the state a test asserts.
import type postgres from "postgres";
import { expect } from "vitest";
import type { FakeProviders } from "./fake-providers.ts";
import { api, serviceKey } from "./stack.ts";

const fn = `${api}/functions/v1`;

/** Polls `probe` until it returns something truthy; fails with `what` after `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** One call of the analytics-sync worker with the secret key (what pg_net and the sweeper send). */
export async function runWorker(): Promise<Record<string, number>> {
  const r = await fetch(`${fn}/analytics-sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${await serviceKey()}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(r.status).toBe(200);
  return await r.json();
}

/** Connects a provider through /oauth/start and /oauth/callback as the admin; returns the connection id. */
export async function connectOAuth(
  sql: postgres.Sql,
  fake: FakeProviders,
  admin: { jwt: string },
  workspaceId: string,
  provider: "google_search_console" | "meta" | "tiktok_account",
  accountId?: string,
): Promise<string> {
  const start = await fetch(`${fn}/oauth/start`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin.jwt}`, "content-type": "application/json" },
    body: JSON.stringify({ workspaceId, provider, ...(accountId ? { accountId } : {}) }),
  });
  const body = await start.json();
  expect(start.status, JSON.stringify(body)).toBe(200);
  const url = new URL(body.url);
  if (provider === "google_search_console") fake.googleChallenge = url.searchParams.get("code_challenge");
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0];
  const cb = await fetch(`${fn}/oauth/callback/${provider}?code=the-code&state=${url.searchParams.get("state")}`, {
    redirect: "manual",
    headers: { cookie },
  });
  const back = new URL(cb.headers.get("location") ?? "http://x/");
  expect(back.searchParams.get("status"), back.searchParams.get("code") ?? "").toBe("connected");
  const [c] = await sql`select id from public.integration_connections
    where workspace_id = ${workspaceId} and provider = ${provider} order by created_at desc limit 1`;
  return c.id as string;
}

export interface Run {
  id: number;
  source: string;
  kind: string;
  status: string;
  window_from: string;
  window_to: string;
  pages: number;
  api_calls: number;
  rows_written: number;
  attempts: number;
  error: string | null;
  next_attempt_at: Date | null;
  job_id: number;
}

/** The connection's runs, oldest first. */
export async function runsOf(sql: postgres.Sql, connectionId: string): Promise<Run[]> {
  return await sql<Run[]>`select id, source::text, kind::text, status::text, window_from::text, window_to::text, pages,
      api_calls, rows_written, attempts, error, next_attempt_at, job_id
    from public.analytics_sync_runs where connection_id = ${connectionId} order by id`;
}

/** Waits until the connection's latest run of `kind` has `status` (waking the worker as it goes). */
export function runReaches(sql: postgres.Sql, connectionId: string, kind: string, status: string, ms = 25_000): Promise<Run> {
  return waitFor(`a ${kind} run that is ${status}`, async () => {
    const run = (await runsOf(sql, connectionId)).filter((r) => r.kind === kind).at(-1);
    if (run?.status === status) return run;
    if (!run || ["queued", "retrying", "waiting"].includes(run.status)) await runWorker();
    return null;
  }, ms);
}

/** The connection's health as admins see it. */
export async function healthOf(sql: postgres.Sql, connectionId: string) {
  const [c] = await sql`select health::text, throttled_until, last_error, last_success_at, status::text
    from public.integration_connections where id = ${connectionId}`;
  return c as { health: string; throttled_until: Date | null; last_error: string | null; last_success_at: Date | null; status: string };
}

/** Makes a queued job due now (a test does not wait out a provider's backoff or Retry-After). */
export async function makeDue(sql: postgres.Sql, connectionId: string): Promise<void> {
  await sql`update private.connector_jobs set next_attempt_at = now() where connection_id = ${connectionId} and status = 'queued'`;
  await sql`update public.integration_connections set throttled_until = null where id = ${connectionId}`;
}

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
