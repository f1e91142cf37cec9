CREATE OR REPLACE FUNCTION private.stamp_created_by()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() then
    new.created_by := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.stamp_created_by() is 'BEFORE INSERT trigger: a signed-in user is always recorded as created_by (service_role and cron may name someone).';
