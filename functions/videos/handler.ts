// POST /functions/v1/videos/upload and /functions/v1/videos/playback with a user's JWT.
//
// upload {workspaceId, title, sizeBytes, folderId?, visibility?, description?}: the member's
//   video row is made by public.create_video_upload as the member (role, plan quota: PT413),
//   then Mux is asked for a direct upload bound to it (passthrough = video id, signed playback,
//   CORS for the app's origin), and the upload id is recorded on the row. Answers 201
//   {video, upload: {id, url, timeout}}: the browser PUTs the file to upload.url; Mux's webhooks
//   do the rest. Mux refusing marks the video errored (it stops counting against the quota).
// playback {videoId}: public.video_playback as the caller (RLS: creator, workspace visibility,
//   admins, video_permissions; PT404 otherwise, PT409 while not ready), then RS256 playback,
//   thumbnail and storyboard tokens signed by the SDK with our signing key.
import { z } from "zod";
import { type AuthConfig, requireUser } from "../_shared/auth.ts";
import { asService, asUser, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import { createDirectUpload, muxClient, signPlayback } from "../_shared/providers/mux.ts";

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  settings: Settings;
  fetch: typeof fetch;
  now: () => number;
}

const Upload = z.object({
  workspaceId: z.string().uuid(),
  title: z.string().trim().min(1).max(500),
  sizeBytes: z.number().int().positive(),
  folderId: z.string().uuid().nullish(),
  visibility: z.enum(["workspace", "private"]).default("workspace"),
  description: z.string().max(5000).nullish(),
});

const Playback = z.object({ videoId: z.string().uuid() });

async function upload(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const b = Upload.parse(await readJson(req, 20_000));
  // to_jsonb: numbers as PostgREST answers them (bigint and numeric as JSON numbers)
  const [{ video }] = await asUser(
    d.sql,
    user,
    (tx) =>
      tx`select to_jsonb(v) as video from public.create_video_upload(${b.workspaceId}, ${b.title}, ${b.sizeBytes},
        ${b.folderId ?? null}, ${b.visibility}, ${b.description ?? null}) v`,
  );
  let up;
  try {
    up = await createDirectUpload(muxClient(d.settings, d), d.settings, video.id, d.now());
  } catch (e) {
    const why = e instanceof ProviderError ? e.message : String(e);
    await asService(d.sql, (tx) => tx`select private.fail_video_upload(${video.id}, ${why})`);
    throw new HttpError(502, "provider_unavailable", `Mux did not create the upload: ${why}`, { videoId: video.id });
  }
  const [row] = await asService(
    d.sql,
    (tx) => tx`select to_jsonb(v) as video from private.attach_mux_upload(${video.id}, ${up.id}) v`,
  );
  return { status: 201, body: { video: row.video, upload: up } };
}

async function playback(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const b = Playback.parse(await readJson(req, 2_000));
  const [p] = await asUser(d.sql, user, (tx) => tx`select * from public.video_playback(${b.videoId})`);
  if (!d.settings.MUX_SIGNING_KEY_ID || !d.settings.MUX_SIGNING_KEY_PRIVATE) {
    throw new HttpError(503, "not_configured", "no Mux signing key is configured");
  }
  const tokens = await signPlayback(
    muxClient(d.settings, d),
    p.mux_playback_id,
    d.settings.MUX_PLAYBACK_TTL_S,
    d.now(),
  );
  const stream = d.settings.MUX_STREAM_URL.replace(/\/$/, "");
  return {
    status: 200,
    body: {
      videoId: p.id,
      playbackId: p.mux_playback_id,
      tokens,
      streamUrl: `${stream}/${p.mux_playback_id}.m3u8?token=${tokens.video}`,
      expiresAt: tokens.expiresAt,
    },
  };
}

export function videos(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const route = new URL(req.url).pathname.replace(/^.*\/videos\/?/, "");
  if (route === "upload") return upload(req, d);
  if (route === "playback") return playback(req, d);
  throw new HttpError(404, "not_found", "POST /videos/upload or /videos/playback");
}
