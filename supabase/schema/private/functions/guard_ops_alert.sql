CREATE OR REPLACE FUNCTION private.guard_ops_alert()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  signed_in boolean := private.is_end_user();
begin
  if tg_op = 'INSERT' then
    if new.status <> 'open' then
      raise exception 'an alert starts open' using errcode = '22023';
    end if;
    new.acknowledged_by := null; new.acknowledged_at := null; new.resolved_by := null; new.resolved_at := null;
    return new;
  end if;
  if new.status is not distinct from old.status then
    if (new.acknowledged_by, new.acknowledged_at, new.resolved_by, new.resolved_at)
       is distinct from (old.acknowledged_by, old.acknowledged_at, old.resolved_by, old.resolved_at) then
      raise exception 'acknowledgement and resolution are recorded by changing the status' using errcode = 'PT409';
    end if;
    return new;
  end if;
  if not (old.status = 'open' and new.status in ('acknowledged', 'resolved')
          or old.status = 'acknowledged' and new.status = 'resolved'
          or old.status = 'resolved' and new.status = 'open') then
    raise exception 'an alert that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'open -> acknowledged | resolved; acknowledged -> resolved; resolved -> open';
  end if;
  if new.status = 'acknowledged' then
    new.acknowledged_at := now();
    new.acknowledged_by := case when signed_in then (select auth.uid()) else new.acknowledged_by end;
  elsif new.status = 'resolved' then
    new.resolved_at := now();
    new.resolved_by := case when signed_in then (select auth.uid()) else new.resolved_by end;
  else
    new.acknowledged_at := null; new.acknowledged_by := null; new.resolved_at := null; new.resolved_by := null;
  end if;
  return new;
end $function$;
comment on function private.guard_ops_alert() is 'BEFORE INSERT/UPDATE on ops_alerts: alerts start open; open -> acknowledged | resolved, acknowledged -> resolved, resolved -> open; who and when come from the session.';
