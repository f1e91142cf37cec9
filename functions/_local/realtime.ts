// /realtime/v1/websocket on the embedded stack (LOCAL ONLY): what @supabase/realtime-js needs of
// Supabase Realtime for postgres_changes, in the Phoenix channel protocol (serializer 1.0.0 objects
// or 2.0.0 arrays): heartbeat, phx_join with the caller's access_token and the postgres_changes
// bindings (the reply gives each binding its id), the "Subscribed to PostgreSQL" system message,
// access_token refreshes, phx_leave, JSON broadcast frames between a channel's sockets (realtime-js
// sends binary ones, which are ignored: broadcast and presence are not served), and each change of a
// published table as a postgres_changes message in Realtime's wire format, sent only to
// subscribers whose own select policy lets them see the row (realtime_rls.ts). Changes come from
// logical decoding (realtime_wal.ts).
import type postgres from "postgres";
import type { Caller, Callers } from "./caller.ts";
import { realtimeRls } from "./realtime_rls.ts";
import { type Filter, parseFilter, passes } from "./realtime_filter.ts";
import { type Change, changeFeed } from "./realtime_wal.ts";

type Msg = {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
};

interface Binding {
  id: number;
  spec: { event: string; schema: string; table?: string; filter?: string };
  filter: Filter | null;
}

interface Channel {
  socket: Socket;
  topic: string;
  joinRef: string | null;
  caller: Caller;
  bindings: Binding[];
  broadcastSelf: boolean;
  holdsFeed: boolean;
}

interface Socket {
  ws: WebSocket;
  vsn: string;
  apikey: string;
  channels: Map<string, Channel>;
}

const EVENTS = new Set(["*", "INSERT", "UPDATE", "DELETE"]);

