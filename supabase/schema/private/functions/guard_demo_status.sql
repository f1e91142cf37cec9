CREATE OR REPLACE FUNCTION private.guard_demo_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    if new.status = 'published' then
      raise exception 'create the demo as a draft, add its videos, then publish it' using errcode = 'PT409';
    end if;
    new.archived_at := case when new.status = 'archived' then now() end;
    return new;
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if not ((old.status = 'draft' and new.status in ('published', 'archived'))
       or (old.status = 'published' and new.status in ('draft', 'archived'))
       or (old.status = 'archived' and new.status = 'draft')) then
    raise exception 'a demo cannot move from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  if new.status = 'published' and not exists (select 1 from public.demo_videos v where v.demo_id = new.id) then
    raise exception 'add at least one video before publishing the demo' using errcode = 'PT409';
  end if;
  new.published_at := case when new.status = 'published' then now() else new.published_at end;
  new.archived_at := case when new.status = 'archived' then now() end;
  return new;
end $function$;
comment on function private.guard_demo_status() is 'BEFORE INSERT/UPDATE on demos: draft -> published | archived, published -> draft | archived, archived -> draft (PT409 otherwise); publishing needs a video.';
