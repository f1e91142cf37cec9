create table public.generated_content (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  campaign_id uuid,
  content_type public.generated_content_type not null,
  channel public.marketing_channel,
  title text,
  body text not null,
  prompt text,
  model text,
  status public.content_status default 'draft'::public.content_status not null,
  cost_micros bigint default 0 not null,
  metadata jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  run_id uuid,
  constraint "generated_content_pkey" PRIMARY KEY (id),
  constraint "a content title has at most 300 characters" CHECK ((char_length(title) <= 300)),
  constraint "a model name has at most 100 characters" CHECK ((char_length(model) <= 100)),
  constraint "a prompt has at most 20000 characters" CHECK ((char_length(prompt) <= 20000)),
  constraint "content has 1 to 100000 characters" CHECK (((char_length(body) >= 1) AND (char_length(body) <= 100000))),
  constraint "cost cannot be negative" CHECK ((cost_micros >= 0)),
  constraint "generated_content_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "generated_content_run_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "generated_content_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "generated_content_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "generated_content_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "metadata is a JSON object" CHECK ((jsonb_typeof(metadata) = 'object'::text))
);
comment on table public.generated_content is 'AI-generated content pieces (003''s generated_content_pieces), optionally for a campaign, reviewed before use.';
comment on column public.generated_content.cost_micros is 'What generating it cost, in millionths of the currency unit.';
comment on column public.generated_content.metadata is 'Generation parameters (tone, length, variants).';
comment on column public.generated_content.run_id is 'The agent run that wrote it (model, cost and inputs).';

alter table public.generated_content enable row level security;
grant insert, select, update, delete on public.generated_content to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.generated_content to service_role;

CREATE INDEX generated_content_campaign_idx ON public.generated_content USING btree (workspace_id, campaign_id);
CREATE INDEX generated_content_created_by_idx ON public.generated_content USING btree (created_by);
CREATE INDEX generated_content_run_idx ON public.generated_content USING btree (workspace_id, run_id);
CREATE INDEX generated_content_workspace_created_idx ON public.generated_content USING btree (workspace_id, created_at DESC);

create policy "members add" on public.generated_content for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.generated_content for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.generated_content for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.generated_content for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.generated_content FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.generated_content FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.generated_content FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
