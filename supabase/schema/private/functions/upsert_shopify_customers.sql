CREATE OR REPLACE FUNCTION private.upsert_shopify_customers(p_workspace_id uuid, p_customers jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  with src as (
    select distinct on (s.v ->> 'shopify_customer_id') s.v,
           private.email_sha256(s.v ->> 'email') as e_hash, private.phone_sha256(s.v ->> 'phone') as p_hash
    from jsonb_array_elements(p_customers) with ordinality s (v, i)
    order by s.v ->> 'shopify_customer_id', s.i desc
  ), up as (
    insert into public.customers as c (workspace_id, shopify_customer_id, email_sha256, phone_sha256, accepts_marketing,
                                       currency, source_updated_at)
    select p_workspace_id, s.v ->> 'shopify_customer_id', s.e_hash, s.p_hash,
           coalesce((s.v ->> 'accepts_marketing')::boolean, false), s.v ->> 'currency', (s.v ->> 'source_updated_at')::timestamptz
    from src s
    on conflict (workspace_id, shopify_customer_id) do update set
      email_sha256 = coalesce(excluded.email_sha256, c.email_sha256), phone_sha256 = coalesce(excluded.phone_sha256, c.phone_sha256),
      accepts_marketing = excluded.accepts_marketing, currency = coalesce(c.currency, excluded.currency),
      source_updated_at = excluded.source_updated_at
    where (c.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= c.source_updated_at)
      and (c.email_sha256, c.phone_sha256, c.accepts_marketing, c.source_updated_at)
          is distinct from (coalesce(excluded.email_sha256, c.email_sha256), coalesce(excluded.phone_sha256, c.phone_sha256),
                            excluded.accepts_marketing, excluded.source_updated_at)
    returning c.id, c.accepts_marketing, c.shopify_customer_id
  ), gone as (
    delete from private.customer_contacts k using up
    where k.workspace_id = p_workspace_id and k.customer_id = up.id and not up.accepts_marketing
  )
  insert into private.customer_contacts as k (workspace_id, customer_id, email, phone)
  select p_workspace_id, up.id, lower(btrim(s.v ->> 'email')), nullif(btrim(s.v ->> 'phone'), '')
  from up join src s on s.v ->> 'shopify_customer_id' = up.shopify_customer_id
  where up.accepts_marketing and (s.v ->> 'email' ~ '^[^@\s]+@[^@\s]+$' or nullif(btrim(s.v ->> 'phone'), '') is not null)
  on conflict (workspace_id, customer_id) do update set email = excluded.email, phone = excluded.phone
  where (k.email, k.phone) is distinct from (excluded.email, excluded.phone);
  return jsonb_array_length(p_customers);
end $function$;
comment on function private.upsert_shopify_customers(uuid,jsonb) is 'Upserts Shopify customers by id (hashes only), newest version wins; keeps the plaintext contact in private.customer_contacts only while the customer consents to email marketing, and drops it when consent ends. Returns how many customers were given.';
