CREATE OR REPLACE FUNCTION private.cancel_review_request(p_request_id uuid)
 RETURNS public.review_requests
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.review_requests;
begin
  select * into r from public.review_requests where id = p_request_id for update;
  if not found or (private.is_end_user()
                   and not r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'review request % not found', p_request_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(r.workspace_id, 'member');
  end if;
  if r.status in ('completed', 'cancelled', 'expired') then
    raise exception 'this review request is already %', r.status using errcode = 'PT409';
  end if;
  update public.review_requests set status = 'cancelled', cancel_reason = 'cancelled by a member'
  where id = p_request_id returning * into r;
  return r;
end $function$;
comment on function private.cancel_review_request(uuid) is 'Cancels an open review request (members of its workspace, or service_role); its token stops working.';
grant execute on function private.cancel_review_request(uuid) to authenticated;
grant execute on function private.cancel_review_request(uuid) to service_role;
