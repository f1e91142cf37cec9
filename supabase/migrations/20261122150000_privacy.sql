-- Privacy: GDPR and CCPA requests of every subject (a shop's customer, one of our users) with
-- export and erasure, driven by a catalog of where personal data lives; privacy settings and
-- consents; the privacy trail; Shopify's mandatory GDPR topics; retention per user.

create type public.privacy_request_kind as enum ('export', 'erasure');

comment on type public.privacy_request_kind is 'export: a copy of everything held about the subject; erasure: delete or anonymise it.';

create type public.privacy_request_status as enum (
  'pending', 'processing', 'completed', 'failed', 'rejected'
);

comment on type public.privacy_request_status is 'pending -> processing -> completed | failed; pending -> rejected (refused, cancelled or not confirmed in time); failed -> pending on retry.';

-- ===== privacy_requests: every subject, one table
create table public.privacy_requests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid references public.workspaces (id) on delete cascade,
  kind public.privacy_request_kind not null,
  source text not null check (source in ('shopify', 'user', 'admin')),
  subject jsonb not null default '{}'::jsonb check (jsonb_typeof(subject) = 'object'),
  status public.privacy_request_status not null default 'pending',
  details jsonb not null default '{}'::jsonb,
  requested_at timestamptz not null default now(),
  completed_at timestamptz,
  user_id uuid references auth.users (id) on delete set null,
  requested_by uuid default auth.uid() references auth.users (id) on delete set null,
  subject_sha256 text check (subject_sha256 ~ '^[0-9a-f]{64}$'),
  confirmation_required boolean not null default false,
  confirm_by timestamptz,
  confirmed_at timestamptz,
  started_at timestamptz,
  attempts integer not null default 0 check (attempts >= 0),
  error text check (char_length(error) <= 2000),
  export_path text check (char_length(export_path) <= 1024),
  export_bytes bigint check (export_bytes >= 0),
  download_expires_at timestamptz,
  export_removed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint privacy_requests_subject_scope check (workspace_id is not null or source = 'user'),
  constraint privacy_requests_confirmation check (not confirmation_required or kind = 'erasure')
);
comment on table public.privacy_requests is 'GDPR/CCPA requests of every subject: a shop''s customer (Shopify customers/data_request, customers/redact, shop/redact; workspace_id set) or one of our users about their own account (source user, workspace_id null). subject holds ids and hashes, never plaintext contact data. Written by RPCs, the webhook SQL and the privacy worker; users read their own, admins their workspace''s.';
comment on column public.privacy_requests.workspace_id is 'The shop''s workspace for customer requests; null for a user''s request about their own account (which spans every workspace).';
comment on column public.privacy_requests.user_id is 'The user the request is about (source user); null for shop customers and once the user is erased.';
comment on column public.privacy_requests.requested_by is 'Who asked (the user, an admin); null for Shopify and once erased.';
comment on column public.privacy_requests.subject_sha256 is 'Hex SHA-256 of the subject user''s id: identifies the subject in the trail after erasure without holding the id.';
comment on column public.privacy_requests.confirmation_required is 'Erasure waits for the user to confirm with the token returned once by request_account_erasure.';
comment on column public.privacy_requests.confirm_by is 'An unconfirmed erasure is rejected after this time.';
comment on column public.privacy_requests.attempts is 'Times a worker claimed the request; an export failing 5 times becomes failed.';
comment on column public.privacy_requests.export_path is 'Object name of the export document in the private data-exports bucket (<workspace_id>/privacy/<id>.json or account/<id>.json).';
comment on column public.privacy_requests.download_expires_at is 'The export can be downloaded until then (7 days after completion); afterwards the worker removes the object.';
comment on column public.privacy_requests.export_removed_at is 'When the worker removed the export object from storage.';
alter table public.privacy_requests enable row level security;
grant select on public.privacy_requests to authenticated;
select private.install_row_triggers('public.privacy_requests');

create index privacy_requests_workspace_id_idx on public.privacy_requests (workspace_id, requested_at desc);

-- Erases what this workspace holds about customers: their rows, the hashes on their orders,
-- gift card recipients. Returns how many customers were erased.
create function private.erase_customers(p_workspace_id uuid, p_customer_ids uuid[], p_email_sha256 text[])
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
  ids uuid[];
begin
  select array_agg(c.id) into ids from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.id = any (coalesce(p_customer_ids, '{}')) or c.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from private.gift_card_recipients r
  using public.gift_card_emails e, public.gift_card_transactions t, public.orders o
  where r.email_id = e.id and e.transaction_id = t.id and o.id = t.order_id and o.workspace_id = p_workspace_id
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  update public.orders o set email_sha256 = null, customer_id = null
  where o.workspace_id = p_workspace_id
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from public.customers c where c.id = any (coalesce(ids, '{}'));
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.erase_customers(uuid, uuid[], text[]) is 'GDPR erasure inside one workspace: deletes the customers, clears their orders'' email hash and customer link, and nulls gift card recipients.';
grant execute on function private.erase_customers(uuid, uuid[], text[]) to service_role;

create index privacy_requests_user_id_idx on public.privacy_requests (user_id);

create index privacy_requests_requested_by_idx on public.privacy_requests (requested_by);

create index privacy_requests_queue_idx on public.privacy_requests (kind, requested_at) where status in ('pending', 'processing');

create index privacy_requests_expiring_idx on public.privacy_requests (download_expires_at)
  where export_path is not null and export_removed_at is null;

create unique index privacy_requests_one_open_per_user
  on public.privacy_requests (user_id, kind) where status in ('pending', 'processing') and user_id is not null;

select private.enable_audit('public.privacy_requests');

create policy "admins see their workspace's requests, users their own" on public.privacy_requests for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))) or user_id = (select auth.uid()));

-- Erasure confirmation tokens: only the SHA-256 is kept.
create table private.privacy_request_tokens (
  request_id uuid primary key references public.privacy_requests (id) on delete cascade,
  token_hash bytea not null,
  created_at timestamptz not null default now()
);
comment on table private.privacy_request_tokens is 'SHA-256 of the one-time token that confirms an erasure request. Service only.';
alter table private.privacy_request_tokens enable row level security;
grant all on private.privacy_request_tokens to service_role;

-- Status moves only along pending -> processing -> completed | failed, pending -> rejected,
-- processing -> pending (a retry) and failed -> pending.
create function private.guard_privacy_request_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if not ((old.status = 'pending' and new.status in ('processing', 'rejected'))
       or (old.status = 'processing' and new.status in ('completed', 'failed', 'pending'))
       or (old.status = 'failed' and new.status = 'pending')) then
    raise exception 'a privacy request cannot move from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  if new.status in ('completed', 'failed', 'rejected') then
    new.completed_at := coalesce(new.completed_at, now());
  end if;
  return new;
end $$;
comment on function private.guard_privacy_request_status() is 'BEFORE UPDATE OF status on privacy_requests: the allowed state machine; terminal states stamp completed_at.';

create trigger guard_privacy_request_status before update of status on public.privacy_requests
  for each row execute function private.guard_privacy_request_status();

-- Export and erasure requests as views over the one table.
create view public.data_export_requests with (security_invoker = true) as
  select r.id, r.workspace_id, r.user_id, r.source, r.status, r.requested_at, r.started_at, r.completed_at,
         r.export_path, r.export_bytes, r.download_expires_at, r.error
  from public.privacy_requests r where r.kind = 'export';
