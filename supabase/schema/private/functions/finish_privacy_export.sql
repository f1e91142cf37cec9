CREATE OR REPLACE FUNCTION private.finish_privacy_export(p_request_id uuid, p_bytes bigint, p_error text DEFAULT NULL::text)
 RETURNS public.privacy_request_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.privacy_requests;
begin
  select * into r from public.privacy_requests p where p.id = p_request_id for update;
  if not found or r.status <> 'processing' or r.kind <> 'export' then
    raise exception 'no export in processing with id %', p_request_id using errcode = 'PT409';
  end if;
  if p_error is null then
    update public.privacy_requests set status = 'completed', export_bytes = p_bytes, error = null,
      download_expires_at = now() + interval '7 days'
    where id = p_request_id;
    if r.workspace_id is not null then
      perform private.enqueue_webhook_event(r.workspace_id, 'privacy_request.completed',
        jsonb_build_object('id', r.id, 'kind', r.kind, 'source', r.source, 'export_path', r.export_path,
                           'download_expires_at', now() + interval '7 days'));
    end if;
    return 'completed'::public.privacy_request_status;
  end if;
  update public.privacy_requests set status = case when r.attempts >= 5 then 'failed' else 'pending' end::public.privacy_request_status,
    error = left(p_error, 2000)
  where id = p_request_id;
  return case when r.attempts >= 5 then 'failed' else 'pending' end::public.privacy_request_status;
end $function$;
comment on function private.finish_privacy_export(uuid,bigint,text) is 'Worker step: the document is stored (completed, 7-day download, privacy_request.completed webhook for shop requests) or the upload failed (retried up to 5 attempts, then failed).';
grant execute on function private.finish_privacy_export(uuid,bigint,text) to service_role;
