CREATE OR REPLACE FUNCTION private.recount_agent_runs()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.agent_runs r
  set queries = c.n, input_tokens = c.input_tokens, output_tokens = c.output_tokens, cost_micros = c.cost_micros
  from (select distinct o.run_id from old_rows o) t
  cross join lateral (select count(*)::integer as n, coalesce(sum(q.input_tokens), 0) as input_tokens,
                             coalesce(sum(q.output_tokens), 0) as output_tokens, coalesce(sum(q.cost_micros), 0) as cost_micros
                      from public.agent_queries q where q.run_id = t.run_id) c
  where r.id = t.run_id;
  return null;
end $function$;
comment on function private.recount_agent_runs() is 'AFTER DELETE on agent_queries (statement): recomputes the query count, tokens and cost of the runs that lost queries (updates are refused by freeze_agent_query).';
