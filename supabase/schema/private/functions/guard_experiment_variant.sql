CREATE OR REPLACE FUNCTION private.guard_experiment_variant()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  st public.experiment_status;
  exp_key text;
begin
  select e.status, e.key into st, exp_key from public.experiments e
  where e.id = case when tg_op = 'DELETE' then old.experiment_id else new.experiment_id end;
  if not found or st = 'draft' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op in ('INSERT', 'DELETE')
     or new.key <> old.key or new.weight <> old.weight or new.is_control <> old.is_control
     or new.experiment_id <> old.experiment_id then
    raise exception 'experiment % is %: its variants cannot be added, removed, renamed or reweighted', exp_key, st
      using errcode = 'PT409', hint = 'only name, url and config can change after the start';
  end if;
  return new;
end $function$;
comment on function private.guard_experiment_variant() is 'BEFORE INSERT/UPDATE/DELETE on experiment_variants: key, weight and control change only while the experiment is a draft (PT409).';
