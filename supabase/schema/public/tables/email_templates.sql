create table public.email_templates (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  category text,
  subject text not null,
  preheader text,
  body_html text,
  body_text text,
  variables text[] default '{}'::text[] not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  variable_defaults jsonb default '{}'::jsonb not null,
  constraint "email_templates_pkey" PRIMARY KEY (id),
  constraint "a category has at most 64 characters" CHECK ((char_length(category) <= 64)),
  constraint "a preheader has at most 300 characters" CHECK ((char_length(preheader) <= 300)),
  constraint "a subject has 1 to 300 characters" CHECK (((char_length(btrim(subject)) >= 1) AND (char_length(btrim(subject)) <= 300))),
  constraint "an email body has at most 500000 characters" CHECK (((COALESCE(char_length(body_html), 0) <= 500000) AND (COALESCE(char_length(body_text), 0) <= 500000))),
  constraint "an email has an HTML or a text body" CHECK ((COALESCE(body_html, body_text) IS NOT NULL)),
  constraint "an email template name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "email template names are unique per workspace" UNIQUE (workspace_id, name),
  constraint "email_templates_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "email_templates_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_templates_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "variable_defaults is a JSON object of strings" CHECK (((jsonb_typeof(variable_defaults) = 'object'::text) AND (NOT jsonb_path_exists(variable_defaults, '$.*?(@.type() != "string")'::jsonpath))))
);
comment on table public.email_templates is 'Reusable emails with {{ variable }} placeholders in subject and bodies.';
comment on column public.email_templates.variables is 'The {{ variable }} names used in subject, preheader and bodies, kept by trigger.';
comment on column public.email_templates.variable_defaults is 'Values for variables beyond the built-in ones (first_name, last_name, email, workspace_name, unsubscribe_url): a contact''s attribute of the same name wins. A template that uses a variable with neither is refused when saved (22023).';

alter table public.email_templates enable row level security;
grant insert, select, update, delete on public.email_templates to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_templates to service_role;

CREATE INDEX email_templates_created_by_idx ON public.email_templates USING btree (created_by);

create policy "members add" on public.email_templates for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_templates for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_templates for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_templates for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_email_template_variables BEFORE INSERT OR UPDATE OF subject, preheader, body_html, body_text, variable_defaults ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.check_email_template_variables();
CREATE TRIGGER email_template_variables BEFORE INSERT ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.email_template_variables();
CREATE TRIGGER email_template_variables_update BEFORE UPDATE ON public.email_templates FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.email_template_variables();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER refuse_deleting_template_in_use BEFORE DELETE ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.refuse_deleting_template_in_use();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.email_templates FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
