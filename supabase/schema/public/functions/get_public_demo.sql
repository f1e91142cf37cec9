CREATE OR REPLACE FUNCTION public.get_public_demo(p_demo_id uuid)
 RETURNS public.public_demos
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  return private.anon_public_demo(p_demo_id);
end $function$;
comment on function public.get_public_demo(uuid) is 'Anyone (anon key, POST): a published demo by id with its ordered videos. PT404 for drafts, archived demos and unknown ids. No listing: a demo is reached by its link. 120 calls a minute per address and workspace (429).';
grant execute on function public.get_public_demo(uuid) to anon;
grant execute on function public.get_public_demo(uuid) to authenticated;
grant execute on function public.get_public_demo(uuid) to service_role;
