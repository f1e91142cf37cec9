CREATE OR REPLACE FUNCTION public.assign_experiment(p_workspace_id uuid, p_experiment_key text, p_visitor_id text, p_context jsonb DEFAULT '{}'::jsonb)
 RETURNS public.experiment_assignment_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_context is not null and (jsonb_typeof(p_context) <> 'object' or octet_length(p_context::text) > 8192) then
    raise exception 'p_context must be a JSON object of at most 8 KB' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('experiment_assign', p_workspace_id::text);
  return (select row(x.*)::public.experiment_assignment_row from private.anon_assign_experiment(p_workspace_id, p_experiment_key, p_visitor_id, coalesce(p_context, '{}')) x);
end $function$;
comment on function public.assign_experiment(uuid,text,text,jsonb) is 'Storefront (anon): the variant a visitor sees. Sticky: the same variant on every call once assigned. p_context is matched against the experiment''s targeting rules. PT404 for an unknown experiment key in the workspace, 22023 on bad input; 240 calls a minute per address and workspace (429). Answers one row (a JSON object).';
grant execute on function public.assign_experiment(uuid,text,text,jsonb) to anon;
grant execute on function public.assign_experiment(uuid,text,text,jsonb) to authenticated;
grant execute on function public.assign_experiment(uuid,text,text,jsonb) to service_role;
