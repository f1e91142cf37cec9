create table public.content_templates (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  kind public.template_kind default 'content'::public.template_kind not null,
  content_type public.generated_content_type,
  name text not null,
  description text,
  body text not null,
  sections jsonb default '[]'::jsonb not null,
  variables text[] default '{}'::text[] not null,
  is_active boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "content_templates_pkey" PRIMARY KEY (id),
  constraint "a content template names its content type" CHECK (((kind <> 'content'::public.template_kind) OR (content_type IS NOT NULL))),
  constraint "a template body has at most 100000 characters" CHECK ((char_length(body) <= 100000)),
  constraint "a template description has at most 2000 characters" CHECK ((char_length(description) <= 2000)),
  constraint "a template name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "content_templates_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "content_templates_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "template names are unique per kind" UNIQUE (workspace_id, kind, name)
);
comment on table public.content_templates is 'Reusable content and proposal templates with {{ variable }} placeholders.';
comment on column public.content_templates.sections is 'Proposal sections: [{"title": "...", "body": "..."}] (at most 50); [] for content templates.';
comment on column public.content_templates.variables is 'The {{ variable }} names used in body and sections, kept by trigger.';

alter table public.content_templates enable row level security;
grant insert, select, update, delete on public.content_templates to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.content_templates to service_role;

CREATE INDEX content_templates_created_by_idx ON public.content_templates USING btree (created_by);
CREATE INDEX content_templates_workspace_kind_idx ON public.content_templates USING btree (workspace_id, kind);

create policy "members add" on public.content_templates for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.content_templates for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.content_templates for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.content_templates for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_content_template BEFORE INSERT ON public.content_templates FOR EACH ROW EXECUTE FUNCTION private.check_content_template();
CREATE TRIGGER check_content_template_update BEFORE UPDATE ON public.content_templates FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.check_content_template();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.content_templates FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.content_templates FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.content_templates FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
