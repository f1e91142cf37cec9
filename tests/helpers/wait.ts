// Waiting for the state a test asserts: poll with a deadline, never sleep a fixed time. The stack's
// workers (pg_net, pg_cron, the functions woken at commit) run asynchronously, and a loaded machine
// runs them late.
import type { Server } from "node:http";

/**
 * Polls fn until ok(value) (without ok: until fn returns something other than undefined, null or
 * false) and returns that value; fails after ms (20 s) naming what it waited for and the last
 * value it saw.
 */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, ok: (v: T) => boolean, ms?: number): Promise<T>;
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms?: number,
): Promise<T>;
export async function waitFor<T>(
  what: string,
  fn: () => unknown,
  okOrMs?: ((v: T) => boolean) | number,
  ms?: number,
): Promise<T> {
  const ok = typeof okOrMs === "function" ? okOrMs : (v: T) => v !== undefined && v !== null && v !== false;
  const deadline = typeof okOrMs === "number" ? okOrMs : ms ?? 20_000;
  const until = Date.now() + deadline;
  let v = (await fn()) as T;
  while (!ok(v)) {
    if (Date.now() > until) throw new Error(`timed out after ${deadline} ms waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 100));
    v = (await fn()) as T;
  }
  return v;
}

/**
 * Listens on 127.0.0.1:port, retrying while the port is taken for up to `ms`: the fakes' fixed
 * ports (API port + 59, + 78) lie in the kernel's ephemeral range, so on a busy machine an
 * outgoing connection can hold one for a moment.
 */
export async function listenOn(server: Server, port: number, ms = 10_000): Promise<void> {
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
