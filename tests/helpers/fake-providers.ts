// Fake OAuth providers and a webhook sink on 127.0.0.1, at the address the local functions are
// configured with (scripts/lib/gateway.ts fakeProvidersUrl).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { fakeProvidersUrl } from "../../scripts/lib/gateway.ts";
import { config } from "./stack.ts";
import { listenOn } from "./wait.ts";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export class FakeProviders {
  server!: Server;
  requests: Recorded[] = [];
  /** When set, the token endpoints answer with this status and no token. */
  failStatus: number | null = null;
  /** The PKCE challenge the Google token endpoint must see the verifier for. */
  googleChallenge: string | null = null;
  sinkStatus = 200;
  issued: string[] = [];

  get url() {
    return fakeProvidersUrl(config);
  }

  async start() {
    this.server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      const path = (req.url ?? "").split("?")[0];
      this.requests.push({ method: req.method ?? "", path, headers: req.headers, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (path.startsWith("/sink")) return send(this.sinkStatus, { ok: this.sinkStatus < 300 });
      if (this.failStatus && /token$/.test(path)) return send(this.failStatus, { error: "server_error" });
      const token = (prefix: string) => {
        const t = `${prefix}_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
        this.issued.push(t);
        return t;
      };
      if (/^\/shopify\/[^/]+\/admin\/oauth\/access_token$/.test(path)) {
        return send(200, { access_token: token("shpat"), scope: "read_orders,read_products" });
      }
      if (path === "/google/token") {
        const form = new URLSearchParams(body);
        if (form.get("grant_type") === "authorization_code") {
          const verifier = form.get("code_verifier") ?? "";
          const challenge = createHash("sha256").update(verifier).digest("base64url");
          if (!this.googleChallenge || challenge !== this.googleChallenge) return send(400, { error: "invalid_grant" });
          return send(200, { access_token: token("ya29"), refresh_token: token("1//rt"), expires_in: 3599, scope: "https://www.googleapis.com/auth/adwords" });
        }
        if (form.get("grant_type") === "refresh_token") return send(200, { access_token: token("ya29"), expires_in: 3599 });
        return send(400, { error: "unsupported_grant_type" });
      }
      if (path === "/google/revoke") return send(200, {});
      if (path === "/meta/token") return send(200, { access_token: token("EAAB"), token_type: "bearer", expires_in: 5183944 });
      send(404, { error: "not_found" });
    });
    const port = Number(new URL(this.url).port);
    await listenOn(this.server, port);
    return this;
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}
