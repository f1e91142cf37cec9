CREATE OR REPLACE FUNCTION private.guard_ops_incident()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  actor uuid := case when private.is_end_user() then (select auth.uid()) end;
begin
  if new.commander_id is not null and (tg_op = 'INSERT' or new.commander_id is distinct from old.commander_id)
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = new.workspace_id and m.user_id = new.commander_id) then
    raise exception 'the incident commander must be a member of the workspace' using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'investigating' then
      raise exception 'an incident starts investigating' using errcode = '22023';
    end if;
    new.identified_at := null;
    new.resolved_at := null;
    new.timeline := jsonb_build_array(jsonb_build_object('at', now(), 'status', new.status, 'by', actor));
    return new;
  end if;
  if new.timeline is distinct from old.timeline or new.identified_at is distinct from old.identified_at
     or new.resolved_at is distinct from old.resolved_at or new.started_at is distinct from old.started_at then
    raise exception 'timeline and timestamps are kept by the status workflow' using errcode = '42501';
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if not (old.status = 'investigating' and new.status in ('identified', 'monitoring', 'resolved')
          or old.status = 'identified' and new.status in ('monitoring', 'resolved')
          or old.status = 'monitoring' and new.status in ('identified', 'resolved')
          or old.status = 'resolved' and new.status = 'investigating') then
    raise exception 'an incident that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'investigating -> identified | monitoring | resolved; identified -> monitoring | resolved; monitoring -> identified | resolved; resolved -> investigating';
  end if;
  if new.status = 'identified' then
    new.identified_at := coalesce(old.identified_at, now());
  end if;
  new.resolved_at := case when new.status = 'resolved' then now() end;
  new.timeline := old.timeline || jsonb_build_array(jsonb_build_object('at', now(), 'status', new.status, 'by', actor));
  return new;
end $function$;
comment on function private.guard_ops_incident() is 'BEFORE INSERT/UPDATE on ops_incidents: the commander is a member of the workspace; enforces the status workflow, stamps identified_at/resolved_at and appends each change to timeline.';