export function realtimeServer(opts: { sql: postgres.Sql; dbUrl: string; callers: Callers; log: (s: string) => void }) {
  const rls = realtimeRls(opts.sql);
  const channels = new Set<Channel>();
  let nextBindingId = 1;

  const send = (s: Socket, m: Msg) => {
    if (s.ws.readyState !== WebSocket.OPEN) return;
    s.ws.send(JSON.stringify(s.vsn === "1.0.0" ? m : [m.join_ref, m.ref, m.topic, m.event, m.payload]));
  };
  const reply = (s: Socket, m: Msg, status: "ok" | "error", response: Record<string, unknown>) =>
    send(s, { join_ref: m.join_ref, ref: m.ref, topic: m.topic, event: "phx_reply", payload: { status, response } });
  const system = (c: Channel, status: "ok" | "error", message: string) =>
    send(c.socket, {
      join_ref: c.joinRef,
      ref: null,
      topic: c.topic,
      event: "system",
      payload: { channel: c.topic.replace(/^realtime:/, ""), extension: "postgres_changes", status, message },
    });

  function drop(c: Channel, close: boolean) {
    channels.delete(c);
    c.socket.channels.delete(c.topic);
    if (c.holdsFeed) feed.release();
    c.holdsFeed = false;
    if (close) send(c.socket, { join_ref: c.joinRef, ref: null, topic: c.topic, event: "phx_close", payload: {} });
  }

  /** The caller's token must still be valid when a change goes out; an expired one ends the channel. */
  function expired(c: Channel): boolean {
    const exp = c.caller.claims.exp;
    if (typeof exp !== "number" || exp * 1000 > Date.now()) return false;
    system(c, "error", "Token has expired; send a new access_token and join again");
    drop(c, true);
    return true;
  }

  async function deliver(changes: Change[]): Promise<void> {
    for (const ch of changes) {
      const { relation: r } = ch;
      const targets = [...channels].map((c) => ({
        c,
        ids: c.bindings.filter((b) =>
          (b.spec.schema === "*" || b.spec.schema === r.schema) && (!b.spec.table || b.spec.table === r.table) &&
          (b.spec.event === "*" || b.spec.event === ch.type)
        ),
      })).filter((t) => t.ids.length > 0);
      if (!targets.length) continue;
      const columns = await rls.columns(r);
      const record = ch.record ? await rls.record(r, ch.record) : null;
      const oldFull = ch.old ? await rls.record(r, ch.old) : null;
      const seen = new Map<string, Promise<boolean>>();
      for (const { c, ids } of targets) {
        const row = record ?? oldFull ?? {};
        const matching = ids.filter((b) => passes(b.filter, row)).map((b) => b.id);
        if (!matching.length || expired(c)) continue;
        const key = JSON.stringify(c.caller.claims);
        if (!seen.has(key)) {
          seen.set(
            key,
            ch.type === "DELETE"
              ? (ch.oldIsFull ? rls.couldSee(c.caller, r, ch.old!) : Promise.resolve(false))
              : rls.canSee(c.caller, r, ch.record!),
          );
        }
        if (!(await seen.get(key))) continue;
        const data: Record<string, unknown> = {
          schema: r.schema,
          table: r.table,
          commit_timestamp: ch.commitTimestamp,
          type: ch.type,
          columns,
          errors: null,
        };
        if (record) data.record = record;
        if (ch.type !== "INSERT") data.old_record = oldFull ? rls.keyOf(r, oldFull) : {};
        send(c.socket, {
          join_ref: c.joinRef,
          ref: null,
          topic: c.topic,
          event: "postgres_changes",
          payload: { ids: matching, data },
        });
      }
    }
  }

  const feed = changeFeed(opts.dbUrl, deliver, opts.log);

  async function join(s: Socket, m: Msg): Promise<void> {
    const p = m.payload as { config?: Record<string, unknown>; access_token?: string };
    const who = await opts.callers.fromTokenOrKey(p.access_token, s.apikey);
    if (!who.ok) {
      return reply(s, m, "error", { reason: who.message === "jwt expired" ? "Token has expired" : who.message });
    }
    const specs = (p.config?.postgres_changes ?? []) as Binding["spec"][];
    const bindings: Binding[] = [];
    for (const spec of Array.isArray(specs) ? specs : []) {
      const filter = parseFilter(spec.filter);
      if (!EVENTS.has(spec.event) || typeof spec.schema !== "string" || filter === "bad") {
        return reply(s, m, "error", { reason: `invalid postgres_changes binding: ${JSON.stringify(spec)}` });
      }
      bindings.push({ id: nextBindingId++, spec, filter });
    }
    const old = s.channels.get(m.topic);
    if (old) drop(old, false);
    const c: Channel = {
      socket: s,
      topic: m.topic,
      joinRef: m.join_ref,
      caller: who.caller,
      bindings,
      broadcastSelf: (p.config?.broadcast as { self?: boolean } | undefined)?.self === true,
      holdsFeed: false,
    };
    if (bindings.length) {
      try {
        c.holdsFeed = true;
        await feed.acquire();
      } catch (e) {
        c.holdsFeed = false;
        feed.release();
        return reply(s, m, "error", {
          reason: `Realtime cannot read changes: ${(e as Error).message} (the stack needs wal_level = logical: ` +
            "npm run stack -- stop, then start)",
        });
      }
    }
    s.channels.set(m.topic, c);
    channels.add(c);
    reply(s, m, "ok", { postgres_changes: bindings.map((b) => ({ id: b.id, ...b.spec })) });
    if (bindings.length) system(c, "ok", "Subscribed to PostgreSQL");
  }

  async function onMessage(s: Socket, m: Msg): Promise<void> {
    if (m.topic === "phoenix" && m.event === "heartbeat") return reply(s, m, "ok", {});
    if (m.event === "phx_join") return await join(s, m);
    const c = s.channels.get(m.topic);
    if (!c) return reply(s, m, "error", { reason: "unmatched topic" });
    switch (m.event) {
      case "phx_leave":
        reply(s, m, "ok", {});
        return drop(c, true);
      case "access_token": {
        const who = await opts.callers.fromTokenOrKey(m.payload.access_token as string | undefined, s.apikey);
        if (!who.ok) {
          system(c, "error", `invalid access token: ${who.message}`);
          return drop(c, true);
        }
        c.caller = who.caller;
        return;
      }
      case "broadcast":
        for (const other of channels) {
          if (other.topic === c.topic && (other !== c || c.broadcastSelf)) {
            send(other.socket, {
              join_ref: other.joinRef,
              ref: null,
              topic: other.topic,
              event: "broadcast",
              payload: m.payload,
            });
          }
        }
        if (m.ref) reply(s, m, "ok", {});
        return;
      default:
        if (m.ref) reply(s, m, "ok", {});
    }
  }

  return {
    /** Upgrades GET /realtime/v1/websocket?apikey=...&vsn=... (the apikey is checked by the caller). */
    handle(req: Request, apikey: string): Response {
      const url = new URL(req.url);
      const protocols = (req.headers.get("sec-websocket-protocol") ?? "").split(",").map((p) => p.trim());
      const { socket: ws, response } = Deno.upgradeWebSocket(
        req,
        protocols.includes("phoenix") ? { protocol: "phoenix" } : {},
      );
      const s: Socket = { ws, vsn: url.searchParams.get("vsn") ?? "1.0.0", apikey, channels: new Map() };
      let queue = Promise.resolve();
      ws.onmessage = (e) => {
        if (typeof e.data !== "string") return; // binary broadcast frames are not relayed locally
        let m: Msg;
        try {
          const raw = JSON.parse(e.data);
          m = Array.isArray(raw)
            ? { join_ref: raw[0], ref: raw[1], topic: raw[2], event: raw[3], payload: raw[4] ?? {} }
            : { ...raw, payload: raw.payload ?? {} };
        } catch {
          return;
        }
        // One message at a time per socket, in order (a join awaits the change feed).
        queue = queue.then(() => onMessage(s, m)).catch((err) => opts.log(`realtime: ${(err as Error).message}`));
      };
      ws.onclose = () => {
        for (const c of [...s.channels.values()]) drop(c, false);
      };
      return response;
    },
    /** Closes every socket (the server's shutdown would wait for them) and the change feed. */
    async stop() {
      for (const c of [...channels]) c.socket.ws.close(1001, "server shutting down");
      await feed.stop();
    },
  };
}
