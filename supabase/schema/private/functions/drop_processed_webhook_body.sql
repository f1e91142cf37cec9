CREATE OR REPLACE FUNCTION private.drop_processed_webhook_body()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.payload := null;
  return new;
end $function$;
comment on function private.drop_processed_webhook_body() is 'BEFORE UPDATE on private.webhook_events when the status becomes processed or ignored: the body goes, the hash and metadata stay.';
