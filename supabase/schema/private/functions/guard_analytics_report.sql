CREATE OR REPLACE FUNCTION private.guard_analytics_report()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    new.status := 'pending';
    new.results := null;
    new.generated_at := null;
    return new;
  end if;
  if new.status is distinct from old.status then
    if not (old.status = 'pending' and new.status = 'generating'
            or old.status = 'generating' and new.status in ('ready', 'failed')
            or old.status = 'failed' and new.status = 'pending') then
      raise exception 'a report that is % cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if private.is_end_user() and not (old.status = 'failed' and new.status = 'pending') then
      raise exception 'the report generator moves reports; you can retry a failed one' using errcode = '42501';
    end if;
    if new.status = 'ready' then
      new.generated_at := now();
    end if;
  end if;
  return new;
end $function$;
comment on function private.guard_analytics_report() is 'BEFORE INSERT/UPDATE on analytics_reports: requests start pending; pending -> generating -> ready | failed, failed -> pending; signed-in users may only retry.';
