// The base of every fake provider: one small HTTP server on 127.0.0.1 (at the address the local
// functions are configured with, API port + 78) with providers mounted under path prefixes
// (/meta, /google-ads, /tiktok ...), each answering in its own wire format. Tests script faults
// per provider, consumed in order by the requests they match: a slow answer (the client's
// timeout), a status (5xx), the provider's own throttling answer (429 with its headers, or a
// body-level code), the provider's own expired-token answer, or a dropped connection.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listenOn } from "../wait.ts";

export interface FakeRequest {
  method: string;
  /** The path under the provider's prefix. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  /** The body parsed as JSON (or a form as an object); undefined when it is neither. */
  json: unknown;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (a body that is not JSON, or JSON lines). */
  text?: string;
  /** Sent chunk by chunk as it is produced (a large file, e.g. a bulk operation's JSONL). */
  stream?: AsyncIterable<string> | Iterable<string>;
  /** The provider did the work but the connection closes before its answer (a response that is lost). */
  dropAfter?: boolean;
}

export type Fault =
  /** Answers after `ms` (what it answers: the provider's normal answer, or `then`). */
  | { kind: "slow"; ms: number; then?: FakeResponse }
  /** Answers this status (and body); 500 and 503 by default bodies. */
  | { kind: "status"; status: number; json?: unknown; headers?: Record<string, string> }
  /** The provider's own throttling answer, asking us to wait `seconds`. */
  | { kind: "throttle"; seconds: number }
  /** The provider's own answer to an expired or revoked token. */
  | { kind: "expired_token" }
  /** Closes the connection without answering. */
  | { kind: "drop" };

type Matcher = (r: FakeRequest) => boolean;
type Handler = (r: FakeRequest, m: RegExpMatchArray) => FakeResponse | Promise<FakeResponse>;

export abstract class FakeProvider {
  /** Where it is mounted, e.g. "/meta". */
  abstract readonly prefix: string;
  /** Every request that reached this provider (faulted ones included), in order. */
  requests: FakeRequest[] = [];
  private routes: { method: string; path: RegExp; handler: Handler }[] = [];
  private script: { match: Matcher; fault: Fault; left: number }[] = [];

  /** The provider's answer to an expired or revoked token. */
  abstract expiredToken(r: FakeRequest): FakeResponse;

  /** The provider's throttling answer; by default 429 with Retry-After. */
  throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return { status: 429, headers: { "retry-after": String(seconds) }, json: { error: "rate limited" } };
  }

  protected on(method: string, path: RegExp, handler: Handler): void {
    this.routes.push({ method, path, handler });
  }

  /**
   * Scripts a fault for the next `times` requests (default 1) that `when` matches (a path
   * substring, a regular expression over the path, or a predicate; default every request).
   */
  fail(fault: Fault, opts: { times?: number; when?: string | RegExp | Matcher } = {}): this {
    const w = opts.when;
    const match: Matcher = w === undefined
      ? () => true
      : typeof w === "string"
      ? (r) => r.path.includes(w)
      : w instanceof RegExp
      ? (r) => w.test(r.path)
      : w;
    this.script.push({ match, fault, left: opts.times ?? 1 });
    return this;
  }

  clearFaults(): void {
    this.script = [];
  }

  /** Requests whose path matches, in order. */
  calls(path?: string | RegExp): FakeRequest[] {
    if (path === undefined) return this.requests;
    return this.requests.filter((r) => typeof path === "string" ? r.path.includes(path) : path.test(r.path));
  }

  /** The answer to one request: a scripted fault first, else the route's own answer. */
  async answer(r: FakeRequest): Promise<FakeResponse | "drop"> {
    this.requests.push(r);
    const s = this.script.find((x) => x.left > 0 && x.match(r));
    if (s) {
      s.left--;
      const f = s.fault;
      switch (f.kind) {
        case "slow":
          await new Promise((res) => setTimeout(res, f.ms));
          return f.then ?? await this.route(r);
        case "status":
          return { status: f.status, headers: f.headers, json: f.json ?? { error: `fake ${f.status}` } };
        case "throttle":
          return this.throttled(r, f.seconds);
        case "expired_token":
          return this.expiredToken(r);
        case "drop":
          return "drop";
      }
    }
    return await this.route(r);
  }

  private async route(r: FakeRequest): Promise<FakeResponse> {
    for (const x of this.routes) {
      const m = r.path.match(x.path);
      if (m && x.method === r.method) return await x.handler(r, m);
    }
    return { status: 404, json: { error: `no fake route for ${r.method} ${this.prefix}${r.path}` } };
  }
}

function parseBody(body: string, type: string | undefined): unknown {
  if (!body) return undefined;
  if ((type ?? "").includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** One server on 127.0.0.1 for a test file's fake providers. */
export class FakeServer {
  private server?: Server;
  private providers: FakeProvider[] = [];

  constructor(readonly port: number, ...providers: FakeProvider[]) {
    for (const p of providers) this.mount(p);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  mount<P extends FakeProvider>(p: P): P {
    this.providers.push(p);
    this.providers.sort((a, b) => b.prefix.length - a.prefix.length); // the longest prefix wins
    return p;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      const u = new URL(req.url ?? "/", this.url);
      const p = this.providers.find((x) => u.pathname === x.prefix || u.pathname.startsWith(`${x.prefix}/`) || x.prefix === "");
      if (!p) {
        res.writeHead(404, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: `no fake provider at ${u.pathname}` }));
      }
      const r: FakeRequest = {
        method: req.method ?? "GET",
        path: u.pathname.slice(p.prefix.length) || "/",
        query: u.searchParams,
        headers: req.headers,
        body,
        json: parseBody(body, req.headers["content-type"]),
      };
      const a = await p.answer(r);
      if (res.destroyed) return;
      if (a === "drop") return req.socket.destroy();
      if (a.dropAfter) return req.socket.destroy();
      if (a.stream) {
        res.writeHead(a.status ?? 200, { "content-type": "application/jsonl", ...a.headers });
        for await (const chunk of a.stream) {
          if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
        }
        return res.end();
      }
      const text = a.text ?? (a.json === undefined ? "" : JSON.stringify(a.json));
      res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
      res.end(text);
    });
    await listenOn(this.server, this.port);
    return this;
  }

  /** The port actually bound (when constructed with 0). */
  get boundPort(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    if (!this.server) return Promise.resolve();
    this.server.closeAllConnections();
    return new Promise((r) => this.server!.close(() => r()));
  }
}
