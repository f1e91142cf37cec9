// The local Storage API's answers and errors, in the Storage API's shape (LOCAL ONLY):
// { statusCode, error, message }, with the HTTP status of the statusCode.
import { withCors } from "./cors.ts";

export class StorageError extends Error {
  constructor(readonly status: number, readonly error: string, message: string) {
    super(message);
  }
}

export const notFound = () => new StorageError(404, "not_found", "Object not found");
export const bucketNotFound = () => new StorageError(404, "Bucket not found", "Bucket not found");

export function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: withCors(new Headers({ "content-type": "application/json" })),
  });
}

/** A database refusal as the Storage API words it. */
export function fromPostgres(e: unknown): StorageError {
  const code = (e as { code?: string }).code;
  if (code === "42501") return new StorageError(403, "Unauthorized", "new row violates row-level security policy");
  if (code === "23505") return new StorageError(409, "Duplicate", "The resource already exists");
  if (code === "23503") return bucketNotFound();
  throw e;
}
