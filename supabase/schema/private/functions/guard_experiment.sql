CREATE OR REPLACE FUNCTION private.guard_experiment()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
  controls integer;
  total numeric;
begin
  if tg_op = 'DELETE' then
    -- a workspace being deleted takes its experiments along
    if old.status not in ('draft', 'archived')
       and exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
      raise exception 'experiment % is %; only draft or archived experiments can be deleted', old.key, old.status
        using errcode = 'PT409', hint = 'complete and archive it first';
    end if;
    return old;
  end if;
  if private.targeting_problem(new.targeting_rules) is not null then
    raise exception 'targeting_rules%', private.targeting_problem(new.targeting_rules) using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'a new experiment starts as a draft; add its variants, then start it' using errcode = '22023';
    end if;
    new.winner_variant_id := null;
    new.started_at := null;
    new.ended_at := null;
    return new;
  end if;

  -- UPDATE: the system fields are not the client's to set
  new.winner_variant_id := old.winner_variant_id;
  new.started_at := old.started_at;
  new.ended_at := old.ended_at;
  if new.key <> old.key and old.status <> 'draft' then
    raise exception 'the key of experiment % cannot change once it has started (it seeds the bucketing)', old.key
      using errcode = 'PT409';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if (old.status, new.status) not in (('draft', 'running'), ('draft', 'archived'), ('running', 'paused'),
                                      ('paused', 'running'), ('running', 'completed'), ('paused', 'completed'),
                                      ('completed', 'archived')) then
    raise exception 'experiment % cannot go from % to %', old.key, old.status, new.status
      using errcode = 'PT409', hint = 'draft -> running <-> paused -> completed -> archived';
  end if;
  if new.status = 'running' and old.status = 'draft' then
    select count(*), count(*) filter (where v.is_control), coalesce(sum(v.weight), 0)
      into n, controls, total
    from public.experiment_variants v where v.experiment_id = new.id;
    if n < 2 then
      raise exception 'experiment % needs at least two variants to start (it has %)', new.key, n using errcode = '22023';
    end if;
    if controls <> 1 then
      raise exception 'experiment % needs exactly one control variant to start (it has %)', new.key, controls
        using errcode = '22023';
    end if;
    if total <> 100 then
      raise exception 'the variant weights of experiment % sum to %; they must sum to 100 to start', new.key, total
        using errcode = '22023';
    end if;
    new.started_at := now();
  end if;
  if new.status = 'completed' then
    new.ended_at := now();
  end if;
  return new;
end $function$;
comment on function private.guard_experiment() is 'BEFORE INSERT/UPDATE/DELETE on experiments: the status machine (PT409), start checks on the variants (22023), valid targeting, fixed key after draft, and winner/started_at/ended_at kept from clients.';
