-- Messaging, part 1: email that leaves. One outbox (private.email_messages) holds every email
-- the backend sends (review requests, gift cards, campaigns, automation steps, workspace
-- invitations, privacy exports, approval digests), one row per recipient, rendered when queued.
-- The email-send worker drains it through Resend:
--   queued --claim--> sending --finish--> sent --events--> delivered / bounced / complained
--   (suppressed: never sent; failed: a dead letter with the last error)
-- Exactly once per recipient: the first claim decides suppression and consent and gives every
-- message its provider call's key (batch_key: one per 100 campaign messages, the message's own
-- key otherwise), recorded before any call and never changed, so a retried call carries the same
-- Idempotency-Key with the same emails and Resend answers the first call's ids instead of
-- sending again, also after a worker died between the call and its commit (the lease runs out,
-- the batch is claimed again). Claims take a transaction lock, so a batch is always claimed whole.
-- Throttling: a 429 stops every worker until the provider's time (private.email_sender_state).
-- Suppression: Resend's bounce and complaint events and the one-click unsubscribe feed
-- public.email_suppressions, which every claim respects; campaigns and automations go only to
-- subscribed contacts. Delivery events roll up onto the campaign, the review request and the
-- gift card email.

create type public.email_kind as enum ('review_request', 'gift_card', 'campaign', 'automation', 'invitation',
  'privacy_export', 'approval_digest');
comment on type public.email_kind is 'What an email is for. campaign and automation are marketing (sent only to subscribed contacts); review_request respects unsubscribes; the others are transactional (only bounces and complaints stop them).';

create type private.email_message_status as enum ('queued', 'sending', 'sent', 'delivered', 'bounced', 'complained',
  'suppressed', 'failed');
comment on type private.email_message_status is 'queued -> sending (claimed, leased) -> sent (Resend accepted it) -> delivered | bounced | complained; queued -> suppressed (never sent); sending -> queued (retry, throttled) | failed (dead letter).';

create type public.email_suppression_reason as enum ('bounced', 'complained', 'unsubscribed');
comment on type public.email_suppression_reason is 'Why an address gets no more email: a permanent bounce or a spam complaint (no email at all), or an unsubscribe (no marketing email and no review requests).';

-- ===== settings: who the workspace's email comes from
create table public.email_sender_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  from_name text check (char_length(btrim(from_name)) between 1 and 200 and from_name !~ '[\r\n<>"]'),
  from_email text not null check (from_email = lower(from_email) and from_email ~ '^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$'
                                  and char_length(from_email) <= 320),
  reply_to text check (reply_to ~ '^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$' and char_length(reply_to) <= 320),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.email_sender_settings is 'The workspace''s sender identity: every email it sends comes from from_name <from_email> (an address on a domain verified with Resend) with reply_to; a campaign may name its own. Without a row the platform''s default sender (EMAIL_DEFAULT_FROM) is used. Admins write it.';
alter table public.email_sender_settings enable row level security;
grant select, insert, update, delete on public.email_sender_settings to authenticated;
select private.install_row_triggers('public.email_sender_settings');
select private.tenant_policies('public.email_sender_settings', 'viewer', 'admin');

-- ===== the suppression list
create table public.email_suppressions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) between 3 and 320),
  reason public.email_suppression_reason not null,
  detail text check (char_length(detail) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, email)
);
comment on table public.email_suppressions is 'Addresses the workspace sends no more email to (bounced, complained) or no marketing email and review requests (unsubscribed). Written by Resend''s webhook events and the one-click unsubscribe; every send checks it when it is first claimed. Viewers read it.';
comment on column public.email_suppressions.reason is 'The strongest reason seen: a complaint or bounce replaces an unsubscribe, never the other way round.';
alter table public.email_suppressions enable row level security;
grant select on public.email_suppressions to authenticated;
select private.install_row_triggers('public.email_suppressions');
select private.tenant_policy('public.email_suppressions', 'select', 'viewer');

-- ===== templates: variables are known when the template is saved
alter table public.email_templates add column variable_defaults jsonb not null default '{}'
  constraint "variable_defaults is a JSON object of strings" check (jsonb_typeof(variable_defaults) = 'object'
    and not jsonb_path_exists(variable_defaults, '$.* ? (@.type() != "string")'));
comment on column public.email_templates.variable_defaults is 'Values for variables beyond the built-in ones (first_name, last_name, email, workspace_name, unsubscribe_url): a contact''s attribute of the same name wins. A template that uses a variable with neither is refused when saved (22023).';

create function private.email_builtin_variables() returns text[]
language sql immutable set search_path = '' as $$
  select array['first_name', 'last_name', 'email', 'workspace_name', 'unsubscribe_url']
$$;
comment on function private.email_builtin_variables() is 'The variables every campaign and automation email provides.';

create function private.check_email_template_variables() returns trigger
language plpgsql set search_path = '' as $$
declare
  missing text[];
begin
  select array_agg(v order by v) into missing
  from unnest(private.template_variables(array[new.subject, new.preheader, new.body_html, new.body_text])) v
  where v <> all (private.email_builtin_variables()) and not (new.variable_defaults ? v);
  if missing is not null then
    raise exception 'the template uses % that no email provides', array_to_string(array(select '{{ ' || m || ' }}' from unnest(missing) m), ', ')
      using errcode = '22023',
            hint = 'use ' || array_to_string(private.email_builtin_variables(), ', ') || ', or give a default in variable_defaults';
  end if;
  return new;
end $$;
comment on function private.check_email_template_variables() is 'BEFORE INSERT/UPDATE on email_templates: every {{ variable }} is built in or has a default (22023 names the missing ones).';
create trigger check_email_template_variables before insert or update of subject, preheader, body_html, body_text, variable_defaults
  on public.email_templates for each row execute function private.check_email_template_variables();

create function private.check_email_campaign_subject() returns trigger
language plpgsql set search_path = '' as $$
declare
  missing text[];
begin
  select array_agg(v order by v) into missing
  from unnest(private.template_variables(array[new.subject])) v
  where v <> all (private.email_builtin_variables())
    and not exists (select 1 from public.email_templates t
                    where t.workspace_id = new.workspace_id and t.id = new.template_id and t.variable_defaults ? v);
  if missing is not null then
    raise exception 'the subject uses % that no email provides', array_to_string(array(select '{{ ' || m || ' }}' from unnest(missing) m), ', ')
      using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.check_email_campaign_subject() is 'BEFORE INSERT/UPDATE on email_campaigns: the subject override uses only variables the email provides (22023).';
create trigger check_email_campaign_subject before insert or update of subject, template_id on public.email_campaigns
  for each row when (new.subject is not null) execute function private.check_email_campaign_subject();

