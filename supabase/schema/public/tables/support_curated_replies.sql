create table public.support_curated_replies (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  title text not null,
  short_code text not null,
  body text not null,
  category public.support_ticket_category,
  tags text[] default '{}'::text[] not null,
  active boolean default true not null,
  chatwoot_canned_response_id text,
  usage_count integer default 0 not null,
  last_used_at timestamp with time zone,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "support_curated_replies_pkey" PRIMARY KEY (id),
  constraint "support_curated_replies_body_length" CHECK (((char_length(btrim(body)) >= 1) AND (char_length(btrim(body)) <= 10000))),
  constraint "support_curated_replies_chatwoot_canned_response_id_check" CHECK (((char_length(chatwoot_canned_response_id) >= 1) AND (char_length(chatwoot_canned_response_id) <= 64))),
  constraint "support_curated_replies_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "support_curated_replies_short_code_format" CHECK ((short_code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'::text)),
  constraint "support_curated_replies_tags_count" CHECK ((cardinality(tags) <= 20)),
  constraint "support_curated_replies_title_length" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "support_curated_replies_usage_count_check" CHECK ((usage_count >= 0)),
  constraint "support_curated_replies_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "support_curated_replies_workspace_id_short_code_key" UNIQUE (workspace_id, short_code)
);
comment on table public.support_curated_replies is 'Pre-approved reply templates for Chatwoot (its canned responses: short_code and content). Members write them; usage_count is kept by public.record_curated_reply_use.';
comment on column public.support_curated_replies.short_code is 'Chatwoot''s canned-response short code (typed after "/"), unique per workspace.';
comment on column public.support_curated_replies.chatwoot_canned_response_id is 'The canned response''s id in Chatwoot once synced.';
comment on column public.support_curated_replies.usage_count is 'Times agents used it (public.record_curated_reply_use); not writable directly.';

alter table public.support_curated_replies enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.support_curated_replies to service_role;
grant select, delete on public.support_curated_replies to authenticated;
grant insert (workspace_id) on public.support_curated_replies to authenticated;
grant insert, update (title) on public.support_curated_replies to authenticated;
grant insert, update (short_code) on public.support_curated_replies to authenticated;
grant insert, update (body) on public.support_curated_replies to authenticated;
grant insert, update (category) on public.support_curated_replies to authenticated;
grant insert, update (tags) on public.support_curated_replies to authenticated;
grant insert, update (active) on public.support_curated_replies to authenticated;
grant insert, update (chatwoot_canned_response_id) on public.support_curated_replies to authenticated;

CREATE INDEX support_curated_replies_created_by_idx ON public.support_curated_replies USING btree (created_by);

create policy "members add" on public.support_curated_replies for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.support_curated_replies for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.support_curated_replies for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.support_curated_replies for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.support_curated_replies FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.support_curated_replies FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
