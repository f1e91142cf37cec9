-- Content and email: the content calendar, digital and brand assets, content and proposal
-- templates, email templates, contacts and lists, email campaigns and email automation rules.
-- From 003's content_calendar, digital_assets, brand_assets, content_templates,
-- proposal_templates (a template kind here), email_templates, email_contacts, email_campaigns
-- and email_automation_rules. Sending is not here: email dispatch is a queue worker.

-- {{ name }} placeholders of a template body, sorted and distinct.
create function private.template_variables(p_texts text[]) returns text[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(distinct m[1] order by m[1]), '{}')
  from unnest(p_texts) t, regexp_matches(coalesce(t, ''), '\{\{\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*\}\}', 'g') m
$$;
comment on function private.template_variables(text[]) is 'The distinct {{ variable }} names used in the given texts, sorted.';
revoke all on function private.template_variables(text[]) from public;
grant execute on function private.template_variables(text[]) to authenticated, service_role;

-- ===== content calendar
create type public.calendar_status as enum ('idea', 'planned', 'in_progress', 'scheduled', 'published', 'cancelled');
comment on type public.calendar_status is 'Where a calendar entry stands; published sets published_at.';

create table public.content_calendar (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null,
  description text,
  content_type public.generated_content_type not null,
  channel public.marketing_channel,
  status public.calendar_status not null default 'idea',
  scheduled_for timestamptz,
  published_at timestamptz,
  campaign_id uuid,
  generated_content_id uuid,
  assignee_id uuid references auth.users (id) on delete set null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, generated_content_id) references public.generated_content (workspace_id, id)
    on delete set null (generated_content_id),
  constraint "a calendar title has 1 to 300 characters" check (char_length(btrim(title)) between 1 and 300),
  constraint "a calendar description has at most 10000 characters" check (char_length(description) <= 10000),
  constraint "a scheduled entry has a date" check (status <> 'scheduled' or scheduled_for is not null)
);
comment on table public.content_calendar is 'Publishing plan: what goes out on which channel when, optionally for a campaign and from a generated content piece.';
comment on column public.content_calendar.published_at is 'Set when the entry becomes published.';
create index content_calendar_workspace_scheduled_idx on public.content_calendar (workspace_id, scheduled_for);
create index content_calendar_campaign_idx on public.content_calendar (workspace_id, campaign_id);
create index content_calendar_generated_content_idx on public.content_calendar (workspace_id, generated_content_id);
create index content_calendar_assignee_id_idx on public.content_calendar (assignee_id);
create index content_calendar_created_by_idx on public.content_calendar (created_by);
create trigger set_updated_at before update on public.content_calendar for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.content_calendar for each row execute function private.stamp_created_by();
create trigger require_members before insert or update of assignee_id on public.content_calendar
  for each row execute function private.require_members('assignee_id');

create function private.calendar_published() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end $$;
comment on function private.calendar_published() is 'BEFORE INSERT/UPDATE on content_calendar: published_at when an entry is published.';
revoke all on function private.calendar_published() from public;
create trigger calendar_published before insert or update on public.content_calendar
  for each row execute function private.calendar_published();

-- ===== digital assets (files in Storage) and brand assets
create type public.asset_kind as enum ('image', 'video', 'audio', 'document', 'other');
comment on type public.asset_kind is 'What kind of file a digital asset is.';

create table public.digital_assets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  kind public.asset_kind not null,
  storage_path text not null,
  mime_type text not null,
  size_bytes bigint not null default 0,
  width integer,
  height integer,
  duration_seconds numeric(10, 3),
  alt_text text,
  tags text[] not null default '{}',
  campaign_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "an asset path is used once" unique (storage_path),
  constraint "an asset name has 1 to 300 characters" check (char_length(btrim(name)) between 1 and 300),
  constraint "the storage path starts with the workspace id" check (
    storage_path like workspace_id::text || '/_%' and char_length(storage_path) <= 1024),
  constraint "mime_type looks like type/subtype" check (mime_type ~ '^[a-z]+/[a-zA-Z0-9.+-]+$'),
  constraint "size and dimensions cannot be negative" check (
    size_bytes >= 0 and coalesce(width, 0) >= 0 and coalesce(height, 0) >= 0 and coalesce(duration_seconds, 0) >= 0),
  constraint "alt text has at most 1000 characters" check (char_length(alt_text) <= 1000),
  constraint "at most 50 tags" check (cardinality(tags) <= 50)
);
comment on table public.digital_assets is 'Uploaded files (images, videos, documents) used in campaigns; the file itself is in Storage at storage_path, which starts with the workspace id.';
comment on column public.digital_assets.storage_path is '<workspace_id>/<...>: the object''s path in its bucket.';
create index digital_assets_workspace_kind_idx on public.digital_assets (workspace_id, kind);
create index digital_assets_campaign_idx on public.digital_assets (workspace_id, campaign_id);
create index digital_assets_created_by_idx on public.digital_assets (created_by);
create trigger set_updated_at before update on public.digital_assets for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.digital_assets for each row execute function private.stamp_created_by();

