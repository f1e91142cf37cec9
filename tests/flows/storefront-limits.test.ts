// Storefront RPCs are rate limited per client address and workspace (issue 21, item 5): a flood
// of track_touchpoint from one address through the gateway is cut at the documented budget (60 a
// minute) with 429, code PT429 and Retry-After, and stores nothing past it; another address and
// another workspace go on. The address is the first X-Forwarded-For entry, as on the platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonKey, api, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { randomIp } from "../helpers/storefront.ts";

const sql = superuser();
let a: Awaited<ReturnType<typeof workspaceWithRoles>>;
let b: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  a = await workspaceWithRoles(sql);
  b = await workspaceWithRoles(sql);
});
afterAll(async () => {
  await dropWorkspace(sql, a.tag);
  await dropWorkspace(sql, b.tag);
  await sql.end();
});

/** A landing as a browser sends it: the publishable key, from the address `ip`. */
async function land(workspaceId: string, ip: string, visitor: string) {
  const res = await fetch(`${api}/rest/v1/rpc/track_touchpoint`, {
    method: "POST",
    headers: { apikey: await anonKey(), "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ p_workspace_id: workspaceId, p_visitor_id: visitor, p_landing_url: "https://shop.test/?utm_source=x" }),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

describe("a flood from one address", () => {
  it("is cut at the budget with 429 and Retry-After; another address and another workspace are unaffected", async () => {
    const ip = randomIp();
    const answers = [];
    for (let i = 0; i < 90; i++) answers.push(await land(a.id, ip, `flood-${i}`));
    const accepted = answers.filter((x) => x.status === 200).length;
    const refused = answers.filter((x) => x.status === 429);
    // 60 a minute; a window boundary during the flood lets the previous window fade by at most
    // the share of a minute the flood took (a couple of calls)
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect(accepted).toBeLessThanOrEqual(63);
    expect(refused.length).toBe(90 - accepted);
    expect(answers.slice(0, 60).every((x) => x.status === 200)).toBe(true);
    expect(refused[0].body.code).toBe("PT429");
    expect(Number(refused[0].retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0].retryAfter)).toBeLessThanOrEqual(120);

    const [{ stored }] = await sql`select count(*)::int as stored from public.visitors
                                   where workspace_id = ${a.id} and visitor_id like 'flood-%'`;
    expect(stored).toBe(accepted);

    expect((await land(a.id, randomIp(), "other-address")).status).toBe(200);
    expect((await land(b.id, ip, "other-workspace")).status).toBe(200);
  });
});
