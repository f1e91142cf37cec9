CREATE OR REPLACE FUNCTION public.self_reported_attribution(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model DEFAULT 'last_touch'::public.attribution_model)
 RETURNS SETOF public.self_reported_attribution_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.self_reported_attribution(p_workspace_id, p_from, p_to, p_model)
$function$;
comment on function public.self_reported_attribution(uuid,date,date,public.attribution_model) is 'Viewers: what customers said brought them (answers to attribution questions responded in the range, one per order, mapped to channels by survey_channel_mappings or the keyword rule) against what the attribution model (p_model, default last_touch) credits for the same orders: per channel, responses, orders and their revenue as reported, the model''s credited orders and revenue, and how often the two agree. Reads what the Fairing sync wrote. 22023 bad range; 42501 not a member.';
grant execute on function public.self_reported_attribution(uuid,date,date,public.attribution_model) to authenticated;
grant execute on function public.self_reported_attribution(uuid,date,date,public.attribution_model) to service_role;