create type public.brand_asset_kind as enum ('logo', 'color', 'font', 'tagline', 'tone_of_voice', 'guideline', 'imagery');
comment on type public.brand_asset_kind is 'Parts of a brand identity. color: value {"hex": "#RRGGBB"}; font: {"family": "..."}; tagline and tone_of_voice: {"text": "..."}; logo, guideline and imagery: a digital asset or {"url": "..."}.';

create table public.brand_assets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.brand_asset_kind not null,
  name text not null,
  value jsonb not null default '{}'::jsonb,
  digital_asset_id uuid,
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, digital_asset_id) references public.digital_assets (workspace_id, id) on delete set null (digital_asset_id),
  constraint "brand asset names are unique per kind" unique (workspace_id, kind, name),
  constraint "a brand asset name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200)
);
comment on table public.brand_assets is 'The brand identity: logos, colors, fonts, taglines, tone of voice, guidelines. At most one primary asset per kind; value is validated per kind (see the brand_asset_kind type).';
comment on column public.brand_assets.value is 'Kind-specific details, validated by private.check_brand_asset().';
create index brand_assets_digital_asset_idx on public.brand_assets (workspace_id, digital_asset_id);
create unique index brand_assets_one_primary_per_kind on public.brand_assets (workspace_id, kind) where is_primary;
create trigger set_updated_at before update on public.brand_assets for each row execute function private.set_updated_at();

create function private.check_brand_asset() returns trigger
language plpgsql set search_path = '' as $$
declare
  v jsonb := new.value;
  problem text;
begin
  problem := case
    when jsonb_typeof(v) is distinct from 'object' then 'must be a JSON object'
    when octet_length(v::text) > 8192 then 'is larger than 8 kB'
    when new.kind = 'color' and coalesce(v ->> 'hex', '') !~ '^#[0-9A-Fa-f]{6}$' then 'hex: a color needs "#RRGGBB"'
    when new.kind = 'font' and coalesce(btrim(v ->> 'family'), '') = '' then 'family: a font needs a family name'
    when new.kind in ('tagline', 'tone_of_voice') and coalesce(btrim(v ->> 'text'), '') = ''
      then 'text: a ' || replace(new.kind::text, '_', ' ') || ' needs text'
    when new.kind in ('logo', 'guideline', 'imagery') and new.digital_asset_id is null
         and coalesce(v ->> 'url', '') !~ '^https?://' then 'url: link a digital asset or give an http(s) url'
  end;
  if problem is not null then
    raise exception 'value.%', problem using errcode = '22023';
  end if;
  if new.is_primary and exists (select 1 from public.brand_assets b where b.workspace_id = new.workspace_id
                                and b.kind = new.kind and b.is_primary and b.id <> new.id) then
    raise exception 'there already is a primary %; unset it first', replace(new.kind::text, '_', ' ') using errcode = '23505';
  end if;
  return new;
end $$;
comment on function private.check_brand_asset() is 'BEFORE INSERT/UPDATE on brand_assets: validates value per kind (22023) and one primary per kind (23505).';
revoke all on function private.check_brand_asset() from public;
create trigger check_brand_asset before insert or update on public.brand_assets
  for each row execute function private.check_brand_asset();

-- ===== templates
create type public.template_kind as enum ('content', 'proposal');
comment on type public.template_kind is 'content: reusable copy for a content type; proposal: a sales proposal (003''s proposal_templates) with sections.';

create table public.content_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.template_kind not null default 'content',
  content_type public.generated_content_type,
  name text not null,
  description text,
  body text not null,
  sections jsonb not null default '[]'::jsonb,
  variables text[] not null default '{}',
  is_active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "template names are unique per kind" unique (workspace_id, kind, name),
  constraint "a template name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a template description has at most 2000 characters" check (char_length(description) <= 2000),
  constraint "a template body has at most 100000 characters" check (char_length(body) <= 100000),
  constraint "a content template names its content type" check (kind <> 'content' or content_type is not null)
);
comment on table public.content_templates is 'Reusable content and proposal templates with {{ variable }} placeholders.';
comment on column public.content_templates.sections is 'Proposal sections: [{"title": "...", "body": "..."}] (at most 50); [] for content templates.';
comment on column public.content_templates.variables is 'The {{ variable }} names used in body and sections, kept by trigger.';
create index content_templates_workspace_kind_idx on public.content_templates (workspace_id, kind);
create index content_templates_created_by_idx on public.content_templates (created_by);
create trigger set_updated_at before update on public.content_templates for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.content_templates for each row execute function private.stamp_created_by();

