CREATE OR REPLACE FUNCTION private.enqueue_review_request_emails(p_limit integer DEFAULT 500)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r record;
  n integer := 0;
  token text;
  link text;
begin
  for r in
    select q.id, q.workspace_id, w.name as workspace_name, c.id as contact_id, c.email, c.first_name,
           (select string_agg(coalesce(p.title, pid), ', ' order by pid) from unnest(q.shopify_product_ids) pid
            left join lateral (select p.title from public.products p
                               where p.workspace_id = q.workspace_id and p.shopify_product_id = pid limit 1) p on true) as products
    from public.review_requests q
    join public.orders o on o.id = q.order_id
    join public.workspaces w on w.id = q.workspace_id
    left join lateral (select c.id, c.email, c.first_name from public.email_contacts c
                       where c.workspace_id = q.workspace_id and private.email_sha256(c.email) = o.email_sha256
                       limit 1) c on true
    where q.status = 'due' and q.email_status is null and (q.claimed_until is null or q.claimed_until < now())
    order by q.due_at
    limit p_limit
    for update of q skip locked
  loop
    if r.email is null then
      -- no address for the order's customer (orders keep only a hash): retried, cancelled on the fifth try
      update public.review_requests set attempts = attempts + 1 where id = r.id;
      perform private.finish_review_request(r.id, false, null, 'no email address is known for the order''s customer');
      continue;
    end if;
    token := encode(extensions.gen_random_bytes(32), 'hex');
    insert into private.review_request_tokens as t (request_id, token_hash, expires_at)
    values (r.id, extensions.digest(token, 'sha256'),
            now() + make_interval(days => (private.review_settings_for(r.workspace_id)).token_ttl_days))
    on conflict (request_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at, created_at = now();
    link := private.app_url() || '/review?token=' || token;
    perform private.enqueue_email(r.workspace_id, 'review_request', 'review_request:' || r.id, r.email,
      'How was your order?',
      private.email_layout('How was your order?',
        '<p>Hi ' || private.html_escape(coalesce(r.first_name, 'there')) || ',</p><p>How do you like '
        || private.html_escape(coalesce(r.products, 'your order')) || '? Tell us in a minute:</p><p><a href="'
        || private.html_escape(link) || '">Write a review</a></p>', r.workspace_name),
      'How do you like ' || coalesce(r.products, 'your order') || '? Write a review: ' || link,
      p_review_request_id => r.id, p_email_contact_id => r.contact_id);
    update public.review_requests set email_status = 'queued', email_status_at = now(), attempts = attempts + 1
    where id = r.id;
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.enqueue_review_request_emails(integer) is 'Queues the email of up to p_limit due review requests, each with a fresh one-time token, to the contact whose address hashes to the order''s email; without one the request is retried later and cancelled on the fifth try (private.finish_review_request).';
