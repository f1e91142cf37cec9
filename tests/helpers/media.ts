// What the media flows share: the fake Mux, Tavus and video provider on the fake-provider server (configured exactly as
// the local functions are: token pair, webhook secret, signing key), and calls to the videos
// and demo-conversations functions.
import { fakeProvidersUrl, localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { muxSigningKey } from "../../scripts/lib/mux-key.ts";
import { MuxFake } from "./fakes/mux.ts";
import { TavusFake } from "./fakes/tavus.ts";
import { VideoGenFake } from "./fakes/video_gen.ts";
import { FakeServer } from "./fakes/server.ts";
import { anonKey, api, config } from "./stack.ts";

export function mediaFakes() {
  const env = localIntegrationEnv(config);
  const key = muxSigningKey(config);
  const mux = new MuxFake({
    tokenId: env.MUX_TOKEN_ID,
    tokenSecret: env.MUX_TOKEN_SECRET,
    webhookSecret: env.MUX_WEBHOOK_SECRET,
    webhookUrl: `${api}/functions/v1/webhooks/mux`,
    signingKeyId: key.id,
    publicKeyPem: key.publicPem,
  });
  const tavus = new TavusFake(env.TAVUS_API_KEY);
  const videoGen = new VideoGenFake(env.VIDEO_GEN_API_KEY);
  const server = new FakeServer(Number(new URL(fakeProvidersUrl(config)).port), mux, tavus, videoGen);
  return { server, mux, tavus, videoGen };
}

/** POST /functions/v1/demo-conversations/<route> as a visitor (publishable key) from `address`. */
export async function callDemoConversations(route: "start" | "end", address: string, body: unknown) {
  const r = await fetch(`${api}/functions/v1/demo-conversations/${route}`, {
    method: "POST",
    headers: { apikey: await anonKey(), "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, body: await r.json() };
}

/** POST /functions/v1/videos/<route> as the user; the status and JSON body. */
export async function callVideos(route: "upload" | "playback", jwt: string, body: unknown) {
  const r = await fetch(`${api}/functions/v1/videos/${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}
