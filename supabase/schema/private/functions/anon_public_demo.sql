CREATE OR REPLACE FUNCTION private.anon_public_demo(p_demo_id uuid)
 RETURNS public.public_demos
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.public_demos;
begin
  select * into r from public.public_demos p where p.id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('public_demo', r.workspace_id::text);
  return r;
end $function$;
comment on function private.anon_public_demo(uuid) is 'A published demo''s public view beneath RLS, counted against the caller''s address and the demo''s workspace; PT404 for drafts, archived and unknown ids.';
grant execute on function private.anon_public_demo(uuid) to anon;
grant execute on function private.anon_public_demo(uuid) to authenticated;
