// The outbound-address guard: every request we make to a URL someone else chose (outbound
// webhooks, knowledge URL ingestion) goes through guardedFetch. It
// - takes http and https only, and https only in production;
// - resolves the host itself (A and AAAA) and refuses when any address is loopback, private,
//   link-local (cloud metadata at 169.254.169.254 among them), CGNAT, unique-local, multicast,
//   unspecified, reserved or documentation space, for IPv4, IPv6 and IPv4 inside IPv6 (mapped,
//   compatible, NAT64, 6to4), and IPv4 literals in any spelling (decimal, octal, hex, short);
// - connects to the address it checked (node:http's `lookup` answers with it), so a second DNS
//   answer cannot rebind the name between check and connection; TLS still verifies the name;
// - never follows redirects (a 3xx is the answer).
// Local development may reach 127.0.0.1 / ::1 (the tests' fakes) when GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK
// is set; GROWTHBASE_ENV=production ignores that setting.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { env, type Settings } from "./env.ts";

export interface OutboundPolicy {
  /** https only, and the loopback allowance is off whatever the settings say. */
  production: boolean;
  /** 127.0.0.0/8 and ::1 may be reached (development only). */
  allowLoopback: boolean;
}

export function outboundPolicy(
  s: Pick<Settings, "GROWTHBASE_ENV" | "GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK">,
): OutboundPolicy {
  const production = s.GROWTHBASE_ENV === "production";
  return { production, allowLoopback: !production && s.GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK };
}

/** A request the guard refused before any connection was made. */
export class OutboundRefused extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

/** Addresses of a host name: every A and AAAA record. */
export type Resolver = (host: string) => Promise<string[]>;

// ===== addresses

/** An IPv4 host in any form the URL standard accepts (1-4 parts, decimal, 0x hex, 0 octal), as 4 bytes. */
export function parseIPv4(host: string): number[] | null {
  const parts = host.endsWith(".") ? host.slice(0, -1).split(".") : host.split(".");
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(p)) n = Number(p);
    else return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  const bytes = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** An IPv6 address (with an optional dotted IPv4 tail, no zone) as 16 bytes. */
export function parseIPv6(host: string): number[] | null {
  let h = host.replace(/^\[|\]$/g, "");
  if (h.includes("%") || !h.includes(":")) return null;
  let tail: number[] = [];
  const v4 = h.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const b = v4[2].split(".").map(Number);
    if (b.some((x) => x > 255)) return null;
    tail = b;
    h = v4[1] + "0:0";
  }
  const halves = h.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const inV4 = (b: number[], net: number[], bits: number) => {
  for (let i = 0; i < 4 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if ((b[i] & mask) !== (net[i] & mask)) return false;
  }
  return true;
};

const V4_REFUSED: [number[], number, string][] = [
  [[0, 0, 0, 0], 8, "unspecified address"],
  [[10, 0, 0, 0], 8, "private address"],
  [[100, 64, 0, 0], 10, "shared (CGNAT) address"],
  [[127, 0, 0, 0], 8, "loopback address"],
  [[169, 254, 169, 254], 32, "cloud metadata address"],
  [[169, 254, 0, 0], 16, "link-local address"],
  [[172, 16, 0, 0], 12, "private address"],
  [[192, 0, 0, 0], 24, "reserved address"],
  [[192, 0, 2, 0], 24, "documentation address"],
  [[192, 88, 99, 0], 24, "reserved address"],
  [[192, 168, 0, 0], 16, "private address"],
  [[198, 18, 0, 0], 15, "benchmarking address"],
  [[198, 51, 100, 0], 24, "documentation address"],
  [[203, 0, 113, 0], 24, "documentation address"],
  [[224, 0, 0, 0], 4, "multicast address"],
  [[240, 0, 0, 0], 4, "reserved address"],
];

function v4Problem(b: number[]): string | null {
  return V4_REFUSED.find(([net, bits]) => inV4(b, net, bits))?.[2] ?? null;
}

function v6Problem(b: number[]): string | null {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 16)) return "unspecified address";
  if (zero(0, 15) && b[15] === 1) return "loopback address";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): the IPv4 decides.
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4Problem(b.slice(12));
  if (zero(0, 12)) return v4Problem(b.slice(12)) ?? "IPv4-compatible address";
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4Problem(b.slice(12));
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return "local NAT64 address";
  if (b[0] === 0x20 && b[1] === 0x02) return v4Problem(b.slice(2, 6)) ?? null; // 6to4
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return "Teredo address";
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return "documentation address";
  if (b[0] === 0x01 && zero(1, 8)) return "discard-only address";
  if ((b[0] & 0xfe) === 0xfc) return "unique-local address";
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return "link-local address";
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return "site-local address";
  if (b[0] === 0xff) return "multicast address";
  return null;
}

/**
 * Why an address (a literal from a URL or a DNS answer) must not be reached, or null. Loopback
 * passes only with the policy's allowance.
 */
