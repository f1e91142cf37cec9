CREATE OR REPLACE FUNCTION public.cancel_scheduled_action(p_id bigint)
 RETURNS public.scheduled_actions
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_id is null then
    raise exception 'p_id is required' using errcode = '22023';
  end if;
  return private.cancel_scheduled_action(p_id);
end $function$;
comment on function public.cancel_scheduled_action(bigint) is 'Members: cancels a pending scheduled action; its execution''s status and results follow.';
grant execute on function public.cancel_scheduled_action(bigint) to authenticated;
grant execute on function public.cancel_scheduled_action(bigint) to service_role;