comment on view public.data_export_requests is 'Export requests from privacy_requests; RLS of the table applies.';
grant select on public.data_export_requests to authenticated;

create view public.data_deletion_requests with (security_invoker = true) as
  select r.id, r.workspace_id, r.user_id, r.source, r.status, r.requested_at, r.confirmation_required,
         r.confirm_by, r.confirmed_at, r.completed_at, r.details, r.error
  from public.privacy_requests r where r.kind = 'erasure';
comment on view public.data_deletion_requests is 'Erasure requests from privacy_requests; RLS of the table applies.';
grant select on public.data_deletion_requests to authenticated;

-- ===== request context: where a request came from (PostgREST puts the headers in request.headers)
create function private.request_ip() returns inet
language plpgsql stable set search_path = '' as $$
begin
  return private.client_ip()::inet;
exception when others then
  return null;  -- not an address: record nothing rather than fail the request
end $$;
comment on function private.request_ip() is 'The client address of the PostgREST request (private.client_ip: CF-Connecting-IP, else the first X-Forwarded-For entry) as inet, or null.';
grant execute on function private.request_ip() to authenticated, service_role;

create function private.request_user_agent() returns text
language sql stable set search_path = '' as $$
  select left(nullif(current_setting('request.headers', true), '')::json ->> 'user-agent', 500)
$$;
comment on function private.request_user_agent() is 'The User-Agent of the PostgREST request (500 chars at most), or null.';
grant execute on function private.request_user_agent() to authenticated, service_role;

