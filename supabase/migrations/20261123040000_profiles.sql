-- People's names and avatars for member lists: public.profiles, kept from auth.users by
-- trigger, readable by the user and by everyone who shares a workspace with them, so
-- workspace_members embeds profiles(...) in one call.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text check (char_length(email) <= 320),
  display_name text check (char_length(display_name) <= 120),
  avatar_url text check (char_length(avatar_url) <= 2048 and avatar_url ~ '^https://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per user, kept from auth.users (email; name and avatar from the sign-up metadata) by private.sync_profile(); the user may change their name and avatar. Readable by the user and by members of a workspace they belong to.';
comment on column public.profiles.display_name is 'From user_metadata full_name or name at sign-up; the user can change it.';
create trigger set_updated_at before update on public.profiles for each row execute function private.set_updated_at();

create function private.sync_profile() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles as p (id, email, display_name, avatar_url)
  values (new.id, new.email,
          left(coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'), 120),
          case when new.raw_user_meta_data ->> 'avatar_url' ~ '^https://' then left(new.raw_user_meta_data ->> 'avatar_url', 2048) end)
  on conflict (id) do update set
    email = excluded.email,
    display_name = coalesce(excluded.display_name, p.display_name),
    avatar_url = coalesce(excluded.avatar_url, p.avatar_url);
  return null;
end $$;
comment on function private.sync_profile() is 'AFTER INSERT/UPDATE on auth.users: creates or refreshes the user''s profile.';
revoke all on function private.sync_profile() from public;
create trigger sync_profile after insert or update of email, raw_user_meta_data on auth.users
  for each row execute function private.sync_profile();

insert into public.profiles (id, email, display_name, avatar_url)
select u.id, u.email, left(coalesce(u.raw_user_meta_data ->> 'full_name', u.raw_user_meta_data ->> 'name'), 120),
       case when u.raw_user_meta_data ->> 'avatar_url' ~ '^https://' then left(u.raw_user_meta_data ->> 'avatar_url', 2048) end
from auth.users u
on conflict (id) do nothing;

-- The relationship PostgREST follows for workspace_members?select=role,profiles(...).
alter table public.workspace_members add constraint workspace_members_user_id_profile_fkey
  foreign key (user_id) references public.profiles (id) on delete cascade;

-- The users the caller shares at least one workspace with (the caller included).
create function private.co_member_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select distinct m.user_id from public.workspace_members m
    where m.workspace_id in (select mine.workspace_id from public.workspace_members mine
                             where mine.user_id = (select auth.uid()));
end $$;
comment on function private.co_member_ids() is 'User ids of everyone in the caller''s workspaces; wrap in array(select ...) in policies.';
revoke all on function private.co_member_ids() from public;
grant execute on function private.co_member_ids() to authenticated;

alter table public.profiles enable row level security;
grant select on public.profiles to authenticated;
grant update (display_name, avatar_url) on public.profiles to authenticated;
grant all on public.profiles to service_role;
create policy "people read their own and their teammates' profiles" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or id = any (array(select private.co_member_ids())));
create policy "people change their own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
