CREATE OR REPLACE FUNCTION private.confirm_erasure(p_request_id uuid, p_token text)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.privacy_requests;
begin
  select * into r from public.privacy_requests p where p.id = p_request_id and p.user_id = (select auth.uid()) for update;
  if not found or r.kind <> 'erasure' then
    raise exception 'no such erasure request' using errcode = 'PT404';
  end if;
  if r.status <> 'pending' or r.confirmed_at is not null then
    raise exception 'this request is % and needs no confirmation', r.status using errcode = 'PT409';
  end if;
  if r.confirm_by <= now() then
    raise exception 'the confirmation window has passed; make a new request' using errcode = 'PT409';
  end if;
  if not exists (select 1 from private.privacy_request_tokens t
                 where t.request_id = p_request_id and t.token_hash = extensions.digest(p_token, 'sha256')) then
    raise exception 'the confirmation token does not match' using errcode = '42501';
  end if;
  delete from private.privacy_request_tokens t where t.request_id = p_request_id;
  update public.privacy_requests p set confirmed_at = now() where p.id = p_request_id returning * into r;
  return r;
end $function$;
comment on function private.confirm_erasure(uuid,text) is 'Confirms the caller''s pending erasure with its one-time token.';
grant execute on function private.confirm_erasure(uuid,text) to authenticated;
