CREATE OR REPLACE FUNCTION private.count_ad_sync_calls(p_job_id bigint, p_api_calls integer)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.ad_sync_runs set api_calls = api_calls + greatest(coalesce(p_api_calls, 0), 0) where job_id = p_job_id
$function$;
comment on function private.count_ad_sync_calls(bigint,integer) is 'The ads-sync worker: adds the provider requests made since the last applied page to the window''s run.';
grant execute on function private.count_ad_sync_calls(bigint,integer) to service_role;
