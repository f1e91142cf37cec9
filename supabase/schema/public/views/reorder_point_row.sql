create view public.reorder_point_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS product_id,
    NULL::text AS sku,
    NULL::text::private.text_not_null AS title,
    NULL::integer AS on_hand,
    NULL::numeric AS reorder_point,
    NULL::numeric AS weeks_of_supply
  WHERE false;
comment on view public.reorder_point_row is 'A SKU below its reorder point. product_id and title never null; sku NULL for variants without one, on_hand without a snapshot, reorder_point without a lead time, weeks_of_supply without demand. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.reorder_point_row to service_role;
grant select on public.reorder_point_row to authenticated;
