// What the media flows share: the fake Mux on the fake-provider server (configured exactly as
// the local functions are: token pair, webhook secret, signing key), and calls to the videos
// function as a signed-in user.
import { fakeProvidersUrl, localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { muxSigningKey } from "../../scripts/lib/mux-key.ts";
import { MuxFake } from "./fakes/mux.ts";
import { FakeServer } from "./fakes/server.ts";
import { api, config } from "./stack.ts";

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
  const server = new FakeServer(Number(new URL(fakeProvidersUrl(config)).port), mux);
  return { server, mux };
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
