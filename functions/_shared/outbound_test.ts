import { assertEquals } from "./assert.ts";
import {
  addressProblem,
  checkUrl,
  dnsResolver,
  guardedFetch,
  type OutboundPolicy,
  outboundPolicy,
  OutboundRefused,
  parseIPv4,
  parseIPv6,
} from "./outbound.ts";

const prod: OutboundPolicy = { production: true, allowLoopback: false };
const dev: OutboundPolicy = { production: false, allowLoopback: true };

Deno.test("IPv4 in every spelling the URL standard accepts", () => {
  assertEquals(parseIPv4("127.0.0.1"), [127, 0, 0, 1]);
  assertEquals(parseIPv4("2130706433"), [127, 0, 0, 1]);
  assertEquals(parseIPv4("0x7f000001"), [127, 0, 0, 1]);
  assertEquals(parseIPv4("0177.0.0.01"), [127, 0, 0, 1]);
  assertEquals(parseIPv4("127.1"), [127, 0, 0, 1]);
  assertEquals(parseIPv4("0xa9.0xfe.0xa9.0xfe"), [169, 254, 169, 254]);
  assertEquals(parseIPv4("169.254.43518"), [169, 254, 169, 254]);
  assertEquals(parseIPv4("256.0.0.1"), null);
  assertEquals(parseIPv4("example.com"), null);
  assertEquals(parseIPv6("::ffff:127.0.0.1"), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 127, 0, 0, 1]);
  assertEquals(parseIPv6("[::1]")?.[15], 1);
  assertEquals(parseIPv6("1::2::3"), null);
});

Deno.test("every non-public address class is refused, loopback only allowed in development with the allowance", () => {
  const cases: [string, string | null][] = [
    ["127.0.0.1", "loopback address"],
    ["127.255.0.9", "loopback address"],
    ["10.1.2.3", "private address"],
    ["172.16.0.1", "private address"],
    ["172.31.255.255", "private address"],
    ["172.32.0.1", null],
    ["192.168.1.1", "private address"],
    ["169.254.169.254", "cloud metadata address"],
    ["169.254.1.1", "link-local address"],
    ["100.64.0.1", "shared (CGNAT) address"],
    ["100.100.100.200", "shared (CGNAT) address"],
    ["0.0.0.0", "unspecified address"],
    ["224.0.0.1", "multicast address"],
    ["255.255.255.255", "reserved address"],
    ["192.0.2.1", "documentation address"],
    ["198.18.0.1", "benchmarking address"],
    ["8.8.8.8", null],
    ["::1", "loopback address"],
    ["::", "unspecified address"],
    ["fd00::1", "unique-local address"],
    ["fc12:3456::1", "unique-local address"],
    ["fd00:ec2::254", "unique-local address"],
    ["fe80::1", "link-local address"],
    ["ff02::1", "multicast address"],
    ["::ffff:127.0.0.1", "loopback address"],
    ["::ffff:7f00:1", "loopback address"],
    ["::ffff:169.254.169.254", "cloud metadata address"],
    ["::ffff:8.8.8.8", null],
    ["::127.0.0.1", "loopback address"],
    ["64:ff9b::10.0.0.1", "private address"],
    ["2002:a9fe:a9fe::1", "cloud metadata address"],
    ["2001:db8::1", "documentation address"],
    ["2606:4700::1111", null],
  ];
  for (const [address, want] of cases) assertEquals(addressProblem(address, prod), want, address);
  assertEquals(addressProblem("127.0.0.1", dev), null);
  assertEquals(addressProblem("::1", dev), null);
  assertEquals(addressProblem("10.0.0.1", dev), "private address");
  assertEquals(addressProblem("127.0.0.1", { production: true, allowLoopback: true }), "loopback address");
});

Deno.test("the allowance is read from the settings and production ignores it", () => {
  assertEquals(outboundPolicy({ GROWTHBASE_ENV: "development", GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK: true }), dev);
  assertEquals(outboundPolicy({ GROWTHBASE_ENV: "production", GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK: true }), prod);
  assertEquals(outboundPolicy({ GROWTHBASE_ENV: "development", GROWTHBASE_OUTBOUND_ALLOW_LOOPBACK: false }), {
    production: false,
    allowLoopback: false,
  });
});

Deno.test("URLs: scheme, https in production, literals in any spelling, internal names", () => {
  const refused = (url: string, policy: OutboundPolicy) => {
    try {
      checkUrl(url, policy);
      return null;
    } catch (e) {
      return (e as OutboundRefused).reason;
    }
  };
  assertEquals(refused("https://hooks.example.com/x", prod), null);
  assertEquals(refused("http://hooks.example.com/x", prod), "not https");
  assertEquals(refused("http://hooks.example.com/x", dev), null);
  assertEquals(refused("ftp://hooks.example.com/x", dev), "not http or https");
  assertEquals(refused("https://169.254.169.254/latest/meta-data/", dev), "cloud metadata address");
  assertEquals(refused("https://2852039166/", dev), "cloud metadata address");
  assertEquals(refused("https://0xA9FEA9FE/", dev), "cloud metadata address");
  assertEquals(refused("https://0251.0376.0251.0376/", dev), "cloud metadata address");
  assertEquals(refused("https://[::ffff:a9fe:a9fe]/", dev), "cloud metadata address");
  assertEquals(refused("https://[fe80::1]/", dev), "link-local address");
  assertEquals(refused("https://127.0.0.1:54322/", prod), "loopback address");
  assertEquals(refused("http://127.0.0.1:54322/", dev), null);
  assertEquals(refused("https://localhost/", prod), "internal host name");
  assertEquals(refused("https://metadata.google.internal/", dev), "internal host name");
  assertEquals(refused("not a url", dev), "not a URL");
});

