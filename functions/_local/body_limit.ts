// The gateway's request body limit (LOCAL ONLY; the hosted API gateway applies its own): a body
// over MAX_BODY_BYTES is refused with 413 before it is read whole. A declared Content-Length is
// checked first (nothing read); a body without one (chunked) is counted as it streams through
// and cut off the moment it passes the limit.
import { payloadTooLarge } from "../_shared/body.ts";

/** 10 MiB: above the largest request a documented cap allows (docs/api.md, "Caps"). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface Limited {
  req: Request;
  /** True once the streamed body passed the limit (the upstream then failed reading it). */
  exceeded: () => boolean;
}

/** The request with its body counted, or null when its Content-Length is already over the limit. */
export function limitBody(req: Request, maxBytes = MAX_BODY_BYTES): Limited | null {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!req.body) return { req, exceeded: () => false };
  let seen = 0;
  let over = false;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          over = true;
          c.error(payloadTooLarge(maxBytes));
        } else c.enqueue(chunk);
      },
    }),
  );
  return { req: new Request(req, { body: counted }), exceeded: () => over };
}
