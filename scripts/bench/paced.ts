// An open-loop load generator: request i is due at start + i / rate, whatever the answers before
// it took (as a webhook sender does), sent by at most `concurrency` senders at once. Records
// when each request was sent and answered, so a bench can tell the offered rate it kept, its
// latencies and when each delivery was acknowledged.
import { Agent, request } from "node:http";
import type { Req } from "./load.ts";

export interface PacedResult {
  /** Per request: when it was sent and answered (ms, performance.now()), and its status (0: error). */
  sent: Float64Array;
  answered: Float64Array;
  status: Int32Array;
  /** Requests sent more than 100 ms after they were due (the senders could not keep up). */
  late: number;
  seconds: number;
}

export async function paced(make: (i: number) => Req, total: number, rate: number, concurrency: number): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const sent = new Float64Array(total), answered = new Float64Array(total), status = new Int32Array(total);
  let next = 0, late = 0;
  const t0 = performance.now();
  const send = (r: Req) =>
    new Promise<number>((resolve) => {
      const u = new URL(r.url);
      const body = r.body ?? "";
      const req = request({
        agent, host: u.hostname, port: u.port, path: u.pathname, method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...r.headers },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.end(body);
    });
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < total; i = next++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else if (wait < -100) late++;
      sent[i] = performance.now();
      status[i] = await send(make(i));
      answered[i] = performance.now();
    }
  }));
  agent.destroy();
  return { sent, answered, status, late, seconds: (performance.now() - t0) / 1000 };
}
