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

/**
 * Listens on 127.0.0.1:port, retrying while the port is taken for up to `ms`: the fakes' fixed
 * ports (API port + 59, + 78) lie in the kernel's ephemeral range, so on a busy machine an
 * outgoing connection can hold one for a moment.
 */
export async function listenOn(server: import("node:http").Server, port: number, ms = 10_000): Promise<void> {
  await waitFor(`127.0.0.1:${port} to be free`, () =>
    new Promise<boolean>((resolve, reject) => {
      const failed = (e: NodeJS.ErrnoException) => {
        server.off("listening", listening);
        if (e.code === "EADDRINUSE") resolve(false);
        else reject(e);
      };
      const listening = () => {
        server.off("error", failed);
        resolve(true);
      };
      server.once("error", failed);
      server.once("listening", listening);
      server.listen(port, "127.0.0.1");
    }), ms);
}
