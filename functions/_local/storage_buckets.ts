// The local Storage API's bucket routes (LOCAL ONLY): list, get, create, empty and delete, as
// the caller (the storage.buckets policies decide; there are none for users, so only the secret
// key creates and deletes buckets, as hosted).
import type { Caller } from "./caller.ts";
import { answer, bucketNotFound, fromPostgres, StorageError } from "./storage_errors.ts";
import type { ObjectFiles } from "./storage_files.ts";
import type { StorageSql } from "./storage_sql.ts";

export function bucketRoutes(db: StorageSql, files: ObjectFiles) {
  /** seg: the path after /bucket, split. */
  return async (req: Request, seg: string[], who: Caller): Promise<Response> => {
    const m = req.method;
    if (seg.length === 0 && m === "GET") return answer(200, await db.listBuckets(who));
    if (seg.length === 0 && m === "POST") {
      const b = await req.json() as Record<string, unknown>;
      const id = String(b.id ?? b.name ?? "");
      if (!/^[A-Za-z0-9_.-]{1,63}$/.test(id)) throw new StorageError(400, "InvalidRequest", "invalid bucket name");
      try {
        await db.createBucket(who, {
          id,
          name: String(b.name ?? id),
          public: b.public === true,
          fileSizeLimit: typeof b.file_size_limit === "number" ? b.file_size_limit : null,
          allowedMimeTypes: Array.isArray(b.allowed_mime_types) ? b.allowed_mime_types.map(String) : null,
        });
      } catch (e) {
        throw fromPostgres(e);
      }
      return answer(200, { name: id });
    }
    const id = decodeURIComponent(seg[0] ?? "");
    if (seg.length === 1 && m === "GET") {
      const b = await db.getBucket(who, id);
      if (!b) throw bucketNotFound();
      return answer(200, b);
    }
    if (seg.length === 2 && seg[1] === "empty" && m === "POST") {
      for (const o of await db.emptyBucket(who, id)) await files.remove(id, o.name, o.version);
      return answer(200, { message: "Successfully emptied" });
    }
    if (seg.length === 1 && m === "DELETE") {
      const r = await db.deleteBucket(who, id).catch((e) => Promise.reject(fromPostgres(e)));
      if (r === "not_empty") {
        throw new StorageError(409, "InvalidRequest", "The bucket you tried to delete is not empty");
      }
      if (r === "gone") throw bucketNotFound();
      return answer(200, { message: "Successfully deleted" });
    }
    throw new StorageError(405, "InvalidRequest", `${m} is not supported here`);
  };
}