/** A listener on 127.0.0.1 that records the Host header of each request. */
function listener(status = 200) {
  const hosts: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    hosts.push(req.headers.get("host") ?? "");
    return new Response("hello", { status, headers: status === 302 ? { location: "http://10.0.0.1/" } : {} });
  });
  return { port: server.addr.port, hosts, close: () => server.shutdown() };
}

Deno.test("a host name resolving to a private address is refused before any connection; mixed answers too", async () => {
  const l = listener();
  try {
    const resolveTo = (addresses: string[]) => () => Promise.resolve(addresses);
    for (
      const [addresses, reason] of [
        [["10.0.0.5"], "the host name resolves to a private address"],
        [["93.184.216.34", "169.254.169.254"], "the host name resolves to a cloud metadata address"],
        [["::ffff:127.0.0.1"], "the host name resolves to a loopback address"],
        [[], "the host name does not resolve"],
      ] as const
    ) {
      const f = guardedFetch({ policy: prod, resolve: resolveTo([...addresses]) });
      const got = await f(`https://rebind.test:${l.port}/`).then(() => null, (e) => (e as OutboundRefused).reason);
      assertEquals(got, reason);
    }
    const failing = guardedFetch({ policy: prod, resolve: () => Promise.reject(new Error("SERVFAIL")) });
    assertEquals(
      await failing("https://x.test/").then(() => null, (e) => (e as OutboundRefused).reason),
      "the host name could not be resolved",
    );
    assertEquals(l.hosts, []);
  } finally {
    await l.close();
  }
});

Deno.test("the connection goes to the address that was checked: no second lookup to rebind", async () => {
  const l = listener();
  try {
    let lookups = 0;
    // A rebinding name: the first answer passes the check, every later one points elsewhere.
    const rebinding = () => Promise.resolve(lookups++ === 0 ? ["127.0.0.1"] : ["10.9.9.9"]);
    const f = guardedFetch({ policy: dev, resolve: rebinding });
    const r = await f(`http://rebind.test:${l.port}/p`, { method: "POST", body: "x" });
    assertEquals([r.status, await r.text(), lookups, l.hosts], [200, "hello", 1, [`rebind.test:${l.port}`]]);
  } finally {
    await l.close();
  }
});

Deno.test("a redirect is returned, not followed", async () => {
  const l = listener(302);
  try {
    const f = guardedFetch({ policy: dev });
    const r = await f(`http://127.0.0.1:${l.port}/`);
    await r.body?.cancel();
    assertEquals([r.status, r.headers.get("location"), l.hosts.length], [302, "http://10.0.0.1/", 1]);
  } finally {
    await l.close();
  }
});

/** A name server on 127.0.0.1 (UDP) answering A and AAAA queries from a table; NXDOMAIN otherwise. */
async function fakeNameServer(records: Record<string, string[]>) {
  const { createSocket } = await import("node:dgram");
  const socket = createSocket("udp4");
  socket.on("message", (q: Uint8Array, from: { address: string; port: number }) => {
    let at = 12;
    const labels: string[] = [];
    while (q[at]) {
      labels.push(new TextDecoder().decode(q.slice(at + 1, at + 1 + q[at])));
      at += q[at] + 1;
    }
    const qtype = (q[at + 1] << 8) | q[at + 2];
    const question = q.slice(12, at + 5);
    const name = labels.join(".").toLowerCase();
    const answers = (records[name] ?? []).map((a) => ({ a, v6: a.includes(":") }))
      .filter((r) => (qtype === 28) === r.v6)
      .map(({ a, v6 }) => {
        const data = v6 ? parseIPv6(a)! : parseIPv4(a)!;
        return [0xc0, 12, 0, v6 ? 28 : 1, 0, 1, 0, 0, 0, 60, 0, data.length, ...data];
      });
    const flags = name in records ? 0x8180 : 0x8183;
    const header = [q[0], q[1], flags >> 8, flags & 255, 0, 1, 0, answers.length, 0, 0, 0, 0];
    socket.send(new Uint8Array([...header, ...question, ...answers.flat()]), from.port, from.address);
  });
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
  return { ipAddr: "127.0.0.1", port: socket.address().port, close: () => socket.close() };
}

Deno.test("through a real DNS lookup: a name resolving to a private or metadata address is refused, an allowed one connected to at its checked address", async () => {
  const l = listener();
  const ns = await fakeNameServer({
    "private.test": ["10.1.2.3"],
    "metadata.test": ["169.254.169.254"],
    "v6-local.test": ["fd00::5"],
    "fake.test": ["127.0.0.1"],
  });
  try {
    const resolve = dnsResolver(ns);
    const reason = (f: typeof fetch, url: string) => f(url).then(() => null, (e) => (e as OutboundRefused).reason);
    const production = guardedFetch({ policy: prod, resolve });
    assertEquals(await reason(production, "https://private.test/hook"), "the host name resolves to a private address");
    assertEquals(
      await reason(production, "https://metadata.test/"),
      "the host name resolves to a cloud metadata address",
    );
    assertEquals(
      await reason(production, "https://v6-local.test/"),
      "the host name resolves to a unique-local address",
    );
    assertEquals(
      await reason(production, `https://fake.test:${l.port}/`),
      "the host name resolves to a loopback address",
    );
    assertEquals(await reason(production, "https://nowhere.test/"), "the host name does not resolve");
    assertEquals(l.hosts, []);
    const r = await guardedFetch({ policy: dev, resolve })(`http://fake.test:${l.port}/x`);
    assertEquals([r.status, await r.text(), l.hosts], [200, "hello", [`fake.test:${l.port}`]]);
  } finally {
    ns.close();
    await l.close();
  }
});
