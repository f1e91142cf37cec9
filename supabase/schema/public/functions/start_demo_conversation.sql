CREATE OR REPLACE FUNCTION public.start_demo_conversation(p_demo_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  return private.anon_start_demo_conversation(p_demo_id);
end $function$;
comment on function public.start_demo_conversation(uuid) is 'Anyone (the demo-conversations function calls it as the visitor): checks a published demo''s limits and reserves a start; answers {start_id, workspace_id, demo_id, persona_id, replica_id, greeting, context, max_minutes}. PT404 unpublished, PT409 without a Tavus persona or replica, PT429 over a limit or the budget. A reservation lapses after two minutes unless linked.';
grant execute on function public.start_demo_conversation(uuid) to anon;
grant execute on function public.start_demo_conversation(uuid) to authenticated;
grant execute on function public.start_demo_conversation(uuid) to service_role;
