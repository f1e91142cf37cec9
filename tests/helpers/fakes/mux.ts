// Mux as the videos function, the webhook receiver and the transcripts worker meet it:
//   POST /video/v1/uploads (Basic auth with the access token pair) answers {data: upload} with a
//     URL on this fake; PUT to that URL "uploads" the file, after which the fake processes it as
//     Mux does and calls our webhook, signed the Mux way (Mux-Signature: t=<unix>,v1=<hex
//     HMAC-SHA256 of "t.body">): video.upload.asset_created, video.asset.created,
//     video.asset.ready (or video.asset.errored), then video.asset.track.ready for the generated
//     subtitles;
//   GET /stream/<playback id>.m3u8?token= and /stream/<playback id>/text/<track id>.vtt?token=
//     serve only with an RS256 token our signing key made for that playback id (verified with
//     the public key, as Mux's stream servers do): 403 otherwise.
import { createHmac, randomUUID } from "node:crypto";
import { importSPKI, jwtVerify } from "jose";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface MuxUpload {
  id: string;
  url: string;
  cors_origin: string;
  new_asset_settings: { playback_policies?: string[]; passthrough?: string; inputs?: unknown[] };
  status: "waiting" | "asset_created" | "errored";
  asset_id?: string;
}

export interface MuxAsset {
  id: string;
  upload_id: string;
  passthrough?: string;
  playback_id: string;
  duration: number;
  tracks: { id: string; type: "text"; language_code: string; status: "ready" }[];
}

export interface Delivery {
  type: string;
  status: number;
  body: string;
}

/** Cues of the generated subtitles of every asset, unless a test sets its own. */
export const DEFAULT_CUES = [
  { start: 0, end: 2.5, text: "Welcome to the Glow balm demo." },
  { start: 2.5, end: 6.25, text: "It ships in recyclable tins and costs twenty dollars." },
];

export class MuxFake extends FakeProvider {
  readonly prefix = "/mux";
  uploads = new Map<string, MuxUpload>();
  assets = new Map<string, MuxAsset>();
  deliveries: Delivery[] = [];
  /** What the next processed upload does: ready after `duration` seconds of video, or errored. */
  outcome: { kind: "ready"; duration: number } | { kind: "errored"; message: string } = { kind: "ready", duration: 12.5 };
  cues = DEFAULT_CUES;

