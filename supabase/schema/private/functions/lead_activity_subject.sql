CREATE OR REPLACE FUNCTION private.lead_activity_subject(p_type public.lead_activity_type, p_occurred_at timestamp with time zone, p_data jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select jsonb_build_object('activity_type', p_type, 'occurred_at', p_occurred_at, 'data', p_data)
$function$;
comment on function private.lead_activity_subject(public.lead_activity_type,timestamp with time zone,jsonb) is 'The object scoring-rule conditions are evaluated against for one activity.';
grant execute on function private.lead_activity_subject(public.lead_activity_type,timestamp with time zone,jsonb) to authenticated;
grant execute on function private.lead_activity_subject(public.lead_activity_type,timestamp with time zone,jsonb) to service_role;
