CREATE OR REPLACE FUNCTION private.claim_review_requests(p_limit integer DEFAULT 50, p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS TABLE(request_id uuid, workspace_id uuid, shopify_order_id text, order_number text, products jsonb, token text, expires_at timestamp with time zone, attempts integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
begin
  perform private.require_batch_size('review requests', p_limit, 500);
  return query
  with pick as (
    select r.id from public.review_requests r
    where r.status = 'due' and (r.claimed_until is null or r.claimed_until < now())
      and (p_workspace_id is null or r.workspace_id = p_workspace_id)
    order by r.due_at
    limit greatest(p_limit, 0)
    for update of r skip locked
  ), claimed as (
    update public.review_requests r set attempts = r.attempts + 1, claimed_until = now() + interval '5 minutes'
    from pick where r.id = pick.id
    returning r.id, r.workspace_id, r.order_id, r.shopify_product_ids, r.attempts
  ), tokens as materialized (
    select c.id, encode(extensions.gen_random_bytes(32), 'hex') as token,
           now() + make_interval(days => (private.review_settings_for(c.workspace_id)).token_ttl_days) as expires_at
    from claimed c
  ), stored as (
    insert into private.review_request_tokens as t (request_id, token_hash, expires_at)
    select k.id, extensions.digest(k.token, 'sha256'), k.expires_at from tokens k
    on conflict (request_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at,
      created_at = now()
    returning t.request_id
  )
  select c.id, c.workspace_id, o.shopify_order_id, o.order_number,
         coalesce((select jsonb_agg(jsonb_build_object('shopify_product_id', pid,
                     'title', (select p.title from public.products p
                               where p.workspace_id = c.workspace_id and p.shopify_product_id = pid
                               order by p.created_at, p.shopify_variant_id limit 1)) order by pid)
                   from unnest(c.shopify_product_ids) pid), '[]'::jsonb),
         k.token, k.expires_at, c.attempts
  from claimed c
  join tokens k on k.id = c.id
  join stored s on s.request_id = c.id
  join public.orders o on o.id = c.order_id;
end $function$;
comment on function private.claim_review_requests(integer,uuid) is 'Email dispatcher (service_role): leases up to p_limit (<= 500) due requests (of one workspace, or all) for 5 minutes and returns each with its products and a fresh verification token (shown only here; its SHA-256 is stored).';
grant execute on function private.claim_review_requests(integer,uuid) to service_role;
