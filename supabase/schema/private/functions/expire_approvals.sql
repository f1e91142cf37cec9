CREATE OR REPLACE FUNCTION private.expire_approvals()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  update public.agent_approvals set status = 'expired' where status = 'pending' and expires_at <= now();
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.expire_approvals() is 'pg_cron job approvals-expiry (every minute): expires pending approvals past expires_at; returns how many.';
grant execute on function private.expire_approvals() to service_role;