-- ===== privacy settings and consents
create table public.user_privacy_settings (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  data_processing_consent boolean not null default false,
  marketing_consent boolean not null default false,
  analytics_consent boolean not null default false,
  third_party_consent boolean not null default false,
  data_retention_days integer not null default 730
    constraint "data_retention_days must be between 30 and 3650" check (data_retention_days between 30 and 3650),
  consent_updated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.user_privacy_settings is 'One row per user: consents and how long personal data about them is kept. Without a row every consent is off and 730 days apply. Only its owner reads or writes it; every change is in privacy_audit_log.';
comment on column public.user_privacy_settings.data_retention_days is 'Rows about this user in tables registered in private.personal_data_retention are purged after this many days. It shortens what a workspace keeps, never lengthens it: workspace retention jobs run regardless.';
comment on column public.user_privacy_settings.consent_updated_at is 'When any consent last changed.';
alter table public.user_privacy_settings enable row level security;
grant select, insert, update, delete on public.user_privacy_settings to authenticated;
select private.install_row_triggers('public.user_privacy_settings');

create policy "users read their privacy settings" on public.user_privacy_settings for select to authenticated
  using (user_id = (select auth.uid()));

create policy "users create their privacy settings" on public.user_privacy_settings for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "users change their privacy settings" on public.user_privacy_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy "users delete their privacy settings" on public.user_privacy_settings for delete to authenticated
  using (user_id = (select auth.uid()));

-- ===== privacy audit log
create type public.privacy_event as enum (
  'consent_changed', 'settings_changed', 'export_requested', 'export_completed', 'export_failed',
  'export_removed', 'erasure_requested', 'erasure_confirmed', 'erasure_completed', 'erasure_failed',
  'request_rejected'
);

comment on type public.privacy_event is 'What happened in the privacy trail.';

create table public.privacy_audit_log (
  id bigint generated always as identity primary key,
  user_id uuid references auth.users (id) on delete set null,
  subject_sha256 text check (subject_sha256 ~ '^[0-9a-f]{64}$'),
  workspace_id uuid references public.workspaces (id) on delete cascade,
  request_id uuid references public.privacy_requests (id) on delete set null,
  event public.privacy_event not null,
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  ip_address inet,
  user_agent text check (char_length(user_agent) <= 500),
  created_at timestamptz not null default now()
);
comment on table public.privacy_audit_log is 'Append-only privacy trail: consent changes, requests and their outcomes, with the IP and user agent of the request that caused them. Written by triggers only. A user reads their own events; admins the events of their workspace''s customer requests. Kept after erasure under subject_sha256, with IP and user agent removed.';
comment on column public.privacy_audit_log.subject_sha256 is 'Hex SHA-256 of the user id (or the customer''s email hash for shop customers); survives erasure.';
comment on column public.privacy_audit_log.ip_address is 'Client IP (X-Forwarded-For) of the request; nulled when the user is erased or their retention window passes.';
alter table public.privacy_audit_log enable row level security;
grant select on public.privacy_audit_log to authenticated;
select private.install_row_triggers('public.privacy_audit_log');

create index privacy_audit_log_user_id_idx on public.privacy_audit_log (user_id, created_at desc);

create index privacy_audit_log_workspace_id_idx on public.privacy_audit_log (workspace_id, created_at desc);

create index privacy_audit_log_request_id_idx on public.privacy_audit_log (request_id);

create index privacy_audit_log_subject_idx on public.privacy_audit_log (subject_sha256);

create policy "users read their privacy trail, admins their workspace's" on public.privacy_audit_log for select to authenticated
  using (user_id = (select auth.uid()) or workspace_id = any (array(select private.workspace_ids('admin'))));

create function private.log_privacy_event(
  p_event public.privacy_event, p_user_id uuid, p_workspace_id uuid, p_request_id uuid, p_details jsonb default '{}'
) returns void
language sql volatile security definer set search_path = '' as $$
  insert into public.privacy_audit_log (user_id, subject_sha256, workspace_id, request_id, event, details, ip_address, user_agent)
  values (p_user_id, case when p_user_id is not null then private.sha256_hex(p_user_id::text) end, p_workspace_id, p_request_id, p_event,
          coalesce(p_details, '{}'), private.request_ip(), private.request_user_agent())
$$;
comment on function private.log_privacy_event(public.privacy_event, uuid, uuid, uuid, jsonb) is 'Appends to privacy_audit_log with the current request''s IP and user agent.';
grant execute on function private.log_privacy_event(public.privacy_event, uuid, uuid, uuid, jsonb) to service_role;

create function private.audit_privacy_settings() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  consents text[] := array['data_processing_consent', 'marketing_consent', 'analytics_consent', 'third_party_consent'];
  before_j jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else '{}'::jsonb end;
  after_j jsonb := to_jsonb(new);
  changed jsonb;
begin
  select coalesce(jsonb_object_agg(k, jsonb_build_object('from', before_j -> k, 'to', after_j -> k)), '{}')
  into changed
  from jsonb_object_keys(after_j) k
  where k not in ('user_id', 'created_at', 'updated_at', 'consent_updated_at')
    and before_j -> k is distinct from after_j -> k;
  if changed = '{}'::jsonb then
    return null;
  end if;
  perform private.log_privacy_event(
    case when exists (select 1 from jsonb_object_keys(changed) k where k = any (consents))
         then 'consent_changed' else 'settings_changed' end::public.privacy_event,
    new.user_id, null, null, changed);
  return null;
end $$;
comment on function private.audit_privacy_settings() is 'AFTER INSERT/UPDATE on user_privacy_settings: logs what changed (from/to) to privacy_audit_log.';

create trigger audit_privacy_settings after insert or update on public.user_privacy_settings
  for each row execute function private.audit_privacy_settings();

create function private.stamp_consent_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' or (new.data_processing_consent, new.marketing_consent, new.analytics_consent, new.third_party_consent)
     is distinct from (old.data_processing_consent, old.marketing_consent, old.analytics_consent, old.third_party_consent) then
    new.consent_updated_at := now();
  end if;
  return new;
end $$;
comment on function private.stamp_consent_change() is 'BEFORE INSERT/UPDATE on user_privacy_settings: consent_updated_at follows consent changes.';

create trigger stamp_consent_change before insert or update on public.user_privacy_settings
  for each row execute function private.stamp_consent_change();

-- Request lifecycle events, for both subjects.
create function private.audit_privacy_request() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ev public.privacy_event;
begin
  if tg_op = 'INSERT' then
    ev := case new.kind when 'export' then 'export_requested' else 'erasure_requested' end;
  elsif new.status is distinct from old.status then
    ev := case
      when new.status = 'completed' and new.kind = 'export' then 'export_completed'
      when new.status = 'completed' then 'erasure_completed'
      when new.status = 'failed' and new.kind = 'export' then 'export_failed'
      when new.status = 'failed' then 'erasure_failed'
      when new.status = 'rejected' then 'request_rejected'
    end;
  elsif new.confirmed_at is not null and old.confirmed_at is null then
    ev := 'erasure_confirmed';
  elsif new.export_removed_at is not null and old.export_removed_at is null then
    ev := 'export_removed';
  end if;
  if ev is null then
    return null;
  end if;
  insert into public.privacy_audit_log (user_id, subject_sha256, workspace_id, request_id, event, details, ip_address, user_agent)
  values (new.user_id, coalesce(new.subject_sha256, new.subject ->> 'email_sha256'), new.workspace_id, new.id, ev,
          jsonb_strip_nulls(jsonb_build_object('source', new.source, 'status', new.status, 'error', new.error)),
          private.request_ip(), private.request_user_agent());
  return null;
end $$;
comment on function private.audit_privacy_request() is 'AFTER INSERT/UPDATE on privacy_requests: one privacy_audit_log event per lifecycle step.';

create trigger audit_privacy_request after insert or update on public.privacy_requests
  for each row execute function private.audit_privacy_request();

-- ===== the catalog rule
create type private.personal_column_kind as enum ('user_fk', 'user_named', 'email');

comment on type private.personal_column_kind is 'R1 user_fk: foreign key to auth.users; R2 user_named: uuid named like a user reference; R3 email: text named email or *_email.';

-- Every column in public and private that refers to a user (R1-R3 above), with what erasure does.
create function private.personal_data_columns()
returns table (table_name regclass, column_name name, kind private.personal_column_kind, erase_action text)
language sql stable security definer set search_path = '' as $$
  select c.oid::regclass, a.attname,
         case when fk.confdeltype is not null then 'user_fk'
              when a.atttypid = 'uuid'::regtype then 'user_named'
              else 'email' end::private.personal_column_kind,
         case
           -- the key's own ON DELETE: cascade = the row is the user's; set null/default = kept, unlinked
           when fk.confdeltype = 'c' then 'delete'
           when fk.confdeltype in ('n', 'd') then 'set_null'
           when not a.attnotnull then 'set_null'
           else 'delete'
         end
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join lateral (
    select f.confdeltype from pg_constraint f
    where f.conrelid = c.oid and f.contype = 'f' and f.confrelid = 'auth.users'::regclass and f.conkey = array[a.attnum]
    limit 1
  ) fk on true
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and not c.relispartition
    and (fk.confdeltype is not null
         or (a.atttypid = 'uuid'::regtype
             and not exists (select 1 from pg_constraint f2 where f2.conrelid = c.oid and f2.contype = 'f'
                             and a.attnum = any (f2.conkey))
             and (a.attname in ('user_id', 'owner_id', 'actor_id', 'author_id')
                  or a.attname::text like '%\_user\_id' or a.attname::text like '%\_by'))
         or (a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
             and (a.attname = 'email' or a.attname::text like '%\_email')))
  order by 1, 2
$$;
comment on function private.personal_data_columns() is 'The catalog rule for export and erasure: every column in public and private referring to a user (R1 foreign key to auth.users, R2 uuid named user_id/owner_id/actor_id/author_id/*_user_id/*_by, R3 text named email/*_email) and what erasure does to it (delete the row or set the column null).';
grant execute on function private.personal_data_columns() to service_role;

-- Columns an export leaves out of every row: secrets and hashes of secrets.
create function private.secret_columns(p_table regclass) returns text[]
language sql stable set search_path = '' as $$
  select coalesce(array_agg(a.attname::text order by a.attnum), '{}') from pg_attribute a
  where a.attrelid = p_table and a.attnum > 0 and not a.attisdropped
    and a.attname::text ~ '(secret|token|password|ciphertext|_hash$)'
$$;
comment on function private.secret_columns(regclass) is 'Export rule: the columns of a table named like a secret (secret, token, password, ciphertext, *_hash), left out of exported rows.';
grant execute on function private.secret_columns(regclass) to service_role;

-- ===== export: one JSON document of everything held about a user
create function private.build_user_export(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  uemail text := (select lower(u.email) from auth.users u where u.id = p_user_id);
  t record;
  conds text;
  hidden text[];
  rows_j jsonb;
  tables_j jsonb := '{}'::jsonb;
begin
  for t in
    select p.table_name, array_agg(p.column_name order by p.column_name) as cols,
           array_agg(p.kind order by p.column_name) as kinds
    from private.personal_data_columns() p group by p.table_name order by p.table_name::text
  loop
    select string_agg(case when k = 'email' then format('lower(t.%I) = $2', c) else format('t.%I = $1', c) end, ' or ')
    into conds
    from unnest(t.cols, t.kinds) as x (c, k)
    where k <> 'email' or uemail is not null;
    hidden := private.secret_columns(t.table_name);
    execute format('select jsonb_agg(to_jsonb(t) - $3) from %s t where %s', t.table_name, conds)
      into rows_j using p_user_id, uemail, hidden;
    if rows_j is not null then
      tables_j := tables_j || jsonb_build_object(t.table_name::text, rows_j);
    end if;
  end loop;
  return jsonb_build_object(
    'format', 'growthbase.privacy_export.v1',
    'generated_at', now(),
    'subject', jsonb_build_object('user_id', p_user_id, 'email', uemail),
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'phone', u.phone, 'created_at', u.created_at,
                  'last_sign_in_at', u.last_sign_in_at, 'email_confirmed_at', u.email_confirmed_at,
                  'user_metadata', u.raw_user_meta_data)
                from auth.users u where u.id = p_user_id),
    'tables', tables_j,
    'storage_objects', coalesce((select jsonb_agg(jsonb_build_object('bucket_id', o.bucket_id, 'name', o.name,
                                   'created_at', o.created_at, 'size', o.metadata -> 'size') order by o.bucket_id, o.name)
                                 from storage.objects o where o.owner = p_user_id or o.owner_id = p_user_id::text), '[]'::jsonb),
    'rule', 'rows of every table in public and private with a foreign key to auth.users, a uuid column named user_id, owner_id, actor_id, author_id, *_user_id or *_by equal to the user id, or a column email/*_email equal to the user''s email; secret columns left out');
end $$;
comment on function private.build_user_export(uuid) is 'The export document of one user, discovered from the catalog (private.personal_data_columns): account, every matching row per table, storage objects they own.';
grant execute on function private.build_user_export(uuid) to service_role;

