CREATE OR REPLACE FUNCTION private.stamp_qc_reviewer()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() and (new.result, new.score, new.details) is distinct from (old.result, old.score, old.details) then
    new.checked_by := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.stamp_qc_reviewer() is 'BEFORE UPDATE on agent_qc: a signed-in reviewer who judges a check (result, score, details) is recorded as checked_by.';
