CREATE OR REPLACE FUNCTION private.wake_privacy_worker()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from queued q where q.kind = 'export' and q.status = 'pending') then
    perform private.wake_function('privacy-export');
  end if;
  return null;
end $function$;
comment on function private.wake_privacy_worker() is 'AFTER INSERT statement trigger on privacy_requests: a new export wakes the privacy worker at commit.';
