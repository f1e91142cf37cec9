-- Onboarding progress and feature tours (HotDash 7-13): personal rows. Only their user reads or
-- writes them; teammates, even admins, see nothing. Onboarding also carries the workspace it
-- happens in (a user may onboard into several); tours belong to the user alone.

create type public.onboarding_status as enum ('not_started', 'in_progress', 'completed', 'skipped');
comment on type public.onboarding_status is 'Where a user stands on one onboarding step.';
create type public.tour_status as enum ('pending', 'active', 'completed', 'dismissed');
comment on type public.tour_status is 'pending: not shown yet; active: being shown; completed or dismissed: done.';
create type public.tour_event as enum ('shown', 'step', 'completed', 'dismissed');
comment on type public.tour_event is 'What public.track_feature_tour records: the tour was shown, the user moved to a step, finished or dismissed it.';

create table public.onboarding_progress (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  step_key text not null,
  step_order integer not null default 0,
  status public.onboarding_status not null default 'not_started',
  attempts integer not null default 0,
  time_spent_seconds integer not null default 0,
  started_at timestamptz,
  completed_at timestamptz,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "one row per user, workspace and step" unique (user_id, workspace_id, step_key),
  constraint "step_key is a short lowercase key" check (step_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  constraint "attempts and time spent cannot be negative" check (attempts >= 0 and time_spent_seconds >= 0),
  constraint "metadata is a JSON object" check (jsonb_typeof(metadata) = 'object')
);
comment on table public.onboarding_progress is 'One user''s progress through one onboarding step in one workspace. Personal: visible only to that user. Written through public.record_onboarding_step (or directly by the user).';
comment on column public.onboarding_progress.attempts is 'How many times the user started the step (entered in_progress).';
comment on column public.onboarding_progress.time_spent_seconds is 'Seconds spent on the step, summed over attempts.';
comment on column public.onboarding_progress.completed_at is 'When the step was completed or skipped; cleared if it is reopened.';
create index onboarding_progress_user_idx on public.onboarding_progress (user_id, workspace_id, step_order);
create index onboarding_progress_workspace_idx on public.onboarding_progress (workspace_id, status);
create trigger set_updated_at before update on public.onboarding_progress for each row execute function private.set_updated_at();

create function private.onboarding_timestamps() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if new.status = 'in_progress' and (tg_op = 'INSERT' or old.status <> 'in_progress') then
    new.started_at := coalesce(new.started_at, now());
    new.attempts := case when tg_op = 'INSERT' then greatest(new.attempts, 1) else old.attempts + 1 end;
  end if;
  if new.status in ('completed', 'skipped') and (tg_op = 'INSERT' or old.status not in ('completed', 'skipped')) then
    new.completed_at := now();
  elsif new.status not in ('completed', 'skipped') then
    new.completed_at := null;
  end if;
  return new;
end $$;
comment on function private.onboarding_timestamps() is 'BEFORE INSERT/UPDATE on onboarding_progress: user_id fixed, started_at, attempts (+1 per entry into in_progress), completed_at.';
revoke all on function private.onboarding_timestamps() from public;
create trigger onboarding_timestamps before insert or update on public.onboarding_progress
  for each row execute function private.onboarding_timestamps();

create table public.feature_tours (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  tour_key text not null,
  tour_name text not null,
  steps jsonb not null default '[]'::jsonb,
  status public.tour_status not null default 'pending',
  current_step integer not null default 0,
  times_shown integer not null default 0,
  interactions integer not null default 0,
  last_shown_at timestamptz,
  completed_at timestamptz,
  dismissed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "one row per user and tour" unique (user_id, tour_key),
  constraint "tour_key is a short lowercase key" check (tour_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  constraint "a tour name has 1 to 200 characters" check (char_length(btrim(tour_name)) between 1 and 200),
  constraint "counters cannot be negative" check (current_step >= 0 and times_shown >= 0 and interactions >= 0)
);
comment on table public.feature_tours is 'One user''s state in one interactive feature tour. Personal: visible only to that user.';
comment on column public.feature_tours.steps is 'The tour''s steps: [{"title": "...", "body": "...", "target": "css selector"?}], 1 to 50.';
comment on column public.feature_tours.current_step is 'Index into steps of the step being shown (0-based).';
comment on column public.feature_tours.interactions is 'Step changes recorded by public.track_feature_tour.';
create index feature_tours_user_status_idx on public.feature_tours (user_id, status);
create index feature_tours_tour_key_idx on public.feature_tours (tour_key);
create trigger set_updated_at before update on public.feature_tours for each row execute function private.set_updated_at();

create function private.check_feature_tour() returns trigger
language plpgsql set search_path = '' as $$
declare
  bad integer;
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if jsonb_typeof(new.steps) is distinct from 'array' or jsonb_array_length(new.steps) not between 1 and 50 then
    raise exception 'steps: give 1 to 50 steps' using errcode = '22023';
  end if;
  select min(s.ordinality - 1) into bad from jsonb_array_elements(new.steps) with ordinality s
  where jsonb_typeof(s.value) <> 'object' or not private.is_text(s.value -> 'title', 200)
     or not private.is_text(s.value -> 'body', 2000)
     or (s.value ? 'target' and not private.is_text(s.value -> 'target', 500))
     or exists (select 1 from jsonb_object_keys(s.value) k where k not in ('title', 'body', 'target'));
  if bad is not null then
    raise exception 'steps[%]: needs a title (up to 200 characters) and a body (up to 2000), optionally a target', bad
      using errcode = '22023';
  end if;
  if new.current_step >= jsonb_array_length(new.steps) then
    raise exception 'current_step: the tour has % steps (0 to %)', jsonb_array_length(new.steps),
      jsonb_array_length(new.steps) - 1 using errcode = '22023';
  end if;
  if new.status = 'completed' and (tg_op = 'INSERT' or old.status <> 'completed') then
    new.completed_at := now();
  end if;
  if new.status = 'dismissed' and (tg_op = 'INSERT' or old.status <> 'dismissed') then
    new.dismissed_at := now();
  end if;
  return new;
end $$;
comment on function private.check_feature_tour() is 'BEFORE INSERT/UPDATE on feature_tours: user_id fixed, steps shape and current_step in range (22023), completed_at/dismissed_at.';
revoke all on function private.check_feature_tour() from public;
create trigger check_feature_tour before insert or update on public.feature_tours
  for each row execute function private.check_feature_tour();

-- ===== RPCs for the client (SECURITY INVOKER: RLS keeps them personal)
create function public.record_onboarding_step(
  p_workspace_id uuid, p_step_key text, p_status public.onboarding_status,
  p_seconds_spent integer default 0, p_step_order integer default null
) returns public.onboarding_progress
language plpgsql volatile set search_path = '' as $$
declare
  r public.onboarding_progress;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to record onboarding' using errcode = '42501';
  end if;
  if p_workspace_id is null or p_step_key is null or p_status is null then
    raise exception 'workspace, step and status are required' using errcode = '22023';
  end if;
  if p_seconds_spent is null or p_seconds_spent not between 0 and 86400 then
    raise exception 'p_seconds_spent: between 0 and 86400 seconds per call' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  insert into public.onboarding_progress as o (user_id, workspace_id, step_key, step_order, status, time_spent_seconds)
  values ((select auth.uid()), p_workspace_id, p_step_key, coalesce(p_step_order, 0), p_status, p_seconds_spent)
  on conflict (user_id, workspace_id, step_key) do update set
    status = excluded.status,
    step_order = coalesce(p_step_order, o.step_order),
    time_spent_seconds = least(o.time_spent_seconds::bigint + excluded.time_spent_seconds, 2147483647)::integer
  returning * into r;
  return r;
end $$;
comment on function public.record_onboarding_step(uuid, text, public.onboarding_status, integer, integer) is 'The caller records a step of their onboarding in a workspace they belong to: sets its status and adds p_seconds_spent (0-86400). Entering in_progress counts an attempt.';

create function public.track_feature_tour(p_tour_key text, p_event public.tour_event, p_step integer default null)
returns public.feature_tours
language plpgsql volatile set search_path = '' as $$
declare
  r public.feature_tours;
begin
  if p_tour_key is null or p_event is null then
    raise exception 'tour key and event are required' using errcode = '22023';
  end if;
  if p_event = 'step' and p_step is null then
    raise exception 'p_step: a step event names the step' using errcode = '22023';
  end if;
  update public.feature_tours t set
    times_shown = t.times_shown + case when p_event = 'shown' then 1 else 0 end,
    last_shown_at = case when p_event = 'shown' then now() else t.last_shown_at end,
    status = case p_event when 'shown' then case when t.status = 'pending' then 'active' else t.status end
                          when 'step' then 'active' when 'completed' then 'completed' else 'dismissed' end::public.tour_status,
    current_step = case when p_event = 'step' then p_step else t.current_step end,
    interactions = t.interactions + case when p_event = 'step' then 1 else 0 end
  where t.user_id = (select auth.uid()) and t.tour_key = p_tour_key
  returning * into r;
  if not found then
    raise exception 'you have no tour %', p_tour_key using errcode = 'PT404';
  end if;
  return r;
end $$;
comment on function public.track_feature_tour(text, public.tour_event, integer) is 'The caller records a tour event: shown (times_shown +1, pending -> active), step (moves to p_step, interactions +1), completed or dismissed.';

grant execute on function public.record_onboarding_step(uuid, text, public.onboarding_status, integer, integer) to authenticated;
grant execute on function public.track_feature_tour(text, public.tour_event, integer) to authenticated;

-- ===== access: personal rows
alter table public.onboarding_progress enable row level security;
alter table public.feature_tours enable row level security;
grant select, insert, update, delete on public.onboarding_progress, public.feature_tours to authenticated;
grant all on public.onboarding_progress, public.feature_tours to service_role;

create policy "users read their onboarding" on public.onboarding_progress for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users record their onboarding in their workspaces" on public.onboarding_progress for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "users change their onboarding" on public.onboarding_progress for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users remove their onboarding" on public.onboarding_progress for delete to authenticated
  using (user_id = (select auth.uid()));
select private.install_tenant_guard('public.onboarding_progress');

create policy "users read their tours" on public.feature_tours for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users add their tours" on public.feature_tours for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "users change their tours" on public.feature_tours for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users remove their tours" on public.feature_tours for delete to authenticated
  using (user_id = (select auth.uid()));