-- ===== rendering
create function private.html_escape(p_text text) returns text
language sql immutable set search_path = '' as $$
  select replace(replace(replace(replace(replace(p_text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
comment on function private.html_escape(text) is 'Escapes & < > " and '' for HTML text and attribute values.';

create function private.render_email(p_text text, p_vars jsonb, p_html boolean) returns text
language plpgsql immutable set search_path = '' as $$
declare
  m text[];
  result text := p_text;
  v text;
begin
  if p_text is null then
    return null;
  end if;
  for m in select regexp_matches(p_text, '(\{\{\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*\}\})', 'g') loop
    v := coalesce(p_vars ->> m[2], '');
    result := replace(result, m[1], case when p_html then private.html_escape(v) else regexp_replace(v, '[\r\n]+', ' ', 'g') end);
  end loop;
  return result;
end $$;
comment on function private.render_email(text, jsonb, boolean) is 'Fills {{ variable }} placeholders from p_vars: HTML-escaped in HTML bodies, line breaks removed in subjects and text.';

-- Links in emails: the app (review form, invitation, export download) and the functions (unsubscribe).
create function private.vault_secret(p_name text) returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  v text;
  secrets text := 'vault.decrypted_secrets';
begin
  if to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute format('select max(decrypted_secret) from %s where name = $1', secrets) into v using p_name;
  return v;
end $$;
comment on function private.vault_secret(text) is 'A Vault secret by name (project_url, app_url), null where Vault or the secret is missing.';

create function private.app_url() returns text
language sql stable set search_path = '' as $$
  select rtrim(coalesce(private.vault_secret('app_url'), 'http://127.0.0.1:3000'), '/')
$$;
comment on function private.app_url() is 'The app''s origin for links in emails: the Vault secret app_url (set it in a hosted project), locally http://127.0.0.1:3000.';

-- ===== one-click unsubscribe: a signed per-recipient link
create table private.email_unsubscribe_key (
  id boolean primary key default true check (id),
  key bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.email_unsubscribe_key is 'The HMAC key that signs unsubscribe links (one row). Service only.';
alter table private.email_unsubscribe_key enable row level security;
insert into private.email_unsubscribe_key default values;

create function private.unsubscribe_token(p_workspace_id uuid, p_email text, p_email_campaign_id uuid default null)
returns text
language sql stable security definer set search_path = '' as $$
  select private.base64url(convert_to(msg, 'UTF8')) || '.'
         || private.base64url(extensions.hmac(convert_to(msg, 'UTF8'), (select k.key from private.email_unsubscribe_key k), 'sha256'))
  from (select p_workspace_id::text || '|' || lower(p_email) || '|' || coalesce(p_email_campaign_id::text, '') as msg) s
$$;
comment on function private.unsubscribe_token(uuid, text, uuid) is 'The signed token of a recipient''s unsubscribe link: base64url(workspace|email|campaign) . base64url(HMAC-SHA256).';

create function private.unsubscribe_base() returns text
language sql stable set search_path = '' as $$
  select rtrim(coalesce(private.vault_secret('project_url'), 'http://127.0.0.1:54321'), '/') || '/functions/v1/email-unsubscribe?token='
$$;
comment on function private.unsubscribe_base() is 'The unsubscribe link up to its token: the project''s functions URL (Vault project_url).';

create function private.unsubscribe_url(p_workspace_id uuid, p_email text, p_email_campaign_id uuid default null)
returns text
language sql stable set search_path = '' as $$
  select private.unsubscribe_base() || private.unsubscribe_token(p_workspace_id, p_email, p_email_campaign_id)
$$;
comment on function private.unsubscribe_url(uuid, text, uuid) is 'The recipient''s one-click unsubscribe URL (RFC 8058), served by the email-unsubscribe function without signing in.';

-- ===== the outbox
alter table public.email_campaigns add constraint email_campaigns_workspace_id_id_key unique (workspace_id, id);
create table private.email_messages (
  id bigint generated always as identity primary key,
  workspace_id uuid references public.workspaces (id) on delete cascade,
  kind public.email_kind not null,
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 200),
  to_email text not null check (to_email ~ '^[^@\s<>]+@[^@\s<>]+$' and char_length(to_email) <= 320),
  from_address text check (char_length(from_address) <= 600 and from_address !~ '[\r\n]'),
  reply_to text check (char_length(reply_to) <= 320 and reply_to !~ '[\r\n]'),
  subject text not null check (char_length(subject) between 1 and 998 and subject !~ '[\r\n]'),
  html text check (char_length(html) <= 1000000),
  text_body text check (char_length(text_body) <= 1000000),
  headers jsonb not null default '{}' check (jsonb_typeof(headers) = 'object'),
  status private.email_message_status not null default 'queued',
  batch_key text check (char_length(batch_key) <= 256),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 8 check (max_attempts between 1 and 50),
  next_attempt_at timestamptz not null default now(),
  lease_expires_at timestamptz,
  provider_message_id text check (char_length(provider_message_id) <= 256),
  last_error text check (char_length(last_error) <= 2000),
  sent_at timestamptz,
  delivered_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  bounced_at timestamptz,
  complained_at timestamptz,
  finished_at timestamptz,
  review_request_id uuid,
  gift_card_email_id uuid,
  email_campaign_id uuid,
  email_contact_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "an email has an HTML or a text body" check (coalesce(html, text_body) is not null),
  constraint "only account emails have no workspace" check (workspace_id is not null or kind = 'privacy_export'),
  constraint "a sending email is leased" check ((status = 'sending') = (lease_expires_at is not null)),
  constraint email_messages_key unique nulls not distinct (workspace_id, idempotency_key),
  foreign key (workspace_id, review_request_id) references public.review_requests (workspace_id, id) on delete set null (review_request_id),
  foreign key (workspace_id, email_campaign_id) references public.email_campaigns (workspace_id, id) on delete set null (email_campaign_id),
  foreign key (workspace_id, email_contact_id) references public.email_contacts (workspace_id, id) on delete set null (email_contact_id)
);
alter table public.gift_card_emails add constraint gift_card_emails_workspace_id_id_key unique (workspace_id, id);
alter table private.email_messages add foreign key (workspace_id, gift_card_email_id)
  references public.gift_card_emails (workspace_id, id) on delete set null (gift_card_email_id);
comment on table private.email_messages is 'The one email outbox: a row per recipient, rendered when queued, sent by the email-send worker through Resend, then updated by Resend''s delivery events. Service only (bodies hold tokens and codes); what the frontend sees is rolled up onto email_campaigns, review_requests and gift_card_emails. Finished rows are deleted after 30 days.';
comment on column private.email_messages.idempotency_key is 'What the message is for, unique per workspace (review_request:<id>, campaign:<id>:<contact>, ...): queueing the same email twice is one message.';
comment on column private.email_messages.batch_key is 'The Idempotency-Key of the provider call that carries this message, set when first claimed and never changed: campaign messages share one per batch of up to 100 (the batch endpoint), other messages use their own key.';
comment on column private.email_messages.from_address is 'Name <address> as sent; null: the platform''s default sender (EMAIL_DEFAULT_FROM).';
comment on column private.email_messages.headers is 'Extra headers: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on marketing emails and review requests.';
comment on column private.email_messages.lease_expires_at is 'While sending: when the claim lapses and the batch may be claimed again (the same key makes the provider answer, not send).';
comment on column private.email_messages.provider_message_id is 'Resend''s email id, which its delivery events name.';
create index email_messages_fresh_idx on private.email_messages (next_attempt_at, id) where status = 'queued' and batch_key is null;
create index email_messages_due_idx on private.email_messages (next_attempt_at, id) where status = 'queued' and batch_key is not null;
create index email_messages_leased_idx on private.email_messages (lease_expires_at) where status = 'sending';
create index email_messages_batch_idx on private.email_messages (batch_key) where batch_key is not null;
create index email_messages_provider_id_idx on private.email_messages (provider_message_id) where provider_message_id is not null;
create index email_messages_finished_idx on private.email_messages (finished_at) where finished_at is not null;
create index email_messages_review_request_idx on private.email_messages (workspace_id, review_request_id) where review_request_id is not null;
create index email_messages_gift_card_email_idx on private.email_messages (workspace_id, gift_card_email_id) where gift_card_email_id is not null;
create index email_messages_campaign_idx on private.email_messages (workspace_id, email_campaign_id, status) where email_campaign_id is not null;
create index email_messages_contact_idx on private.email_messages (workspace_id, email_contact_id) where email_contact_id is not null;
alter table private.email_messages enable row level security;
select private.install_row_triggers('private.email_messages');

create table private.email_sender_state (
  id boolean primary key default true check (id),
  throttled_until timestamptz,
  last_throttle text check (char_length(last_throttle) <= 2000)
);
comment on table private.email_sender_state is 'The email provider''s account-wide state (one row): after a 429 no worker claims before throttled_until. Service only.';
alter table private.email_sender_state enable row level security;
insert into private.email_sender_state default values;

-- Review requests show their email's delivery.
alter table public.review_requests
  add column email_status public.email_delivery_status,
  add column email_status_at timestamptz;
comment on column public.review_requests.email_status is 'The review request email''s delivery as Resend reports it (sent, delivered, opened, clicked, bounced, complained, suppressed, failed); null before it is queued.';
comment on column public.review_requests.email_status_at is 'When email_status last changed.';

insert into private.callable_functions (name, description)
values ('email-send', 'one run of the email sender (Resend): claims batches from private.email_messages')
on conflict (name) do nothing;

-- ===== queueing
create function private.sender_address(p_workspace_id uuid, p_from_name text default null, p_from_email text default null)
returns text
language sql stable set search_path = '' as $$
  select case when coalesce(p_from_email, s.from_email) is null then null
              when coalesce(p_from_name, s.from_name) is null then coalesce(p_from_email, s.from_email)
              else '"' || replace(coalesce(p_from_name, s.from_name), '"', '') || '" <' || coalesce(p_from_email, s.from_email) || '>' end
  from (select 1) one left join public.email_sender_settings s on s.workspace_id = p_workspace_id
$$;
comment on function private.sender_address(uuid, text, text) is 'Name <address> of the workspace''s sender (or the given override); null: the platform default.';

create function private.enqueue_email(
  p_workspace_id uuid, p_kind public.email_kind, p_idempotency_key text, p_to_email text, p_subject text,
  p_html text, p_text_body text default null, p_from_address text default null, p_reply_to text default null,
  p_review_request_id uuid default null, p_gift_card_email_id uuid default null, p_email_campaign_id uuid default null,
  p_email_contact_id uuid default null, p_next_attempt_at timestamptz default now()
) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  mid bigint;
  headers jsonb := '{}'::jsonb;
begin
  if p_kind in ('campaign', 'automation', 'review_request') and p_workspace_id is not null then
    headers := jsonb_build_object(
      'List-Unsubscribe', '<' || private.unsubscribe_url(p_workspace_id, p_to_email, p_email_campaign_id) || '>',
      'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
  end if;
  insert into private.email_messages (workspace_id, kind, idempotency_key, to_email, from_address, reply_to, subject,
    html, text_body, headers, review_request_id, gift_card_email_id, email_campaign_id, email_contact_id, next_attempt_at)
  values (p_workspace_id, p_kind, p_idempotency_key, lower(btrim(p_to_email)),
    coalesce(p_from_address, private.sender_address(p_workspace_id)),
    coalesce(p_reply_to, (select s.reply_to from public.email_sender_settings s where s.workspace_id = p_workspace_id)),
    regexp_replace(p_subject, '[\r\n]+', ' ', 'g'), p_html, p_text_body, headers, p_review_request_id,
    p_gift_card_email_id, p_email_campaign_id, p_email_contact_id, coalesce(p_next_attempt_at, now()))
  on conflict on constraint email_messages_key do nothing
  returning id into mid;
  if mid is not null and coalesce(p_next_attempt_at, now()) <= now() then
    perform private.wake_function('email-send');
  end if;
  return mid;
end $$;
comment on function private.enqueue_email(uuid, public.email_kind, text, text, text, text, text, text, text, uuid, uuid, uuid, uuid, timestamptz) is 'Queues one email (once per workspace and key: a repeat returns null and changes nothing), from the workspace''s sender unless given, with List-Unsubscribe headers on marketing emails and review requests; wakes the sender at commit.';

-- ===== claiming: suppression and batch keys decided once, batches claimed whole
create type private.email_batch as (batch_key text, kind public.email_kind, messages jsonb);
comment on type private.email_batch is 'One provider call as the email-send worker gets it: its Idempotency-Key, its kind (campaign batches use the batch endpoint) and its messages in id order.';

create function private.prepare_email_messages(p_limit integer, p_workspace_id uuid default null) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  r record;
begin
  for r in
  with fresh as (
    select m.id, m.workspace_id, m.kind, m.to_email, m.email_campaign_id, m.email_contact_id, m.idempotency_key
    from private.email_messages m
    where m.status = 'queued' and m.batch_key is null and m.next_attempt_at <= now()
      and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
      and (m.email_campaign_id is null
           or exists (select 1 from public.email_campaigns c
                      where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'))
    order by m.next_attempt_at, m.id
    limit p_limit
    for update of m
  ), judged as (
    select f.*,
      case
        when s.reason in ('bounced', 'complained') then 'the address is suppressed (' || s.reason || ')'
        when s.reason = 'unsubscribed' and f.kind in ('campaign', 'automation', 'review_request') then 'the address unsubscribed'
        when f.kind in ('campaign', 'automation') and not exists (
          select 1 from public.email_contacts c
          where c.workspace_id = f.workspace_id and c.id = f.email_contact_id and c.status = 'subscribed')
          then 'the contact has not consented to marketing email'
      end as suppressed
    from fresh f
    left join public.email_suppressions s on s.workspace_id = f.workspace_id and s.email = f.to_email
  ), numbered as (
    select j.*, (row_number() over (partition by j.email_campaign_id, j.suppressed is null order by j.id) - 1) / 100 as chunk
    from judged j
  ), keyed as (
    select j.id, j.suppressed,
      case when j.kind = 'campaign' then
        'campaign:' || j.email_campaign_id || ':' || min(j.id) over (partition by j.email_campaign_id, j.suppressed is null, j.chunk)
      else coalesce(j.workspace_id::text, 'account') || ':' || j.idempotency_key end as key
    from numbered j
  )
  update private.email_messages m set
    batch_key = case when k.suppressed is null then k.key end,
    status = case when k.suppressed is null then 'queued' else 'suppressed' end::private.email_message_status,
    last_error = k.suppressed,
    finished_at = case when k.suppressed is not null then now() end
  from keyed k where m.id = k.id
  returning m.id, m.status
  loop
    if r.status = 'suppressed' then
      perform private.email_rollup(r.id, 'suppressed', now());  -- what it was for learns it
    end if;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.prepare_email_messages(integer, uuid) is 'The first claim of new messages (up to p_limit; of one workspace and the account emails when p_workspace_id is given): suppressed addresses and marketing without consent become suppressed, the rest get their provider call''s key (batches of 100 per campaign, in id order). Paused campaigns wait.';

create function private.claim_email_batches(p_limit integer, p_lease_seconds integer default 120, p_workspace_id uuid default null)
returns setof private.email_batch
language plpgsql volatile security definer set search_path = '' as $$
declare
  dead_id bigint;
begin
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('batches', p_limit, 100);
  -- one claim at a time: a batch is claimed whole or not at all
  perform pg_advisory_xact_lock(hashtext('private.claim_email_batches'));
  if (select s.throttled_until > now() from private.email_sender_state s) then
    return;
  end if;
  perform private.prepare_email_messages(p_limit * 100, p_workspace_id);
  -- leases that ran out on the last attempt: a dead letter
  for dead_id in
    update private.email_messages m set status = 'failed', lease_expires_at = null, finished_at = now(),
      last_error = left(coalesce(m.last_error || ' / ', '') || 'the worker did not report back within the lease', 2000)
    where m.status = 'sending' and m.lease_expires_at <= now() and m.attempts >= m.max_attempts
    returning m.id
  loop
    perform private.email_rollup(dead_id, 'failed', now());
  end loop;
  return query
  with keys as (
    select k.batch_key from (
      (select m.batch_key, m.id from private.email_messages m
       where m.status = 'queued' and m.batch_key is not null and m.next_attempt_at <= now()
         and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
         and (m.email_campaign_id is null
              or exists (select 1 from public.email_campaigns c
                         where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'))
       order by m.next_attempt_at, m.id
       limit p_limit * 100)
      union all
      (select m.batch_key, m.id from private.email_messages m
       where m.status = 'sending' and m.lease_expires_at <= now()
         and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
       order by m.lease_expires_at
       limit p_limit * 100)
    ) k
    group by k.batch_key
    order by min(k.id)
    limit p_limit
  ), claimed as (
    update private.email_messages m set status = 'sending', attempts = m.attempts + 1,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    from keys where m.batch_key = keys.batch_key and m.status in ('queued', 'sending')
    returning m.*
  )
  select c.batch_key, min(c.kind::text)::public.email_kind,
         jsonb_agg(jsonb_build_object('id', c.id, 'workspace_id', c.workspace_id, 'to', c.to_email, 'from', c.from_address,
           'reply_to', c.reply_to, 'subject', c.subject, 'html', c.html, 'text', c.text_body, 'headers', c.headers,
           'kind', c.kind) order by c.id)
  from claimed c
  group by c.batch_key
  order by min(c.id);
end $$;
comment on function private.claim_email_batches(integer, integer, uuid) is 'The email-send worker''s claim (service role): nothing while the provider throttles; else prepares new messages, then leases up to p_limit (<= 100) due batches whole (retries and lapsed leases keep their key and messages); p_workspace_id limits it to one workspace and the account emails (tests, draining one workspace). Serialized by a transaction lock.';

create function private.finish_email_batch(
  p_batch_key text, p_outcome text, p_provider_ids text[] default null, p_error text default null,
  p_retry_at timestamptz default null
) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  m record;
begin
  if p_outcome not in ('sent', 'retry', 'throttled', 'dead') then
    raise exception 'p_outcome must be sent, retry, throttled or dead' using errcode = '22023';
  end if;
  if p_outcome = 'sent' then
    -- Resend's ids in message order (the order the batch was sent in), recorded first
    with ids as (
      select x.id, x.status as was, p.provider_id
      from (select e.id, e.status, row_number() over (order by e.id) as i from private.email_messages e
            where e.batch_key = p_batch_key) x
      left join unnest(p_provider_ids) with ordinality p (provider_id, i) on p.i = x.i
    ), upd as (
      update private.email_messages e set provider_message_id = coalesce(e.provider_message_id, left(ids.provider_id, 256))
      from ids where e.id = ids.id and ids.was not in ('queued', 'suppressed', 'failed')
      returning e.id, ids.was
    )
    select count(*) into n from upd;
    -- what each newly sent message was for learns it (a campaign in one statement, the rest one by one)
    update public.email_campaigns c set recipients = c.recipients + b.n
    from (select e.workspace_id, e.email_campaign_id, count(*)::int as n from private.email_messages e
          where e.batch_key = p_batch_key and e.status = 'sending' and e.email_campaign_id is not null
          group by 1, 2) b
    where c.workspace_id = b.workspace_id and c.id = b.email_campaign_id;
    for m in
      select e.id from private.email_messages e
      where e.batch_key = p_batch_key and e.status = 'sending'
        and (e.review_request_id is not null or e.gift_card_email_id is not null)
    loop
      perform private.email_rollup(m.id, 'sent', now());
    end loop;
    update private.email_messages e set status = 'sent', sent_at = coalesce(e.sent_at, now()), lease_expires_at = null,
      last_error = null
    where e.batch_key = p_batch_key and e.status = 'sending';
    -- a campaign whose last batch this was is sent
    update public.email_campaigns c set status = 'sent'
    from (select distinct x.workspace_id, x.email_campaign_id from private.email_messages x
          where x.batch_key = p_batch_key and x.email_campaign_id is not null) b
    where c.workspace_id = b.workspace_id and c.id = b.email_campaign_id and c.status = 'sending'
      and not exists (select 1 from private.email_messages x
                      where x.workspace_id = c.workspace_id and x.email_campaign_id = c.id and x.status in ('queued', 'sending'));
    return n;
  end if;
  if p_outcome = 'throttled' then
    update private.email_sender_state set throttled_until = greatest(coalesce(throttled_until, now()),
      coalesce(p_retry_at, now() + interval '60 seconds')), last_throttle = left(p_error, 2000);
  end if;
  for m in
    update private.email_messages e set
      status = case when p_outcome = 'dead' or (p_outcome = 'retry' and e.attempts >= e.max_attempts) then 'failed'
                    else 'queued' end::private.email_message_status,
      attempts = case when p_outcome = 'throttled' then greatest(e.attempts - 1, 0) else e.attempts end,
      next_attempt_at = case p_outcome
        when 'throttled' then coalesce(p_retry_at, now() + interval '60 seconds')
        when 'retry' then greatest(now() + private.retry_backoff(e.attempts, interval '30 seconds', interval '2 hours', 0.5), p_retry_at)
        else e.next_attempt_at end,
      lease_expires_at = null,
      last_error = left(p_error, 2000),
      finished_at = case when p_outcome = 'dead' or (p_outcome = 'retry' and e.attempts >= e.max_attempts) then now() end
    where e.batch_key = p_batch_key and e.status = 'sending'
    returning e.id, e.status
  loop
    if m.status = 'failed' then
      perform private.email_rollup(m.id, 'failed', now());
    end if;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.finish_email_batch(text, text, text[], text, timestamptz) is 'The email-send worker''s report on one batch (service role): sent (Resend''s ids in message order; a batch already finished, or events that came first, stay), retry (backoff; a dead letter after max_attempts), throttled (every worker waits until p_retry_at; the attempt is not counted) or dead (the provider refused it). Returns how many messages it reported on.';

-- ===== roll-ups onto what the frontend reads
create function private.email_rollup(p_message_id bigint, p_event text, p_at timestamptz)
returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  m private.email_messages;
  st public.email_delivery_status;
begin
  select * into m from private.email_messages where id = p_message_id;
  if not found then
    return;
  end if;
  st := case p_event when 'sent' then 'sent' when 'delivered' then 'delivered' when 'opened' then 'opened'
          when 'clicked' then 'clicked' when 'bounced' then 'bounced' when 'complained' then 'complained'
          when 'suppressed' then 'suppressed' when 'failed' then 'failed' end::public.email_delivery_status;
  if m.review_request_id is not null then
    update public.review_requests r set email_status = st, email_status_at = p_at,
      provider_message_id = coalesce(r.provider_message_id, left(m.provider_message_id, 256))
    where r.workspace_id = m.workspace_id and r.id = m.review_request_id
      and (r.email_status is null or st in ('bounced', 'complained', 'failed', 'suppressed')
           or array_position(enum_range(null::public.email_delivery_status), st)
              > array_position(enum_range(null::public.email_delivery_status), r.email_status));
    if p_event = 'sent' then
      update public.review_requests set status = 'sent', last_error = null, claimed_until = null
      where workspace_id = m.workspace_id and id = m.review_request_id and status = 'due';
    elsif p_event in ('bounced', 'suppressed', 'failed', 'complained') then
      update public.review_requests set status = 'cancelled', last_error = left(m.last_error, 2000),
        cancel_reason = case p_event when 'bounced' then 'the email bounced' when 'complained' then 'the customer marked the email as spam'
                                     when 'suppressed' then left(coalesce(m.last_error, 'the address is suppressed'), 500)
                                     else 'the email could not be sent' end
      where workspace_id = m.workspace_id and id = m.review_request_id and status in ('due', 'sent');
    end if;
  end if;
  if m.gift_card_email_id is not null then
    update public.gift_card_emails g set status = st,
      provider_message_id = coalesce(g.provider_message_id, left(m.provider_message_id, 256)),
      sent_at = case when p_event = 'sent' then coalesce(g.sent_at, p_at) else g.sent_at end,
      attempts = greatest(g.attempts, m.attempts),
      last_error = case when p_event in ('failed', 'suppressed', 'bounced') then left(m.last_error, 2000) else g.last_error end
    where g.workspace_id = m.workspace_id and g.id = m.gift_card_email_id
      and (st in ('bounced', 'complained', 'failed', 'suppressed')
           or array_position(enum_range(null::public.email_delivery_status), st)
              > array_position(enum_range(null::public.email_delivery_status), g.status));
    if p_event = 'sent' then
      update public.gift_card_transactions t set status = 'emailed'
      from public.gift_card_emails g
      where g.workspace_id = m.workspace_id and g.id = m.gift_card_email_id
        and t.workspace_id = g.workspace_id and t.id = g.transaction_id and t.status = 'issued';
    end if;
  end if;
  if m.email_campaign_id is not null then
    update public.email_campaigns c set
      recipients = c.recipients + (p_event = 'sent')::int,
      -- an open or click proves delivery when its delivered event is late or lost
      delivered = c.delivered + (p_event in ('delivered', 'opened', 'clicked') and m.delivered_at is null)::int,
      opens = c.opens + (p_event = 'opened')::int,
      unique_opens = c.unique_opens + (p_event = 'opened' and m.opened_at is null)::int,
      clicks = c.clicks + (p_event = 'clicked')::int,
      unique_clicks = c.unique_clicks + (p_event = 'clicked' and m.clicked_at is null)::int,
      bounces = c.bounces + (p_event = 'bounced' and m.bounced_at is null)::int,
      complaints = c.complaints + (p_event = 'complained' and m.complained_at is null)::int
    where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id
      and p_event in ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained');
    if p_event in ('sent', 'failed', 'suppressed') then
      update public.email_campaigns c set status = 'sent'
      where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'
        and not exists (select 1 from private.email_messages x
                        where x.workspace_id = c.workspace_id and x.email_campaign_id = c.id
                          and x.status in ('queued', 'sending'));
    end if;
  end if;
end $$;
comment on function private.email_rollup(bigint, text, timestamptz) is 'What one message''s event means for what it was sent for: the review request (email_status; sent, or cancelled when it bounced, was suppressed or failed), the gift card email (status; its transaction emailed) and the campaign (counts; sent once nothing is left to send). Called before the message itself records the event, so first-time counts see the old timestamps.';

-- ===== delivery events from Resend (the webhooks function verifies the Svix signature)
create function private.apply_email_event(p_payload jsonb) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  t text := p_payload ->> 'type';
  d jsonb := p_payload -> 'data';
  at timestamptz := coalesce(case when private.is_timestamptz(p_payload ->> 'created_at')
                                  then (p_payload ->> 'created_at')::timestamptz end, now());
  m private.email_messages;
  ev text;
  permanent boolean;
begin
  ev := case t when 'email.sent' then 'sent' when 'email.delivered' then 'delivered' when 'email.opened' then 'opened'
               when 'email.clicked' then 'clicked' when 'email.bounced' then 'bounced'
               when 'email.complained' then 'complained' end;
  if ev is null or d ->> 'email_id' is null then
    return 'ignored';
  end if;
  select * into m from private.email_messages where provider_message_id = d ->> 'email_id' for update;
  if not found and (d #>> '{tags,message_id}') ~ '^\d{1,18}$' then
    -- the event came before the worker recorded Resend's id (it died after the call): our tag names the message
    select * into m from private.email_messages where id = (d #>> '{tags,message_id}')::bigint for update;
    if found then
      update private.email_messages set provider_message_id = left(d ->> 'email_id', 256) where id = m.id;
    end if;
  end if;
  if m.id is null then
    return 'ignored';
  end if;
  if m.status in ('sending', 'queued') and ev <> 'sent' then
    -- the provider sent it: count it as sent first
    perform private.email_rollup(m.id, 'sent', at);
    update private.email_messages set status = 'sent', sent_at = coalesce(sent_at, at), lease_expires_at = null
    where id = m.id returning * into m;
  end if;
  if ev = 'sent' then
    if m.status in ('sending', 'queued') then
      perform private.email_rollup(m.id, 'sent', at);
      update private.email_messages set status = 'sent', sent_at = coalesce(sent_at, at), lease_expires_at = null where id = m.id;
    end if;
    return 'processed';
  end if;
  if ev in ('opened', 'clicked') and m.delivered_at is null then
    perform private.email_rollup(m.id, 'delivered', at);
    update private.email_messages set delivered_at = at, status = case when status = 'sent' then 'delivered' else status end
    where id = m.id returning * into m;
  end if;
  perform private.email_rollup(m.id, ev, at);
  update private.email_messages set
    delivered_at = case when ev = 'delivered' then coalesce(delivered_at, at) else delivered_at end,
    opened_at = case when ev = 'opened' then coalesce(opened_at, at) else opened_at end,
    clicked_at = case when ev = 'clicked' then coalesce(clicked_at, at) else clicked_at end,
    bounced_at = case when ev = 'bounced' then coalesce(bounced_at, at) else bounced_at end,
    complained_at = case when ev = 'complained' then coalesce(complained_at, at) else complained_at end,
    status = case when ev in ('bounced', 'complained') then ev
                  when ev = 'delivered' and status = 'sent' then 'delivered' else status::text end::private.email_message_status,
    last_error = case when ev = 'bounced' then left(coalesce(d #>> '{bounce,message}', 'the email bounced'), 2000) else last_error end
  where id = m.id;
  if ev in ('bounced', 'complained') and m.workspace_id is not null then
    permanent := ev = 'complained' or coalesce(d #>> '{bounce,type}', 'Permanent') not in ('Transient', 'Undetermined');
    if permanent then
      perform private.suppress_email(m.workspace_id, m.to_email, ev::public.email_suppression_reason,
        left(coalesce(d #>> '{bounce,message}', t), 2000));
    end if;
  end if;
  return 'processed';
end $$;
comment on function private.apply_email_event(jsonb) is 'Applies one Resend delivery event (email.sent, delivered, opened, clicked, bounced, complained) to its message (by Resend''s id, or by our message_id tag when the event came before the worker recorded the id) and rolls it up; permanent bounces and complaints suppress the address. Other events are ignored.';

create function private.suppress_email(p_workspace_id uuid, p_email text, p_reason public.email_suppression_reason, p_detail text default null)
returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
  fresh boolean;
begin
  insert into public.email_suppressions as s (workspace_id, email, reason, detail)
  values (p_workspace_id, lower(btrim(p_email)), p_reason, left(p_detail, 2000))
  on conflict (workspace_id, email) do update set reason = excluded.reason, detail = excluded.detail
    where s.reason = 'unsubscribed' and excluded.reason <> 'unsubscribed'
  returning (xmax = 0) into fresh;
  update public.email_contacts set status = p_reason::text::public.email_contact_status
  where workspace_id = p_workspace_id and email = lower(btrim(p_email))
    and (status = 'subscribed' or (status = 'unsubscribed' and p_reason <> 'unsubscribed'));
  return coalesce(fresh, false);
end $$;
comment on function private.suppress_email(uuid, text, public.email_suppression_reason, text) is 'Puts an address on the workspace''s suppression list (a bounce or complaint outranks an unsubscribe) and moves its contact out of subscribed; true when the address was not listed before.';

create function private.apply_resend_event() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_email_event(new.payload);
  return null;
end $$;
comment on function private.apply_resend_event() is 'AFTER INSERT on private.webhook_events for Resend: applies the delivery event once (a redelivery with the same svix-id is never inserted again).';
create trigger apply_resend_event after insert on private.webhook_events
  for each row when (new.provider = 'resend') execute function private.apply_resend_event();

-- ===== one-click unsubscribe
create function private.unsubscribe_email(p_token text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  parts text[] := string_to_array(coalesce(p_token, ''), '.');
  msg text;
  f text[];
  ws uuid;
  campaign uuid;
begin
  if cardinality(parts) <> 2 or parts[1] !~ '^[A-Za-z0-9_-]+$' or char_length(parts[1]) > 1000 or parts[2] !~ '^[A-Za-z0-9_-]{43}$' then
    raise exception 'this unsubscribe link is not valid' using errcode = '22023';
  end if;
  msg := convert_from(private.base64url_decode(parts[1]), 'UTF8');
  f := string_to_array(msg, '|');
  if cardinality(f) <> 3 or f[1] !~ '^[0-9a-f-]{36}$' or (f[3] <> '' and f[3] !~ '^[0-9a-f-]{36}$')
     or private.unsubscribe_token(f[1]::uuid, f[2], nullif(f[3], '')::uuid) <> p_token then
    raise exception 'this unsubscribe link is not valid' using errcode = '22023';
  end if;
  ws := f[1]::uuid;
  campaign := nullif(f[3], '')::uuid;
  if not exists (select 1 from public.workspaces w where w.id = ws) then
    return 'unsubscribed';
  end if;
  if private.suppress_email(ws, f[2], 'unsubscribed', 'one-click unsubscribe') and campaign is not null then
    update public.email_campaigns set unsubscribes = unsubscribes + 1 where workspace_id = ws and id = campaign;
  end if;
  return 'unsubscribed';
end $$;
comment on function private.unsubscribe_email(text) is 'The one-click unsubscribe (RFC 8058) behind the email-unsubscribe function: checks the link''s signature (22023 when it is not ours), suppresses the address for the workspace''s marketing email and review requests, and counts it on the campaign it came from once.';

-- ===== what queues email: review requests, gift cards, campaigns, automations, exports, digests
create function private.email_layout(p_title text, p_body_html text, p_workspace_name text) returns text
language sql immutable set search_path = '' as $$
  select '<!doctype html><html><body style="font-family:sans-serif;max-width:560px;margin:auto">'
      || '<h2>' || private.html_escape(p_title) || '</h2>' || p_body_html
      || '<p style="color:#888;font-size:12px">' || private.html_escape(coalesce(p_workspace_name, 'growthbase')) || '</p></body></html>'
$$;
comment on function private.email_layout(text, text, text) is 'The frame of the built-in emails (title escaped; the body is HTML the caller escaped).';

create function private.enqueue_review_request_emails(p_limit integer default 500) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  r record;
  n integer := 0;
  token text;
  link text;
begin
  for r in
    select q.id, q.workspace_id, w.name as workspace_name, c.id as contact_id, c.email, c.first_name,
           (select string_agg(coalesce(p.title, pid), ', ' order by pid) from unnest(q.shopify_product_ids) pid
            left join lateral (select p.title from public.products p
                               where p.workspace_id = q.workspace_id and p.shopify_product_id = pid limit 1) p on true) as products
    from public.review_requests q
    join public.orders o on o.id = q.order_id
    join public.workspaces w on w.id = q.workspace_id
    left join lateral (select c.id, c.email, c.first_name from public.email_contacts c
                       where c.workspace_id = q.workspace_id and private.email_sha256(c.email) = o.email_sha256
                       limit 1) c on true
    where q.status = 'due' and q.email_status is null and (q.claimed_until is null or q.claimed_until < now())
    order by q.due_at
    limit p_limit
    for update of q skip locked
  loop
    if r.email is null then
      -- no address for the order's customer (orders keep only a hash): retried, cancelled on the fifth try
      update public.review_requests set attempts = attempts + 1 where id = r.id;
      perform private.finish_review_request(r.id, false, null, 'no email address is known for the order''s customer');
      continue;
    end if;
    token := encode(extensions.gen_random_bytes(32), 'hex');
    insert into private.review_request_tokens as t (request_id, token_hash, expires_at)
    values (r.id, extensions.digest(token, 'sha256'),
            now() + make_interval(days => (private.review_settings_for(r.workspace_id)).token_ttl_days))
    on conflict (request_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at, created_at = now();
    link := private.app_url() || '/review?token=' || token;
    perform private.enqueue_email(r.workspace_id, 'review_request', 'review_request:' || r.id, r.email,
      'How was your order?',
      private.email_layout('How was your order?',
        '<p>Hi ' || private.html_escape(coalesce(r.first_name, 'there')) || ',</p><p>How do you like '
        || private.html_escape(coalesce(r.products, 'your order')) || '? Tell us in a minute:</p><p><a href="'
        || private.html_escape(link) || '">Write a review</a></p>', r.workspace_name),
      'How do you like ' || coalesce(r.products, 'your order') || '? Write a review: ' || link,
      p_review_request_id => r.id, p_email_contact_id => r.contact_id);
    update public.review_requests set email_status = 'queued', email_status_at = now(), attempts = attempts + 1
    where id = r.id;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.enqueue_review_request_emails(integer) is 'Queues the email of up to p_limit due review requests, each with a fresh one-time token, to the contact whose address hashes to the order''s email; without one the request is retried later and cancelled on the fifth try (private.finish_review_request).';

create function private.enqueue_gift_card_emails(p_limit integer default 500) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  with pick as (
    select g.id, g.workspace_id, r.to_email, t.amount_cents, t.currency, w.name as workspace_name
    from public.gift_card_emails g
    join private.gift_card_recipients r on r.email_id = g.id
    join public.gift_card_transactions t on t.workspace_id = g.workspace_id and t.id = g.transaction_id
    join public.workspaces w on w.id = g.workspace_id
    where g.status = 'queued' and t.status = 'issued'
      and not exists (select 1 from private.email_messages m where m.workspace_id = g.workspace_id and m.gift_card_email_id = g.id)
    order by g.created_at
    limit p_limit
  )
  select count(private.enqueue_email(p.workspace_id, 'gift_card', 'gift_card:' || p.id, p.to_email,
    'Your gift card is here',
    private.email_layout('Your gift card is here',
      '<p>You have a gift card worth <strong>' || private.html_escape(to_char(p.amount_cents / 100.0, 'FM999999990.00') || ' ' || p.currency)
      || '</strong>. It is applied at checkout with the code Shopify sent with it.</p>', p.workspace_name),
    'You have a gift card worth ' || to_char(p.amount_cents / 100.0, 'FM999999990.00') || ' ' || p.currency || '.',
    p_gift_card_email_id => p.id))
  into n from pick p;
  return n;
end $$;
comment on function private.enqueue_gift_card_emails(integer) is 'Queues the email of each queued gift card email whose card Shopify issued (the gift card helper leaves the row and its recipient), once.';

create function private.start_due_email_campaigns() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  c record;
  n integer := 0;
  base text := private.unsubscribe_base();
begin
  for c in
    select e.*, t.subject as t_subject, t.body_html, t.body_text, t.variable_defaults, w.name as workspace_name
    from public.email_campaigns e
    join public.email_templates t on t.workspace_id = e.workspace_id and t.id = e.template_id
    join public.workspaces w on w.id = e.workspace_id
    where e.status = 'scheduled' and e.scheduled_for <= now() and e.list_id is not null
    order by e.scheduled_for
    for update of e skip locked
  loop
    update public.email_campaigns set status = 'sending' where id = c.id;
    -- each contact's variables once (materialized: every template part reads them)
    insert into private.email_messages (workspace_id, kind, idempotency_key, to_email, from_address, reply_to, subject,
      html, text_body, headers, email_campaign_id, email_contact_id)
    with r as materialized (
      select k.id, k.email,
             c.variable_defaults
               || (select coalesce(jsonb_object_agg(a.key, a.value #>> '{}'), '{}') from jsonb_each(k.attributes) a
                   where jsonb_typeof(a.value) in ('string', 'number', 'boolean'))
               || jsonb_build_object('first_name', coalesce(k.first_name, ''), 'last_name', coalesce(k.last_name, ''),
                    'email', k.email, 'workspace_name', c.workspace_name,
                    'unsubscribe_url', base || private.unsubscribe_token(c.workspace_id, k.email, c.id)) as vars
      from public.email_list_members l
      join public.email_contacts k on k.workspace_id = l.workspace_id and k.id = l.contact_id
      where l.workspace_id = c.workspace_id and l.list_id = c.list_id and k.status = 'subscribed'
    ), sender as materialized (
      select private.sender_address(c.workspace_id, c.from_name, c.from_email) as from_address,
             coalesce(c.reply_to, (select s.reply_to from public.email_sender_settings s where s.workspace_id = c.workspace_id)) as reply_to
    )
    select c.workspace_id, 'campaign', 'campaign:' || c.id || ':' || r.id, r.email, sender.from_address, sender.reply_to,
      coalesce(nullif(btrim(left(private.render_email(coalesce(c.subject, c.t_subject), r.vars, false), 998)), ''), c.name),
      private.render_email(c.body_html, r.vars, true), private.render_email(c.body_text, r.vars, false),
      jsonb_build_object('List-Unsubscribe', '<' || (r.vars ->> 'unsubscribe_url') || '>',
                         'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
      c.id, r.id
    from r cross join sender
    on conflict on constraint email_messages_key do nothing;
    if not exists (select 1 from private.email_messages m where m.workspace_id = c.workspace_id and m.email_campaign_id = c.id) then
      update public.email_campaigns set status = 'sent' where id = c.id;  -- nobody to send to
    end if;
    n := n + 1;
  end loop;
  if n > 0 then
    perform private.wake_function('email-send');
  end if;
  return n;
end $$;
comment on function private.start_due_email_campaigns() is 'Starts each scheduled campaign whose time has come: sending, one rendered message per subscribed contact of its list (escaped HTML, the contact''s attributes over the template''s defaults, a signed unsubscribe link); sent at once when nobody is left.';

create function private.enqueue_privacy_export_emails(p_limit integer default 200) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  select count(private.enqueue_email(null, 'privacy_export', 'privacy_export:' || r.id, u.email::text,
    'Your data export is ready',
    private.email_layout('Your data export is ready',
      '<p>The copy of your data you asked for is ready until ' || private.html_escape(to_char(r.download_expires_at, 'YYYY-MM-DD HH24:MI "UTC"'))
      || '.</p><p><a href="' || private.html_escape(private.app_url() || '/settings/privacy') || '">Download it</a></p>', null),
    'The copy of your data you asked for is ready: ' || private.app_url() || '/settings/privacy'))
  into n
  from public.privacy_requests r
  join auth.users u on u.id = r.user_id
  where r.kind = 'export' and r.status = 'completed' and r.source = 'user' and r.download_expires_at > now()
    and u.email is not null
    and not exists (select 1 from private.email_messages m where m.workspace_id is null and m.idempotency_key = 'privacy_export:' || r.id)
  limit p_limit;
  return n;
end $$;
comment on function private.enqueue_privacy_export_emails(integer) is 'Tells each user whose own export is ready (the download lasts 7 days), once; the link goes to the app, which serves the signed download.';

create function private.enqueue_approval_digests(p_day date default current_date) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  with pending as (
    select a.workspace_id, count(*) as total,
           string_agg('<li>' || private.html_escape(a.title) || '</li>', '' order by a.priority desc, a.created_at) filter (where a.rn <= 10) as items
    from (select a.*, row_number() over (partition by a.workspace_id order by a.priority desc, a.created_at) as rn
          from public.agent_approvals a where a.status = 'pending' and a.expires_at > now()) a
    group by a.workspace_id
  )
  select count(private.enqueue_email(p.workspace_id, 'approval_digest', 'approval_digest:' || p_day || ':' || m.user_id, u.email::text,
    p.total || ' approval' || case when p.total = 1 then '' else 's' end || ' waiting',
    private.email_layout(p.total || ' approvals waiting', '<ul>' || coalesce(p.items, '') || '</ul><p><a href="'
      || private.html_escape(private.app_url() || '/approvals') || '">Review them</a></p>', w.name),
    p.total || ' approvals are waiting: ' || private.app_url() || '/approvals'))
  into n
  from pending p
  join public.workspaces w on w.id = p.workspace_id
  join public.workspace_members m on m.workspace_id = p.workspace_id and m.role in ('admin', 'owner')
  join auth.users u on u.id = m.user_id
  where u.email is not null;
  return n;
end $$;
comment on function private.enqueue_approval_digests(date) is 'pg_cron (email-approval-digest, daily): one email per admin and owner of each workspace with pending approvals, listing the first 10; once per person and day.';

-- Automation steps: a contact who subscribes gets each active contact_subscribed rule's template
-- after its delay, when the rule's list (if any) holds the contact and its conditions hold.
create function private.enqueue_automation_emails() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_email(new.workspace_id, 'automation', 'automation:' || r.id || ':' || new.id, new.email,
    private.render_email(t.subject, v.vars, false),
    private.render_email(t.body_html, v.vars, true), private.render_email(t.body_text, v.vars, false),
    p_email_contact_id => new.id, p_next_attempt_at => now() + make_interval(mins => r.delay_minutes))
  from public.email_automation_rules r
  join public.email_templates t on t.workspace_id = r.workspace_id and t.id = r.template_id
  join public.workspaces w on w.id = r.workspace_id
  cross join lateral (select t.variable_defaults
                        || (select coalesce(jsonb_object_agg(a.key, a.value #>> '{}'), '{}') from jsonb_each(new.attributes) a
                            where jsonb_typeof(a.value) in ('string', 'number', 'boolean'))
                        || jsonb_build_object('first_name', coalesce(new.first_name, ''), 'last_name', coalesce(new.last_name, ''),
                             'email', new.email, 'workspace_name', w.name,
                             'unsubscribe_url', private.unsubscribe_url(new.workspace_id, new.email)) as vars) v
  where r.workspace_id = new.workspace_id and r.active and r.trigger_event = 'contact_subscribed'
    and private.conditions_match(r.conditions, jsonb_build_object('row', to_jsonb(new)))
    and (r.list_id is null or exists (select 1 from public.email_list_members l
                                      where l.workspace_id = new.workspace_id and l.list_id = r.list_id and l.contact_id = new.id));
  return null;
end $$;
comment on function private.enqueue_automation_emails() is 'AFTER INSERT/UPDATE OF status on email_contacts, when a contact becomes subscribed: queues each matching contact_subscribed automation''s email after its delay, once per rule and contact.';
create trigger enqueue_automation_emails after insert or update of status on public.email_contacts
  for each row when (new.status = 'subscribed') execute function private.enqueue_automation_emails();

-- Invitations: the email carries the token, which exists only while the invitation is created.
create function private.enqueue_invitation_email(p_invitation_id uuid, p_token text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  inv public.workspace_invitations;
  ws public.workspaces;
  link text;
begin
  select * into inv from public.workspace_invitations i
  where i.id = p_invitation_id and i.accepted_at is null
    and (not private.is_end_user() or i.workspace_id = any (array(select private.workspace_ids('admin'))))
    and exists (select 1 from private.invitation_tokens t where t.invitation_id = i.id
                and t.token_hash = extensions.digest(p_token, 'sha256'));
  if not found then
    raise exception 'no open invitation % with this token in a workspace you administer', p_invitation_id using errcode = '42501';
  end if;
  select * into ws from public.workspaces where id = inv.workspace_id;
  link := private.app_url() || '/invitations/accept?token=' || p_token;
  return private.enqueue_email(inv.workspace_id, 'invitation', 'invitation:' || inv.id, inv.email,
    'You are invited to ' || ws.name,
    private.email_layout('You are invited to ' || ws.name,
      '<p>You are invited to join <strong>' || private.html_escape(ws.name) || '</strong> as ' || inv.role
      || '. The invitation is valid until ' || to_char(inv.expires_at, 'YYYY-MM-DD') || '.</p><p><a href="'
      || private.html_escape(link) || '">Accept the invitation</a></p>', ws.name),
    'You are invited to join ' || ws.name || ' as ' || inv.role || ': ' || link);
end $$;
comment on function private.enqueue_invitation_email(uuid, text) is 'Queues an open invitation''s email with its accept link; only for admins of its workspace (or the service) holding the token (42501 otherwise).';

create or replace function public.create_workspace_invitation(p_workspace_id uuid, p_email text,
  p_role public.workspace_role default 'member')
returns table (invitation_id uuid, token text, expires_at timestamptz)
language plpgsql volatile set search_path = '' as $$
declare
  t text := encode(extensions.gen_random_bytes(32), 'hex');
  inv public.workspace_invitations;
begin
  if p_email is null or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'email is not a valid address' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  if exists (select 1 from public.workspace_invitations i
             where i.workspace_id = p_workspace_id and i.email = lower(btrim(p_email)) and i.accepted_at is null) then
    raise exception '% already has an open invitation to this workspace', lower(btrim(p_email))
      using errcode = 'PT409', hint = 'withdraw it (delete the invitation) to send a new one';
  end if;
  select * into inv from private.insert_invitation(p_workspace_id, lower(btrim(p_email)), p_role);
  perform private.store_invitation_token(inv.id, extensions.digest(t, 'sha256'));
  perform private.enqueue_invitation_email(inv.id, t);
  return query select inv.id, t, inv.expires_at;
end $$;
comment on function public.create_workspace_invitation(uuid, text, public.workspace_role) is 'Admin only: invites an email and queues the invitation email with its accept link; returns the token once (only its hash is stored).';

-- ===== the sweeper and retention
create function private.enqueue_due_emails() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  n := private.start_due_email_campaigns() + private.enqueue_review_request_emails() + private.enqueue_gift_card_emails()
       + private.enqueue_privacy_export_emails();
  if exists (select 1 from private.email_messages m
             where (m.status = 'queued' and m.next_attempt_at <= now()) or (m.status = 'sending' and m.lease_expires_at <= now()))
     and not (select coalesce(s.throttled_until > now(), false) from private.email_sender_state s) then
    perform private.wake_function('email-send');
  end if;
  return n;
end $$;
comment on function private.enqueue_due_emails() is 'pg_cron (email-enqueue, every minute): starts due campaigns, queues due review requests, issued gift cards and ready exports, and wakes the sender when anything is due (retries, lapsed leases, delayed automation steps).';

create function private.purge_email_messages() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.email_messages where finished_at < now() - interval '30 days'
    or (status in ('sent', 'delivered') and coalesce(delivered_at, sent_at) < now() - interval '30 days');
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_email_messages() is 'pg_cron (email-retention, daily): deletes messages finished or sent more than 30 days ago (their bodies hold tokens); the roll-ups keep the counts.';

select cron.schedule('email-enqueue', '* * * * *', $$select private.enqueue_due_emails()$$);
select cron.schedule('email-approval-digest', '0 8 * * *', $$select private.enqueue_approval_digests()$$);
select cron.schedule('email-retention', '37 3 * * *', $$select private.purge_email_messages()$$);

-- ===== grants
revoke all on function private.email_builtin_variables() from public;
revoke all on function private.check_email_template_variables() from public;
revoke all on function private.check_email_campaign_subject() from public;
revoke all on function private.html_escape(text) from public;
revoke all on function private.render_email(text, jsonb, boolean) from public;
revoke all on function private.vault_secret(text) from public;
revoke all on function private.app_url() from public;
revoke all on function private.unsubscribe_token(uuid, text, uuid) from public;
revoke all on function private.unsubscribe_base() from public;
revoke all on function private.unsubscribe_url(uuid, text, uuid) from public;
revoke all on function private.sender_address(uuid, text, text) from public;
revoke all on function private.enqueue_email(uuid, public.email_kind, text, text, text, text, text, text, text, uuid, uuid, uuid, uuid, timestamptz) from public;
revoke all on function private.prepare_email_messages(integer, uuid) from public;
revoke all on function private.claim_email_batches(integer, integer, uuid) from public;
revoke all on function private.finish_email_batch(text, text, text[], text, timestamptz) from public;
revoke all on function private.email_rollup(bigint, text, timestamptz) from public;
revoke all on function private.apply_email_event(jsonb) from public;
revoke all on function private.suppress_email(uuid, text, public.email_suppression_reason, text) from public;
revoke all on function private.apply_resend_event() from public;
revoke all on function private.unsubscribe_email(text) from public;
revoke all on function private.email_layout(text, text, text) from public;
revoke all on function private.enqueue_review_request_emails(integer) from public;
revoke all on function private.enqueue_gift_card_emails(integer) from public;
revoke all on function private.start_due_email_campaigns() from public;
revoke all on function private.enqueue_privacy_export_emails(integer) from public;
revoke all on function private.enqueue_approval_digests(date) from public;
revoke all on function private.enqueue_automation_emails() from public;
revoke all on function private.enqueue_invitation_email(uuid, text) from public;
revoke all on function private.enqueue_due_emails() from public;
revoke all on function private.purge_email_messages() from public;
grant execute on function private.email_builtin_variables() to authenticated, service_role;
grant execute on function private.claim_email_batches(integer, integer, uuid),
  private.finish_email_batch(text, text, text[], text, timestamptz),
  private.unsubscribe_email(text),
  private.enqueue_due_emails(),
  private.enqueue_email(uuid, public.email_kind, text, text, text, text, text, text, text, uuid, uuid, uuid, uuid, timestamptz)
  to service_role;
-- create_workspace_invitation runs as the admin and queues its email through the definer helper
grant execute on function private.enqueue_invitation_email(uuid, text) to authenticated, service_role;
grant select on private.email_messages, private.email_sender_state to service_role;
