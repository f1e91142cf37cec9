// Workspaces, members, profiles and invitations the way a frontend drives them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { team, type Team, userClient } from "../helpers/api.ts";
import { superuser, userJwt } from "../helpers/stack.ts";

const sql = superuser();
let t: Team;
beforeAll(async () => {
  t = await team(sql);
});
afterAll(() => sql.end());

describe("workspaces", () => {
  it("a signed-in user creates one with insert().select() and becomes its owner", async () => {
    const slug = `flow-${t.ws.tag}`;
    const { data, error, status } = await t.member.from("workspaces").insert({ name: "Flow Co", slug }).select().single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toMatchObject({ name: "Flow Co", slug, created_by: t.ws.people.member.id });
    const mine = await t.member.from("workspace_members").select("role").eq("workspace_id", data!.id).single();
    expect(mine.data).toEqual({ role: "owner" });
  });

  it("create_workspace answers a taken slug with 409 and a bad slug with 400", async () => {
    const dup = await t.owner.rpc("create_workspace", { p_name: "Dup", p_slug: `ws-${t.ws.tag}` });
    expect([dup.status, dup.error?.code]).toEqual([409, "23505"]);
    const bad = await t.owner.rpc("create_workspace", { p_name: "Bad", p_slug: "Not A Slug!" });
    expect([bad.status, bad.error?.code]).toEqual([400, "22023"]);
  });

  it("each role sees its workspace; an outsider and anon see nothing", async () => {
    for (const c of [t.owner, t.admin, t.member, t.viewer]) {
      const { data } = await c.from("workspaces").select("*").eq("id", t.ws.id);
      expect(data).toHaveLength(1);
    }
    expect((await t.outsider.from("workspaces").select("*").eq("id", t.ws.id)).data).toEqual([]);
    const anon = await t.anon.from("workspaces").select("*");
    expect([anon.status, anon.error?.code]).toEqual([401, "42501"]);
  });

  it("renaming needs admin: a member's update changes nothing, an admin's does", async () => {
    const byMember = await t.member.from("workspaces").update({ name: "Hijacked" }).eq("id", t.ws.id).select();
    expect(byMember.data).toEqual([]);
    const byAdmin = await t.admin.from("workspaces").update({ name: "Renamed" }).eq("id", t.ws.id).select("name").single();
    expect(byAdmin.data).toEqual({ name: "Renamed" });
  });
});

describe("members and profiles", () => {
  it("the member list embeds each member's profile in one call", async () => {
    await sql`update auth.users set raw_user_meta_data = '{"full_name": "Vera Viewer"}' where id = ${t.ws.people.viewer.id}`;
    const { data, error } = await t.viewer.from("workspace_members")
      .select("role, profiles(email, display_name)").eq("workspace_id", t.ws.id).order("role");
    expect(error).toBeNull();
    expect(data).toHaveLength(4);
    expect(data!.find((m) => m.role === "viewer")!.profiles).toEqual({ email: t.ws.people.viewer.email, display_name: "Vera Viewer" });
  });

  it("nobody raises their own role, and a member cannot change anyone's", async () => {
    const self = await t.admin.from("workspace_members").update({ role: "owner" })
      .eq("workspace_id", t.ws.id).eq("user_id", t.ws.people.admin.id);
    expect([self.status, self.error?.code]).toEqual([403, "42501"]);
    const member = await t.member.from("workspace_members").update({ role: "admin" })
      .eq("workspace_id", t.ws.id).eq("user_id", t.ws.people.viewer.id).select();
    expect(member.data).toEqual([]);
  });

  it("transferring ownership to a non-member is a 404, and only the owner may", async () => {
    const notMember = await t.owner.rpc("transfer_workspace_ownership", {
      p_workspace_id: t.ws.id, p_new_owner: crypto.randomUUID(),
    });
    expect([notMember.status, notMember.error?.code]).toEqual([404, "PT404"]);
    const byAdmin = await t.admin.rpc("transfer_workspace_ownership", { p_workspace_id: t.ws.id, p_new_owner: t.ws.people.member.id });
    expect([byAdmin.status, byAdmin.error?.code]).toEqual([403, "42501"]);
  });
});

describe("invitations", () => {
  it("an admin invites, reads invitations with select('*'), the invitee accepts once", async () => {
    const email = `invitee-${t.ws.tag}@test.local`;
    const inv = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: email, p_role: "member" });
    expect(inv.error).toBeNull();
    const token = inv.data![0].token;
    const listed = await t.admin.from("workspace_invitations").select("*").eq("workspace_id", t.ws.id);
    expect(listed.error).toBeNull();
    expect(listed.data!.map((i) => i.email)).toContain(email);
    expect(Object.keys(listed.data![0])).not.toContain("token_hash");
    expect((await t.member.from("workspace_invitations").select("*").eq("workspace_id", t.ws.id)).data).toEqual([]);

    const again = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: email });
    expect([again.status, again.error?.code]).toEqual([409, "PT409"]);

    const [{ id }] = await sql`insert into auth.users (id, email) values (gen_random_uuid(), ${email}) returning id`;
    const invitee = await userClient(await userJwt(id, email));
    const accepted = await invitee.rpc("accept_workspace_invitation", { p_token: token });
    expect(accepted.data).toBe(t.ws.id);
    const reused = await invitee.rpc("accept_workspace_invitation", { p_token: token });
    expect([reused.status, reused.error?.code, reused.error?.message]).toEqual([409, "PT409", "this invitation has already been used"]);
    const unknown = await invitee.rpc("accept_workspace_invitation", { p_token: "ab".repeat(32) });
    expect([unknown.status, unknown.error?.code]).toEqual([404, "PT404"]);
    const malformed = await invitee.rpc("accept_workspace_invitation", { p_token: "nope" });
    expect([malformed.status, malformed.error?.code]).toEqual([400, "22023"]);
  });

  it("an expired invitation is 410, one for another email 403; a viewer cannot invite", async () => {
    const email = `late-${t.ws.tag}@test.local`;
    const inv = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: email });
    await sql`update public.workspace_invitations set expires_at = now() - interval '1 minute' where id = ${inv.data![0].invitation_id}`;
    const [{ id }] = await sql`insert into auth.users (id, email) values (gen_random_uuid(), ${email}) returning id`;
    const late = await (await userClient(await userJwt(id, email))).rpc("accept_workspace_invitation", { p_token: inv.data![0].token });
    expect([late.status, late.error?.code]).toEqual([410, "PT410"]);
    const other = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: `x-${t.ws.tag}@test.local` });
    const wrong = await t.outsider.rpc("accept_workspace_invitation", { p_token: other.data![0].token });
    expect([wrong.status, wrong.error?.code]).toEqual([403, "42501"]);
    const byViewer = await t.viewer.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: "y@test.local" });
    expect([byViewer.status, byViewer.error?.code]).toEqual([403, "42501"]);
    const badEmail = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: "not-an-email" });
    expect([badEmail.status, badEmail.error?.code]).toEqual([400, "22023"]);
  });
});
