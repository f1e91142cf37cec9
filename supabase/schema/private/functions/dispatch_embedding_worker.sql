CREATE OR REPLACE FUNCTION private.dispatch_embedding_worker()
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from private.embedding_jobs j where j.status in ('queued', 'running') and j.visible_at <= now()) then
    return null;
  end if;
  if to_regnamespace('net') is null then
    raise notice 'embedding jobs are due but pg_net is not installed: call the embed function directly';
    return null;
  end if;
  return private.invoke_function('embed');
end $function$;
comment on function private.dispatch_embedding_worker() is 'pg_cron (knowledge-embed, every minute): calls the embed function through pg_net when jobs are due; a notice and nothing else where pg_net is absent.';
