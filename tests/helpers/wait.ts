// Waiting for the state a test asserts, never for a fixed time: the stack's workers (pg_net,
// pg_cron, the functions woken at commit) run asynchronously, and a loaded machine runs them late.

/**
 * Calls fn until it returns something other than undefined, null or false, and returns that;
 * throws after `ms` (10 s) naming what it waited for and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    last = await fn();
    if (last !== undefined && last !== null && last !== false) return last as T;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
