// Request bodies, read with a size limit and never held whole when they are over it (413), and
// JSON parsed with the stable 400. Kept apart from http.ts (Deno.serve) so Node code (the flows
// run a worker round in-process) can use what imports it.
import { HttpError } from "./errors.ts";

/** Reads a JSON body with a size limit; a bad body is a 400/413 with the stable error shape. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  return parseJson(await readText(req, maxBytes));
}

/** JSON.parse, a failure answered as 400 invalid_json. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON");
  }
}

export const payloadTooLarge = (maxBytes: number) =>
  new HttpError(413, "payload_too_large", `the body is over ${maxBytes} bytes`);

/**
 * Reads a stream to its end, giving up (and cancelling it) as soon as more than maxBytes have
 * arrived, so an oversized body is never held whole; `tooLarge` makes the error thrown then.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error = () => payloadTooLarge(maxBytes),
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}

/**
 * The raw body bytes (signatures are computed over bytes), with a size limit: 413 when the
 * declared Content-Length is over it (nothing read), or as soon as the stream passes it.
 */
export function readBytes(req: Request, maxBytes = 1_000_000): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return Promise.reject(payloadTooLarge(maxBytes));
  return readLimited(req.body, maxBytes);
}

export async function readText(req: Request, maxBytes = 1_000_000): Promise<string> {
  return new TextDecoder().decode(await readBytes(req, maxBytes));
}
