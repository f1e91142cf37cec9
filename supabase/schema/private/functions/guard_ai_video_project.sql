CREATE OR REPLACE FUNCTION private.guard_ai_video_project()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  ok boolean;
  by_user boolean := private.is_end_user();
begin
  if tg_op = 'INSERT' then
    if by_user and (new.status <> 'draft' or new.result_path is not null or new.auto_generated) then
      raise exception 'a new project starts as an empty draft (status, results and auto_generated belong to the worker)'
        using errcode = '22023';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    ok := case old.status::text
      when 'draft' then new.status::text in ('planning', 'failed')
      when 'planning' then new.status::text in ('generating_voice', 'generating_images', 'failed')
      when 'generating_voice' then new.status::text in ('generating_video', 'failed')
      when 'generating_images' then new.status::text in ('generating_video', 'failed')
      when 'generating_video' then new.status::text in ('assembling', 'completed', 'failed')
      when 'assembling' then new.status::text in ('completed', 'failed')
      when 'failed' then new.status::text = 'draft'
      else false end;
    if not ok then
      raise exception 'a project cannot move from % to %', old.status, new.status using errcode = 'PT409';
    end if;
    if by_user and not ((old.status = 'draft' and new.status = 'planning') or (old.status = 'failed' and new.status = 'draft')) then
      raise exception 'only the generation worker moves a project to %', new.status using errcode = '42501';
    end if;
    new.started_at := case when new.status = 'planning' then now() when new.status = 'draft' then null else new.started_at end;
    new.completed_at := case when new.status in ('completed', 'failed') then now() else null end;
    if new.status = 'draft' then
      new.error := null;
    end if;
  elsif by_user and old.status not in ('draft', 'failed')
        and (new.title, new.goal, new.platform, new.duration_s, new.brand_kit, new.scene_plan)
            is distinct from (old.title, old.goal, old.platform, old.duration_s, old.brand_kit, old.scene_plan) then
    raise exception 'a project can be edited only while it is a draft or failed' using errcode = 'PT409';
  end if;
  if by_user and (new.result_path, new.auto_generated) is distinct from (old.result_path, old.auto_generated) then
    raise exception 'results are written by the generation worker' using errcode = '42501';
  end if;
  return new;
end $function$;
comment on function private.guard_ai_video_project() is 'BEFORE INSERT/UPDATE on ai_video_projects: the status machine (draft -> planning -> generating_voice | generating_images -> generating_video -> assembling -> completed, unfinished -> failed, failed -> draft), what members may change and when; stamps started_at/completed_at.';
