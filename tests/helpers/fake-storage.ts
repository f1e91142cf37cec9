// A stand-in for Supabase's Storage API (no Storage server runs in the embedded stack): the two
// object calls the privacy worker makes, kept in memory. Listens on an ephemeral 127.0.0.1 port.
import { createServer, type Server } from "node:http";

export class FakeStorage {
  server!: Server;
  objects = new Map<string, { body: string; contentType: string; auth: string }>();
  removed: string[] = [];
  /** When set, uploads answer with this status. */
  failStatus: number | null = null;

  get url() {
    const a = this.server.address();
    return `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/storage/v1`;
  }

  async start() {
    this.server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      const path = decodeURIComponent((req.url ?? "").split("?")[0]);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      const m = path.match(/^\/storage\/v1\/object\/([^/]+)(?:\/(.+))?$/);
      if (!m) return send(404, { error: "not found" });
      const [, bucket, name] = m;
      if (req.method === "POST" && name) {
        if (this.failStatus) return send(this.failStatus, { error: "failing on purpose" });
        this.objects.set(`${bucket}/${name}`, {
          body,
          contentType: String(req.headers["content-type"]),
          auth: String(req.headers.authorization),
        });
        return send(200, { Key: `${bucket}/${name}` });
      }
      if (req.method === "DELETE" && !name) {
        const { prefixes } = JSON.parse(body) as { prefixes: string[] };
        const gone = prefixes.filter((p) => this.objects.delete(`${bucket}/${p}`));
        this.removed.push(...prefixes.map((p) => `${bucket}/${p}`));
        return send(200, gone.map((p) => ({ name: p })));
      }
      send(405, { error: "method not allowed" });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
    return this;
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}
