CREATE OR REPLACE FUNCTION private.user_identifiers(p_user_id uuid)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select jsonb_build_object(
    'email', (select lower(u.email) from auth.users u where u.id = p_user_id),
    'phone', (select nullif(u.phone, '') from auth.users u where u.id = p_user_id),
    'names', to_jsonb(array(select distinct btrim(n) from unnest(array[
               (select p.display_name from public.profiles p where p.id = p_user_id),
               (select u.raw_user_meta_data ->> 'full_name' from auth.users u where u.id = p_user_id),
               (select u.raw_user_meta_data ->> 'name' from auth.users u where u.id = p_user_id)]) n
             where nullif(btrim(n), '') is not null)),
    'workspace_ids', to_jsonb(array(select m.workspace_id from public.workspace_members m where m.user_id = p_user_id)))
$function$;
comment on function private.user_identifiers(uuid) is 'A user''s email, phone, names (profile display name, sign-up full_name/name) and workspaces: what their erasure scrubs besides the id.';
