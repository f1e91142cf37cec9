CREATE OR REPLACE FUNCTION private.anon_public_demo(p_demo_id uuid)
 RETURNS public.public_demos
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.public_demos;
begin
  select * into r from public.public_demos p where p.id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  return r;
end $function$;
comment on function private.anon_public_demo(uuid) is 'A published demo''s public view beneath RLS; PT404 for drafts, archived and unknown ids.';
grant execute on function private.anon_public_demo(uuid) to anon;
grant execute on function private.anon_public_demo(uuid) to authenticated;
