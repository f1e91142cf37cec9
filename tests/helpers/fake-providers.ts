// Fake OAuth providers and a webhook sink on 127.0.0.1, at the address the local functions are
// configured with (scripts/lib/gateway.ts fakeProvidersUrl): the OAuth fake mounted on the
// shared fake server (tests/helpers/fakes/), where a test can mount more providers.
import { fakeProvidersUrl } from "../../scripts/lib/gateway.ts";
import { OAuthFake } from "./fakes/oauth.ts";
import { type FakeProvider, FakeServer } from "./fakes/server.ts";
import { config } from "./stack.ts";

export class FakeProviders {
  readonly oauth = new OAuthFake();
  readonly server = new FakeServer(Number(new URL(fakeProvidersUrl(config)).port), this.oauth);

  get url() {
    return fakeProvidersUrl(config);
  }
  get requests() {
    return this.oauth.requests;
  }
  get issued() {
    return this.oauth.issued;
  }
  get failStatus() {
    return this.oauth.failStatus;
  }
  set failStatus(v: number | null) {
    this.oauth.failStatus = v;
  }
  get googleChallenge() {
    return this.oauth.googleChallenge;
  }
  set googleChallenge(v: string | null) {
    this.oauth.googleChallenge = v;
  }
  get sinkStatus() {
    return this.oauth.sinkStatus;
  }
  set sinkStatus(v: number) {
    this.oauth.sinkStatus = v;
  }

  /** Mounts another fake provider on the same server. */
  mount<P extends FakeProvider>(p: P): P {
    return this.server.mount(p);
  }

  async start() {
    await this.server.start();
    return this;
  }

  stop() {
    return this.server.stop();
  }
}
