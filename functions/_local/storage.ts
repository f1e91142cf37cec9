// /storage/v1 on the embedded stack (LOCAL ONLY): what @supabase/storage-js calls of Supabase's
// Storage API. Buckets: list, get, create, empty, delete. Objects: upload (POST, x-upsert; PUT
// replaces), download (GET, HEAD, info), list one level, remove by names, signed URLs (one or many,
// and serving them), public URLs of public buckets. Rows are written as the caller (storage_sql.ts),
// bytes kept in the stack's data directory (storage_files.ts). Errors answer as the Storage API
// does: { statusCode, error, message }.
import { SignJWT } from "jose";
import type postgres from "postgres";
import type { Callers } from "./caller.ts";
import { isPreflight, preflight, withCors } from "./cors.ts";
import type { StackKeys } from "./keys.ts";
import { bucketRoutes } from "./storage_buckets.ts";
import { answer, bucketNotFound, fromPostgres, notFound, StorageError } from "./storage_errors.ts";
import { objectFiles } from "./storage_files.ts";
import { type ListOptions, type ObjectRow, storageSql } from "./storage_sql.ts";
import { readUpload, UploadError } from "./storage_upload.ts";

const MAX_UPLOAD = 1024 * 1024 * 1024;
const SORT_COLUMNS = new Set(["name", "created_at", "updated_at", "last_accessed_at"]);

/** The object name of a URL path's tail: each segment percent-decoded. */
const nameOf = (segments: string[]) => segments.map(decodeURIComponent).join("/");

function mimeAllowed(allowed: string[] | null, type: string): boolean {
  if (!allowed || allowed.length === 0) return true;
  return allowed.some((a) => a === type || (a.endsWith("/*") && type.startsWith(a.slice(0, -1))));
}

async function etag(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
  return `"${Array.from(d.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("")}"`;
}

