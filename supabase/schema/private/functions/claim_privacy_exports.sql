CREATE OR REPLACE FUNCTION private.claim_privacy_exports(p_limit integer DEFAULT 5)
 RETURNS TABLE(request_id uuid, bucket text, object_path text, document jsonb)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.privacy_requests;
begin
  for r in
    select * from public.privacy_requests p
    where p.kind = 'export'
      and (p.status = 'pending' or (p.status = 'processing' and p.started_at < now() - interval '15 minutes'))
    order by p.requested_at
    limit greatest(least(p_limit, 50), 1)
    for update skip locked
  loop
    if r.status = 'processing' and r.attempts >= 5 then
      update public.privacy_requests set status = 'failed', error = 'the export did not finish in 5 attempts' where id = r.id;
      continue;
    end if;
    update public.privacy_requests p set status = 'processing', started_at = now(), attempts = p.attempts + 1,
      export_path = case when r.workspace_id is null then 'account/' || r.id || '.json'
                         else r.workspace_id || '/privacy/' || r.id || '.json' end
    where p.id = r.id
    returning p.export_path into object_path;
    request_id := r.id;
    bucket := 'data-exports';
    document := case when r.user_id is not null then private.build_user_export(r.user_id)
                     when r.workspace_id is not null then private.build_customer_export(r.workspace_id, r.subject || r.details)
                end;
    return next;
  end loop;
end $function$;
comment on function private.claim_privacy_exports(integer) is 'Worker step: takes up to p_limit (max 50) pending exports, marks them processing and returns each document with the object path to store it at.';
grant execute on function private.claim_privacy_exports(integer) to service_role;
