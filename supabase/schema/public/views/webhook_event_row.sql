create view public.webhook_event_row with (security_invoker=true) as
 SELECT NULL::bigint::private.bigint_not_null AS id,
    NULL::public.webhook_provider::private.webhook_provider_not_null AS provider,
    NULL::text::private.text_not_null AS topic,
    NULL::public.webhook_event_status::private.webhook_event_status_not_null AS status,
    NULL::integer::private.integer_not_null AS deliveries,
    NULL::integer::private.integer_not_null AS process_attempts,
    NULL::text AS error,
    NULL::timestamp with time zone::private.timestamptz_not_null AS received_at,
    NULL::timestamp with time zone AS processed_at
  WHERE false;
comment on view public.webhook_event_row is 'One inbound event as list_webhook_events shows it (no payload). Never null: id, provider, topic, status, deliveries, process_attempts, received_at; error and processed_at may be. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.webhook_event_row to service_role;
grant select on public.webhook_event_row to authenticated;