-- What a shop holds about one of its customers (Shopify customers/data_request): the customer
-- rows, orders by customer, email hash or order id, and, following foreign keys outwards from
-- those rows (up to 4 steps), every row that hangs off them: line items, gift cards and their
-- deliveries, and whatever later domains attach to customers or orders.
create function private.build_customer_export(p_workspace_id uuid, p_subject jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  hashes text[] := array_remove(array[p_subject ->> 'email_sha256'], null);
  order_ids text[] := coalesce((select array_agg(x) from jsonb_array_elements_text(
                        case when jsonb_typeof(p_subject -> 'orders_requested') = 'array' then p_subject -> 'orders_requested' end) x), '{}');
  found_ids jsonb := '{}'::jsonb;   -- table -> ids of its rows already exported
  frontier text[];
  next_frontier text[];
  t record;
  rows_j jsonb;
  ids_j jsonb;
  hidden text[];
  tables_j jsonb := '{}'::jsonb;
  depth integer := 0;
begin
  found_ids := jsonb_build_object(
    'public.customers', coalesce((select jsonb_agg(c.id) from public.customers c where c.workspace_id = p_workspace_id
      and (c.shopify_customer_id = p_subject ->> 'shopify_customer_id' or c.email_sha256 = any (hashes))), '[]'));
  found_ids := found_ids || jsonb_build_object(
    'public.orders', coalesce((select jsonb_agg(o.id) from public.orders o where o.workspace_id = p_workspace_id
      and (o.customer_id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.customers') x)
           or o.email_sha256 = any (hashes) or o.shopify_order_id = any (order_ids))), '[]'));
  tables_j := jsonb_build_object(
    'public.customers', coalesce((select jsonb_agg(to_jsonb(c)) from public.customers c
      where c.id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.customers') x)), '[]'),
    'public.orders', coalesce((select jsonb_agg(to_jsonb(o)) from public.orders o
      where o.id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.orders') x)), '[]'));
  frontier := array['public.customers', 'public.orders'];
  while cardinality(frontier) > 0 and depth < 4 loop
    depth := depth + 1;
    next_frontier := '{}';
    for t in
      select f.conrelid::regclass as tbl, a.attname as col, f.confrelid::regclass as target,
             exists (select 1 from pg_attribute i where i.attrelid = f.conrelid and i.attname = 'id'
                     and i.atttypid = 'uuid'::regtype and not i.attisdropped) as has_id
      from pg_constraint f
      join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
      join pg_class c on c.oid = f.conrelid
      where f.contype = 'f' and cardinality(f.conkey) = 1 and f.confrelid::regclass::text = any (frontier)
        and c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and not c.relispartition
        and not (found_ids ? f.conrelid::regclass::text)
      order by 1, 2
    loop
      hidden := private.secret_columns(t.tbl);
      execute format('select jsonb_agg(to_jsonb(t) - $2), %s from %s t where t.%I in (select x::uuid from jsonb_array_elements_text($1) x)',
                     case when t.has_id then 'jsonb_agg(t.id)' else 'null::jsonb' end, t.tbl, t.col)
        into rows_j, ids_j using found_ids -> t.target::text, hidden;
      if rows_j is not null then
        tables_j := jsonb_set(tables_j, array[t.tbl::text], coalesce(tables_j -> t.tbl::text, '[]'::jsonb) || rows_j);
        if ids_j is not null then
          found_ids := jsonb_set(found_ids, array[t.tbl::text], coalesce(found_ids -> t.tbl::text, '[]'::jsonb) || ids_j);
          next_frontier := next_frontier || t.tbl::text;
        end if;
      end if;
    end loop;
    frontier := next_frontier;
  end loop;
  return jsonb_build_object('format', 'growthbase.customer_export.v1', 'generated_at', now(),
    'workspace_id', p_workspace_id, 'subject', p_subject, 'tables', tables_j);
end $$;
comment on function private.build_customer_export(uuid, jsonb) is 'Export document of a shop customer (shopify_customer_id, email_sha256, orders_requested in p_subject): customers, orders, and every row reached from them through foreign keys (up to 4 steps; secret columns left out).';
grant execute on function private.build_customer_export(uuid, jsonb) to service_role;

-- ===== erasure
-- Where a user's id or email still appears: every text-like column (text, varchar, char, json,
-- jsonb, text[], varchar[]) and every uuid column in public and private, plus storage.objects'
-- owner columns. Used by erasure to prove itself and by the tests.
create function private.personal_value_locations(p_values text[])
returns table (table_name text, column_name text, hits bigint)
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  pattern text;
  n bigint;
begin
  select string_agg(regexp_replace(v, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '|') into pattern
  from unnest(p_values) v where nullif(v, '') is not null;
  if pattern is null then
    return;
  end if;
  for t in
    select c.oid::regclass as tbl, a.attname as col, a.atttypid as typ
    from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
      and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                         'text[]'::regtype, 'varchar[]'::regtype, 'uuid'::regtype)
    order by 1, 2
  loop
    execute format('select count(*) from %s t where t.%I::text ~* $1', t.tbl, t.col) into n using pattern;
    if n > 0 then
      table_name := t.tbl::text; column_name := t.col; hits := n;
      return next;
    end if;
  end loop;
  select count(*) into n from storage.objects o where o.owner::text ~* pattern or o.owner_id ~* pattern;
  if n > 0 then
    table_name := 'storage.objects'; column_name := 'owner'; hits := n;
    return next;
  end if;
end $$;
comment on function private.personal_value_locations(text[]) is 'Scans every text-like and uuid column in public and private (and storage.objects owners) for any of the values, case-insensitively; returns where they occur. A full scan: for erasure proofs and tests.';
grant execute on function private.personal_value_locations(text[]) to service_role;

-- Why a user cannot be erased yet, or null: an owner who would leave a workspace ownerless.
create function private.erasure_blocker(p_user_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select 'you are the only owner of ' || string_agg(w.name, ', ' order by w.name)
         || ': transfer ownership or delete the workspace first'
  from public.workspace_members m join public.workspaces w on w.id = m.workspace_id
  where m.user_id = p_user_id and m.role = 'owner'
    and not exists (select 1 from public.workspace_members o
                    where o.workspace_id = m.workspace_id and o.role = 'owner' and o.user_id <> p_user_id)
$$;
comment on function private.erasure_blocker(uuid) is 'A readable reason why the user cannot be erased yet (sole owner of a workspace), or null.';
grant execute on function private.erasure_blocker(uuid) to service_role;

-- Erases one user everywhere (see the header for the rule). Idempotent: a second run finds
-- nothing and changes nothing. Returns what it did per table. Runs beneath RLS.
create function private.erase_user(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  uemail text := (select lower(u.email) from auth.users u where u.id = p_user_id);
  pattern text;
  t record;
  col record;
  n bigint;
  done jsonb := '{}'::jsonb;
  sets text;
  conds text;
  blocker text := private.erasure_blocker(p_user_id);
begin
  if p_user_id is null then
    raise exception 'no user given' using errcode = '22023';
  end if;
  if blocker is not null then
    raise exception '%', blocker using errcode = 'PT409';
  end if;
  -- Once the account is gone the email is only known from a previous run's trail; the id suffices.
  pattern := p_user_id::text || coalesce('|' || regexp_replace(uemail, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '');

  -- 1. rows and references (R1-R3), with quasi-identifiers of rows that stay. Deletions first, so
  -- a row that is the user's (an invitation to their email) goes before its links are unlinked.
  for col in select * from private.personal_data_columns() p
             order by p.erase_action = 'set_null', p.table_name::text, p.column_name loop
    if col.kind = 'email' and uemail is null then
      continue;
    end if;
    conds := case when col.kind = 'email' then format('lower(t.%I) = $2', col.column_name)
                  else format('t.%I = $1', col.column_name) end;
    if col.erase_action = 'delete' then
      execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, conds)
        into n using p_user_id, uemail;
    else
      select string_agg(format('%I = null', a.attname), ', ') into sets
      from pg_attribute a
      where a.attrelid = col.table_name and a.attnum > 0 and not a.attisdropped and not a.attnotnull
        and (a.attname = col.column_name or a.attname in ('ip_address', 'user_agent'));
      begin
        -- Unlinking runs beneath the tables' own triggers (tenant keys, approval guards, audit
        -- rows that would copy the id again): it changes who a row names, nothing else.
        perform set_config('session_replication_role', 'replica', true);
        execute format('with u as (update %s t set %s where %s returning 1) select count(*) from u', col.table_name, sets, conds)
          into n using p_user_id, uemail;
        perform set_config('session_replication_role', 'origin', true);
      exception when check_violation or not_null_violation then
        perform set_config('session_replication_role', 'origin', true);
        -- Unlinking breaks the row's own rules (an accepted invitation needs its acceptor): the row goes.
        execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, conds)
          into n using p_user_id, uemail;
        col.erase_action := 'delete';
      end;
    end if;
    if n > 0 then
      done := jsonb_set(done, array[col.table_name::text],
                        coalesce(done -> col.table_name::text, '{}'::jsonb)
                        || jsonb_build_object(col.column_name, jsonb_build_object(col.erase_action, n)));
    end if;
  end loop;

  -- 2. storage objects stay with their workspace; their owner goes.
  update storage.objects o set owner = null, owner_id = null where o.owner = p_user_id or o.owner_id = p_user_id::text;
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('storage.objects', jsonb_build_object('owner', jsonb_build_object('set_null', n)));
  end if;
  -- The user's own export documents: expired now, removed from storage by the privacy worker.
  update public.privacy_requests r set download_expires_at = now()
  where r.subject_sha256 = private.sha256_hex(p_user_id::text) and r.export_path is not null and r.export_removed_at is null
    and (r.download_expires_at is null or r.download_expires_at > now());

  -- 3. the account (sessions and identities go with it in Supabase).
  delete from auth.users u where u.id = p_user_id;
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('auth.users', jsonb_build_object('id', jsonb_build_object('delete', n)));
  end if;

  -- 4. every remaining mention in free text and JSON (audit history, notes, payloads).
  for t in
    select c.oid::regclass as tbl,
           array_agg(a.attname order by a.attnum) as cols, array_agg(a.atttypid order by a.attnum) as typs
    from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
      and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                         'text[]'::regtype, 'varchar[]'::regtype)
      and a.attgenerated = ''
    group by c.oid order by c.oid::regclass::text
  loop
    select string_agg(format('%1$I = case when t.%1$I::text ~* $1 then %2$s else t.%1$I end', x.c,
             case x.ty
               when 'jsonb'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::jsonb', x.c)
               when 'json'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::json', x.c)
               when 'text[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)', x.c)
               when 'varchar[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)::varchar[]', x.c)
               else format('regexp_replace(t.%I, $1, ''[erased]'', ''gi'')', x.c)
             end), ', '),
           string_agg(format('t.%I::text ~* $1', x.c), ' or ')
    into sets, conds
    from unnest(t.cols, t.typs) as x (c, ty);
    begin
      perform set_config('session_replication_role', 'replica', true);
      execute format('with u as (update %s t set %s where %s returning 1) select count(*) from u', t.tbl, sets, conds)
        into n using pattern;
      perform set_config('session_replication_role', 'origin', true);
    exception when check_violation or not_null_violation or string_data_right_truncation or invalid_text_representation then
      perform set_config('session_replication_role', 'origin', true);
      -- '[erased]' does not fit a column's rules: those rows go rather than keep the value.
      execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', t.tbl, conds)
        into n using pattern;
      n := -n;
    end;
    if n <> 0 then
      done := jsonb_set(done, array[t.tbl::text], coalesce(done -> t.tbl::text, '{}'::jsonb)
                        || jsonb_build_object('text', jsonb_build_object(case when n > 0 then 'scrubbed' else 'delete' end, abs(n))));
    end if;
  end loop;
  return done;
end $$;
comment on function private.erase_user(uuid) is 'GDPR erasure of one user across every table the catalog rule finds, the account, storage object ownership and free-text mentions; idempotent. Raises PT409 when the user is the only owner of a workspace. Returns per table what was deleted, unlinked or scrubbed.';
grant execute on function private.erase_user(uuid) to service_role;

-- ===== the user's RPCs (SECURITY INVOKER wrappers over the definer steps)
create function private.open_user_request(p_kind public.privacy_request_kind)
returns table (request_id uuid, token text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := (select auth.uid());
  rid uuid := gen_random_uuid();
  t text;
  blocker text;
begin
  if uid is null then
    raise exception 'sign in to make a privacy request' using errcode = '42501';
  end if;
  if exists (select 1 from public.privacy_requests r
             where r.user_id = uid and r.kind = p_kind and r.status in ('pending', 'processing')) then
    raise exception 'you already have an open % request', p_kind using errcode = 'PT409';
  end if;
  if (select count(*) from public.privacy_requests r
      where r.user_id = uid and r.kind = p_kind and r.requested_at > now() - interval '24 hours') >= 3 then
    raise exception 'at most 3 % requests a day', p_kind using errcode = 'PT429';
  end if;
  if p_kind = 'erasure' then
    blocker := private.erasure_blocker(uid);
    if blocker is not null then
      raise exception '%', blocker using errcode = 'PT409';
    end if;
  end if;
  insert into public.privacy_requests (id, kind, source, user_id, requested_by, subject_sha256, confirmation_required, confirm_by)
  values (rid, p_kind, 'user', uid, uid, private.sha256_hex(uid::text), p_kind = 'erasure',
          case when p_kind = 'erasure' then now() + interval '24 hours' end);
  if p_kind = 'erasure' then
    t := encode(extensions.gen_random_bytes(32), 'hex');
    insert into private.privacy_request_tokens (request_id, token_hash) values (rid, extensions.digest(t, 'sha256'));
  end if;
  request_id := rid;
  token := t;
  return next;
end $$;
comment on function private.open_user_request(public.privacy_request_kind) is 'Opens an export or erasure request for the signed-in user (one open per kind, 3 a day); an erasure returns its confirmation token once.';
grant execute on function private.open_user_request(public.privacy_request_kind) to authenticated;

create function public.request_data_export() returns uuid
language sql volatile set search_path = '' as $$
  select r.request_id from private.open_user_request('export') r
$$;
comment on function public.request_data_export() is 'Asks for a copy of everything held about the signed-in user. Returns the request id; the privacy worker builds the document and the request becomes completed with an export_path to download from the data-exports bucket for 7 days. PT409 when one is already open, PT429 after 3 a day.';
grant execute on function public.request_data_export() to authenticated;

create function public.request_account_erasure()
returns table (request_id uuid, confirmation_token text, confirm_by timestamptz)
language plpgsql volatile set search_path = '' as $$
declare
  rid uuid;
  t text;
begin
  select r.request_id, r.token into rid, t from private.open_user_request('erasure') r;
  -- a new statement: its snapshot sees the row the call above inserted
  return query select rid, t, p.confirm_by from public.privacy_requests p where p.id = rid;
end $$;
comment on function public.request_account_erasure() is 'Asks to erase the signed-in user''s account and data. Returns the request and a one-time confirmation token (24 hours) to pass to confirm_account_erasure. PT409 while the user is the only owner of a workspace or a request is open.';
grant execute on function public.request_account_erasure() to authenticated;

create function private.confirm_erasure(p_request_id uuid, p_token text) returns public.privacy_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
begin
  select * into r from public.privacy_requests p where p.id = p_request_id and p.user_id = (select auth.uid()) for update;
  if not found or r.kind <> 'erasure' then
    raise exception 'no such erasure request' using errcode = 'PT404';
  end if;
  if r.status <> 'pending' or r.confirmed_at is not null then
    raise exception 'this request is % and needs no confirmation', r.status using errcode = 'PT409';
  end if;
  if r.confirm_by <= now() then
    raise exception 'the confirmation window has passed; make a new request' using errcode = 'PT409';
  end if;
  if not exists (select 1 from private.privacy_request_tokens t
                 where t.request_id = p_request_id and t.token_hash = extensions.digest(p_token, 'sha256')) then
    raise exception 'the confirmation token does not match' using errcode = '42501';
  end if;
  delete from private.privacy_request_tokens t where t.request_id = p_request_id;
  update public.privacy_requests p set confirmed_at = now() where p.id = p_request_id returning * into r;
  return r;
end $$;
comment on function private.confirm_erasure(uuid, text) is 'Confirms the caller''s pending erasure with its one-time token.';
grant execute on function private.confirm_erasure(uuid, text) to authenticated;

create function public.confirm_account_erasure(p_request_id uuid, p_token text) returns public.privacy_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_request_id is null or p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception 'request id and the 64-character confirmation token are required' using errcode = '22023';
  end if;
  return private.confirm_erasure(p_request_id, p_token);
end $$;
comment on function public.confirm_account_erasure(uuid, text) is 'Confirms an erasure request with the token request_account_erasure returned; the privacy job erases the account within minutes. 22023 bad input, PT404 unknown, 42501 wrong token, PT409 not pending or expired.';
grant execute on function public.confirm_account_erasure(uuid, text) to authenticated;

create function private.cancel_request(p_request_id uuid) returns public.privacy_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
begin
  update public.privacy_requests p set status = 'rejected', details = p.details || '{"reason": "cancelled by the user"}'
  where p.id = p_request_id and p.user_id = (select auth.uid()) and p.status = 'pending'
  returning * into r;
  if not found then
    if exists (select 1 from public.privacy_requests p where p.id = p_request_id and p.user_id = (select auth.uid())) then
      raise exception 'only a pending request can be cancelled' using errcode = 'PT409';
    end if;
    raise exception 'no such privacy request' using errcode = 'PT404';
  end if;
  delete from private.privacy_request_tokens t where t.request_id = p_request_id;
  return r;
end $$;
comment on function private.cancel_request(uuid) is 'Cancels the caller''s own pending request (it becomes rejected).';
grant execute on function private.cancel_request(uuid) to authenticated;

create function public.cancel_privacy_request(p_request_id uuid) returns public.privacy_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_request_id is null then
    raise exception 'request id is required' using errcode = '22023';
  end if;
  return private.cancel_request(p_request_id);
end $$;
comment on function public.cancel_privacy_request(uuid) is 'Cancels the caller''s own pending export or erasure request (status rejected). PT404 unknown, PT409 no longer pending.';
grant execute on function public.cancel_privacy_request(uuid) to authenticated;

-- ===== the privacy worker's steps (the privacy-export edge function, service role)
-- Claims pending exports (and ones stuck in processing for 15 minutes), builds their documents.
create function private.claim_privacy_exports(p_limit integer default 5)
returns table (request_id uuid, bucket text, object_path text, document jsonb)
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
begin
  for r in
    select * from public.privacy_requests p
    where p.kind = 'export'
      and (p.status = 'pending' or (p.status = 'processing' and p.started_at < now() - interval '15 minutes'))
    order by p.requested_at
    limit greatest(least(p_limit, 50), 1)
    for update skip locked
  loop
    if r.status = 'processing' and r.attempts >= 5 then
      update public.privacy_requests set status = 'failed', error = 'the export did not finish in 5 attempts' where id = r.id;
      continue;
    end if;
    update public.privacy_requests p set status = 'processing', started_at = now(), attempts = p.attempts + 1,
      export_path = case when r.workspace_id is null then 'account/' || r.id || '.json'
                         else r.workspace_id || '/privacy/' || r.id || '.json' end
    where p.id = r.id
    returning p.export_path into object_path;
    request_id := r.id;
    bucket := 'data-exports';
    document := case when r.user_id is not null then private.build_user_export(r.user_id)
                     when r.workspace_id is not null then private.build_customer_export(r.workspace_id, r.subject || r.details)
                end;
    return next;
  end loop;
end $$;
comment on function private.claim_privacy_exports(integer) is 'Worker step: takes up to p_limit (max 50) pending exports, marks them processing and returns each document with the object path to store it at.';
grant execute on function private.claim_privacy_exports(integer) to service_role;

-- Records the upload: completed (downloadable for 7 days) or back to pending / failed after 5 tries.
create function private.finish_privacy_export(p_request_id uuid, p_bytes bigint, p_error text default null)
returns public.privacy_request_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
begin
  select * into r from public.privacy_requests p where p.id = p_request_id for update;
  if not found or r.status <> 'processing' or r.kind <> 'export' then
    raise exception 'no export in processing with id %', p_request_id using errcode = 'PT409';
  end if;
  if p_error is null then
    update public.privacy_requests set status = 'completed', export_bytes = p_bytes, error = null,
      download_expires_at = now() + interval '7 days'
    where id = p_request_id;
    if r.workspace_id is not null then
      perform private.enqueue_webhook_event(r.workspace_id, 'privacy_request.completed',
        jsonb_build_object('id', r.id, 'kind', r.kind, 'source', r.source, 'export_path', r.export_path,
                           'download_expires_at', now() + interval '7 days'));
    end if;
    return 'completed'::public.privacy_request_status;
  end if;
  update public.privacy_requests set status = case when r.attempts >= 5 then 'failed' else 'pending' end::public.privacy_request_status,
    error = left(p_error, 2000)
  where id = p_request_id;
  return case when r.attempts >= 5 then 'failed' else 'pending' end::public.privacy_request_status;
end $$;
comment on function private.finish_privacy_export(uuid, bigint, text) is 'Worker step: the document is stored (completed, 7-day download, privacy_request.completed webhook for shop requests) or the upload failed (retried up to 5 attempts, then failed).';
grant execute on function private.finish_privacy_export(uuid, bigint, text) to service_role;

create function private.claim_export_removals(p_limit integer default 100)
returns table (request_id uuid, bucket text, object_path text)
language sql stable security definer set search_path = '' as $$
  select r.id, 'data-exports', r.export_path from public.privacy_requests r
  where r.export_path is not null and r.export_removed_at is null and r.download_expires_at <= now()
  order by r.download_expires_at limit greatest(least(p_limit, 1000), 1)
$$;
comment on function private.claim_export_removals(integer) is 'Worker step: export objects whose download window has passed (or whose user was erased), to delete through the Storage API.';
grant execute on function private.claim_export_removals(integer) to service_role;

create function private.finish_export_removals(p_requests uuid[]) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  perform private.require_batch_size('requests', cardinality(p_requests), 1000);
  update public.privacy_requests r set export_removed_at = now()
  where r.id = any (p_requests) and r.export_removed_at is null and r.download_expires_at <= now();
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.finish_export_removals(uuid[]) is 'Worker step: marks export objects removed from storage.';
grant execute on function private.finish_export_removals(uuid[]) to service_role;

-- ===== the erasure job (pg_cron, every 5 minutes): unconfirmed requests lapse; confirmed ones run
create function private.process_privacy_erasures(p_limit integer default 20) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
  result jsonb;
  leftovers jsonb;
  uemail text;
  n integer := 0;
begin
  update public.privacy_requests p set status = 'rejected', details = p.details || '{"reason": "not confirmed in time"}'
  where p.kind = 'erasure' and p.status = 'pending' and p.confirmation_required and p.confirmed_at is null
    and p.confirm_by <= now();
  for r in
    select * from public.privacy_requests p
    where p.kind = 'erasure' and p.source = 'user' and p.status = 'pending'
      and (not p.confirmation_required or p.confirmed_at is not null)
    order by p.requested_at limit p_limit
    for update skip locked
  loop
    update public.privacy_requests set status = 'processing', started_at = now(), attempts = attempts + 1 where id = r.id;
    begin
      uemail := (select lower(u.email) from auth.users u where u.id = r.user_id);
      result := private.erase_user(r.user_id);
      select coalesce(jsonb_agg(to_jsonb(l)), '[]') into leftovers
      from private.personal_value_locations(array_remove(array[r.user_id::text, uemail], null)) l;
      if leftovers <> '[]'::jsonb then
        -- The catalog rule missed a place: roll this erasure back and leave it for a person.
        raise exception 'values remain after erasure in %', leftovers;
      end if;
      update public.privacy_requests set status = 'completed', requested_by = null, user_id = null,
        details = details || jsonb_build_object('erased', result)
      where id = r.id;
    exception when others then
      update public.privacy_requests set status = 'failed', error = left(sqlerrm, 2000) where id = r.id;
    end;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.process_privacy_erasures(integer) is 'pg_cron job privacy-erasures (every 5 minutes): rejects erasures not confirmed in 24 hours and erases the confirmed ones (each in its own subtransaction: a failure marks that request failed with the reason).';
grant execute on function private.process_privacy_erasures(integer) to service_role;

select cron.schedule('privacy-erasures', '*/5 * * * *', 'select private.process_privacy_erasures()');

-- ===== retention by the user's data_retention_days
create table private.personal_data_retention (
  table_name regclass primary key,
  user_column name not null,
  time_column name not null,
  note text,
  created_at timestamptz not null default now()
);
comment on table private.personal_data_retention is 'Tables whose rows about a user are purged when older than that user''s data_retention_days (opt in with private.register_personal_retention). Opt-in, not catalog-wide: memberships and settings must not expire with age.';
alter table private.personal_data_retention enable row level security;
grant all on private.personal_data_retention to service_role;

create function private.register_personal_retention(p_table regclass, p_user_column name, p_time_column name, p_note text)
returns void
language plpgsql volatile set search_path = '' as $$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = p_user_column
                 and a.atttypid = 'uuid'::regtype and not a.attisdropped)
     or not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = p_time_column
                    and a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype) and not a.attisdropped) then
    raise exception 'register_personal_retention: % needs a uuid column % and a time column %', p_table, p_user_column, p_time_column;
  end if;
  insert into private.personal_data_retention (table_name, user_column, time_column, note)
  values (p_table, p_user_column, p_time_column, p_note)
  on conflict (table_name) do update set user_column = excluded.user_column, time_column = excluded.time_column, note = excluded.note;
