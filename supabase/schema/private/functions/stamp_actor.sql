CREATE OR REPLACE FUNCTION private.stamp_actor()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  col text;
  stamped jsonb := '{}'::jsonb;
begin
  if private.is_end_user() then
    foreach col in array tg_argv loop
      stamped := stamped || jsonb_build_object(col, (select auth.uid()));
    end loop;
    new := jsonb_populate_record(new, stamped);
  end if;
  return new;
end $function$;
comment on function private.stamp_actor() is 'BEFORE INSERT trigger: for signed-in callers, sets the named columns (created_by, user_id ...) to auth.uid() whatever the client sent. Service and cron writes keep what they give.';
