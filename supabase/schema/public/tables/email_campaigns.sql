create table public.email_campaigns (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  campaign_id uuid,
  template_id uuid,
  list_id uuid,
  subject text,
  from_name text,
  from_email text,
  reply_to text,
  status public.email_campaign_status default 'draft'::public.email_campaign_status not null,
  scheduled_for timestamp with time zone,
  sent_at timestamp with time zone,
  recipients integer default 0 not null,
  delivered integer default 0 not null,
  opens integer default 0 not null,
  unique_opens integer default 0 not null,
  clicks integer default 0 not null,
  unique_clicks integer default 0 not null,
  bounces integer default 0 not null,
  unsubscribes integer default 0 not null,
  complaints integer default 0 not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_campaigns_pkey" PRIMARY KEY (id),
  constraint "a subject has at most 300 characters" CHECK ((char_length(subject) <= 300)),
  constraint "an email campaign name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "delivery counts cannot be negative" CHECK (((recipients >= 0) AND (delivered >= 0) AND (opens >= 0) AND (unique_opens >= 0) AND (clicks >= 0) AND (unique_clicks >= 0) AND (bounces >= 0) AND (unsubscribes >= 0) AND (complaints >= 0))),
  constraint "email_campaigns_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "email_campaigns_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "email_campaigns_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_campaigns_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "email_campaigns_workspace_id_list_id_fkey" FOREIGN KEY (workspace_id, list_id) REFERENCES public.email_lists(workspace_id, id) ON DELETE SET NULL (list_id),
  constraint "email_campaigns_workspace_id_template_id_fkey" FOREIGN KEY (workspace_id, template_id) REFERENCES public.email_templates(workspace_id, id) ON DELETE SET NULL (template_id),
  constraint "from_email and reply_to are valid addresses" CHECK ((((from_email IS NULL) OR (from_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)) AND ((reply_to IS NULL) OR (reply_to ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)))),
  constraint "from_name has at most 200 characters" CHECK ((char_length(from_name) <= 200)),
  constraint "unique counts do not exceed totals" CHECK (((unique_opens <= opens) AND (unique_clicks <= clicks) AND (delivered <= recipients) AND (unique_opens <= delivered)))
);
comment on table public.email_campaigns is 'One email send to a list, optionally for a marketing campaign. Status follows the lifecycle in email_campaign_status; scheduling needs a list, a template, a subject, a sender and a date.';
comment on column public.email_campaigns.subject is 'Overrides the template''s subject when set.';
comment on column public.email_campaigns.recipients is 'Contacts the send went to; the counts below come from the email provider''s events.';

alter table public.email_campaigns enable row level security;
grant insert, select, update, delete on public.email_campaigns to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_campaigns to service_role;

CREATE INDEX email_campaigns_campaign_idx ON public.email_campaigns USING btree (workspace_id, campaign_id);
CREATE INDEX email_campaigns_created_by_idx ON public.email_campaigns USING btree (created_by);
CREATE INDEX email_campaigns_list_idx ON public.email_campaigns USING btree (workspace_id, list_id);
CREATE INDEX email_campaigns_template_idx ON public.email_campaigns USING btree (workspace_id, template_id);
CREATE INDEX email_campaigns_workspace_status_idx ON public.email_campaigns USING btree (workspace_id, status, scheduled_for);

create policy "members add" on public.email_campaigns for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_campaigns for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_campaigns for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_campaigns for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_email_campaign BEFORE INSERT ON public.email_campaigns FOR EACH ROW EXECUTE FUNCTION private.check_email_campaign();
CREATE TRIGGER check_email_campaign_subject BEFORE INSERT OR UPDATE OF subject, template_id ON public.email_campaigns FOR EACH ROW WHEN ((new.subject IS NOT NULL)) EXECUTE FUNCTION private.check_email_campaign_subject();
CREATE TRIGGER check_email_campaign_update BEFORE UPDATE ON public.email_campaigns FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.check_email_campaign();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.email_campaigns FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_campaigns FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.email_campaigns FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
