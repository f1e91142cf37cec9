// Who is calling: the user's JWT from the Authorization header, verified with the project secret.
import { HttpError } from "./errors.ts";
import { type JwtClaims, JwtError, verifyJwt } from "./jwt.ts";

export type { JwtClaims };

export function bearer(req: Request): string | null {
  const h = req.headers.get("authorization") ?? "";
  const m = h.match(/^Bearer\s+(\S+)$/i);
  return m ? m[1] : null;
}

/** 401 unless the request carries a valid token of a signed-in user (role authenticated, a sub). */
export async function requireUser(req: Request, secret: string): Promise<JwtClaims & { sub: string }> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "unauthorized", "missing bearer token");
  let claims: JwtClaims;
  try {
    claims = await verifyJwt(token, secret);
  } catch (e) {
    throw new HttpError(401, "unauthorized", e instanceof JwtError ? e.message : "invalid token");
  }
  if (claims.role !== "authenticated" || typeof claims.sub !== "string") {
    throw new HttpError(401, "unauthorized", "a signed-in user is required");
  }
  return claims as JwtClaims & { sub: string };
}
