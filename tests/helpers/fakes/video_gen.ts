// The video generation provider of the AI video pipeline, as the ai-video worker meets it
// (Bearer key): POST /v1/generations and /v1/compositions start operations; GET
// /v1/<kind>/<id> answers running on the first poll and succeeded (with an output URL on this
// fake and the cost in micros: $0.40 a second of clip, $0.05 a composition) on the next, or failed
// for a prompt matching `refuse`. A composition fetches every clip and the audio URL it is given
// (our Storage's signed URLs) and fails when one does not answer 200.
import { randomUUID } from "node:crypto";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

interface Op {
  id: string;
  kind: "generations" | "compositions";
  body: Record<string, unknown>;
  polls: number;
  error?: string;
  cost: number;
}

export class VideoGenFake extends FakeProvider {
  readonly prefix = "/video-gen";
  ops = new Map<string, Op>();
  /** Prompts the provider refuses (content policy). */
  refuse: RegExp | null = null;
  /** What compositions found at the URLs they were given. */
  fetched: { url: string; status: number; bytes: number }[] = [];

  constructor(private readonly key: string) {
    super();
    this.on("POST", /^\/v1\/(generations|compositions)$/, (r, m) => this.start(r, m[1] as Op["kind"]));
    this.on("GET", /^\/v1\/(generations|compositions)\/([^/]+)$/, (r, m) => this.poll(r, m[2]));
    this.on("GET", /^\/files\/([^/]+)$/, (_r, m) => ({ status: 200, headers: { "content-type": "video/mp4" }, text: `fake mp4 ${m[1]}` }));
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { error: "invalid api key" } };
  }

  private async start(r: FakeRequest, kind: Op["kind"]): Promise<FakeResponse> {
    if (r.headers.authorization !== `Bearer ${this.key}`) return this.expiredToken();
    const body = (r.json ?? {}) as Record<string, unknown>;
    const op: Op = { id: `op_${randomUUID().slice(0, 8)}`, kind, body, polls: 0, cost: 0 };
    if (kind === "generations") {
      op.cost = Math.round(Number(body.seconds ?? 4) * 400_000);
      if (this.refuse?.test(String(body.prompt))) op.error = "the prompt violates the content policy";
    } else {
      op.cost = 50_000;
      for (const url of [...(body.clips as string[] ?? []), ...(body.audio_url ? [String(body.audio_url)] : [])]) {
        const res = await fetch(url);
        const bytes = (await res.arrayBuffer()).byteLength;
        this.fetched.push({ url, status: res.status, bytes });
        if (res.status !== 200) op.error = `could not fetch ${url}: ${res.status}`;
      }
    }
    this.ops.set(op.id, op);
    return { status: 201, json: { id: op.id, status: "queued" } };
  }

  private poll(r: FakeRequest, id: string): FakeResponse {
    if (r.headers.authorization !== `Bearer ${this.key}`) return this.expiredToken();
    const op = this.ops.get(id);
    if (!op) return { status: 404, json: { error: "no such operation" } };
    op.polls++;
    if (op.polls < 2) return { json: { id, status: "running" } };
    if (op.error) return { json: { id, status: "failed", error: op.error } };
    return { json: { id, status: "succeeded", output_url: `http://${r.headers.host}${this.prefix}/files/${id}.mp4`, cost_micros: op.cost } };
  }
}
