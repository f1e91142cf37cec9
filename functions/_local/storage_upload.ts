// What an upload to the local Storage API carries (LOCAL ONLY): storage-js sends a Blob or File as
// multipart/form-data (a `cacheControl` field, an optional `metadata` field, the file in a part
// whose name is empty) and anything else as the raw body with content-type, cache-control and
// x-metadata headers. Deno's FormData parser drops parts with an empty name, so the multipart body
// is split here.
export interface Upload {
  bytes: Uint8Array;
  contentType: string;
  /** Seconds, as the `cacheControl` option gives them. */
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

export class UploadError extends Error {}

const dec = new TextDecoder();

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

interface Part {
  name: string;
  filename: string | null;
  type: string | null;
  body: Uint8Array;
}

/** The parts of a multipart/form-data body. */
export function multipartParts(body: Uint8Array, boundary: string): Part[] {
  const delim = new TextEncoder().encode(`--${boundary}`);
  const parts: Part[] = [];
  let at = indexOf(body, delim, 0);
  while (at >= 0) {
    const start = at + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // the closing delimiter
    const next = indexOf(body, delim, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF preceding the next delimiter
    const split = indexOf(part, new Uint8Array([13, 10, 13, 10]), 0);
    if (split >= 0) {
      const head = dec.decode(part.subarray(0, split));
      const disposition = head.match(/content-disposition:([^\r\n]*)/i)?.[1] ?? "";
      parts.push({
        name: disposition.match(/\bname="([^"]*)"/i)?.[1] ?? "",
        filename: disposition.match(/\bfilename="([^"]*)"/i)?.[1] ?? null,
        type: head.match(/content-type:\s*([^\r\n]*)/i)?.[1]?.trim() ?? null,
        body: part.subarray(split + 4),
      });
    }
    at = next;
  }
  return parts;
}

export async function readUpload(req: Request): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "application/octet-stream";
  const raw = new Uint8Array(await req.arrayBuffer());
  const boundary = type.match(/^multipart\/form-data;.*\bboundary="?([^";]+)"?/i)?.[1];
  if (boundary) {
    const parts = multipartParts(raw, boundary);
    const file = parts.find((p) => p.filename !== null) ?? parts.find((p) => p.name === "");
    if (!file) throw new UploadError("no file in the form");
    const field = (n: string) => {
      const p = parts.find((x) => x.name === n && x.filename === null);
      return p ? dec.decode(p.body) : null;
    };
    const meta = field("metadata");
    return {
      bytes: file.body,
      contentType: file.type ?? "application/octet-stream",
      cacheControl: field("cacheControl") ?? "3600",
      userMetadata: meta ? JSON.parse(meta) : null,
    };
  }
  const xMeta = req.headers.get("x-metadata");
  return {
    bytes: raw,
    contentType: type,
    cacheControl: (req.headers.get("cache-control") ?? "max-age=3600").replace(/^max-age=/, ""),
    userMetadata: xMeta ? JSON.parse(atob(xMeta)) : null,
  };
}
