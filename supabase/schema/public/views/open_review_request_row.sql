create view public.open_review_request_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS workspace_id,
    NULL::text AS order_number,
    NULL::jsonb::private.jsonb_not_null AS products,
    NULL::timestamp with time zone::private.timestamptz_not_null AS expires_at
  WHERE false;
comment on view public.open_review_request_row is 'A review link''s form (open_review_request). Never null: workspace_id, products ([{shopify_product_id, title, reviewed}]), expires_at. NULL: order_number when the order has none. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.open_review_request_row to service_role;
grant select on public.open_review_request_row to authenticated;
