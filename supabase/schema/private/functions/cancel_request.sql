CREATE OR REPLACE FUNCTION private.cancel_request(p_request_id uuid)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.privacy_requests;
begin
  update public.privacy_requests p set status = 'rejected', details = p.details || '{"reason": "cancelled by the user"}'
  where p.id = p_request_id and p.user_id = (select auth.uid()) and p.status = 'pending'
  returning * into r;
  if not found then
    if exists (select 1 from public.privacy_requests p where p.id = p_request_id and p.user_id = (select auth.uid())) then
      raise exception 'only a pending request can be cancelled' using errcode = 'PT409';
    end if;
    raise exception 'no such privacy request' using errcode = 'PT404';
  end if;
  delete from private.privacy_request_tokens t where t.request_id = p_request_id;
  return r;
end $function$;
comment on function private.cancel_request(uuid) is 'Cancels the caller''s own pending request (it becomes rejected).';
grant execute on function private.cancel_request(uuid) to authenticated;
