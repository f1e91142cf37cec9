CREATE OR REPLACE FUNCTION public.report_error(p_workspace_id uuid, p_error_type text, p_source text, p_message text, p_severity public.ops_severity DEFAULT 'medium'::public.ops_severity, p_stack text DEFAULT NULL::text, p_context jsonb DEFAULT '{}'::jsonb, p_fingerprint_key text DEFAULT NULL::text)
 RETURNS TABLE(error_id uuid, occurrence_count bigint, is_new boolean, status public.ops_error_status)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or coalesce(btrim(p_error_type), '') = '' or coalesce(btrim(p_source), '') = ''
     or coalesce(btrim(p_message), '') = '' then
    raise exception 'workspace, error type, source and message are required' using errcode = '22023';
  end if;
  if char_length(p_error_type) > 200 or char_length(p_source) > 120 or char_length(p_message) > 10000
     or char_length(coalesce(p_stack, '')) > 50000 or char_length(coalesce(p_fingerprint_key, '')) > 500 then
    raise exception 'too long: type 200, source 120, message 10000, stack 50000, fingerprint key 500 characters at most'
      using errcode = '22023';
  end if;
  if p_context is not null and jsonb_typeof(p_context) <> 'object' then
    raise exception 'context must be a JSON object' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query select * from private.report_error(p_workspace_id, p_error_type, p_source, p_message, p_severity,
                                                  p_stack, p_context, p_fingerprint_key);
end $function$;
comment on function public.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) is 'Any workspace member or the service: reports one occurrence of an error; returns its id, the new count, whether it was new, and its status (a resolved error that recurs reopens).';
grant execute on function public.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) to authenticated;
grant execute on function public.report_error(uuid,text,text,text,public.ops_severity,text,jsonb,text) to service_role;