export function addressProblem(address: string, policy: OutboundPolicy): string | null {
  const v6 = parseIPv6(address);
  const v4 = v6 ? null : parseIPv4(address);
  if (!v4 && !v6) return "not an IP address";
  const problem = v4 ? v4Problem(v4) : v6Problem(v6!);
  if (problem === "loopback address" && policy.allowLoopback && !policy.production) return null;
  return problem;
}

/** True when a URL's host is an IP literal (in any IPv4 spelling, or bracketed IPv6). */
function ipLiteral(host: string): string | null {
  if (host.startsWith("[")) return host.slice(1, -1);
  const v4 = parseIPv4(host);
  return v4 ? v4.join(".") : null;
}

// ===== URLs

/** The URL, parsed, when its scheme and host may be requested at all (before resolving). */
export function checkUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundRefused("not http or https");
  if (policy.production && url.protocol !== "https:") throw new OutboundRefused("not https");
  const host = url.hostname.toLowerCase();
  const literal = ipLiteral(host);
  if (literal) {
    const problem = addressProblem(literal, policy);
    if (problem) throw new OutboundRefused(problem);
  } else if (
    /(^|\.)(localhost|internal|local|home\.arpa)\.?$/.test(host) &&
    !(policy.allowLoopback && !policy.production && /(^|\.)localhost\.?$/.test(host))
  ) {
    throw new OutboundRefused("internal host name");
  }
  return url;
}

/** Deno's resolver (the system's name servers, or the one given): every A and AAAA record of a name. */
export function dnsResolver(nameServer?: { ipAddr: string; port?: number }): Resolver {
  return async (host) => {
    const ask = (type: "A" | "AAAA") =>
      Deno.resolveDns(host, type, { nameServer, signal: AbortSignal.timeout(5000) }).catch((e: Error) => {
        if (e.name === "NotFound") return [] as string[];
        throw e;
      });
    const [a, aaaa] = await Promise.all([ask("A"), ask("AAAA")]);
    return [...a, ...aaaa];
  };
}

export const systemResolver: Resolver = dnsResolver();

/** The address to connect to for a URL: its literal, or the first of its name's addresses when none is refused. */
export async function resolveTarget(url: URL, policy: OutboundPolicy, resolve: Resolver): Promise<string> {
  const host = url.hostname.toLowerCase();
  const literal = ipLiteral(host);
  if (literal) return literal;
  if (/(^|\.)localhost\.?$/.test(host)) {
    if (addressProblem("127.0.0.1", policy)) throw new OutboundRefused("loopback address");
    return "127.0.0.1";
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new OutboundRefused("the host name could not be resolved");
  }
  if (!addresses.length) throw new OutboundRefused("the host name does not resolve");
  for (const a of addresses) {
    const problem = addressProblem(a, policy);
    if (problem) throw new OutboundRefused(`the host name resolves to a ${problem}`);
  }
  return addresses[0];
}

// ===== requests

export interface GuardDeps {
  policy: OutboundPolicy;
  resolve?: Resolver;
}

/**
 * fetch, guarded: the URL checked, its host resolved and every address checked, the connection
 * made to the checked address (TLS verified against the name), no redirect followed. Throws
 * OutboundRefused (before connecting) or the connection's error. Supports what our callers send:
 * method, headers, a string or byte body, and a signal.
 */
export function guardedFetch(deps: GuardDeps): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = checkUrl(String(input instanceof Request ? input.url : input), deps.policy);
    const address = await resolveTarget(url, deps.policy, deps.resolve ?? systemResolver);
    const family = address.includes(":") ? 6 : 4;
    if (init.body != null && typeof init.body !== "string" && !(init.body instanceof Uint8Array)) {
      throw new TypeError("guardedFetch takes a string or byte body");
    }
    const body = typeof init.body === "string" ? new TextEncoder().encode(init.body) : init.body ?? undefined;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    if (body) headers["content-length"] = String(body.byteLength);
    // The only lookup this request makes answers with the address checked above.
    const lookup =
      ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) =>
        opts?.all ? cb(null, [{ address, family }]) : cb(null, address, family)) as unknown as LookupFunction;
    const lib = url.protocol === "https:" ? https : http;
    return await new Promise<Response>((resolve, reject) => {
      const fail = (e: unknown) => reject(init.signal?.aborted ? init.signal.reason : e);
      const req = lib.request(
        url,
        { method: init.method ?? "GET", headers, signal: init.signal ?? undefined, lookup },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 599) {
            res.destroy();
            return fail(new TypeError(`invalid HTTP status ${status}`));
          }
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
          }
          const empty = status === 204 || status === 304 || init.method === "HEAD";
          if (empty) res.resume();
          resolve(
            new Response(empty ? null : Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers: out }),
          );
        },
      );
      req.on("error", fail);
      req.end(body);
    });
  }) as typeof fetch;
}

let deployed: typeof fetch | undefined;
/** The guarded fetch with this deployment's policy (GROWTHBASE_ENV, GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK). */
export function outboundFetch(): typeof fetch {
  return deployed ??= guardedFetch({ policy: outboundPolicy(env().settings) });
}
