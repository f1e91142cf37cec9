// The local Realtime server's change feed (LOCAL ONLY): logical decoding of the tables published
// to supabase_realtime, as Supabase Realtime reads them. A temporary pgoutput slot is made when the
// first subscriber joins and polled every 100 ms through pg_logical_slot_get_binary_changes on one
// dedicated connection (a temporary slot belongs to its session); it is dropped when the last
// subscriber leaves, so a stack nobody subscribes to decodes nothing.
import postgres from "postgres";

export interface Column {
  name: string;
  typeOid: number;
  typmod: number;
  key: boolean;
}

export interface Relation {
  id: number;
  schema: string;
  table: string;
  columns: Column[];
}

/** A tuple's values as pgoutput sends them: text, null, or undefined for an unchanged TOASTed value. */
export type Tuple = (string | null | undefined)[];

export interface Change {
  type: "INSERT" | "UPDATE" | "DELETE";
  relation: Relation;
  /** New values (INSERT, UPDATE). */
  record: Tuple | null;
  /** Old values: the key columns ('K') or, with replica identity full, every column ('O'). */
  old: Tuple | null;
  oldIsFull: boolean;
  commitTimestamp: string;
}

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const dec = new TextDecoder();

/** Decodes pgoutput (protocol 1) messages; relations are remembered across calls. */
export function pgoutputDecoder() {
  const relations = new Map<number, Relation>();
  let commitTimestamp = new Date().toISOString();

  return (msg: Uint8Array): Change | null => {
    const view = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
    let at = 1;
    const u8 = () => view.getUint8(at++);
    const i16 = () => (at += 2, view.getInt16(at - 2));
    const i32 = () => (at += 4, view.getInt32(at - 4));
    const i64 = () => (at += 8, view.getBigInt64(at - 8));
    const str = () => {
      const end = msg.indexOf(0, at);
      const s = dec.decode(msg.subarray(at, end));
      at = end + 1;
      return s;
    };
    const tuple = (): Tuple => {
      const n = i16();
      const values: Tuple = [];
      for (let i = 0; i < n; i++) {
        const kind = String.fromCharCode(u8());
        if (kind === "n") values.push(null);
        else if (kind === "u") values.push(undefined);
        else {
          const len = i32();
          values.push(dec.decode(msg.subarray(at, at + len)));
          at += len;
        }
      }
      return values;
    };
    switch (String.fromCharCode(msg[0])) {
      case "B": {
        i64();
        commitTimestamp = new Date(PG_EPOCH_MS + Number(i64() / 1000n)).toISOString();
        return null;
      }
      case "R": {
        const id = i32(), schema = str(), table = str();
        u8(); // replica identity setting
        const columns: Column[] = [];
        for (let n = i16(), i = 0; i < n; i++) {
          const flags = u8();
          columns.push({ name: str(), typeOid: i32(), typmod: i32(), key: (flags & 1) === 1 });
        }
        relations.set(id, { id, schema, table, columns });
        return null;
      }
      case "I": {
        const relation = relations.get(i32())!;
        u8(); // 'N'
        return { type: "INSERT", relation, record: tuple(), old: null, oldIsFull: false, commitTimestamp };
      }
      case "U": {
        const relation = relations.get(i32())!;
        let kind = String.fromCharCode(u8());
        let old: Tuple | null = null, oldIsFull = false;
        if (kind === "K" || kind === "O") {
          oldIsFull = kind === "O";
          old = tuple();
          kind = String.fromCharCode(u8());
        }
        return { type: "UPDATE", relation, record: tuple(), old, oldIsFull, commitTimestamp };
      }
      case "D": {
        const relation = relations.get(i32())!;
        const kind = String.fromCharCode(u8());
        return { type: "DELETE", relation, record: null, old: tuple(), oldIsFull: kind === "O", commitTimestamp };
      }
      default: // commit, origin, type, truncate, message
        return null;
    }
  };
}

export interface ChangeFeed {
  /** Resolves once the slot exists: changes committed from then on are delivered. */
  acquire(): Promise<void>;
  release(): void;
  stop(): Promise<void>;
}

/** Polls the slot while anyone holds the feed; onChanges gets each batch of committed changes in order. */
export function changeFeed(
  dbUrl: string,
  onChanges: (changes: Change[]) => Promise<void>,
  log: (s: string) => void,
): ChangeFeed {
  let sql: postgres.Sql | null = null;
  let ready: Promise<void> | null = null;
  let holders = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slot = `growthbase_realtime_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const decode = pgoutputDecoder();

  async function poll(): Promise<void> {
    if (!sql || holders === 0) return;
    try {
      for (;;) {
        const rows = await sql<
          { data: Uint8Array }[]
        >`select data from pg_logical_slot_get_binary_changes(${slot}, null, 5000,
          'proto_version', '1', 'publication_names', 'supabase_realtime')`;
        const changes = rows.map((r) => decode(r.data)).filter((c): c is Change => c !== null);
        if (changes.length) await onChanges(changes);
        if (rows.length < 5000) break;
      }
    } catch (e) {
      log(`realtime: reading changes failed: ${(e as Error).message}`);
      if (/does not exist|terminat|connection/i.test((e as Error).message)) await reopen();
    }
    if (holders > 0) timer = setTimeout(poll, 100);
  }

  async function open(): Promise<void> {
    sql = postgres(dbUrl, { max: 1, idle_timeout: 0, onnotice: () => {} });
    await sql`select pg_create_logical_replication_slot(${slot}, 'pgoutput', true)`;
    timer = setTimeout(poll, 100);
  }

  async function close(): Promise<void> {
    clearTimeout(timer);
    const s = sql;
    sql = null;
    ready = null;
    await s?.end({ timeout: 1 }); // the temporary slot goes with the session
  }

  async function reopen(): Promise<void> {
    await close();
    if (holders > 0) ready = open().catch((e) => log(`realtime: ${(e as Error).message}`));
  }

  return {
    acquire() {
      holders++;
      ready ??= open().catch(async (e) => {
        ready = null;
        await sql?.end({ timeout: 1 });
        sql = null;
        throw e;
      });
      return ready;
    },
    release() {
      holders = Math.max(0, holders - 1);
      if (holders === 0) void close();
    },
    stop: close,
  };
}
