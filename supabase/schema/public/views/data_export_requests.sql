create view public.data_export_requests with (security_invoker=true) as
 SELECT r.id,
    r.workspace_id,
    r.user_id,
    r.source,
    r.status,
    r.requested_at,
    r.started_at,
    r.completed_at,
    r.export_path,
    r.export_bytes,
    r.download_expires_at,
    r.error
   FROM public.privacy_requests r
  WHERE r.kind = 'export'::public.privacy_request_kind;
comment on view public.data_export_requests is 'Export requests from privacy_requests; RLS of the table applies.';
grant insert, select, update, delete, truncate, references, trigger on public.data_export_requests to service_role;
grant select on public.data_export_requests to authenticated;
