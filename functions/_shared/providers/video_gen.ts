// The video generation provider of the AI video pipeline (a Veo/Runway-style API, base URL and
// key from configuration: VIDEO_GEN_API_URL, VIDEO_GEN_API_KEY as a Bearer token):
//   POST /generations {prompt, seconds, aspect_ratio}  -> {id, status}
//   POST /compositions {clips: [url], audio_url, aspect_ratio} -> {id, status}
//   GET /generations/<id>, /compositions/<id> -> {id, status: queued|running|succeeded|failed,
//     output_url?, cost_micros?, error?}
// Outputs are fetched from output_url (short-lived). Failures classified as every provider's.
import type { Settings } from "../env.ts";
import { classifyStatus, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export interface Operation {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed";
  output_url?: string;
  cost_micros?: number;
  error?: string;
}

export type OperationKind = "generations" | "compositions";

export function videoGenClient(s: Settings, http: ProviderHttp): Client {
  if (!s.VIDEO_GEN_API_URL) {
    throw new ProviderError("bad_request", "no video generation provider is configured (VIDEO_GEN_API_URL)");
  }
  return providerClient({
    name: "the video provider",
    baseUrl: s.VIDEO_GEN_API_URL,
    timeoutMs: s.AI_VIDEO_TIMEOUT_MS,
    http,
    headers: { authorization: `Bearer ${s.VIDEO_GEN_API_KEY}` },
  });
}

export async function startOperation(c: Client, kind: OperationKind, body: unknown): Promise<Operation> {
  return (await c.call<Operation>({ method: "POST", path: kind, json: body })).body;
}

export async function getOperation(c: Client, kind: OperationKind, id: string): Promise<Operation> {
  return (await c.call<Operation>({ path: `${kind}/${encodeURIComponent(id)}` })).body;
}

/** An output's bytes (a file URL the provider gave). */
export async function download(http: ProviderHttp, url: string, timeoutMs: number): Promise<Uint8Array<ArrayBuffer>> {
  let res: Response;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    res = await http.fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new ProviderError("retry_later", `the output could not be fetched: ${(e as Error)?.message ?? e}`);
  }
  const failure = classifyStatus("the video provider's file host", {
    status: res.status,
    headers: res.headers,
    body: "",
  }, http.now());
  if (failure) throw failure;
  return bytes;
}
