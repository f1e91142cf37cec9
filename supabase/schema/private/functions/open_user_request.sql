CREATE OR REPLACE FUNCTION private.open_user_request(p_kind public.privacy_request_kind)
 RETURNS TABLE(request_id uuid, token text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  uid uuid := (select auth.uid());
  rid uuid := gen_random_uuid();
  t text;
  blocker text;
begin
  if uid is null then
    raise exception 'sign in to make a privacy request' using errcode = '42501';
  end if;
  if exists (select 1 from public.privacy_requests r
             where r.user_id = uid and r.kind = p_kind and r.status in ('pending', 'processing')) then
    raise exception 'you already have an open % request', p_kind using errcode = 'PT409';
  end if;
  if (select count(*) from public.privacy_requests r
      where r.user_id = uid and r.kind = p_kind and r.requested_at > now() - interval '24 hours') >= 3 then
    raise exception 'at most 3 % requests a day', p_kind using errcode = 'PT429';
  end if;
  if p_kind = 'erasure' then
    blocker := private.erasure_blocker(uid);
    if blocker is not null then
      raise exception '%', blocker using errcode = 'PT409';
    end if;
  end if;
  insert into public.privacy_requests (id, kind, source, user_id, requested_by, subject_sha256, confirmation_required, confirm_by)
  values (rid, p_kind, 'user', uid, uid, private.sha256_hex(uid::text), p_kind = 'erasure',
          case when p_kind = 'erasure' then now() + interval '24 hours' end);
  if p_kind = 'erasure' then
    t := encode(extensions.gen_random_bytes(32), 'hex');
    insert into private.privacy_request_tokens (request_id, token_hash) values (rid, extensions.digest(t, 'sha256'));
  end if;
  request_id := rid;
  token := t;
  return next;
end $function$;
comment on function private.open_user_request(public.privacy_request_kind) is 'Opens an export or erasure request for the signed-in user (one open per kind, 3 a day); an erasure returns its confirmation token once.';
grant execute on function private.open_user_request(public.privacy_request_kind) to authenticated;
