CREATE OR REPLACE FUNCTION private.ai_spend_this_month(p_workspace_id uuid)
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(sum(q.cost_micros), 0)::bigint from public.agent_queries q
  where q.workspace_id = p_workspace_id
    and q.created_at >= (date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')
$function$;
comment on function private.ai_spend_this_month(uuid) is 'What the workspace''s model calls cost this calendar month (UTC), in micros.';
grant execute on function private.ai_spend_this_month(uuid) to authenticated;
