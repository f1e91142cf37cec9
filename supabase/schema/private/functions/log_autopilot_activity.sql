CREATE OR REPLACE FUNCTION private.log_autopilot_activity(p_workspace_id uuid, p_type public.autopilot_activity_type, p_description text, p_entity_type text DEFAULT NULL::text, p_entity_id uuid DEFAULT NULL::uuid, p_metadata jsonb DEFAULT '{}'::jsonb, p_actor_kind public.actor_kind DEFAULT 'system'::public.actor_kind)
 RETURNS bigint
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into public.autopilot_activity_log (workspace_id, activity_type, description, entity_type, entity_id, metadata, actor_kind, actor_id)
  values (p_workspace_id, p_type, left(p_description, 2000), p_entity_type, p_entity_id, coalesce(p_metadata, '{}'::jsonb),
          p_actor_kind, case when p_actor_kind = 'user' then (select auth.uid()) end)
  returning id
$function$;
comment on function private.log_autopilot_activity(uuid,public.autopilot_activity_type,text,text,uuid,jsonb,public.actor_kind) is 'Appends one autopilot_activity_log entry; the only way rows get there.';
grant execute on function private.log_autopilot_activity(uuid,public.autopilot_activity_type,text,text,uuid,jsonb,public.actor_kind) to service_role;
