CREATE OR REPLACE FUNCTION private.kpi_targets_problem(p_targets jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case
    when p_targets is null or jsonb_typeof(p_targets) <> 'object' then 'must be a JSON object'
    else (
      select string_agg(msg, '; ' order by key) from (
        select e.key, case
          when e.key not in ('target_roas', 'target_cpa_cents', 'target_cpl_cents', 'target_leads', 'target_conversions',
                             'target_revenue_cents', 'target_ctr', 'target_cvr')
            then e.key || ': unknown target (known: target_roas, target_cpa_cents, target_cpl_cents, target_leads, target_conversions, target_revenue_cents, target_ctr, target_cvr)'
          when jsonb_typeof(e.value) <> 'number' then e.key || ': must be a number'
          when e.key in ('target_ctr', 'target_cvr') and (e.value::text::numeric not between 0 and 1)
            then e.key || ': is a ratio between 0 and 1'
          when e.key = 'target_roas' and (e.value::text::numeric <= 0 or e.value::text::numeric > 1000)
            then e.key || ': must be above 0 and at most 1000'
          when e.key in ('target_cpa_cents', 'target_cpl_cents', 'target_leads', 'target_conversions', 'target_revenue_cents')
               and (e.value::text !~ '^\d{1,15}$') then e.key || ': must be a non-negative whole number'
        end as msg
        from jsonb_each(p_targets) e
      ) m where msg is not null
    )
  end
$function$;
comment on function private.kpi_targets_problem(jsonb) is 'Validates campaigns.kpi_targets; returns the problems as readable text or null.';
grant execute on function private.kpi_targets_problem(jsonb) to authenticated;
grant execute on function private.kpi_targets_problem(jsonb) to service_role;
