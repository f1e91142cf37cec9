create table public.webhook_event_types (
  name text not null,
  description text not null,
  constraint "webhook_event_types_pkey" PRIMARY KEY (name),
  constraint "webhook_event_types_name_check" CHECK ((name ~ '^[a-z_]+\.[a-z_]+$'::text))
);
comment on table public.webhook_event_types is 'Events outbound webhook endpoints may subscribe to. Readable by every signed-in user; each domain''s migration adds its own.';

alter table public.webhook_event_types enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.webhook_event_types to service_role;
grant select on public.webhook_event_types to authenticated;

create policy "signed-in users read the event types" on public.webhook_event_types for select to authenticated
  using (true);
