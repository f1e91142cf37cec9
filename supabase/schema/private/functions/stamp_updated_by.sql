CREATE OR REPLACE FUNCTION private.stamp_updated_by()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() then
    new.updated_by := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.stamp_updated_by() is 'BEFORE INSERT/UPDATE: updated_by is the signed-in caller.';