  constructor(
    private readonly o: {
      tokenId: string;
      tokenSecret: string;
      webhookSecret: string;
      webhookUrl: string;
      signingKeyId: string;
      publicKeyPem: string;
    },
  ) {
    super();
    this.on("POST", /^\/video\/v1\/uploads$/, (r) => this.createUpload(r));
    this.on("PUT", /^\/upload\/([^/]+)$/, (r, m) => this.receiveFile(r, m[1]));
    this.on("GET", /^\/stream\/([^/.]+)\.m3u8$/, (r, m) => this.stream(r, m[1], "v", "#EXTM3U\n#EXT-X-VERSION:3\n"));
    this.on("GET", /^\/stream\/([^/]+)\/text\/([^/.]+)\.vtt$/, (r, m) => this.vtt(r, m[1], m[2]));
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { error: { type: "unauthorized", messages: ["Unauthorized request"] } } };
  }

  private authorized(r: FakeRequest): boolean {
    const expected = `Basic ${Buffer.from(`${this.o.tokenId}:${this.o.tokenSecret}`).toString("base64")}`;
    return r.headers.authorization === expected;
  }

  private createUpload(r: FakeRequest): FakeResponse {
    if (!this.authorized(r)) return this.expiredToken();
    const b = r.json as Partial<MuxUpload> & { cors_origin?: string };
    if (!b?.cors_origin) return { status: 400, json: { error: { type: "invalid_parameters", messages: ["cors_origin is required"] } } };
    const id = `up${randomUUID().replaceAll("-", "")}`;
    const up: MuxUpload = {
      id,
      url: `http://${r.headers.host}${this.prefix}/upload/${id}`,
      cors_origin: b.cors_origin,
      new_asset_settings: b.new_asset_settings ?? {},
      status: "waiting",
    };
    this.uploads.set(id, up);
    return { status: 201, json: { data: { ...up, timeout: 3600, test: false } } };
  }

  /** The browser's PUT of the file: Mux answers at once and processes afterwards. */
  private receiveFile(_r: FakeRequest, id: string): FakeResponse {
    const up = this.uploads.get(id);
    if (!up || up.status !== "waiting") return { status: 404, text: "" };
    setTimeout(() => void this.process(up), 10);
    return { status: 200, text: "" };
  }

  /** What Mux does after an upload: the asset, its events, its generated subtitles. */
  async process(up: MuxUpload): Promise<void> {
    const assetId = `as${randomUUID().replaceAll("-", "")}`;
    up.status = "asset_created";
    up.asset_id = assetId;
    const passthrough = up.new_asset_settings.passthrough;
    await this.deliver("video.upload.asset_created", { id: up.id, asset_id: assetId, status: "asset_created" });
    const asset: MuxAsset = {
      id: assetId,
      upload_id: up.id,
      passthrough,
      playback_id: `pb${randomUUID().replaceAll("-", "")}`,
      duration: this.outcome.kind === "ready" ? this.outcome.duration : 0,
      tracks: [],
    };
    this.assets.set(assetId, asset);
    const base = { id: assetId, upload_id: up.id, passthrough, status: "preparing",
      playback_ids: [{ id: asset.playback_id, policy: "signed" }] };
    await this.deliver("video.asset.created", base);
    if (this.outcome.kind === "errored") {
      await this.deliver("video.asset.errored", { ...base, status: "errored",
        errors: { type: "invalid_input", messages: [this.outcome.message] } });
      return;
    }
    await this.deliver("video.asset.ready", { ...base, status: "ready", duration: asset.duration });
    const subtitles = (up.new_asset_settings.inputs as { generated_subtitles?: { language_code: string }[] }[] | undefined)
      ?.flatMap((i) => i.generated_subtitles ?? []) ?? [];
    for (const s of subtitles) {
      const track = { id: `tr${randomUUID().replaceAll("-", "")}`, type: "text" as const, language_code: s.language_code, status: "ready" as const };
      asset.tracks.push(track);
      await this.deliver("video.asset.track.ready", { ...track, asset_id: assetId, text_type: "subtitles",
        text_source: "generated_vod", name: `${s.language_code} (generated)`, passthrough });
    }
  }

  /** Mux-Signature over "t.body" with the webhook secret; `t` defaults to now. */
  sign(body: string, t = Math.floor(Date.now() / 1000), secret = this.o.webhookSecret): string {
    return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
  }

  /** Sends one event to our webhook as Mux does (its own id, the environment, a signature). */
  async deliver(type: string, data: Record<string, unknown>, opts: { id?: string; t?: number; secret?: string } = {}) {
    const body = JSON.stringify({
      type, id: opts.id ?? randomUUID(), created_at: new Date().toISOString(), object: { type: type.split(".")[1], id: data.id },
      environment: { name: "Development", id: "env1" }, attempts: [], data,
    });
    const res = await fetch(this.o.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "mux-signature": this.sign(body, opts.t, opts.secret) },
      body,
    });
    const text = await res.text();
    this.deliveries.push({ type, status: res.status, body });
    return { status: res.status, json: text ? JSON.parse(text) as unknown : null };
  }

  private async tokenFor(r: FakeRequest, playbackId: string, aud: string): Promise<boolean> {
    const token = r.query.get("token");
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, await importSPKI(this.o.publicKeyPem, "RS256"), { algorithms: ["RS256"] });
      return payload.sub === playbackId && payload.aud === aud && payload.kid === this.o.signingKeyId;
    } catch {
      return false;
    }
  }

  private async stream(r: FakeRequest, playbackId: string, aud: string, text: string): Promise<FakeResponse> {
    if (![...this.assets.values()].some((a) => a.playback_id === playbackId)) return { status: 404, text: "" };
    if (!(await this.tokenFor(r, playbackId, aud))) return { status: 403, json: { error: "invalid playback token" } };
    return { status: 200, headers: { "content-type": "application/vnd.apple.mpegurl" }, text };
  }

  private async vtt(r: FakeRequest, playbackId: string, trackId: string): Promise<FakeResponse> {
    const asset = [...this.assets.values()].find((a) => a.playback_id === playbackId && a.tracks.some((t) => t.id === trackId));
    if (!asset) return { status: 404, text: "" };
    if (!(await this.tokenFor(r, playbackId, "v"))) return { status: 403, json: { error: "invalid playback token" } };
    const ts = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
    const body = ["WEBVTT", "", ...this.cues.flatMap((c, i) => [String(i + 1), `${ts(c.start)} --> ${ts(c.end)}`, c.text, ""])].join("\n");
    return { status: 200, headers: { "content-type": "text/vtt" }, text: body };
  }
}
