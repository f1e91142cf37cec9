// What every analytics source's client gives the analytics-sync worker: one page at a time, from
// where the job's saved progress says the pull stands, in the shape of the source's SQL apply
// function (private.apply_<source>_page), with how many provider calls it took.
import type { Client } from "./http.ts";

/** The pull a job asks for: the connection's account and a window of days (YYYY-MM-DD, inclusive). */
export interface Pull {
  /** The connection's external account (a property, a site, an open_id ...). */
  account: string;
  from: string;
  to: string;
}

export interface Pulled<P> {
  /** What to apply; null when the step found nothing to write (the pull may still go on). */
  page: P | null;
  /** Where the pull stands after this page (saved with it, so a retry resumes after it). */
  progress: Record<string, unknown>;
  /** Nothing is left to pull. */
  done: boolean;
}

/** A client that counts the requests it sends (the run's api_calls). */
export interface Counted {
  client: Client;
  calls: () => number;
}

/** An ISO timestamp's day (YYYY-MM-DD) in UTC. */
export const utcDay = (t: string | number | Date) => new Date(t).toISOString().slice(0, 10);

/** The day `days` before a YYYY-MM-DD day. */
export function daysBefore(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000);
}

/** A whole number from a provider's number or numeric string; undefined otherwise. */
export function count(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}
