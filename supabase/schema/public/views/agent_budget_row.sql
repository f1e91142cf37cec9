create view public.agent_budget_row with (security_invoker=true) as
 SELECT NULL::bigint::private.agent_budget_micros AS monthly_budget_micros,
    NULL::bigint::private.agent_budget_micros AS spent_micros,
    NULL::bigint::private.agent_budget_micros AS remaining_micros,
    NULL::date::private.agent_budget_day AS period_start,
    NULL::date::private.agent_budget_day AS renews_on,
    NULL::boolean::private.agent_budget_flag AS exhausted
  WHERE false;
comment on view public.agent_budget_row is 'agent_budget''s single row: the month''s AI budget, what model calls cost so far and what is left (micros of USD), the period and whether new runs are refused. The row type of the RPC (no rows of its own): every column is a NOT NULL domain, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.agent_budget_row to service_role;
grant select on public.agent_budget_row to authenticated;
