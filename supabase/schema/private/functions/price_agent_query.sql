CREATE OR REPLACE FUNCTION private.price_agent_query()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  m public.ai_models;
begin
  if new.model_id is not null then
    select * into m from public.ai_models a where a.id = new.model_id;
  else
    select * into m from public.ai_models a where a.provider = new.provider and a.model = new.model;
  end if;
  new.model_id := m.id;
  new.cost_micros := case when m.id is not null
    then private.ai_cost_micros(m, new.input_tokens, new.output_tokens, new.cached_input_tokens) end;
  new.request := private.redact_jsonb(new.request);
  new.response := private.redact_jsonb(new.response);
  return new;
end $function$;
comment on function private.price_agent_query() is 'BEFORE INSERT on agent_queries: prices the call from the registry and redacts request and response.';
