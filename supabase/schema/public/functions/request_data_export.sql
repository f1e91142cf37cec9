CREATE OR REPLACE FUNCTION public.request_data_export()
 RETURNS uuid
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  select r.request_id from private.open_user_request('export') r
$function$;
comment on function public.request_data_export() is 'Asks for a copy of everything held about the signed-in user. Returns the request id; the privacy worker builds the document and the request becomes completed with an export_path to download from the data-exports bucket for 7 days. PT409 when one is already open, PT429 after 3 a day.';
grant execute on function public.request_data_export() to authenticated;
grant execute on function public.request_data_export() to service_role;