end $$;
comment on function private.register_personal_retention(regclass, name, name, text) is 'Migration helper: rows of p_table whose p_user_column names a user are purged once p_time_column is older than the user''s data_retention_days (default 730).';

create function private.purge_personal_data(p_now timestamptz default now()) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  for t in select * from private.personal_data_retention order by table_name::text loop
    execute format(
      'with d as (delete from %s t where t.%I is not null and t.%I < $1 - interval ''30 days''
         and t.%I < $1 - make_interval(days => coalesce((select s.data_retention_days from public.user_privacy_settings s
                                                         where s.user_id = t.%I), 730))
       returning 1) select count(*) from d',
      t.table_name, t.user_column, t.time_column, t.time_column, t.user_column)
      into n using p_now;
    if n > 0 then
      done := done || jsonb_build_object(t.table_name::text, n);
    end if;
  end loop;
  -- The privacy trail is kept (accountability), its IP and user agent only as long as the user allows.
  update public.privacy_audit_log l set ip_address = null, user_agent = null
  where (l.ip_address is not null or l.user_agent is not null)
    and l.created_at < p_now - make_interval(days => coalesce((select s.data_retention_days from public.user_privacy_settings s
                                                                where s.user_id = l.user_id), 730));
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('public.privacy_audit_log', jsonb_build_object('anonymised', n));
  end if;
  return done;
