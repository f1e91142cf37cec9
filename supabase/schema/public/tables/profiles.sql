create table public.profiles (
  id uuid not null,
  email text,
  display_name text,
  avatar_url text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "profiles_pkey" PRIMARY KEY (id),
  constraint "avatar_url must be an https URL of at most 2048 characters" CHECK (((char_length(avatar_url) <= 2048) AND (avatar_url ~ '^https://'::text))),
  constraint "display_name must be at most 120 characters" CHECK ((char_length(display_name) <= 120)),
  constraint "profiles_email_check" CHECK ((char_length(email) <= 320)),
  constraint "profiles_id_fkey" FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE
);
comment on table public.profiles is 'One row per user, kept from auth.users (email; name and avatar from the sign-up metadata) by private.sync_profile(); the user may change their name and avatar. Readable by the user and by members of a workspace they belong to.';
comment on column public.profiles.display_name is 'From user_metadata full_name or name at sign-up; the user can change it.';

alter table public.profiles enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.profiles to service_role;
grant select on public.profiles to authenticated;
grant update (display_name) on public.profiles to authenticated;
grant update (avatar_url) on public.profiles to authenticated;

create policy "people change their own profile" on public.profiles for update to authenticated
  using ((id = ( SELECT auth.uid() AS uid)))
  with check ((id = ( SELECT auth.uid() AS uid)));
create policy "people read their own and their teammates' profiles" on public.profiles for select to authenticated
  using (((id = ( SELECT auth.uid() AS uid)) OR (id = ANY (ARRAY( SELECT private.co_member_ids() AS co_member_ids)))));

CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
