CREATE OR REPLACE FUNCTION private.survey_counts_on_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.apply_survey_deltas(array[old.workspace_id, new.workspace_id], array[old.question_id, new.question_id],
                                      array[old.answers::text, new.answers::text], array[-1, 1],
                                      array[old.responded_at, new.responded_at]);
  return null;
end $function$;
comment on function private.survey_counts_on_update() is 'AFTER UPDATE (per row, when answers or question changed) on survey_responses: moves the response''s counts.';