end $$;
comment on function private.purge_personal_data(timestamp with time zone) is 'pg_cron job personal-data-retention (daily): deletes rows of registered tables older than their user''s data_retention_days (default 730) and removes IP and user agent from older privacy trail events. Returns counts per table.';
grant execute on function private.purge_personal_data(timestamp with time zone) to service_role;

select cron.schedule('personal-data-retention', '17 4 * * *', 'select private.purge_personal_data()');

select private.register_personal_retention('public.secret_audit_logs', 'user_id', 'created_at',
  'a user''s own secret reads and rotations');

-- ===== outbound events: shops learn about their customers' requests
insert into public.webhook_event_types (name, description)
values ('privacy_request.completed', 'a privacy request finished (a shop customer''s export is ready to download)')
on conflict (name) do nothing;

create function private.privacy_request_webhook() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.workspace_id is not null then
    perform private.enqueue_webhook_event(new.workspace_id, 'privacy_request.created',
      jsonb_build_object('id', new.id, 'kind', new.kind, 'source', new.source, 'status', new.status));
  end if;
  return null;
end $$;
comment on function private.privacy_request_webhook() is 'AFTER INSERT on privacy_requests: queues privacy_request.created for the workspace''s endpoints (shop customer requests).';

create trigger privacy_request_webhook after insert on public.privacy_requests
  for each row execute function private.privacy_request_webhook();

