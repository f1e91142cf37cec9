CREATE OR REPLACE FUNCTION private.erase_review_support_contacts(p_workspace_id uuid, p_email_sha256 text[])
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n_reviews integer;
  n_tickets integer;
begin
  update public.reviews set author_email = null, author_name = 'Anonymous'
  where workspace_id = p_workspace_id and author_email is not null
    and private.email_sha256(author_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_reviews = row_count;
  delete from public.support_tickets
  where workspace_id = p_workspace_id and private.email_sha256(requester_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_tickets = row_count;
  return jsonb_build_object('reviews_anonymised', n_reviews, 'support_tickets_deleted', n_tickets);
end $function$;
comment on function private.erase_review_support_contacts(uuid,text[]) is 'GDPR erasure of shop customers (by email hash) in one workspace: anonymises their reviews and deletes their support tickets; returns the counts.';
grant execute on function private.erase_review_support_contacts(uuid,text[]) to service_role;