export function storageServer(opts: { sql: postgres.Sql; callers: Callers; keys: StackKeys; root: string }) {
  const db = storageSql(opts.sql);
  const files = objectFiles(opts.root);
  const secret = new TextEncoder().encode(opts.keys.legacySecret);
  const buckets = bucketRoutes(db, files);

  function serveBytes(o: ObjectRow, bytes: Uint8Array, req: Request, url: URL): Response {
    const m = (o.metadata ?? {}) as Record<string, string | number>;
    const headers = new Headers({
      "content-type": String(m.mimetype ?? "application/octet-stream"),
      "content-length": String(bytes.byteLength),
      "cache-control": `max-age=${m.cacheControl ?? 3600}`,
      "last-modified": new Date(o.updated_at).toUTCString(),
    });
    if (m.eTag) headers.set("etag", String(m.eTag));
    const download = url.searchParams.get("download");
    if (download !== null) {
      headers.set("content-disposition", `attachment; filename="${download || o.name.split("/").pop()}"`);
    }
    return new Response(req.method === "HEAD" ? null : bytes as BodyInit, { headers: withCors(headers) });
  }

  async function upload(req: Request, bucket: string, name: string, upsert: boolean): Promise<Response> {
    const who = await withCaller(req);
    const limits = await db.bucketLimits(bucket);
    if (!limits) throw bucketNotFound();
    const u = await readUpload(req).catch((e) => {
      throw e instanceof UploadError ? new StorageError(400, "InvalidRequest", e.message) : e;
    });
    if (u.bytes.byteLength > Math.min(limits.file_size_limit ?? MAX_UPLOAD, MAX_UPLOAD)) {
      throw new StorageError(413, "Payload too large", "The object exceeded the maximum allowed size");
    }
    const mime = u.contentType.split(";")[0].trim().toLowerCase();
    if (!mimeAllowed(limits.allowed_mime_types, mime)) {
      throw new StorageError(415, "invalid_mime_type", `mime type ${mime} is not supported`);
    }
    const version = crypto.randomUUID();
    const previous = upsert ? await db.currentVersion(bucket, name) : null;
    const metadata = {
      eTag: await etag(u.bytes),
      size: u.bytes.byteLength,
      mimetype: u.contentType,
      cacheControl: `max-age=${u.cacheControl}`,
      lastModified: new Date().toISOString(),
      contentLength: u.bytes.byteLength,
      httpStatusCode: 200,
    };
    let row: { id: string };
    try {
      row = await db.writeObject(
        who,
        { bucket, name, version, metadata, userMetadata: u.userMetadata },
        upsert,
        () => files.write(bucket, name, version, u.bytes),
      );
    } catch (e) {
      await files.remove(bucket, name, version);
      throw fromPostgres(e);
    }
    if (previous && previous !== version) await files.remove(bucket, name, previous);
    return answer(200, { Id: row.id, Key: `${bucket}/${name}` });
  }

  async function signedUrl(bucket: string, name: string, expiresIn: number): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ url: `${bucket}/${name}` })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(secret);
    return `/object/sign/${bucket}/${name.split("/").map(encodeURIComponent).join("/")}?token=${token}`;
  }

  async function withCaller(req: Request) {
    const c = await opts.callers.fromRequest(req);
    if (!c.ok) throw new StorageError(c.status, "Unauthorized", c.message);
    return c.caller;
  }

  async function route(req: Request, path: string, url: URL): Promise<Response> {
    const seg = path.split("/").filter((s) => s !== "");
    const m = req.method;
    if (seg[0] === "bucket") return await buckets(req, seg.slice(1), await withCaller(req));
    if (seg[0] !== "object") throw new StorageError(404, "not_found", "no such Storage API route on the local stack");
    // ---- signed URLs (the token is the permission) and public buckets: no API key needed
    if (seg[1] === "sign" && m === "GET") {
      const bucket = decodeURIComponent(seg[2] ?? ""), name = nameOf(seg.slice(3));
      const v = await opts.callers.verify(url.searchParams.get("token") ?? "");
      if ("error" in v) throw new StorageError(400, "InvalidJWT", v.error);
      if (v.claims.url !== `${bucket}/${name}`) {
        throw new StorageError(400, "InvalidSignature", "the token is for another object");
      }
      const o = await db.signedObject(bucket, name);
      const bytes = o && await files.read(bucket, name, o.version ?? "");
      if (!o || !bytes) throw notFound();
      return serveBytes(o, bytes, req, url);
    }
    if (seg[1] === "public" && (m === "GET" || m === "HEAD")) {
      const bucket = decodeURIComponent(seg[2] ?? ""), name = nameOf(seg.slice(3));
      const limits = await db.bucketLimits(bucket);
      if (!limits?.public) throw new StorageError(400, "InvalidRequest", "Bucket is not public");
      const o = await db.signedObject(bucket, name);
      const bytes = o && await files.read(bucket, name, o.version ?? "");
      if (!o || !bytes) throw notFound();
      return serveBytes(o, bytes, req, url);
    }
    const who = await withCaller(req);
    if (seg[1] === "sign" && m === "POST") {
      const bucket = decodeURIComponent(seg[2] ?? "");
      const body = await req.json() as { expiresIn?: number; paths?: string[] };
      const expiresIn = Number(body.expiresIn);
      if (!Number.isInteger(expiresIn) || expiresIn < 1) {
        throw new StorageError(400, "InvalidRequest", "expiresIn must be a positive integer");
      }
      if (seg.length === 3 && Array.isArray(body.paths)) {
        return answer(
          200,
          await Promise.all(body.paths.map(async (p) => {
            const o = await db.findObject(who, bucket, p);
            return o
              ? { error: null, path: p, signedURL: await signedUrl(bucket, p, expiresIn) }
              : { error: "Either the object does not exist or you do not have access to it", path: p, signedURL: null };
          })),
        );
      }
      const name = nameOf(seg.slice(3));
      if (!(await db.findObject(who, bucket, name))) throw notFound();
      return answer(200, { signedURL: await signedUrl(bucket, name, expiresIn) });
    }
    if (seg[1] === "list" && m === "POST") {
      const bucket = decodeURIComponent(seg[2] ?? "");
      const b = await req.json() as Record<string, unknown>;
      const sortBy = (b.sortBy ?? {}) as { column?: string; order?: string };
      const o: ListOptions = {
        prefix: String(b.prefix ?? ""),
        limit: Math.min(Math.max(Number(b.limit ?? 100), 1), 1000),
        offset: Math.max(Number(b.offset ?? 0), 0),
        sortColumn: (SORT_COLUMNS.has(sortBy.column ?? "") ? sortBy.column : "name") as ListOptions["sortColumn"],
        sortOrder: sortBy.order === "desc" ? "desc" : "asc",
        search: String(b.search ?? ""),
      };
      if (!(await db.bucketLimits(bucket))) throw bucketNotFound();
      return answer(200, await db.list(who, bucket, o));
    }
    if (seg[1] === "info") {
      const bucket = decodeURIComponent(seg[2] ?? ""), name = nameOf(seg.slice(3));
      const o = await db.findObject(who, bucket, name);
      if (!o) throw notFound();
      return answer(200, { ...o, bucket_id: bucket, size: (o.metadata as { size?: number } | null)?.size ?? null });
    }
    // /object/<bucket> (remove) and /object[/authenticated]/<bucket>/<name> (upload, download)
    const rest = seg[1] === "authenticated" ? seg.slice(2) : seg.slice(1);
    const bucket = decodeURIComponent(rest[0] ?? ""), name = nameOf(rest.slice(1));
    if (rest.length === 1 && m === "DELETE") {
      const { prefixes } = await req.json() as { prefixes?: string[] };
      if (!Array.isArray(prefixes)) throw new StorageError(400, "InvalidRequest", "prefixes must be an array of names");
      const gone = await db.removeObjects(who, bucket, prefixes.map(String));
      for (const o of gone) await files.remove(bucket, o.name, o.version);
      return answer(200, gone.map((o) => ({ ...o, bucket_id: bucket })));
    }
    if (rest.length < 2) throw new StorageError(400, "InvalidRequest", "an object path is required");
    if (m === "POST") return await upload(req, bucket, name, req.headers.get("x-upsert") === "true");
    if (m === "PUT") return await upload(req, bucket, name, true);
    if (m === "GET" || m === "HEAD") {
      const o = await db.findObject(who, bucket, name);
      const bytes = o && await files.read(bucket, name, o.version ?? "");
      if (!o || !bytes) throw notFound();
      return serveBytes(o, bytes, req, url);
    }
    throw new StorageError(405, "InvalidRequest", `${m} is not supported here`);
  }

  return {
    async handle(req: Request, path: string): Promise<Response> {
      if (isPreflight(req)) return preflight(req);
      try {
        return await route(req, path, new URL(req.url));
      } catch (e) {
        if (e instanceof StorageError) {
          return answer(e.status, { statusCode: String(e.status), error: e.error, message: e.message });
        }
        if (e instanceof SyntaxError) {
          return answer(400, { statusCode: "400", error: "InvalidRequest", message: e.message });
        }
        console.error("storage:", e);
        return answer(500, { statusCode: "500", error: "internal", message: (e as Error).message });
      }
    },
  };
}