-- ===== Shopify's mandatory GDPR topics
-- customers/data_request queues an export the privacy worker builds (private.build_customer_export)
-- and stores in the data-exports bucket, downloadable by the workspace's admins, with a
-- privacy_request.completed webhook to the shop's endpoints. shop/redact erases everything the
-- shop's data left in the workspace (orders, products, ad and inventory data, raw Shopify
-- deliveries) through a registry each domain adds its tables to. The GDPR topics also reach a
-- shop whose connection was revoked (Shopify sends shop/redact 48 hours after app/uninstalled).
create table private.shop_data_tables (
  table_name regclass primary key,
  position integer not null default 100,
  note text
);
comment on table private.shop_data_tables is 'Tables whose rows of a workspace are the shop''s data: shop/redact deletes them (where workspace_id = the shop''s workspace) in position order. Later domains register theirs with private.register_shop_data_table.';
alter table private.shop_data_tables enable row level security;
grant all on private.shop_data_tables to service_role;

create function private.register_shop_data_table(p_table regclass, p_position integer, p_note text) returns void
language plpgsql volatile set search_path = '' as $$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = 'workspace_id' and not a.attisdropped) then
    raise exception 'register_shop_data_table: % has no workspace_id', p_table;
  end if;
  insert into private.shop_data_tables (table_name, position, note) values (p_table, p_position, p_note)
  on conflict (table_name) do update set position = excluded.position, note = excluded.note;
