CREATE OR REPLACE FUNCTION private.start_ai_video_project()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_connector_job('ai_video', new.workspace_id, null,
    'ai_video_start:' || new.id || ':' || extract(epoch from new.started_at)::text, jsonb_build_object('project_id', new.id));
  return null;
end $function$;
comment on function private.start_ai_video_project() is 'AFTER UPDATE OF status on ai_video_projects (draft -> planning): queues the project''s start on the ai_video queue (the worker makes the script step''s row when it takes it), once per start.';
