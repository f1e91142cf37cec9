-- Support: customer tickets (from the storefront through a narrow, rate-limited anon RPC, from
-- signed-in members, or from Chatwoot) with a status workflow enforced by trigger, and curated
-- replies for Chatwoot (seed 003's support_tickets, seed 001's support_curated_replies).

create type public.support_ticket_status as enum ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed');
comment on type public.support_ticket_status is 'open -> in_progress <-> waiting_on_customer -> resolved -> closed; a resolved ticket may be reopened, a closed one never (open a new ticket).';
create type public.support_ticket_priority as enum ('low', 'normal', 'high', 'urgent');
comment on type public.support_ticket_priority is 'How soon a ticket needs an answer.';
create type public.support_ticket_source as enum ('storefront', 'app', 'chatwoot');
comment on type public.support_ticket_source is 'Where a ticket came from: the storefront''s contact form (anon), a signed-in member, or a Chatwoot conversation.';
create type public.support_ticket_category as enum ('general', 'order', 'shipping', 'returns', 'product', 'account', 'billing', 'other');
comment on type public.support_ticket_category is 'What a ticket is about.';

create table public.support_tickets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source public.support_ticket_source not null default 'app',
  requester_email text not null constraint support_tickets_requester_email_format
    check (requester_email = lower(requester_email) and char_length(requester_email) <= 254
           and requester_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  requester_name text constraint support_tickets_requester_name_length check (char_length(btrim(requester_name)) between 1 and 100),
  subject text not null constraint support_tickets_subject_length check (char_length(btrim(subject)) between 1 and 200),
  body text not null constraint support_tickets_body_length check (char_length(btrim(body)) between 1 and 10000),
  category public.support_ticket_category not null default 'general',
  status public.support_ticket_status not null default 'open',
  priority public.support_ticket_priority not null default 'normal',
  order_number text constraint support_tickets_order_number_length check (char_length(order_number) <= 64),
  order_id uuid,
  assigned_to uuid references auth.users (id) on delete set null,
  chatwoot_conversation_id text check (char_length(chatwoot_conversation_id) between 1 and 64),
  resolved_at timestamptz,
  closed_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, chatwoot_conversation_id),
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id)
);
comment on table public.support_tickets is 'Customer support tickets. The storefront creates them anonymously through public.create_support_ticket (rate limited); members create and work them (status, priority, category, assignee); the status workflow is enforced by trigger and every status change is audited.';
comment on column public.support_tickets.requester_email is 'The customer to answer, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.support_tickets.order_number is 'The order the customer named, as typed.';
comment on column public.support_tickets.order_id is 'That order, linked only when its email hash matches the requester''s email.';
comment on column public.support_tickets.assigned_to is 'The member working the ticket (must belong to the workspace).';
comment on column public.support_tickets.chatwoot_conversation_id is 'The Chatwoot conversation handling the ticket; its status changes move the ticket.';
comment on column public.support_tickets.created_by is 'The member who logged it; null for storefront and Chatwoot tickets.';
create index support_tickets_queue_idx on public.support_tickets (workspace_id, status, created_at desc);
create index support_tickets_order_idx on public.support_tickets (order_id, workspace_id);
create index support_tickets_assigned_to_idx on public.support_tickets (assigned_to);
create index support_tickets_created_by_idx on public.support_tickets (created_by);
create trigger set_updated_at before update on public.support_tickets
  for each row execute function private.set_updated_at();

-- New tickets: members' tickets are source 'app' and start open; the order is linked only when
-- it belongs to the requester (email hash); the assignee must be a member of the workspace.
create function private.support_ticket_before_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    new.requester_email := lower(btrim(new.requester_email));
    if (select auth.role()) = 'authenticated' then
      new.source := 'app';
      new.status := 'open';
      new.created_by := (select auth.uid());
    end if;
    if new.order_number is not null and new.order_id is null then
      select o.id into new.order_id from public.orders o
      where o.workspace_id = new.workspace_id and o.order_number = btrim(new.order_number)
        and o.email_sha256 = private.email_sha256(new.requester_email)
      limit 1;
    end if;
  end if;
  if new.assigned_to is not null and (tg_op = 'INSERT' or new.assigned_to is distinct from old.assigned_to)
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = new.workspace_id and m.user_id = new.assigned_to) then
    raise exception 'the assignee must be a member of this workspace' using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.support_ticket_before_write() is 'BEFORE INSERT/UPDATE on support_tickets: members'' tickets start open as source app; links the named order when it is the requester''s; the assignee must be a workspace member.';
create trigger support_ticket_before_write before insert or update of assigned_to on public.support_tickets
  for each row execute function private.support_ticket_before_write();

