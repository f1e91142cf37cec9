CREATE OR REPLACE FUNCTION private.report_error(p_workspace_id uuid, p_error_type text, p_source text, p_message text, p_severity public.ops_severity DEFAULT 'medium'::public.ops_severity, p_stack text DEFAULT NULL::text, p_context jsonb DEFAULT '{}'::jsonb, p_fingerprint_key text DEFAULT NULL::text)
 RETURNS TABLE(error_id uuid, occurrence_count bigint, is_new boolean, status public.ops_error_status)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query
    insert into public.ops_errors as e (workspace_id, fingerprint, error_type, source, message, stack, severity, last_context)
    values (p_workspace_id,
            case when p_fingerprint_key is not null then encode(extensions.digest('key:' || p_fingerprint_key, 'sha256'), 'hex')
                 else private.error_fingerprint(p_error_type, p_source, p_message) end,
            p_error_type, p_source, p_message, p_stack, coalesce(p_severity, 'medium'), coalesce(p_context, '{}'))
    on conflict (workspace_id, fingerprint) do update set
      occurrence_count = e.occurrence_count + 1,
      last_seen_at = greatest(e.last_seen_at, now()),
      severity = greatest(e.severity, excluded.severity),
      stack = coalesce(excluded.stack, e.stack),
      last_context = excluded.last_context,
      status = case when e.status = 'resolved' then 'open' else e.status end,
      resolved_at = case when e.status = 'resolved' then null else e.resolved_at end,
      resolved_by = case when e.status = 'resolved' then null else e.resolved_by end
    returning e.id, e.occurrence_count, (e.xmax = 0), e.status;
end $function$;
comment on function private.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) is 'Counts one occurrence of an error: inserts it or atomically increments occurrence_count and last_seen_at; keeps the highest severity; a resolved error that recurs reopens.';
grant execute on function private.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) to authenticated;
grant execute on function private.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) to service_role;