create function private.check_content_template() returns trigger
language plpgsql set search_path = '' as $$
declare
  bad integer;
begin
  if jsonb_typeof(new.sections) is distinct from 'array' or jsonb_array_length(new.sections) > 50 then
    raise exception 'sections: must be an array of at most 50 sections' using errcode = '22023';
  end if;
  select min(e.ordinality - 1) into bad from jsonb_array_elements(new.sections) with ordinality e
  where jsonb_typeof(e.value) <> 'object' or coalesce(btrim(e.value ->> 'title'), '') = ''
     or jsonb_typeof(e.value -> 'body') is distinct from 'string';
  if bad is not null then
    raise exception 'sections[%]: needs a title and a body text', bad using errcode = '22023';
  end if;
  new.variables := private.template_variables(
    array[new.body] || array(select e.value ->> 'body' from jsonb_array_elements(new.sections) e));
  return new;
end $$;
comment on function private.check_content_template() is 'BEFORE INSERT/UPDATE on content_templates: sections shape (22023) and the variables list.';
revoke all on function private.check_content_template() from public;
create trigger check_content_template before insert or update on public.content_templates
  for each row execute function private.check_content_template();

create table public.email_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  category text,
  subject text not null,
  preheader text,
  body_html text,
  body_text text,
  variables text[] not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "email template names are unique per workspace" unique (workspace_id, name),
  constraint "an email template name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a category has at most 64 characters" check (char_length(category) <= 64),
  constraint "a subject has 1 to 300 characters" check (char_length(btrim(subject)) between 1 and 300),
  constraint "a preheader has at most 300 characters" check (char_length(preheader) <= 300),
  constraint "an email has an HTML or a text body" check (coalesce(body_html, body_text) is not null),
  constraint "an email body has at most 500000 characters" check (
    coalesce(char_length(body_html), 0) <= 500000 and coalesce(char_length(body_text), 0) <= 500000)
);
comment on table public.email_templates is 'Reusable emails with {{ variable }} placeholders in subject and bodies.';
comment on column public.email_templates.variables is 'The {{ variable }} names used in subject, preheader and bodies, kept by trigger.';
create index email_templates_created_by_idx on public.email_templates (created_by);
create trigger set_updated_at before update on public.email_templates for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.email_templates for each row execute function private.stamp_created_by();

create function private.email_template_variables() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.variables := private.template_variables(array[new.subject, new.preheader, new.body_html, new.body_text]);
  return new;
end $$;
comment on function private.email_template_variables() is 'BEFORE INSERT/UPDATE on email_templates: the variables list.';
revoke all on function private.email_template_variables() from public;
create trigger email_template_variables before insert or update on public.email_templates
  for each row execute function private.email_template_variables();

-- ===== contacts and lists
create type public.email_contact_status as enum ('subscribed', 'unsubscribed', 'bounced', 'complained');
comment on type public.email_contact_status is 'Only subscribed contacts are mailed.';

create table public.email_contacts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null,
  first_name text,
  last_name text,
  status public.email_contact_status not null default 'subscribed',
  subscribed_at timestamptz,
  unsubscribed_at timestamptz,
  source text,
  lead_id uuid,
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, lead_id) references public.leads (workspace_id, id) on delete set null (lead_id),
  constraint "a contact with this email already exists in this workspace" unique (workspace_id, email),
  constraint "email is a valid address" check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320),
  constraint "names have at most 200 characters" check (char_length(first_name) <= 200 and char_length(last_name) <= 200),
  constraint "a source has at most 64 characters" check (char_length(source) <= 64),
  constraint "attributes is a JSON object" check (jsonb_typeof(attributes) = 'object')
);
comment on table public.email_contacts is 'People who receive emails; email stored lowercase, unique per workspace. subscribed_at / unsubscribed_at follow status.';
comment on column public.email_contacts.lead_id is 'The lead this contact is, when known.';
comment on column public.email_contacts.attributes is 'Merge fields for templates.';
create index email_contacts_lead_idx on public.email_contacts (workspace_id, lead_id);
create index email_contacts_workspace_status_idx on public.email_contacts (workspace_id, status);
create trigger set_updated_at before update on public.email_contacts for each row execute function private.set_updated_at();

