CREATE OR REPLACE FUNCTION private.guard_ai_video_job()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status is distinct from old.status then
    if not ((old.status = 'pending' and new.status in ('processing', 'failed'))
         or (old.status = 'processing' and new.status in ('completed', 'failed', 'pending'))
         or (old.status = 'failed' and new.status = 'pending')) then
      raise exception 'a job cannot move from % to %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'processing' then
      new.started_at := now();
      new.attempts := old.attempts + 1;
    end if;
    new.completed_at := case when new.status in ('completed', 'failed') then now() end;
  end if;
  return new;
end $function$;
comment on function private.guard_ai_video_job() is 'BEFORE UPDATE OF status on ai_video_jobs: pending -> processing -> completed | failed (retry: back to pending); counts attempts.';
