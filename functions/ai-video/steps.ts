// What each step of an AI video project does with its provider, given what
// private.begin_ai_video_step answered; each returns the step's outcome for
// private.finish_ai_video_step (status, cost in micros, results in Storage under
// <workspace_id>/<project_id>/ in the ai-videos bucket).
import type { ConnectorDeps } from "../_shared/connector_deps.ts";
import { chatClient, chatFailure, chatJson } from "../_shared/providers/openai_chat.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import {
  download,
  getOperation,
  type OperationKind,
  startOperation,
  videoGenClient,
} from "../_shared/providers/video_gen.ts";
import type { Storage } from "../_shared/storage.ts";

export interface Deps extends ConnectorDeps {
  storage: Storage;
}

export interface Scene {
  index: number;
  prompt: string;
  seconds: number;
  narration: string;
}

export interface Begun {
  job: {
    id: string;
    job_type: string;
    scene_index: number | null;
    prompt: string | null;
    external_operation_id: string | null;
  };
  project: {
    id: string;
    workspace_id: string;
    title: string;
    goal: string;
    platform: string;
    duration_s: number;
    brand_kit: Record<string, unknown>;
    scene_plan: Scene[] | null;
  };
  clips: { scene_index: number; result_path: string }[];
  voice_path: string | null;
}

export interface StepResult {
  status: "completed" | "processing";
  cost_micros?: number;
  external_operation_id?: string;
  result_url?: string;
  result_path?: string;
  scene_plan?: Scene[];
}

export const BUCKET = "ai-videos";

export const SCRIPT_PROMPT = [
  "You write short marketing videos. From the brief, answer one JSON object:",
  '{"scenes": [{"prompt": <what the camera shows, for a video model>, "seconds": <2-8>, "narration": <the voice-over line>}]}',
  "whose seconds add up to the brief's duration_s, in the brand's tone.",
].join(" ");

const aspect = (platform: string) => platform === "landscape" ? "16:9" : "9:16";

async function script(b: Begun, d: Deps): Promise<StepResult> {
  const p = b.project;
  const { value, tokens } = await chatJson(
    chatClient(d.settings, d, d.settings.AI_VIDEO_TIMEOUT_MS),
    d.settings.AI_VIDEO_SCRIPT_MODEL,
    SCRIPT_PROMPT,
    JSON.stringify({
      title: p.title,
      goal: p.goal,
      platform: p.platform,
      duration_s: p.duration_s,
      brand_kit: p.brand_kit,
    }),
    d.now,
  );
  const raw = Array.isArray(value.scenes) ? value.scenes as Partial<Scene>[] : [];
  const scenes = raw.filter((s) => typeof s?.prompt === "string" && s.prompt.trim()).slice(0, 30).map((s, index) => ({
    index,
    prompt: String(s.prompt).slice(0, 2000),
    seconds: Math.min(Math.max(Number(s.seconds) || 4, 1), 30),
    narration: String(s.narration ?? "").slice(0, 2000),
  }));
  if (!scenes.length) throw new ProviderError("retry_later", "the model wrote no scenes");
  return {
    status: "completed",
    scene_plan: scenes,
    cost_micros: Math.round(tokens * d.settings.AI_VIDEO_SCRIPT_MICROS_PER_1K_TOKENS / 1000),
  };
}

async function voice(b: Begun, d: Deps): Promise<StepResult> {
  const text = (b.job.prompt ?? "").trim();
  if (!text) throw new ProviderError("bad_request", "the script has no narration to speak");
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const res = await chatClient(d.settings, d, d.settings.AI_VIDEO_TIMEOUT_MS).audio.speech.create({
      model: d.settings.AI_VIDEO_TTS_MODEL,
      voice: d.settings.AI_VIDEO_TTS_VOICE,
      input: text.slice(0, 4096),
      response_format: "mp3",
    });
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw chatFailure(e, d.now());
  }
  const path = `${b.project.workspace_id}/${b.project.id}/voice.mp3`;
  await d.storage.put(BUCKET, path, bytes, "audio/mpeg");
  return { status: "completed", result_path: path, cost_micros: text.length * d.settings.AI_VIDEO_TTS_MICROS_PER_CHAR };
}

/**
 * A provider operation: started once (its id recorded on the job before anything else), then
 * polled within this turn until done or the deadline; still running: processing (the job waits).
 */
async function operation(
  b: Begun,
  d: Deps,
  kind: OperationKind,
  body: () => unknown,
  file: string,
  deadline: number,
  record: (id: string) => Promise<void>,
): Promise<StepResult> {
  const c = videoGenClient(d.settings, d);
  let id = b.job.external_operation_id;
  if (!id) {
    id = (await startOperation(c, kind, await body())).id;
    await record(id);
  }
  for (;;) {
    const op = await getOperation(c, kind, id);
    if (op.status === "failed") {
      throw new ProviderError("bad_request", op.error ?? "the video provider failed the operation");
    }
    if (op.status === "succeeded") {
      if (!op.output_url) throw new ProviderError("retry_later", "the video provider answered no output");
      const path = `${b.project.workspace_id}/${b.project.id}/${file}`;
      await d.storage.put(BUCKET, path, await download(d, op.output_url, d.settings.AI_VIDEO_TIMEOUT_MS), "video/mp4");
      return {
        status: "completed",
        external_operation_id: id,
        result_url: op.output_url,
        result_path: path,
        cost_micros: Math.max(0, Math.round(op.cost_micros ?? 0)),
      };
    }
    if (d.now() + d.settings.AI_VIDEO_POLL_MS > deadline) return { status: "processing", external_operation_id: id };
    await new Promise((r) => setTimeout(r, d.settings.AI_VIDEO_POLL_MS));
  }
}

export function runStep(
  b: Begun,
  d: Deps,
  deadline: number,
  record: (id: string) => Promise<void>,
): Promise<StepResult> {
  const p = b.project;
  switch (b.job.job_type) {
    case "script":
      return script(b, d);
    case "voice":
      return voice(b, d);
    case "video_generation": {
      const scene = p.scene_plan?.find((s) => s.index === b.job.scene_index);
      return operation(
        b,
        d,
        "generations",
        () => ({
          prompt: b.job.prompt ?? scene?.prompt,
          seconds: scene?.seconds ?? 4,
          aspect_ratio: aspect(p.platform),
        }),
        `clip-${b.job.scene_index ?? 0}.mp4`,
        deadline,
        record,
      );
    }
    case "assembly":
      return operation(
        b,
        d,
        "compositions",
        async () => ({
          clips: await Promise.all(b.clips.map((c) => d.storage.signedUrl(BUCKET, c.result_path, 3600))),
          audio_url: b.voice_path ? await d.storage.signedUrl(BUCKET, b.voice_path, 3600) : null,
          aspect_ratio: aspect(p.platform),
        }),
        "final.mp4",
        deadline,
        record,
      );
  }
  return Promise.reject(new ProviderError("bad_request", `no worker step for ${b.job.job_type}`));
}