create function private.guard_support_ticket_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if old.status = 'closed' then
    raise exception 'a closed ticket cannot be reopened; open a new ticket' using errcode = 'PT409';
  end if;
  if not (
    (old.status = 'open' and new.status in ('in_progress', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'in_progress' and new.status in ('open', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'waiting_on_customer' and new.status in ('open', 'in_progress', 'resolved', 'closed')) or
    (old.status = 'resolved' and new.status in ('open', 'closed'))
  ) then
    raise exception 'a % ticket cannot become %', replace(old.status::text, '_', ' '), replace(new.status::text, '_', ' ')
      using errcode = 'PT409', hint = 'a resolved ticket can be reopened or closed';
  end if;
  new.resolved_at := case when new.status = 'resolved' then now()
                          when new.status = 'closed' then old.resolved_at end;
  new.closed_at := case when new.status = 'closed' then now() end;
  return new;
end $$;
comment on function private.guard_support_ticket_status() is 'BEFORE UPDATE OF status on support_tickets: enforces the workflow (PT409 otherwise) and stamps resolved_at / closed_at (cleared when reopened).';
create trigger guard_support_ticket_status before update of status on public.support_tickets
  for each row execute function private.guard_support_ticket_status();

create trigger audit after update of status or delete on public.support_tickets
  for each row execute function private.audit_row('requester_email', 'body');

-- ===== the storefront's contact form (anon)
insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('support_ticket', 5, 3600, 'support tickets from one address to one workspace per hour');

create function private.anon_create_support_ticket(p_workspace_id uuid, p_email text, p_name text, p_subject text,
                                                   p_body text, p_category public.support_ticket_category,
                                                   p_order_number text)
returns table (ticket_id uuid, status public.support_ticket_status, created_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  t public.support_tickets;
begin
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'shop % not found', p_workspace_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('support_ticket', p_workspace_id::text);
  insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, category,
                                      order_number, created_by)
  values (p_workspace_id, 'storefront', p_email, p_name, p_subject, p_body, p_category, p_order_number, null)
  returning * into t;
  return query select t.id, t.status, t.created_at;
end $$;
comment on function private.anon_create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) is 'Definer half of public.create_support_ticket: rate limited per address and shop.';

create function public.create_support_ticket(p_workspace_id uuid, p_email text, p_subject text, p_body text,
                                             p_name text default null,
                                             p_category public.support_ticket_category default 'general',
                                             p_order_number text default null)
returns table (ticket_id uuid, status public.support_ticket_status, created_at timestamptz)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  email text := lower(btrim(p_email));
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  if p_subject is null or char_length(btrim(p_subject)) not between 1 and 200 then
    raise exception 'a subject is required (at most 200 characters)' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 10000 then
    raise exception 'a message is required (at most 10000 characters)' using errcode = '22023';
  end if;
  if p_name is not null and char_length(btrim(p_name)) > 100 then
    raise exception 'the name may be at most 100 characters' using errcode = '22023';
  end if;
  if p_order_number is not null and char_length(btrim(p_order_number)) > 64 then
    raise exception 'the order number may be at most 64 characters' using errcode = '22023';
  end if;
  return query select * from private.anon_create_support_ticket(p_workspace_id, email, nullif(btrim(p_name), ''),
    btrim(p_subject), btrim(p_body), coalesce(p_category, 'general'), nullif(btrim(p_order_number), ''));
end $$;
comment on function public.create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) is 'Storefront (anon): open a support ticket with an email address. 22023 invalid input, PT404 unknown shop, PT429 rate limited (5 per hour per address and shop).';

-- ===== Chatwoot: a conversation's status moves its ticket (events stored by the webhooks function)
create function private.process_chatwoot_ticket_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target public.support_ticket_status;
begin
  target := case new.payload ->> 'status'
              when 'open' then 'open' when 'pending' then 'waiting_on_customer'
              when 'snoozed' then 'waiting_on_customer' when 'resolved' then 'resolved' end;
  if target is null or new.workspace_id is null or new.payload ->> 'id' is null then
    return null;
  end if;
  begin
    update public.support_tickets set status = target
    where workspace_id = new.workspace_id and chatwoot_conversation_id = new.payload ->> 'id'
      and status not in ('closed', target);
  exception when sqlstate 'PT409' then
    null;  -- a transition the workflow forbids (e.g. resolved -> waiting): the ticket stays as it is
  end;
  return null;
end $$;
comment on function private.process_chatwoot_ticket_event() is 'AFTER INSERT on private.webhook_events for Chatwoot conversation_status_changed: moves the linked ticket (open, pending/snoozed -> waiting on customer, resolved) where the workflow allows.';
create trigger process_chatwoot_ticket_event after insert on private.webhook_events
  for each row when (new.provider = 'chatwoot' and new.topic = 'conversation_status_changed')
  execute function private.process_chatwoot_ticket_event();

