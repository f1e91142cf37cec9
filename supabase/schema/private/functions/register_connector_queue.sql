CREATE OR REPLACE FUNCTION private.register_connector_queue(p_queue text, p_function_name text, p_description text, p_lease interval DEFAULT '00:02:00'::interval, p_max_attempts integer DEFAULT 8, p_backoff_base interval DEFAULT '00:00:30'::interval, p_backoff_cap interval DEFAULT '06:00:00'::interval, p_one_per_connection boolean DEFAULT true, p_keep_done interval DEFAULT '7 days'::interval, p_keep_dead interval DEFAULT '30 days'::interval)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into private.callable_functions (name, description) values (p_function_name, p_description)
  on conflict (name) do nothing;
  insert into private.connector_queues (queue, function_name, description, lease, max_attempts, backoff_base, backoff_cap,
                                        one_per_connection, keep_done, keep_dead)
  values (p_queue, p_function_name, p_description, p_lease, p_max_attempts, p_backoff_base, p_backoff_cap,
          p_one_per_connection, p_keep_done, p_keep_dead)
  on conflict (queue) do update set function_name = excluded.function_name, description = excluded.description,
    lease = excluded.lease, max_attempts = excluded.max_attempts, backoff_base = excluded.backoff_base,
    backoff_cap = excluded.backoff_cap, one_per_connection = excluded.one_per_connection,
    keep_done = excluded.keep_done, keep_dead = excluded.keep_dead;
end $function$;
comment on function private.register_connector_queue(text,text,text,interval,integer,interval,interval,boolean,interval,interval) is 'For connectors'' migrations: registers (or re-tunes) a queue and the worker function the database may wake for it.';
