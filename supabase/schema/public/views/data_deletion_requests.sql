create view public.data_deletion_requests with (security_invoker=true) as
 SELECT r.id,
    r.workspace_id,
    r.user_id,
    r.source,
    r.status,
    r.requested_at,
    r.confirmation_required,
    r.confirm_by,
    r.confirmed_at,
    r.completed_at,
    r.details,
    r.error
   FROM public.privacy_requests r
  WHERE r.kind = 'erasure'::public.privacy_request_kind;
comment on view public.data_deletion_requests is 'Erasure requests from privacy_requests; RLS of the table applies.';
grant insert, select, update, delete, truncate, references, trigger on public.data_deletion_requests to service_role;
grant select on public.data_deletion_requests to authenticated;
