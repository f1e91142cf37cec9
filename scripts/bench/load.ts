// The one HTTP load generator the benches share: node:http with keep-alive (lean, since it runs
// on the same 2-core machine as the stack), N requests from C concurrent senders.
import { Agent, request } from "node:http";

export interface Req {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  /** Requests whose status was not the expected one. */
  failures: number;
  /** Which requests (by i) did not answer the expected status. */
  failed: number[];
  statuses: Map<number, number>;
  /** When each request (by i) was answered with the expected status (performance.now() ms). */
  acked: Map<number, number>;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/**
 * Sends `total` requests from `concurrency` senders; `make(i)` builds the i-th request. Latency
 * is per request in ms; a status other than `expect` counts as a failure.
 */
export async function load(make: (i: number) => Req, total: number, concurrency: number, expect = 200): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (r: Req) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(r.url);
      const body = r.body ?? "";
      const req = request({
        agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method: r.method ?? (r.body ? "POST" : "GET"),
        headers: { ...(r.body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}), ...r.headers },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const failed: number[] = [];
  const acked = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < total; i = next++) {
      const s = performance.now();
      const status = await send(make(i)).catch(() => 0);
      latencies.push(performance.now() - s);
      if (status !== expect) failed.push(i);
      else acked.set(i, performance.now());
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: total / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures: total - (statuses.get(expect) ?? 0),
    failed,
    statuses,
    acked,
  };
}

/** Starts a trivial Deno HTTP server (the physical reference for HTTP figures); returns its URL and a stop(). */
export async function trivialServer(denoBin: string, port: number): Promise<{ url: string; stop: () => void }> {
  const { spawn } = await import("node:child_process");
  const code = `Deno.serve({ port: ${port}, hostname: "127.0.0.1", onListen() {} }, () => new Response('{"ok":true}', { headers: { "content-type": "application/json" } }));`;
  const child = spawn(denoBin, ["eval", code], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill() };
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
