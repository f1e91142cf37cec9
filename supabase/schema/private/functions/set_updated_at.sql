CREATE OR REPLACE FUNCTION private.set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.updated_at := now();
  return new;
end $function$;
comment on function private.set_updated_at() is 'BEFORE UPDATE trigger shared by every table with updated_at.';
