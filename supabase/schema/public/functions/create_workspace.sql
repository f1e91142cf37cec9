CREATE OR REPLACE FUNCTION public.create_workspace(p_name text, p_slug text)
 RETURNS public.workspaces
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  new_id uuid := gen_random_uuid();
  ws public.workspaces;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to create a workspace' using errcode = '42501';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 120 then
    raise exception 'name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_slug is null or lower(p_slug) !~ '^[a-z0-9][a-z0-9-]{1,62}$' then
    raise exception 'slug must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit'
      using errcode = '22023';
  end if;
  if exists (select 1 from private.slug_taken(lower(p_slug))) then
    raise exception 'the slug % is taken', lower(p_slug) using errcode = '23505';
  end if;
  insert into public.workspaces (id, name, slug, created_by)
  values (new_id, btrim(p_name), lower(p_slug), (select auth.uid()));
  select * into ws from public.workspaces where id = new_id;
  return ws;
end $function$;
comment on function public.create_workspace(text,text) is 'Creates a workspace with the caller as owner and returns it. 22023 for a bad name or slug, 23505 for a taken slug. A Shopify shop is attached by installing the app (OAuth), never here.';
grant execute on function public.create_workspace(text,text) to authenticated;
grant execute on function public.create_workspace(text,text) to service_role;
