CREATE OR REPLACE FUNCTION private.purge_personal_data(p_now timestamp with time zone DEFAULT now())
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t record;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  for t in select * from private.personal_data_retention order by table_name::text loop
    execute format(
      'with d as (delete from %s t where t.%I is not null and t.%I < $1 - interval ''30 days''
         and t.%I < $1 - make_interval(days => coalesce((select s.data_retention_days from public.user_privacy_settings s
                                                         where s.user_id = t.%I), 730))
       returning 1) select count(*) from d',
      t.table_name, t.user_column, t.time_column, t.time_column, t.user_column)
      into n using p_now;
    if n > 0 then
      done := done || jsonb_build_object(t.table_name::text, n);
    end if;
  end loop;
  -- The privacy trail is kept (accountability), its IP and user agent only as long as the user allows.
  update public.privacy_audit_log l set ip_address = null, user_agent = null
  where (l.ip_address is not null or l.user_agent is not null)
    and l.created_at < p_now - make_interval(days => coalesce((select s.data_retention_days from public.user_privacy_settings s
                                                                where s.user_id = l.user_id), 730));
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('public.privacy_audit_log', jsonb_build_object('anonymised', n));
  end if;
  return done;
end $function$;
comment on function private.purge_personal_data(timestamp with time zone) is 'pg_cron job personal-data-retention (daily): deletes rows of registered tables older than their user''s data_retention_days (default 730) and removes IP and user agent from older privacy trail events. Returns counts per table.';
grant execute on function private.purge_personal_data(timestamp with time zone) to service_role;
