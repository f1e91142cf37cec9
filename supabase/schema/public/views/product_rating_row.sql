create view public.product_rating_row with (security_invoker=true) as
 SELECT NULL::text::private.text_not_null AS shopify_product_id,
    NULL::integer::private.integer_not_null AS review_count,
    NULL::numeric AS average_rating,
    NULL::integer::private.integer_not_null AS rating_1,
    NULL::integer::private.integer_not_null AS rating_2,
    NULL::integer::private.integer_not_null AS rating_3,
    NULL::integer::private.integer_not_null AS rating_4,
    NULL::integer::private.integer_not_null AS rating_5
  WHERE false;
comment on view public.product_rating_row is 'A product''s published-review summary (product_rating, product_ratings). Never null: shopify_product_id, review_count and rating_1 .. rating_5 (0 without reviews). NULL: average_rating without reviews. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.product_rating_row to service_role;
grant select on public.product_rating_row to authenticated;
