CREATE OR REPLACE FUNCTION private.sync_profile()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.sync_profile() is 'AFTER INSERT/UPDATE on auth.users: creates or refreshes the user''s profile.';