-- ===== curated replies for Chatwoot
create table public.support_curated_replies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null constraint support_curated_replies_title_length check (char_length(btrim(title)) between 1 and 200),
  short_code text not null constraint support_curated_replies_short_code_format check (short_code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  body text not null constraint support_curated_replies_body_length check (char_length(btrim(body)) between 1 and 10000),
  category public.support_ticket_category,
  tags text[] not null default '{}' constraint support_curated_replies_tags_count check (cardinality(tags) <= 20),
  active boolean not null default true,
  chatwoot_canned_response_id text check (char_length(chatwoot_canned_response_id) between 1 and 64),
  usage_count integer not null default 0 check (usage_count >= 0),
  last_used_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, short_code)
);
comment on table public.support_curated_replies is 'Pre-approved reply templates for Chatwoot (its canned responses: short_code and content). Members write them; usage_count is kept by public.record_curated_reply_use.';
comment on column public.support_curated_replies.short_code is 'Chatwoot''s canned-response short code (typed after "/"), unique per workspace.';
comment on column public.support_curated_replies.chatwoot_canned_response_id is 'The canned response''s id in Chatwoot once synced.';
comment on column public.support_curated_replies.usage_count is 'Times agents used it (public.record_curated_reply_use); not writable directly.';
create index support_curated_replies_created_by_idx on public.support_curated_replies (created_by);
create trigger set_updated_at before update on public.support_curated_replies
  for each row execute function private.set_updated_at();

create function private.record_curated_reply_use(p_reply_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  update public.support_curated_replies r set usage_count = r.usage_count + 1, last_used_at = now()
  where r.id = p_reply_id and r.active
    and ((select auth.role()) <> 'authenticated' or r.workspace_id = any (array(select private.workspace_ids('member'))))
  returning r.usage_count into n;
  if n is null then
    raise exception 'no active curated reply % in a workspace you are a member of', p_reply_id using errcode = 'PT404';
  end if;
  return n;
end $$;
comment on function private.record_curated_reply_use(uuid) is 'Counts one use of an active curated reply (members of its workspace, or service_role); returns the new count.';

create function public.record_curated_reply_use(p_reply_id uuid) returns integer
language plpgsql volatile set search_path = '' as $$
begin
  if p_reply_id is null then
    raise exception 'p_reply_id is required' using errcode = '22023';
  end if;
  return private.record_curated_reply_use(p_reply_id);
end $$;
comment on function public.record_curated_reply_use(uuid) is 'Members: count one use of a curated reply; returns the new usage count. PT404 unknown or inactive reply.';

-- ===== GDPR: what reviews and support hold about a shop customer
-- Reviews keep the author's email and name, tickets the requester's email, name and message.
-- Erasing a customer (Shopify's customers/redact) anonymises their reviews (no email, the name
-- becomes 'Anonymous'; rating and text stay, so summaries do not move) and deletes their tickets.
-- For the privacy domain's erasure to call with the customer's email hashes.
create function private.erase_review_support_contacts(p_workspace uuid, p_email_sha256 text[]) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  n_reviews integer;
  n_tickets integer;
begin
  update public.reviews set author_email = null, author_name = 'Anonymous'
  where workspace_id = p_workspace and author_email is not null
    and private.email_sha256(author_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_reviews = row_count;
  delete from public.support_tickets
  where workspace_id = p_workspace and private.email_sha256(requester_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_tickets = row_count;
  return jsonb_build_object('reviews_anonymised', n_reviews, 'support_tickets_deleted', n_tickets);
end $$;
comment on function private.erase_review_support_contacts(uuid, text[]) is 'GDPR erasure of shop customers (by email hash) in one workspace: anonymises their reviews and deletes their support tickets; returns the counts.';

-- ===== access: viewers read; members log and work tickets and write replies; admins delete tickets
alter table public.support_tickets enable row level security;
alter table public.support_curated_replies enable row level security;
grant select, delete on public.support_tickets to authenticated;
grant insert (workspace_id, requester_email, requester_name, subject, body, category, priority, order_number, assigned_to,
              chatwoot_conversation_id) on public.support_tickets to authenticated;
grant update (status, priority, category, assigned_to, chatwoot_conversation_id) on public.support_tickets to authenticated;
grant select, delete on public.support_curated_replies to authenticated;
grant insert (workspace_id, title, short_code, body, category, tags, active, chatwoot_canned_response_id),
      update (title, short_code, body, category, tags, active, chatwoot_canned_response_id)
  on public.support_curated_replies to authenticated;
grant all on public.support_tickets, public.support_curated_replies to service_role;

create policy "viewers read tickets" on public.support_tickets for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "members log tickets" on public.support_tickets for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
create policy "members work tickets" on public.support_tickets for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('member'))))
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
create policy "admins delete tickets" on public.support_tickets for delete to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));
select private.install_tenant_guard('public.support_tickets');
select private.tenant_policies('public.support_curated_replies', 'viewer', 'member');

-- The support queue updates live.
alter publication supabase_realtime add table public.support_tickets;

revoke all on function private.support_ticket_before_write() from public;
revoke all on function private.guard_support_ticket_status() from public;
revoke all on function private.anon_create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) from public;
revoke all on function public.create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) from public;
revoke all on function private.process_chatwoot_ticket_event() from public;
revoke all on function private.record_curated_reply_use(uuid) from public;
revoke all on function public.record_curated_reply_use(uuid) from public;
grant execute on function
  private.anon_create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text),
  public.create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text)
  to anon, authenticated, service_role;
grant execute on function private.record_curated_reply_use(uuid), public.record_curated_reply_use(uuid)
  to authenticated, service_role;
revoke all on function private.erase_review_support_contacts(uuid, text[]) from public;
grant execute on function private.erase_review_support_contacts(uuid, text[]) to service_role;
