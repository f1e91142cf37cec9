// Loads every functions/<name>/index.ts in-process, as `supabase functions serve` runs each at
// /functions/v1/<name>. Each function calls Deno.serve once at load; we capture that handler
// instead of opening a port per function.
export type Handler = (req: Request) => Response | Promise<Response>;

export async function loadFunctions(functionsDir: URL): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const realServe = Deno.serve;
  const names: string[] = [];
  for await (const e of Deno.readDir(functionsDir)) {
    if (e.isDirectory && !e.name.startsWith("_") && !e.name.startsWith(".")) names.push(e.name);
  }
  for (const name of names.sort()) {
    try {
      await Deno.stat(new URL(`${name}/index.ts`, functionsDir));
    } catch {
      continue;
    }
    let captured: Handler | undefined;
    // deno-lint-ignore no-explicit-any
    (Deno as any).serve = (a: unknown, b?: unknown) => {
      captured =
        (typeof a === "function" ? a : typeof b === "function" ? b : (a as { handler: Handler }).handler) as Handler;
      const done = Promise.resolve();
      return { finished: done, shutdown: () => done, ref() {}, unref() {}, addr: { hostname: "127.0.0.1", port: 0 } };
    };
    try {
      await import(new URL(`${name}/index.ts`, functionsDir).href);
    } finally {
      Deno.serve = realServe;
    }
    if (!captured) throw new Error(`functions/${name}/index.ts did not call Deno.serve`);
    handlers.set(name, captured);
  }
  return handlers;
}
