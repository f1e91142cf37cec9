CREATE OR REPLACE FUNCTION private.guard_ceo_briefing()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  m public.ai_models;
begin
  if tg_op = 'INSERT' then
    if new.model_id is not null then
      select * into m from public.ai_models a where a.id = new.model_id;
    elsif new.generation_model is not null then
      select * into m from public.ai_models a where a.model = new.generation_model order by a.is_active desc limit 1;
    end if;
    new.model_id := m.id;
    new.cost_micros := case when m.id is not null
      then private.ai_cost_micros(m, new.generation_input_tokens, new.generation_output_tokens, 0) end;
    new.rating := null; new.feedback_notes := null; new.rated_by := null; new.rated_at := null;
    return new;
  end if;
  if (new.rating, new.feedback_notes) is distinct from (old.rating, old.feedback_notes) then
    new.rated_at := now();
    new.rated_by := case when private.is_end_user() then (select auth.uid()) else new.rated_by end;
  end if;
  return new;
end $function$;
comment on function private.guard_ceo_briefing() is 'BEFORE INSERT/UPDATE on ceo_briefings: prices the generation from the registry; a new briefing is unrated; rating or feedback stamps rated_by/rated_at from the session.';
