CREATE OR REPLACE FUNCTION public.start_yotpo_import(p_connection_id uuid)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  return private.start_yotpo_import(p_connection_id);
end $function$;
comment on function public.start_yotpo_import(uuid) is 'Admins: import the Yotpo connection''s reviews again (already imported reviews are updated, never duplicated). Returns the job id. PT404 unknown connection, 42501 not an admin.';
grant execute on function public.start_yotpo_import(uuid) to authenticated;
grant execute on function public.start_yotpo_import(uuid) to service_role;
