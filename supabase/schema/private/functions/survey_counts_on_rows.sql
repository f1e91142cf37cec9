CREATE OR REPLACE FUNCTION private.survey_counts_on_rows()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.apply_survey_deltas(array_agg(c.workspace_id), array_agg(c.question_id), array_agg(c.answers::text),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end), array_agg(c.responded_at))
  from changed_rows c
  having count(*) > 0;
  return null;
end $function$;
comment on function private.survey_counts_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on survey_responses: counts the new responses, or uncounts the deleted ones.';
