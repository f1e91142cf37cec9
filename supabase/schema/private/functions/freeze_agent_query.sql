CREATE OR REPLACE FUNCTION private.freeze_agent_query()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  -- Only a foreign key's ON DELETE SET NULL may touch a logged call (its agent, run or model went).
  if to_jsonb(new) - '{agent_id,run_id,model_id}'::text[] <> to_jsonb(old) - '{agent_id,run_id,model_id}'::text[]
     or new.agent_id is distinct from old.agent_id and new.agent_id is not null
     or new.run_id is distinct from old.run_id and new.run_id is not null
     or new.model_id is distinct from old.model_id and new.model_id is not null then
    raise exception 'agent queries are an append-only log' using errcode = '42501';
  end if;
  return new;
end $function$;
comment on function private.freeze_agent_query() is 'BEFORE UPDATE on agent_queries: the log is append-only (cost and redaction happen once, on insert); only clearing a deleted agent, run or model is allowed.';
