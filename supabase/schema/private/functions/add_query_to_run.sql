CREATE OR REPLACE FUNCTION private.add_query_to_run()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.agent_runs r set queries = r.queries + 1,
    input_tokens = r.input_tokens + new.input_tokens, output_tokens = r.output_tokens + new.output_tokens,
    cost_micros = r.cost_micros + coalesce(new.cost_micros, 0)
  where r.id = new.run_id;
  return null;
end $function$;
comment on function private.add_query_to_run() is 'AFTER INSERT on agent_queries: adds the call''s tokens and cost to its run.';
