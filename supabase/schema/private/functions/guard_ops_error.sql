CREATE OR REPLACE FUNCTION private.guard_ops_error()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status is distinct from old.status then
    if new.status = 'resolved' then
      new.resolved_at := now();
      new.resolved_by := case when private.is_end_user() then (select auth.uid()) else new.resolved_by end;
    elsif old.status = 'resolved' then
      new.resolved_at := null;
      new.resolved_by := null;
    end if;
  end if;
  return new;
end $function$;
comment on function private.guard_ops_error() is 'BEFORE UPDATE on ops_errors: stamps resolved_at/resolved_by from the session when an error is resolved, clears them when it reopens.';
