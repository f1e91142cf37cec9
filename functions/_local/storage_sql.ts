// The local Storage API's SQL (LOCAL ONLY). Every read and write of storage.objects and
// storage.buckets runs AS THE CALLER (their role and JWT claims, set for one transaction, as
// Supabase's Storage API does), so the storage policies of the migrations decide who may upload,
// read, list, sign and remove. Only the bucket's limits are read as the owner, as the Storage API
// reads its own bucket settings.
import type postgres from "postgres";
import { asCaller as asCallerIn } from "./as_caller.ts";
import type { Caller } from "./caller.ts";

export interface ObjectRow {
  id: string;
  name: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string | null;
}

export interface BucketLimits {
  id: string;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

export interface ListOptions {
  prefix: string;
  limit: number;
  offset: number;
  sortColumn: "name" | "created_at" | "updated_at" | "last_accessed_at";
  sortOrder: "asc" | "desc";
  search: string;
}

const BUCKET_COLUMNS =
  "id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at, type" as const;

export function storageSql(sql: postgres.Sql) {
  /** fn in one transaction as the caller; deletes allowed as through the Storage API. */
  const asCaller = <T>(caller: Caller, fn: (tx: postgres.TransactionSql) => Promise<T>) =>
    asCallerIn(sql, caller, fn, { allowStorageDelete: true });

  const owner = (c: Caller) => (c.role === "authenticated" && typeof c.claims.sub === "string" ? c.claims.sub : null);

  return {
    async bucketLimits(id: string): Promise<BucketLimits | null> {
      const [b] = await sql<BucketLimits[]>`select id, public, file_size_limit, allowed_mime_types
        from storage.buckets where id = ${id}`;
      return b ?? null;
    },

    /** The version an upsert replaces (read as the owner: only to remove its bytes afterwards). */
    async currentVersion(bucket: string, name: string): Promise<string | null> {
      const [o] = await sql`select version from storage.objects where bucket_id = ${bucket} and name = ${name}`;
      return (o?.version as string | undefined) ?? null;
    },

    /** Inserts (or with upsert replaces) the object's row as the caller; onRow runs before the commit. */
    writeObject(
      caller: Caller,
      o: { bucket: string; name: string; version: string; metadata: object; userMetadata: object | null },
      upsert: boolean,
      onRow: () => Promise<void>,
    ): Promise<{ id: string }> {
      const who = owner(caller);
      return asCaller(caller, async (tx) => {
        const values = tx`(${o.bucket}, ${o.name}, ${who}, ${who}, ${tx.json(o.metadata as postgres.JSONValue)},
          ${o.version}, ${o.userMetadata ? tx.json(o.userMetadata as postgres.JSONValue) : null})`;
        const [row] = upsert
          ? await tx`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version, user_metadata)
              values ${values}
              on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
                metadata = excluded.metadata, version = excluded.version, user_metadata = excluded.user_metadata,
                updated_at = now(), last_accessed_at = now()
              returning id`
          : await tx`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version, user_metadata)
              values ${values} returning id`;
        await onRow();
        return { id: row.id as string };
      });
    },

    /** The object if the caller may read it (their select policy), else null. */
    findObject(caller: Caller, bucket: string, name: string): Promise<ObjectRow | null> {
      return asCaller(caller, async (tx) => {
        const [o] = await tx<ObjectRow[]>`select id, name, version, metadata, user_metadata, created_at, updated_at,
            last_accessed_at from storage.objects where bucket_id = ${bucket} and name = ${name}`;
        return o ?? null;
      });
    },

    /** The object for a signed URL: the URL is the permission, so read as the owner. */
    async signedObject(bucket: string, name: string): Promise<ObjectRow | null> {
      const [o] = await sql<ObjectRow[]>`select id, name, version, metadata, user_metadata, created_at, updated_at,
          last_accessed_at from storage.objects where bucket_id = ${bucket} and name = ${name}`;
      return o ?? null;
    },

    /** Deletes the named objects the caller's delete policy lets go; returns those deleted. */
    removeObjects(caller: Caller, bucket: string, names: string[]): Promise<ObjectRow[]> {
      return asCaller(
        caller,
        (tx) =>
          tx<ObjectRow[]>`delete from storage.objects where bucket_id = ${bucket} and name = any(${names})
          returning id, name, version, metadata, user_metadata, created_at, updated_at, last_accessed_at`,
      );
    },

    /** One level of a bucket under a prefix, as storage.search answers: folders (id null) and files. */
    list(caller: Caller, bucket: string, o: ListOptions) {
      const base = o.prefix === "" ? "" : `${o.prefix.replace(/\/+$/, "")}/`;
      return asCaller(
        caller,
        (tx) =>
          tx`select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata from (
            select distinct on (split_part(o.rest, '/', 1), position('/' in o.rest) > 0)
                   split_part(o.rest, '/', 1) as name,
                   case when position('/' in o.rest) > 0 then null else o.id end as id,
                   case when position('/' in o.rest) > 0 then null else o.updated_at end as updated_at,
                   case when position('/' in o.rest) > 0 then null else o.created_at end as created_at,
                   case when position('/' in o.rest) > 0 then null else o.last_accessed_at end as last_accessed_at,
                   case when position('/' in o.rest) > 0 then null else o.metadata end as metadata
            from (select substr(s.name, char_length(${base}) + 1) as rest, s.* from storage.objects s
                  where s.bucket_id = ${bucket} and starts_with(s.name, ${base})) o
            where o.rest <> '' and (${o.search} = '' or split_part(o.rest, '/', 1) ilike ${o.search} || '%')
            order by split_part(o.rest, '/', 1), position('/' in o.rest) > 0
          ) e
          order by e.${tx(o.sortColumn)} ${o.sortOrder === "desc" ? tx`desc` : tx`asc`} nulls first, e.name
          limit ${o.limit} offset ${o.offset}`,
      );
    },

    listBuckets: (caller: Caller) =>
      asCaller(caller, (tx) => tx`select ${tx.unsafe(BUCKET_COLUMNS)} from storage.buckets order by name`),

    getBucket: (caller: Caller, id: string) =>
      asCaller(
        caller,
        async (tx) => (await tx`select ${tx.unsafe(BUCKET_COLUMNS)} from storage.buckets where id = ${id}`)[0],
      ),

    createBucket: (
      caller: Caller,
      b: { id: string; name: string; public: boolean; fileSizeLimit: number | null; allowedMimeTypes: string[] | null },
    ) =>
      asCaller(
        caller,
        (tx) =>
          tx`insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
          values (${b.id}, ${b.name}, ${owner(caller)}, ${owner(caller)}, ${b.public}, ${b.fileSizeLimit},
                  ${b.allowedMimeTypes})`,
      ),

    /** Deletes every object of the bucket the caller may delete; returns them (for their bytes). */
    emptyBucket: (caller: Caller, id: string) =>
      asCaller(caller, (tx) =>
        tx<ObjectRow[]>`delete from storage.objects where bucket_id = ${id}
          returning id, name, version, metadata, user_metadata, created_at, updated_at, last_accessed_at`),

    /** Deletes an empty bucket as the caller; 'not_empty' while it holds objects, 'gone' when nothing was deleted. */
    deleteBucket: (caller: Caller, id: string) =>
      asCaller(caller, async (tx) => {
        const [{ n }] = await tx`select count(*)::int as n from storage.objects where bucket_id = ${id}`;
        if (n > 0) return "not_empty" as const;
        const gone = await tx`delete from storage.buckets where id = ${id} returning id`;
        return gone.length ? "deleted" as const : "gone" as const;
      }),
  };
}

export type StorageSql = ReturnType<typeof storageSql>;
