CREATE OR REPLACE FUNCTION private.budget_guardrail_problem(p_settings public.agent_settings, p_current bigint, p_new bigint, p_name text, p_daily boolean DEFAULT true)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  if p_daily and p_settings.max_daily_budget_cents is not null and p_new > p_settings.max_daily_budget_cents then
    return format('%s cents a day for %s is above the workspace''s ceiling of %s cents', p_new, p_name,
                  p_settings.max_daily_budget_cents);
  end if;
  if coalesce(p_current, 0) = 0 then
    return format('%s has no current budget to change by a percentage; set it by hand first', p_name);
  end if;
  if private.pct_change(p_current, p_new) > p_settings.max_budget_change_pct then
    return format('changing %s from %s to %s cents is a %s%% change, beyond the workspace''s guardrail of %s%%',
                  p_name, p_current, p_new, private.pct_change(p_current, p_new), p_settings.max_budget_change_pct);
  end if;
  return null;
end $function$;
comment on function private.budget_guardrail_problem(public.agent_settings,bigint,bigint,text,boolean) is 'Why a budget change from p_current to p_new breaks the workspace''s guardrails (percentage change, daily ceiling), or null.';