create function private.normalize_email_contact() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.email := lower(btrim(new.email));
  if new.status = 'subscribed' and (tg_op = 'INSERT' or old.status <> 'subscribed') then
    new.subscribed_at := coalesce(new.subscribed_at, now());
    new.unsubscribed_at := null;
  elsif new.status <> 'subscribed' and (tg_op = 'INSERT' or old.status = 'subscribed') then
    new.unsubscribed_at := now();
  end if;
  return new;
end $$;
comment on function private.normalize_email_contact() is 'BEFORE INSERT/UPDATE on email_contacts: lowercase email, subscription timestamps.';
revoke all on function private.normalize_email_contact() from public;
create trigger normalize_email_contact before insert or update on public.email_contacts
  for each row execute function private.normalize_email_contact();

create table public.email_lists (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "email list names are unique per workspace" unique (workspace_id, name),
  constraint "a list name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a list description has at most 2000 characters" check (char_length(description) <= 2000)
);
comment on table public.email_lists is 'Distribution lists of email contacts.';
create trigger set_updated_at before update on public.email_lists for each row execute function private.set_updated_at();

create table public.email_list_members (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  list_id uuid not null,
  contact_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (list_id, contact_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references public.email_contacts (workspace_id, id) on delete cascade
);
comment on table public.email_list_members is 'Which contacts are on which list; both in the same workspace.';
create index email_list_members_list_idx on public.email_list_members (workspace_id, list_id);
create index email_list_members_contact_idx on public.email_list_members (workspace_id, contact_id);

-- ===== email campaigns
create type public.email_campaign_status as enum ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled');
comment on type public.email_campaign_status is 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled; cancelled may return to draft.';

create table public.email_campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  campaign_id uuid,
  template_id uuid,
  list_id uuid,
  subject text,
  from_name text,
  from_email text,
  reply_to text,
  status public.email_campaign_status not null default 'draft',
  scheduled_for timestamptz,
  sent_at timestamptz,
  recipients integer not null default 0,
  delivered integer not null default 0,
  opens integer not null default 0,
  unique_opens integer not null default 0,
  clicks integer not null default 0,
  unique_clicks integer not null default 0,
  bounces integer not null default 0,
  unsubscribes integer not null default 0,
  complaints integer not null default 0,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, template_id) references public.email_templates (workspace_id, id) on delete set null (template_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete set null (list_id),
  constraint "an email campaign name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a subject has at most 300 characters" check (char_length(subject) <= 300),
  constraint "from_name has at most 200 characters" check (char_length(from_name) <= 200),
  constraint "from_email and reply_to are valid addresses" check (
    (from_email is null or from_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
    and (reply_to is null or reply_to ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  constraint "delivery counts cannot be negative" check (
    recipients >= 0 and delivered >= 0 and opens >= 0 and unique_opens >= 0 and clicks >= 0 and unique_clicks >= 0
    and bounces >= 0 and unsubscribes >= 0 and complaints >= 0),
  constraint "unique counts do not exceed totals" check (
    unique_opens <= opens and unique_clicks <= clicks and delivered <= recipients and unique_opens <= delivered)
);
comment on table public.email_campaigns is 'One email send to a list, optionally for a marketing campaign. Status follows the lifecycle in email_campaign_status; scheduling needs a list, a template, a subject, a sender and a date.';
comment on column public.email_campaigns.subject is 'Overrides the template''s subject when set.';
comment on column public.email_campaigns.recipients is 'Contacts the send went to; the counts below come from the email provider''s events.';
create index email_campaigns_workspace_status_idx on public.email_campaigns (workspace_id, status, scheduled_for);
create index email_campaigns_campaign_idx on public.email_campaigns (workspace_id, campaign_id);
create index email_campaigns_template_idx on public.email_campaigns (workspace_id, template_id);
create index email_campaigns_list_idx on public.email_campaigns (workspace_id, list_id);
create index email_campaigns_created_by_idx on public.email_campaigns (created_by);
create trigger set_updated_at before update on public.email_campaigns for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.email_campaigns for each row execute function private.stamp_created_by();

create function private.check_email_campaign() returns trigger
language plpgsql set search_path = '' as $$
declare
  was public.email_campaign_status := case when tg_op = 'UPDATE' then old.status else 'draft' end;
begin
  if new.status <> was and not (
    (was = 'draft' and new.status in ('scheduled', 'cancelled'))
    or (was = 'scheduled' and new.status in ('draft', 'sending', 'cancelled'))
    or (was = 'sending' and new.status in ('paused', 'sent'))
    or (was = 'paused' and new.status in ('sending', 'cancelled'))
    or (was = 'cancelled' and new.status = 'draft')
  ) then
    raise exception 'an email campaign cannot go from % to %', was, new.status using errcode = 'PT409',
      hint = 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled';
  end if;
  if new.status = 'scheduled' and new.status is distinct from (case when tg_op = 'UPDATE' then old.status end) then
    if new.list_id is null or new.template_id is null or new.from_email is null or new.scheduled_for is null then
      raise exception 'to schedule an email campaign give it a list, a template, a sender address and a date'
        using errcode = '22023';
    end if;
    if new.scheduled_for < now() - interval '1 minute' then
      raise exception 'scheduled_for is in the past' using errcode = '22023';
    end if;
  end if;
  if new.status = 'sent' and was <> 'sent' then
    new.sent_at := coalesce(new.sent_at, now());
  end if;
  return new;
end $$;
comment on function private.check_email_campaign() is 'BEFORE INSERT/UPDATE on email_campaigns: the status lifecycle (PT409), what scheduling needs (22023), sent_at.';
revoke all on function private.check_email_campaign() from public;
create trigger check_email_campaign before insert or update on public.email_campaigns
  for each row execute function private.check_email_campaign();

-- ===== email automation rules
create type public.email_automation_trigger as enum (
  'contact_subscribed', 'lead_created', 'lead_status_changed', 'lead_score_reached', 'form_submitted', 'purchase_made');
comment on type public.email_automation_trigger is 'The event that starts an automated email.';

create table public.email_automation_rules (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  trigger_event public.email_automation_trigger not null,
  conditions jsonb not null default '[]'::jsonb,
  template_id uuid,
  list_id uuid,
  delay_minutes integer not null default 0,
  active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, template_id) references public.email_templates (workspace_id, id) on delete set null (template_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete set null (list_id),
  constraint "email automation names are unique per workspace" unique (workspace_id, name),
  constraint "an automation name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "delay_minutes is between 0 and 525600 (a year)" check (delay_minutes between 0 and 525600),
  constraint "an active automation has a template" check (not active or template_id is not null)
);
comment on table public.email_automation_rules is 'Send a template when an event happens and the conditions hold, after a delay; list_id limits it to that list''s contacts. Conditions use the shared condition language against the event''s subject.';
comment on column public.email_automation_rules.conditions is 'Condition list (private.conditions_problem validates it), e.g. [{"field": "row.score", "op": "gte", "value": 50}].';
create index email_automation_rules_workspace_idx on public.email_automation_rules (workspace_id, trigger_event) where active;
create index email_automation_rules_template_idx on public.email_automation_rules (workspace_id, template_id);
create index email_automation_rules_list_idx on public.email_automation_rules (workspace_id, list_id);
create index email_automation_rules_created_by_idx on public.email_automation_rules (created_by);
create trigger set_updated_at before update on public.email_automation_rules for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.email_automation_rules for each row execute function private.stamp_created_by();

create trigger check_rule_conditions before insert or update of conditions on public.email_automation_rules
  for each row execute function private.check_rule_conditions();

-- ===== access: viewers read, members write
alter table public.content_calendar enable row level security;
alter table public.digital_assets enable row level security;
alter table public.brand_assets enable row level security;
alter table public.content_templates enable row level security;
alter table public.email_templates enable row level security;
alter table public.email_contacts enable row level security;
alter table public.email_lists enable row level security;
alter table public.email_list_members enable row level security;
alter table public.email_campaigns enable row level security;
alter table public.email_automation_rules enable row level security;
grant select, insert, update, delete on public.content_calendar, public.digital_assets, public.brand_assets,
  public.content_templates, public.email_templates, public.email_contacts, public.email_lists, public.email_list_members,
  public.email_campaigns, public.email_automation_rules to authenticated;
grant all on public.content_calendar, public.digital_assets, public.brand_assets, public.content_templates,
  public.email_templates, public.email_contacts, public.email_lists, public.email_list_members, public.email_campaigns,
  public.email_automation_rules to service_role;
select private.tenant_policies('public.content_calendar', 'viewer', 'member');
select private.tenant_policies('public.digital_assets', 'viewer', 'member');
select private.tenant_policies('public.brand_assets', 'viewer', 'member');
select private.tenant_policies('public.content_templates', 'viewer', 'member');
select private.tenant_policies('public.email_templates', 'viewer', 'member');
select private.tenant_policies('public.email_contacts', 'viewer', 'member');
select private.tenant_policies('public.email_lists', 'viewer', 'member');
select private.tenant_policies('public.email_list_members', 'viewer', 'member');
select private.tenant_policies('public.email_campaigns', 'viewer', 'member');
select private.tenant_policies('public.email_automation_rules', 'viewer', 'member');
