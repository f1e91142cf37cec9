create view public.product_reviews_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS id,
    NULL::text::private.text_not_null AS shopify_product_id,
    NULL::smallint::private.smallint_not_null AS rating,
    NULL::text AS title,
    NULL::text::private.text_not_null AS body,
    NULL::text::private.text_not_null AS author_name,
    NULL::boolean::private.boolean_not_null AS verified_purchase,
    NULL::integer::private.integer_not_null AS helpful_count,
    NULL::integer::private.integer_not_null AS unhelpful_count,
    NULL::timestamp with time zone::private.timestamptz_not_null AS submitted_at,
    NULL::text AS response_body,
    NULL::text AS response_author_name,
    NULL::timestamp with time zone AS responded_at,
    NULL::jsonb::private.jsonb_not_null AS media
  WHERE false;
comment on view public.product_reviews_row is 'A published review as the storefront sees it (product_reviews): no email, order, status or moderation data. Never null: id, shopify_product_id, rating, body, author_name, verified_purchase, helpful_count, unhelpful_count, submitted_at, media (an array of {playback_id, duration_seconds, aspect_ratio}, empty without ready videos). NULL: title when none was given; response_* without a store reply. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.product_reviews_row to service_role;
grant select on public.product_reviews_row to authenticated;