end $$;
comment on function private.register_shop_data_table(regclass, integer, text) is 'Migration helper: shop/redact will delete this table''s rows of the redacted workspace (lower positions first).';

select private.register_shop_data_table('public.gift_card_emails', 10, 'gift card deliveries (recipient emails)');

select private.register_shop_data_table('public.gift_card_transactions', 11, 'gift cards earned by orders');

select private.register_shop_data_table('public.gift_card_products', 12, 'gift card offers');

select private.register_shop_data_table('public.order_line_items', 20, 'what orders contained');

select private.register_shop_data_table('public.orders', 21, 'Shopify orders');

select private.register_shop_data_table('public.customers', 22, 'Shopify customers');

select private.register_shop_data_table('public.reorder_points', 30, 'computed reorder points');

select private.register_shop_data_table('public.inventory_snapshots', 31, 'stock levels');

select private.register_shop_data_table('public.supplier_lead_times', 32, 'suppliers per product');

select private.register_shop_data_table('public.inventory_settings', 33, 'reorder settings');

select private.register_shop_data_table('public.products', 34, 'the catalogue');

select private.register_shop_data_table('public.ad_metrics_rollup_daily', 40, 'ad spend rollup');

select private.register_shop_data_table('private.ad_rollup_dirty', 48, 'ad rollup queue (last: deleting metrics queues their days)');

select private.register_shop_data_table('public.ad_metrics_daily', 42, 'ad metrics');

select private.register_shop_data_table('public.ads', 43, 'ads');

select private.register_shop_data_table('public.ad_groups', 44, 'ad groups');

select private.register_shop_data_table('public.ad_campaigns', 45, 'ad campaigns');

select private.register_shop_data_table('public.ad_accounts', 46, 'ad accounts');

select private.register_shop_data_table('public.ads_settings', 47, 'ads retention settings');

-- Erases every registered table's rows of the workspace; returns rows deleted per table.
create function private.erase_shop_data(p_workspace_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  for t in select s.table_name from private.shop_data_tables s order by s.position, s.table_name::text loop
    execute format('with d as (delete from %s t where t.workspace_id = $1 returning 1) select count(*) from d', t.table_name)
      into n using p_workspace_id;
    if n > 0 then
      done := done || jsonb_build_object(t.table_name::text, n);
    end if;
  end loop;
  return done;
end $$;
comment on function private.erase_shop_data(uuid) is 'shop/redact: deletes the workspace''s rows from every table in private.shop_data_tables; returns counts per table.';
grant execute on function private.erase_shop_data(uuid) to service_role;

-- The privacy worker (functions/privacy-export) stores export documents in the data-exports bucket
-- and removes them when their download window passes: the database wakes it when an export is
-- requested (at commit, through pg_net) and pg_cron sweeps every 5 minutes for retries and expiries.
insert into private.callable_functions (name, description)
values ('privacy-export', 'builds and stores pending privacy exports, removes expired ones')
on conflict (name) do nothing;

create function private.wake_privacy_worker() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from queued q where q.kind = 'export' and q.status = 'pending') then
    perform private.wake_function('privacy-export');
  end if;
  return null;
end $$;
comment on function private.wake_privacy_worker() is 'AFTER INSERT statement trigger on privacy_requests: a new export wakes the privacy worker at commit.';

create trigger wake_privacy_worker after insert on public.privacy_requests
  referencing new table as queued for each statement execute function private.wake_privacy_worker();

create function private.privacy_work_due() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from public.privacy_requests r
             where r.kind = 'export' and (r.status = 'pending'
                   or (r.status = 'processing' and r.started_at < now() - interval '15 minutes')))
     or exists (select 1 from public.privacy_requests r
                where r.export_path is not null and r.export_removed_at is null and r.download_expires_at <= now()) then
    return private.invoke_function('privacy-export');
  end if;
  return null;
end $$;
comment on function private.privacy_work_due() is 'pg_cron job privacy-export (every 5 minutes): calls the privacy worker when an export waits (or is stuck) or a document has expired; otherwise nothing.';
grant execute on function private.privacy_work_due() to service_role;

select cron.schedule('privacy-export', '*/5 * * * *', 'select private.privacy_work_due()');

-- shop/redact also erases what the shop's customers left in the other domains: reviews and review requests, survey answers, support tickets,
-- attribution (identities, visitors, devices, touchpoints, conversions, credits), experiment
-- assignments and events, and pixel events. Aggregates without personal data stay (survey answer
-- counts, experiment daily metrics and results, pixel accuracy). Children before parents.
select private.register_shop_data_table('public.review_votes', 50, 'storefront helpfulness votes (voter hashes)');

select private.register_shop_data_table('public.review_responses', 51, 'replies to reviews');

select private.register_shop_data_table('public.review_media', 52, 'customers'' review videos');

select private.register_shop_data_table('public.reviews', 53, 'customers'' reviews (author name and email)');

select private.register_shop_data_table('public.review_requests', 54, 'review request emails to customers');

select private.register_shop_data_table('public.survey_responses', 55, 'customers'' post-purchase survey answers');

select private.register_shop_data_table('public.support_tickets', 56, 'customers'' support tickets');

select private.register_shop_data_table('public.attribution_credits', 60, 'revenue credited to touchpoints');

select private.register_shop_data_table('public.conversions', 61, 'orders as conversions');

select private.register_shop_data_table('public.touchpoints', 62, 'storefront landings of visitors');

select private.register_shop_data_table('public.customer_devices', 63, 'visitors'' device fingerprints');

select private.register_shop_data_table('public.visitors', 64, 'anonymous storefront visitors');

select private.register_shop_data_table('public.customer_identities', 65, 'the identity graph of customers');

select private.register_shop_data_table('public.experiment_events', 70, 'what assigned visitors did');

select private.register_shop_data_table('public.experiment_purchases', 71, 'orders of assigned visitors');

select private.register_shop_data_table('public.experiment_assignments', 72, 'which visitor got which variant');

select private.register_shop_data_table('public.pixel_events', 75, 'conversion events forwarded to ad platforms');

-- A user's data_retention_days also limits how long other domains keep their event history
-- about that user: what they did in the app
-- (user_analytics_events) and what they said to our AI (chat_messages). Records the workspace
-- relies on (approvals, decisions, campaigns, audit) are not registered: they are unlinked on
-- erasure, not aged out.
select private.register_personal_retention('public.user_analytics_events', 'user_id', 'occurred_at',
  'what a user did in the app');

select private.register_personal_retention('public.chat_messages', 'user_id', 'created_at',
  'what a user wrote to (and received from) our AI');
