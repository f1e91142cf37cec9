// The transcripts worker, woken by the database when Mux reports a text track ready (and by the
// minute sweeper for retries) or called with the secret key: claims jobs of the `mux_transcripts`
// queue, fetches each track's WebVTT with a signed token, and hands the cues to
// private.apply_video_transcript (segments, the video's transcript, knowledge) in the same
// transaction that finishes the job. A video not ready yet waits; Mux's failures are classified
// as every provider's are (retry with backoff, throttled, dead letter).
// Body (optional): { limit?: 1-50, once?: boolean }.
import { z } from "zod";
import {
  type ClaimedJob,
  claimJobs,
  failureReport,
  finishJob,
  type JobReport,
  workerSummary,
} from "../_shared/connector_jobs.ts";
import type { ConnectorDeps } from "../_shared/connector_deps.ts";
import { asService } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import { fetchTextTrack, muxClient } from "../_shared/providers/mux.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";
import { type Cue, parseVtt } from "../_shared/vtt.ts";

export type Deps = ConnectorDeps;

interface Payload {
  video_id: string;
  track_id: string;
  language: string | null;
}

type Job = ClaimedJob<Payload, Record<string, never>>;

const Body = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  once: z.boolean().default(false),
});

interface Result {
  report: JobReport;
  cues?: Cue[];
}

async function fetchCues(job: Job, d: Deps): Promise<Result> {
  try {
    const [{ playback }] = await asService(
      d.sql,
      (tx) => tx`select private.video_transcript_source(${job.payload.video_id}) as playback`,
    );
    if (!playback) {
      return {
        report: { outcome: "wait", nextAttemptAt: new Date(d.now() + 30_000), error: "the video is not ready" },
      };
    }
    const vtt = await fetchTextTrack(muxClient(d.settings, d), d.settings, d, playback, job.payload.track_id);
    let cues: Cue[];
    try {
      cues = parseVtt(vtt);
    } catch (e) {
      return { report: { outcome: "dead", error: `Mux's text track is not WebVTT: ${(e as Error).message}` } };
    }
    return { report: { outcome: "done", providerRef: job.payload.track_id }, cues };
  } catch (e) {
    return { report: failureReport(e, d.now()) };
  }
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const totals = await drain(
    { sql: d.sql, name: "media-transcripts", roundSize: opts.limit, budgetMs: d.budgetMs, once: opts.once, now: d.now },
    perRow({
      claim: (limit) => claimJobs<Payload, Record<string, never>>(d.sql, "mux_transcripts", limit),
      work: (job) => fetchCues(job, d),
      finish: async (job, r) => {
        const status = await finishJob(
          d.sql,
          job,
          r.report,
          r.cues
            ? (tx) =>
              tx`select private.apply_video_transcript(${job.job_id}, ${job.lease_id}, ${job.payload.video_id},
                ${job.payload.language}, ${tx.json(r.cues as never)})`
            : r.report.outcome === "dead" || (r.report.outcome === "retry" && job.attempts >= job.max_attempts)
            ? (tx) => tx`select private.fail_video_transcript(${job.payload.video_id})`
            : undefined,
        );
        return status === null ? "lease_lost" : r.report.outcome;
      },
      concurrency: 4,
    }),
  );
  return { status: 200, body: workerSummary(totals) };
}
