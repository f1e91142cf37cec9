create table public.content_calendar (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  title text not null,
  description text,
  content_type public.generated_content_type not null,
  channel public.marketing_channel,
  status public.calendar_status default 'idea'::public.calendar_status not null,
  scheduled_for timestamp with time zone,
  published_at timestamp with time zone,
  campaign_id uuid,
  generated_content_id uuid,
  assignee_id uuid,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  social_post_id uuid,
  constraint "content_calendar_pkey" PRIMARY KEY (id),
  constraint "a calendar description has at most 10000 characters" CHECK ((char_length(description) <= 10000)),
  constraint "a calendar title has 1 to 300 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 300))),
  constraint "a scheduled entry has a date" CHECK (((status <> 'scheduled'::public.calendar_status) OR (scheduled_for IS NOT NULL))),
  constraint "content_calendar_assignee_id_fkey" FOREIGN KEY (assignee_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "content_calendar_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "content_calendar_social_post_fkey" FOREIGN KEY (workspace_id, social_post_id) REFERENCES public.social_posts(workspace_id, id) ON DELETE SET NULL (social_post_id),
  constraint "content_calendar_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "content_calendar_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "content_calendar_workspace_id_generated_content_id_fkey" FOREIGN KEY (workspace_id, generated_content_id) REFERENCES public.generated_content(workspace_id, id) ON DELETE SET NULL (generated_content_id)
);
comment on table public.content_calendar is 'Publishing plan: what goes out on which channel when, optionally for a campaign and from a generated content piece.';
comment on column public.content_calendar.published_at is 'Set when the entry becomes published.';
comment on column public.content_calendar.social_post_id is 'The social post this entry schedules: when the analytics sync sees it published, the entry becomes published (its published id and URL are the post''s).';

alter table public.content_calendar enable row level security;
grant insert, select, update, delete on public.content_calendar to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.content_calendar to service_role;

CREATE INDEX content_calendar_assignee_id_idx ON public.content_calendar USING btree (assignee_id);
CREATE INDEX content_calendar_campaign_idx ON public.content_calendar USING btree (workspace_id, campaign_id);
CREATE INDEX content_calendar_created_by_idx ON public.content_calendar USING btree (created_by);
CREATE INDEX content_calendar_generated_content_idx ON public.content_calendar USING btree (workspace_id, generated_content_id);
CREATE INDEX content_calendar_social_post_idx ON public.content_calendar USING btree (workspace_id, social_post_id);
CREATE INDEX content_calendar_workspace_scheduled_idx ON public.content_calendar USING btree (workspace_id, scheduled_for);

create policy "members add" on public.content_calendar for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.content_calendar for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.content_calendar for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.content_calendar for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER calendar_published BEFORE INSERT ON public.content_calendar FOR EACH ROW EXECUTE FUNCTION private.calendar_published();
CREATE TRIGGER calendar_published_update BEFORE UPDATE ON public.content_calendar FOR EACH ROW WHEN ((NOT ((((old.assignee_id IS NOT NULL) AND (new.assignee_id IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.assignee_id, old.created_by], ARRAY[new.assignee_id, new.created_by])))) EXECUTE FUNCTION private.calendar_published();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.content_calendar FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER require_members BEFORE INSERT ON public.content_calendar FOR EACH ROW EXECUTE FUNCTION private.require_members('assignee_id');
CREATE TRIGGER require_members_update BEFORE UPDATE OF assignee_id ON public.content_calendar FOR EACH ROW WHEN ((NOT ((((old.assignee_id IS NOT NULL) AND (new.assignee_id IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.assignee_id, old.created_by], ARRAY[new.assignee_id, new.created_by])))) EXECUTE FUNCTION private.require_members('assignee_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.content_calendar FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.content_calendar FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
