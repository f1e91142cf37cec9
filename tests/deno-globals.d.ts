// tsc checks tests/ (Node), and some tests import function code that also holds a Deno entry
// point (functions/_shared/http.ts serve()). This declares the little of Deno's global that such
// modules mention, so their Node-side imports type-check; Deno's own check covers functions/.
declare const Deno: {
  serve(handler: (req: Request) => Response | Promise<Response>): unknown;
  env: { get(key: string): string | undefined };
};
