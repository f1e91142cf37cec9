CREATE OR REPLACE FUNCTION private.apply_fairing_page(p_job_id bigint, p_lease_id uuid, p_questions jsonb, p_responses jsonb, p_progress jsonb, p_api_calls integer DEFAULT 1)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, 'fairing');
  r record;
begin
  select * into r from public.import_survey(j.workspace_id, coalesce(p_questions, '[]'), coalesce(p_responses, '[]'),
                                            left(p_progress ->> 'cursor', 1000), 'fairing');
  perform private.count_analytics_page(j, p_api_calls, r.questions_upserted + r.responses_inserted + r.responses_updated);
  return r.responses_inserted + r.responses_updated;
end $function$;
comment on function private.apply_fairing_page(bigint,uuid,jsonb,jsonb,jsonb,integer) is 'The analytics sync''s apply for Fairing: under the job''s lease, writes one page of questions and responses through public.import_survey (source fairing, idempotent by Fairing''s ids; the page cursor kept in survey_sync_state) to the job''s workspace and counts it in the run. Returns responses inserted or changed.';
grant execute on function private.apply_fairing_page(bigint,uuid,jsonb,jsonb,jsonb,integer) to service_role;
