CREATE OR REPLACE FUNCTION private.resume_jobs_on_new_credentials()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.resume_connection_jobs(new.connection_id);
  return null;
end $function$;
comment on function private.resume_jobs_on_new_credentials() is 'AFTER INSERT/UPDATE OF access_token_ciphertext on private.integration_tokens: private.resume_connection_jobs for the connection.';
