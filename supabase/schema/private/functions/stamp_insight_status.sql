CREATE OR REPLACE FUNCTION private.stamp_insight_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status is distinct from old.status then
    new.status_changed_at := now();
    new.status_changed_by := case when private.is_end_user() then (select auth.uid()) else new.status_changed_by end;
  end if;
  return new;
end $function$;
comment on function private.stamp_insight_status() is 'BEFORE UPDATE on ai_insights: records who changed the status and when.';
