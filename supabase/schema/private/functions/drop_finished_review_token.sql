CREATE OR REPLACE FUNCTION private.drop_finished_review_token()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from private.review_request_tokens where request_id = new.id;
  return null;
end $function$;
comment on function private.drop_finished_review_token() is 'AFTER UPDATE on review_requests: deletes the token of a completed or cancelled request.';
